/* test_fit_cover.c: the bands of `project --model auto` cover what comes
 * next.  200 saturating series (logistic, Gompertz, Richards and
 * monomolecular, parameters and 3 % multiplicative noise drawn from fixed
 * seeds, the inflection inside the 36 months fitted, where the data can
 * show the saturation) are fitted on 36 months; the 95 % band must hold
 * the next 12 observations (with their noise) at least 90 % of the time,
 * on the log and on the level scale, and the 80 % band between 70 and
 * 90 %. */
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

#define NSER 200
#define NFIT 36
#define H 12

/* Series K: NFIT + H points of a saturating curve through part of its
 * rise, with multiplicative noise. */
static void
saturating (gsl_rng *r, size_t k, double *y)
{
  double K = 1000 * exp (gsl_ran_flat (r, 0, 3));
  double mid = gsl_ran_flat (r, 5, 30), rate = gsl_ran_flat (r, 0.06, 0.2);
  size_t i;
  for (i = 0; i < NFIT + H; i++)
    {
      double x = (double) (i + 1), v;
      switch (k % 4)
        {
        case 0: v = K / (1 + exp (-rate * (x - mid))); break;
        case 1: v = K * exp (-3 * exp (-rate * (x - mid / 3))); break;
        case 2: v = K / pow (1 + 0.5 * exp (-rate * (x - mid)), 2); break;
        default: v = K * (1 - exp (-rate * 0.4 * x)); break;
        }
      y[i] = v * exp (gsl_ran_gaussian (r, 0.03));
    }
}

static void
coverage (cc_scale scale, const char *name)
{
  cc_forecast_opts o;
  cc_forecast_ws *fw;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t k, in80 = 0, in95 = 0, nb = 0, bands = 0;
  fc_opts (&o, "auto", CC_PI_MC, scale, H, 400);
  fw = cc_forecast_ws_alloc (&o, NFIT);
  for (k = 0; k < NSER; k++)
    {
      double y[NFIT + H];
      cc_series s;
      cc_forecast f;
      gsl_rng_set (r, 7000 + k);
      saturating (r, k, y);
      fc_series (&s, "cover/s/s/s", 24000, y, NFIT);
      cc_forecast_series (&o, &s, fw, &f);
      if (f.rc == CC_OK && f.npart == 1 && f.part[0].kind == CC_FORECAST_BAND)
        {
          bands++;
          fc_cover (f.part[0].band, y + NFIT, H, &in80, &in95, &nb);
        }
      cc_forecast_clear (&f);
      cc_series_clear (&s);
    }
  is_int (bands, NSER, "%s scale: every series gets a band", name);
  ok (nb > 0 && (double) in95 >= 0.90 * (double) nb, "%s scale: the 95 %% "
      "band holds %zu of %zu next values (%.1f %%, at least 90 %%)", name,
      in95, nb, 100.0 * (double) in95 / (double) (nb ? nb : 1));
  ok (nb > 0 && (double) in80 >= 0.70 * (double) nb
      && (double) in80 <= 0.90 * (double) nb, "%s scale: the 80 %% band "
      "holds %zu of %zu (%.1f %%, 70 to 90 %%)", name, in80, nb,
      100.0 * (double) in80 / (double) (nb ? nb : 1));
  cc_forecast_ws_free (fw);
  gsl_rng_free (r);
}

int
main (void)
{
  gsl_set_error_handler_off ();
  coverage (CC_SCALE_LOG, "log");
  coverage (CC_SCALE_LEVEL, "level");
  return done_testing ();
}
