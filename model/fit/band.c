/* band.c: a fitted series' prediction band to a month, for the fan chart. */
#include <config.h>

#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "fit/band.h"
#include "fit/interval.h"

static int
band_alloc (cc_fitband *b, size_t h)
{
  b->h = h;
  b->month = malloc (h * sizeof *b->month);
  b->median = malloc (h * sizeof *b->median);
  b->lo_narrow = malloc (h * sizeof *b->lo_narrow);
  b->hi_narrow = malloc (h * sizeof *b->hi_narrow);
  b->lo_wide = malloc (h * sizeof *b->lo_wide);
  b->hi_wide = malloc (h * sizeof *b->hi_wide);
  return b->month && b->median && b->lo_narrow && b->hi_narrow && b->lo_wide
         && b->hi_wide;
}

size_t
cc_fit_band_months (const cc_series *s, long end_month)
{
  long last = s->month[s->n - 1];
  return end_month > last ? (size_t) (end_month - last) : 1;
}

int
cc_fit_band (const cc_fit *fit, const cc_series *s, long end_month,
             const double *levels, size_t nlevels, size_t draws,
             unsigned long seed, cc_fitband *b, cc_err *err)
{
  cc_band *band = NULL;
  cc_pi_ws *pw = NULL;
  gsl_rng *rng = NULL;
  double *xf = NULL;
  cc_pi_opts po;
  cc_fit_opts fo;
  size_t h, i, il = 0, ih = 0, L = nlevels;
  long last;
  int rc = CC_OK;

  memset (b, 0, sizeof *b);
  if (s->n == 0 || s->month == NULL || L == 0 || L > CC_PI_MAXLEVEL
      || draws == 0)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "cc_fit_band: a monthly series, 1 to %d levels and "
                       "some draws are needed", CC_PI_MAXLEVEL);
  last = s->month[s->n - 1];
  h = cc_fit_band_months (s, end_month);
  xf = malloc (h * sizeof *xf);
  band = cc_band_alloc (h, L);
  pw = cc_pi_ws_alloc (draws, h, s->n);
  rng = gsl_rng_alloc (gsl_rng_mt19937);
  if (!band_alloc (b, h) || !xf || !band || !pw || !rng)
    {
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto done;
    }
  for (i = 0; i < h; i++)
    {
      b->month[i] = last + 1 + (long) i;
      xf[i] = (double) (b->month[i] - s->first + 1);
    }
  /* The narrowest and widest levels (the first of equals). */
  for (i = 1; i < L; i++)
    {
      if (levels[i] < levels[il])
        il = i;
      if (levels[i] > levels[ih])
        ih = i;
    }
  b->level_narrow = levels[il];
  b->level_wide = levels[ih];
  memset (&po, 0, sizeof po);
  po.method = CC_PI_MC;
  po.draws = draws;
  po.nlevel = L;
  memcpy (po.level, levels, L * sizeof po.level[0]);
  gsl_rng_set (rng, seed);
  po.rng = rng;
  memset (&fo, 0, sizeof fo);
  fo.scale = fit->scale;
  fo.constrain = 1;
  if ((rc = cc_pi_compute (fit, &fo, s->x, s->y, s->n, xf, h, &po, pw, band,
                           err)) != CC_OK)
    goto done;
  for (i = 0; i < h; i++)
    {
      b->median[i] = band->p50[i];
      b->lo_narrow[i] = band->lo[i * L + il];
      b->hi_narrow[i] = band->hi[i * L + il];
      b->lo_wide[i] = band->lo[i * L + ih];
      b->hi_wide[i] = band->hi[i * L + ih];
    }
done:
  cc_band_free (band);
  cc_pi_ws_free (pw);
  gsl_rng_free (rng);
  free (xf);
  return rc;
}

void
cc_fitband_free (cc_fitband *b)
{
  free (b->month);
  free (b->median);
  free (b->lo_narrow);
  free (b->hi_narrow);
  free (b->lo_wide);
  free (b->hi_wide);
  memset (b, 0, sizeof *b);
}
