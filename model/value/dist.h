/* dist.h: an assumption that is a constant or a distribution.
 *
 * Spellings (numbers in the driver's unit):
 *   2.5                        a constant
 *   uniform(a, b)              a <= b
 *   triangular(min, mode, max) min <= mode <= max
 *   lognormal(p5, p95)         0 < p5 < p95: the 5th and 95th percentiles
 *   normal(mean, sd)           sd >= 0, truncated at 0 (no negative draws)
 *
 * Every distribution is sampled by inverting its CDF at a uniform draw from
 * the caller's gsl_rng, so quantiles (for sensitivity) and samples agree. */
#ifndef CC_DIST_H
#define CC_DIST_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef enum
{
  CC_DIST_CONST,
  CC_DIST_UNIFORM,
  CC_DIST_TRIANGULAR,
  CC_DIST_LOGNORMAL,
  CC_DIST_NORMAL
} cc_dist_kind;

typedef struct
{
  cc_dist_kind kind;
  double p[3];          /* the parameters as written */
  double mu, sigma;     /* lognormal: of ln X; normal: mean, sd */
  double lo_cdf;        /* normal: P(X < 0) before truncation */
} cc_dist;

/* Parse SPEC.  Returns 0, or -1 with a reason in WHY (e.g. "lognormal
 * needs p5 < p95"). */
int cc_dist_parse (const char *spec, cc_dist *d, char *why, size_t whylen);

/* The quantile at probability P in [0, 1]. */
double cc_dist_quantile (const cc_dist *d, double p);

/* One draw: the quantile at a uniform variate from R. */
double cc_dist_sample (const cc_dist *d, gsl_rng *r);

/* Is it a constant (no range)? */
int cc_dist_is_const (const cc_dist *d);

/* Write the distribution back as text, e.g. "triangular(20, 40, 80)". */
void cc_dist_format (const cc_dist *d, char *buf, size_t size);

#endif
