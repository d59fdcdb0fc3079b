/* test_fit_yearly.c: `project --model auto` on short yearly series that
 * behave like random walks.  120 log-scale random walks with drift (drift
 * -2 to 10 % a year, noise 3 to 10 %, 14 to 40 points, all from fixed
 * seeds other than the benchmark's) are forecast 6 steps ahead: auto's
 * sMAPE must be below the naive forecast's (last value carried forward),
 * its 80 % band must hold 70 to 90 % of the next values and its 95 %
 * band at least 90 %, and the band must be centred on a combination of
 * candidates for some series. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/forecast.h"
#include "forecast_setup.h"
#include "tap.h"

#define NSER 120
#define MAXN 40
#define H 6

/* A random walk with drift on the log scale: N + H points into Y. */
static size_t
walk (gsl_rng *r, double *y)
{
  size_t n = 14 + gsl_rng_uniform_int (r, MAXN - 14 + 1), t;
  double lv = log (1000 + 4000 * gsl_rng_uniform (r));
  double g = -0.02 + 0.12 * gsl_rng_uniform (r);
  double sd = 0.03 + 0.07 * gsl_rng_uniform (r);
  for (t = 0; t < n + H; t++)
    {
      lv += g + gsl_ran_gaussian (r, sd);
      y[t] = exp (lv);
    }
  return n;
}

static double
smape (double f, double a)
{
  return 200 * fabs (f - a) / (fabs (f) + fabs (a));
}

int
main (void)
{
  cc_forecast_opts o;
  cc_forecast_ws *fw;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t k, i, in80 = 0, in95 = 0, nb = 0, bands = 0, combined = 0;
  double s_auto = 0, s_naive = 0;

  gsl_set_error_handler_off ();
  fc_opts (&o, "auto", CC_PI_MC, CC_SCALE_LOG, H, 400);
  fw = cc_forecast_ws_alloc (&o, MAXN);
  for (k = 0; k < NSER; k++)
    {
      double y[MAXN + H];
      size_t n;
      cc_series s;
      cc_forecast f;
      gsl_rng_set (r, 91000 + k);
      n = walk (r, y);
      fc_series (&s, "yearly/s/s/s", 24000, y, n);
      cc_forecast_series (&o, &s, fw, &f);
      if (f.rc == CC_OK && f.npart == 1 && f.part[0].kind == CC_FORECAST_BAND)
        {
          const cc_band *b = f.part[0].band;
          bands++;
          combined += strstr (f.part[0].basis, "centred on the combined "
                              "forecast of") != NULL;
          fc_cover (b, y + n, H, &in80, &in95, &nb);
          for (i = 0; i < H; i++)
            {
              s_auto += smape (b->p50[i], y[n + i]);
              s_naive += smape (y[n - 1], y[n + i]);
            }
        }
      cc_forecast_clear (&f);
      cc_series_clear (&s);
    }
  is_int (bands, NSER, "every series gets a band");
  ok (nb > 0 && s_auto < s_naive, "sMAPE of auto %.2f below naive's %.2f",
      s_auto / (double) (nb ? nb : 1), s_naive / (double) (nb ? nb : 1));
  ok (nb > 0 && (double) in80 >= 0.70 * (double) nb
      && (double) in80 <= 0.90 * (double) nb, "the 80 %% band holds %zu of "
      "%zu next values (%.1f %%, 70 to 90 %%)", in80, nb,
      100.0 * (double) in80 / (double) (nb ? nb : 1));
  ok (nb > 0 && (double) in95 >= 0.90 * (double) nb, "the 95 %% band holds "
      "%zu of %zu (%.1f %%, at least 90 %%)", in95, nb,
      100.0 * (double) in95 / (double) (nb ? nb : 1));
  ok (combined > 0, "%zu of %zu bands centred on a combination of "
      "candidates", combined, bands);
  cc_forecast_ws_free (fw);
  gsl_rng_free (r);
  return done_testing ();
}
