/* test_dist.c: assumption distributions: parsing, quantiles, sampling. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>

#include "value/dist.h"
#include "tap.h"

#define N 100000

/* Empirical P10 and P90 of N draws. */
static void
empirical (const cc_dist *d, gsl_rng *r, double *p10, double *p90)
{
  static double x[N];
  size_t i;
  for (i = 0; i < N; i++)
    x[i] = cc_dist_sample (d, r);
  gsl_sort (x, 1, N);
  *p10 = gsl_stats_quantile_from_sorted_data (x, 1, N, 0.10);
  *p90 = gsl_stats_quantile_from_sorted_data (x, 1, N, 0.90);
}

static void
bad (const char *spec, const char *want)
{
  cc_dist d;
  char why[256] = "";
  is_int (cc_dist_parse (spec, &d, why, sizeof why), -1, "'%s' refused", spec);
  has_str (why, want, "'%s': reason given", spec);
}

int
main (void)
{
  cc_dist d;
  char why[256], txt[128];
  gsl_rng *r;
  double p10, p90, a, b;

  gsl_set_error_handler_off ();
  r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20260219);

  is_int (cc_dist_parse ("2.5", &d, why, sizeof why), 0, "constant parses");
  ok (cc_dist_is_const (&d), "constant is constant");
  is_near (cc_dist_sample (&d, r), 2.5, 0, "constant samples itself");

  is_int (cc_dist_parse ("uniform(10, 20)", &d, why, sizeof why), 0, "uniform parses");
  empirical (&d, r, &p10, &p90);
  is_rel (p10, 11, 0.01, "100k uniform draws: P10 within 1%% of 11");
  is_rel (p90, 19, 0.01, "100k uniform draws: P90 within 1%% of 19");
  is_near (cc_dist_quantile (&d, 0.5), 15, 1e-12, "uniform median");

  is_int (cc_dist_parse (" triangular( 20 , 40, 80 ) ", &d, why, sizeof why), 0,
          "triangular parses with spaces");
  a = 20 + sqrt (0.1 * 60 * 20);        /* below the mode */
  b = 80 - sqrt (0.1 * 60 * 40);        /* above the mode */
  is_near (cc_dist_quantile (&d, 0.1), a, 1e-12, "triangular P10 closed form");
  is_near (cc_dist_quantile (&d, 0.9), b, 1e-12, "triangular P90 closed form");
  empirical (&d, r, &p10, &p90);
  is_rel (p10, a, 0.01, "100k triangular draws: P10 within 1%%");
  is_rel (p90, b, 0.01, "100k triangular draws: P90 within 1%%");

  is_int (cc_dist_parse ("lognormal(100, 400)", &d, why, sizeof why), 0, "lognormal parses");
  is_rel (cc_dist_quantile (&d, 0.05), 100, 1e-9, "lognormal P5 is p5");
  is_rel (cc_dist_quantile (&d, 0.95), 400, 1e-9, "lognormal P95 is p95");
  is_rel (cc_dist_quantile (&d, 0.5), 200, 1e-9, "lognormal median is the geometric mean");
  empirical (&d, r, &p10, &p90);
  is_rel (p10, cc_dist_quantile (&d, 0.1), 0.01, "100k lognormal draws: P10 within 1%%");
  is_rel (p90, cc_dist_quantile (&d, 0.9), 0.01, "100k lognormal draws: P90 within 1%%");

  is_int (cc_dist_parse ("normal(1, 2)", &d, why, sizeof why), 0, "normal parses");
  ok (cc_dist_quantile (&d, 0.0) >= 0 && cc_dist_quantile (&d, 0.01) >= 0,
      "truncated normal has no negative quantiles");
  empirical (&d, r, &p10, &p90);
  ok (p10 >= 0, "truncated normal draws are never negative");
  is_rel (p90, cc_dist_quantile (&d, 0.9), 0.01, "100k normal draws: P90 within 1%%");
  is_int (cc_dist_parse ("normal(100, 10)", &d, why, sizeof why), 0, "normal far from 0");
  is_rel (cc_dist_quantile (&d, 0.9), 100 + 10 * 1.2815515655446004, 1e-6,
          "normal P90 = mean + 1.2816 sd");

  cc_dist_parse ("triangular(20, 40, 80)", &d, why, sizeof why);
  cc_dist_format (&d, txt, sizeof txt);
  is_str (txt, "triangular(20, 40, 80)", "format round-trips");

  /* Seeded reproducibility to the last digit. */
  gsl_rng_set (r, 7);
  a = cc_dist_sample (&d, r);
  gsl_rng_set (r, 7);
  b = cc_dist_sample (&d, r);
  ok (a == b, "same seed, same draw");

  bad ("lognormal(400, 100)", "needs 0 < p5 < p95");
  bad ("lognormal(0, 100)", "needs 0 < p5 < p95");
  bad ("lognormal(5, 5)", "needs 0 < p5 < p95");
  bad ("uniform(3, 1)", "needs a <= b");
  bad ("triangular(1, 5, 3)", "min <= mode <= max");
  bad ("normal(1, -1)", "sd >= 0");
  bad ("uniform(1)", "uniform needs 2 numbers");
  bad ("uniform(1, 2", "uniform needs 2 numbers");
  bad ("uniform(1, 2) x", "text after the closing parenthesis");
  bad ("gamma(1, 2)", "not a number or one of");
  bad ("12abc", "'12abc' is not a number");
  bad ("uniform(1, inf)", "uniform needs 2 numbers");
  gsl_rng_free (r);
  return done_testing ();
}
