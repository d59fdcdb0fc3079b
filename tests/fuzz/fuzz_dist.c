/* fuzz_dist: the distribution-spec parser (cc_dist_parse), then every use
 * of a parsed spec: quantiles, a draw and formatting it back. */
#include <config.h>

#include <gsl/gsl_rng.h>
#include <math.h>

#include "value/dist.h"
#include "fuzz.h"

static gsl_rng *rng;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  rng = gsl_rng_alloc (gsl_rng_mt19937);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *spec = malloc (size + 1), why[256], buf[256];
  cc_dist d;
  if (spec == NULL)
    return 0;
  memcpy (spec, data, size);
  spec[size] = '\0';
  why[0] = '\0';
  if (cc_dist_parse (spec, &d, why, sizeof why) == 0)
    {
      static const double p[] = { 0, 1e-300, 0.05, 0.5, 0.95, 1 - 1e-16, 1 };
      size_t i;
      for (i = 0; i < sizeof p / sizeof p[0]; i++)
        (void) cc_dist_quantile (&d, p[i]);
      (void) cc_dist_sample (&d, rng);
      (void) cc_dist_is_const (&d);
      cc_dist_format (&d, buf, sizeof buf);
      cc_dist_format (&d, buf, 8);
    }
  else if (why[0] == '\0')
    abort ();   /* a refusal must say why */
  free (spec);
  return 0;
}
