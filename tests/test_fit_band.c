/* test_fit_band.c: the fan chart's prediction band (model/fit/band.h) on a
 * series of known exponential growth. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit/band.h"
#include "fit/fit.h"
#include "fit/series.h"
#include "tap.h"

#define N 30
#define FIRST 24300L            /* month index of the first point: 2025-01 */

/* 100 e^(0.04 x) with a fixed +-3 % multiplicative wobble. */
static double
truth (double x)
{
  return 100 * exp (0.04 * x);
}

static void
make_series (cc_series *s)
{
  static const double wobble[7] = { 0.02, -0.03, 0.01, 0.03, -0.02, 0.0,
                                    -0.01 };
  size_t i;
  cc_series_init (s, "test/storage/series");
  snprintf (s->unit, sizeof s->unit, "GB");
  s->first = FIRST;
  for (i = 0; i < N; i++)
    {
      double x = (double) (i + 1);
      cc_series_push (s, x, truth (x) * (1 + wobble[i % 7]), FIRST + (long) i,
                      (long) i + 2);
    }
}

/* Every month: lo_wide <= lo_narrow <= median <= hi_narrow <= hi_wide. */
static int
nested (const cc_fitband *b)
{
  size_t i;
  for (i = 0; i < b->h; i++)
    if (!(b->lo_wide[i] <= b->lo_narrow[i] && b->lo_narrow[i] <= b->median[i]
          && b->median[i] <= b->hi_narrow[i]
          && b->hi_narrow[i] <= b->hi_wide[i]))
      return 0;
  return 1;
}

static int
same_band (const cc_fitband *a, const cc_fitband *b)
{
  size_t n = a->h * sizeof (double);
  return a->h == b->h && memcmp (a->median, b->median, n) == 0
         && memcmp (a->lo_wide, b->lo_wide, n) == 0
         && memcmp (a->hi_wide, b->hi_wide, n) == 0
         && memcmp (a->lo_narrow, b->lo_narrow, n) == 0
         && memcmp (a->hi_narrow, b->hi_narrow, n) == 0;
}

int
main (void)
{
  static const double levels[3] = { 95, 80, 90 };
  cc_series s;
  cc_fit fit;
  cc_fit_opts fo;
  cc_fit_ws *w = cc_fit_ws_alloc (N);
  cc_fitband b, b2;
  cc_err err;
  long last = FIRST + N - 1, end = last + 12;
  size_t i, months_ok = 1;

  gsl_set_error_handler_off ();
  make_series (&s);
  memset (&fo, 0, sizeof fo);
  fo.scale = CC_SCALE_LOG;
  fo.constrain = 1;
  ok (cc_fit_model (cc_model_find ("exponential"), s.x, s.y, s.n, &fo, w,
                    &fit, &err) == CC_OK && fit.status == CC_FIT_OK,
      "the exponential model fits the series");

  is_int (cc_fit_band (&fit, &s, end, levels, 3, 2000, 7, &b, &err), CC_OK,
          "band to 12 months after the data");
  is_int (b.h, 12, "one forecast month per month after the data");
  is_int (cc_fit_band_months (&s, end), 12, "cc_fit_band_months agrees");
  for (i = 0; i < b.h; i++)
    months_ok &= b.month[i] == last + 1 + (long) i;
  ok (months_ok, "forecast months run on from the month after the data");
  ok (b.level_narrow == 80 && b.level_wide == 95,
      "narrowest and widest levels picked from an unordered list (80, 95)");
  ok (nested (&b), "lo_wide <= lo_narrow <= median <= hi_narrow <= hi_wide");
  is_rel (b.median[0], truth (N + 1), 0.05,
          "median one month out within 5 %% of the generating curve");
  ok (b.lo_wide[11] <= truth (N + 12) && truth (N + 12) <= b.hi_wide[11],
      "the 95 %% band a year out [%.1f, %.1f] covers the truth %.1f",
      b.lo_wide[11], b.hi_wide[11], truth (N + 12));
  ok (b.hi_wide[11] - b.lo_wide[11] > b.hi_wide[0] - b.lo_wide[0],
      "the band widens with the horizon");

  is_int (cc_fit_band (&fit, &s, end, levels, 3, 2000, 7, &b2, &err), CC_OK,
          "the same band again");
  ok (same_band (&b, &b2), "same seed, same band to the last bit");
  cc_fitband_free (&b2);
  cc_fit_band (&fit, &s, end, levels, 3, 2000, 8, &b2, &err);
  ok (!same_band (&b, &b2), "another seed, another band");
  cc_fitband_free (&b2);

  is_int (cc_fit_band (&fit, &s, last - 5, levels, 3, 500, 7, &b2, &err),
          CC_OK, "a contract ending before the data's last month");
  is_int (b2.h, 1, "still gets one forecast month");
  cc_fitband_free (&b2);

  is_int (cc_fit_band (&fit, &s, end, levels, 0, 500, 7, &b2, &err),
          CC_ESOFTWARE, "no levels: refused");
  cc_fitband_free (&b2);

  cc_fitband_free (&b);
  cc_fit_ws_free (w);
  cc_series_clear (&s);
  return done_testing ();
}
