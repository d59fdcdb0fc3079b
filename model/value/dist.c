/* dist.c: parsing, quantiles and sampling of assumption distributions. */
#include <config.h>

#include <ctype.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "value/dist.h"

/* Read one number at *s, skipping white space around it; advance *s past
   it.  The number runs to the next ',', ')', white space or the end. */
static int
read_number (const char **s, double *v)
{
  size_t n;
  while (isspace ((unsigned char) **s))
    (*s)++;
  for (n = 0; (*s)[n] != '\0' && (*s)[n] != ',' && (*s)[n] != ')'
              && !isspace ((unsigned char) (*s)[n]); n++)
    ;
  if (cc_num_parse_n (*s, n, v) != 0)
    return -1;
  *s += n;
  while (isspace ((unsigned char) **s))
    (*s)++;
  return 0;
}

int
cc_dist_parse (const char *spec, cc_dist *d, char *why, size_t whylen)
{
  static const struct { const char *name; cc_dist_kind kind; int np; } forms[] = {
    { "uniform", CC_DIST_UNIFORM, 2 },
    { "triangular", CC_DIST_TRIANGULAR, 3 },
    { "lognormal", CC_DIST_LOGNORMAL, 2 },
    { "normal", CC_DIST_NORMAL, 2 },
  };
  const char *s = spec;
  size_t i, n;
  int k;

  memset (d, 0, sizeof *d);
  while (isspace ((unsigned char) *s))
    s++;
  if (isdigit ((unsigned char) *s) || *s == '.' || *s == '-' || *s == '+')
    {
      if (read_number (&s, &d->p[0]) != 0 || *s != '\0')
        {
          snprintf (why, whylen, "'%s' is not a number", spec);
          return -1;
        }
      d->kind = CC_DIST_CONST;
      return 0;
    }
  for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
    {
      n = strlen (forms[i].name);
      if (strncmp (s, forms[i].name, n) == 0 && s[n] == '(')
        break;
    }
  if (i == sizeof forms / sizeof forms[0])
    {
      snprintf (why, whylen, "'%s' is not a number or one of uniform(a,b), "
                "triangular(min,mode,max), lognormal(p5,p95), "
                "normal(mean,sd)", spec);
      return -1;
    }
  d->kind = forms[i].kind;
  s += strlen (forms[i].name) + 1;
  for (k = 0; k < forms[i].np; k++)
    {
      if (read_number (&s, &d->p[k]) != 0
          || *s != (k + 1 < forms[i].np ? ',' : ')'))
        {
          snprintf (why, whylen, "%s needs %d numbers in parentheses, "
                    "separated by commas: '%s'", forms[i].name, forms[i].np,
                    spec);
          return -1;
        }
      s++;
    }
  while (isspace ((unsigned char) *s))
    s++;
  if (*s != '\0')
    {
      snprintf (why, whylen, "text after the closing parenthesis in '%s'", spec);
      return -1;
    }
  switch (d->kind)
    {
    case CC_DIST_UNIFORM:
      if (!(d->p[0] <= d->p[1]))
        {
          snprintf (why, whylen, "uniform(a, b) needs a <= b: '%s'", spec);
          return -1;
        }
      break;
    case CC_DIST_TRIANGULAR:
      if (!(d->p[0] <= d->p[1] && d->p[1] <= d->p[2]) || !(d->p[0] < d->p[2]))
        {
          snprintf (why, whylen, "triangular(min, mode, max) needs min <= "
                    "mode <= max and min < max: '%s'", spec);
          return -1;
        }
      break;
    case CC_DIST_LOGNORMAL:
      if (!(d->p[0] > 0 && d->p[0] < d->p[1]))
        {
          snprintf (why, whylen, "lognormal(p5, p95) needs 0 < p5 < p95: '%s'",
                    spec);
          return -1;
        }
      /* ln X is normal; p5 and p95 sit 1.645 sd either side of its mean. */
      d->mu = 0.5 * (log (d->p[0]) + log (d->p[1]));
      d->sigma = (log (d->p[1]) - log (d->p[0]))
                 / (2 * gsl_cdf_ugaussian_Pinv (0.95));
      break;
    case CC_DIST_NORMAL:
      if (!(d->p[1] >= 0))
        {
          snprintf (why, whylen, "normal(mean, sd) needs sd >= 0: '%s'", spec);
          return -1;
        }
      if (!(d->p[0] > 0 || d->p[1] > 0))
        {
          snprintf (why, whylen, "normal(mean, sd) truncated at 0 needs a "
                    "positive mean or sd: '%s'", spec);
          return -1;
        }
      d->mu = d->p[0];
      d->sigma = d->p[1];
      d->lo_cdf = d->sigma > 0 ? gsl_cdf_ugaussian_P (-d->mu / d->sigma) : 0;
      break;
    default:
      break;
    }
  return 0;
}

double
cc_dist_quantile (const cc_dist *d, double p)
{
  double a = d->p[0], m = d->p[1], b = d->p[2], fc;

  p = p < 0 ? 0 : p > 1 ? 1 : p;
  switch (d->kind)
    {
    case CC_DIST_CONST:
      return a;
    case CC_DIST_UNIFORM:
      return a + p * (m - a);
    case CC_DIST_TRIANGULAR:
      fc = (m - a) / (b - a);
      return p < fc ? a + sqrt (p * (b - a) * (m - a))
                    : b - sqrt ((1 - p) * (b - a) * (b - m));
    case CC_DIST_LOGNORMAL:
      if (p <= 0)
        return 0;
      if (p >= 1)
        return GSL_POSINF;
      return exp (d->mu + d->sigma * gsl_cdf_ugaussian_Pinv (p));
    case CC_DIST_NORMAL:
      if (d->sigma == 0)
        return d->mu;
      /* Truncated at 0: map p into the part of the CDF above 0. */
      p = d->lo_cdf + p * (1 - d->lo_cdf);
      if (p >= 1)
        return GSL_POSINF;
      return fmax (0.0, d->mu + d->sigma * gsl_cdf_ugaussian_Pinv (p));
    }
  return GSL_NAN;
}

double
cc_dist_sample (const cc_dist *d, gsl_rng *r)
{
  if (d->kind == CC_DIST_CONST)
    return d->p[0];
  /* gsl_rng_uniform_pos never returns 0, so quantiles stay finite. */
  return cc_dist_quantile (d, gsl_rng_uniform_pos (r));
}

int
cc_dist_is_const (const cc_dist *d)
{
  return d->kind == CC_DIST_CONST
         || (d->kind == CC_DIST_UNIFORM && d->p[0] == d->p[1])
         || (d->kind == CC_DIST_NORMAL && d->sigma == 0);
}

void
cc_dist_format (const cc_dist *d, char *buf, size_t size)
{
  switch (d->kind)
    {
    case CC_DIST_CONST:
      snprintf (buf, size, "%g", d->p[0]);
      break;
    case CC_DIST_UNIFORM:
      snprintf (buf, size, "uniform(%g, %g)", d->p[0], d->p[1]);
      break;
    case CC_DIST_TRIANGULAR:
      snprintf (buf, size, "triangular(%g, %g, %g)", d->p[0], d->p[1], d->p[2]);
      break;
    case CC_DIST_LOGNORMAL:
      snprintf (buf, size, "lognormal(%g, %g)", d->p[0], d->p[1]);
      break;
    case CC_DIST_NORMAL:
      snprintf (buf, size, "normal(%g, %g)", d->p[0], d->p[1]);
      break;
    }
}
