/* test_fit_models.c: criteria, the damped trend, changepoints and the
 * two-point scenario fallback. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit.h"
#include "reported/project.h"
#include "fit/interval.h"
#include "tap.h"

static const double rat42_x[9] = { 9, 14, 21, 28, 42, 57, 63, 70, 79 };
static const double rat42_y[9] = { 8.93, 10.8, 18.59, 22.33, 39.35, 56.11,
                                   61.73, 64.62, 67.08 };

int
main (void)
{
  cc_fit f, g;
  cc_err err;
  cc_fit_ws *w = cc_fit_ws_alloc (64);
  cc_pi_ws *pw = cc_pi_ws_alloc (20000, 12, 64);
  cc_band *bd = cc_band_alloc (12, 1), *bm = cc_band_alloc (12, 1);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  double x[48], y[48], xf[12];
  size_t i;

  gsl_set_error_handler_off ();

  /* Criteria as R's logLik.nls: Rat42, n = 9, p = 3, k = 4. */
  {
    const double st[3] = { 100, 1, 0.1 };
    cc_fit_opts o = { CC_SCALE_LEVEL, st, 3, 0, 0 };
    double rss = 8.0565229338, n = 9, ll;
    cc_fit_model (cc_model_find ("logistic"), rat42_x, rat42_y, 9, &o, w, &f,
                  &err);
    ll = -n / 2 * (log (2 * M_PI) + 1 - log (n) + log (rss));
    is_rel (cc_fit_loglik (f.rss, 9), ll, 1e-9, "logLik = %.6f", ll);
    is_rel (f.aic, -2 * ll + 8, 1e-9, "AIC = -2 logLik + 2k");
    is_rel (f.aicc, -2 * ll + 8 + 2.0 * 4 * 5 / (9 - 4 - 1), 1e-9,
            "AICc = AIC + 2k(k+1)/(n-k-1)");
    is_rel (f.bic, -2 * ll + 4 * log (9), 1e-9, "BIC = -2 logLik + k ln n");
    is_int (f.k, 4, "k counts sigma");
  }

  /* Akaike weights sum to one and follow the AICc order. */
  {
    cc_fit fs[3];
    memset (fs, 0, sizeof fs);
    for (i = 0; i < 3; i++)
      {
        fs[i].status = CC_FIT_OK;
        fs[i].model = cc_model_get (i);
      }
    fs[0].aicc = 10;
    fs[1].aicc = 8;
    fs[2].aicc = NAN;
    is_int (cc_fit_select (fs, 3), 1, "lowest AICc selected");
    is_rel (fs[0].weight + fs[1].weight, 1, 1e-12, "weights sum to 1");
    is_rel (fs[1].weight / fs[0].weight, exp (1), 1e-12,
            "weight ratio exp(delta/2)");
    ok (isnan (fs[2].weight), "undefined AICc: no weight");
  }

  /* Piecewise: slope 10 until month 15, 40 after; log-scale noise 1 %. */
  gsl_rng_set (r, 2385);
  for (i = 0; i < 36; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = (500 + 10 * x[i] + (x[i] > 15 ? 30 * (x[i] - 15) : 0))
             * exp (gsl_ran_gaussian (r, 0.01));
    }
  {
    cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
    cc_fit_model (cc_model_find ("piecewise"), x, y, 36, &o, w, &f, &err);
    ok (f.status == CC_FIT_OK, "piecewise converged (%s)", f.note);
    is_int (f.aux.ncp, 1, "one changepoint chosen by BIC");
    is_near (f.aux.tau[0], 15, 1.5, "changepoint near month 15");
    is_rel (f.b[2], 30, 0.15, "slope change near 30");
    is_int (f.k, 6, "k = 3 coefficients + 2 for the searched changepoint + sigma");
  }

  /* Damped trend on log usage: delta (analytic) and MC (simulated paths)
   * bands must agree; phi stays inside [0.8, 0.98]. */
  {
    double l = log (1000), b = 0.05, e;
    cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
    cc_pi_opts po;
    gsl_rng_set (r, 7);
    for (i = 0; i < 48; i++)
      {
        e = gsl_ran_gaussian (r, 0.02);
        x[i] = (double) (i + 1);
        y[i] = exp (l + 0.9 * b + e);
        l = l + 0.9 * b + 0.5 * e;
        b = 0.9 * b + 0.1 * e;
      }
    cc_fit_model (cc_model_find ("damped"), x, y, 48, &o, w, &f, &err);
    ok (f.status == CC_FIT_OK, "damped trend converged (%zu of %zu runs)",
        f.agree, f.runs);
    ok (f.b[2] >= 0.8 && f.b[2] <= 0.98, "phi %.4f in [0.8, 0.98]", f.b[2]);
    ok (f.b[1] <= f.b[0], "beta %.4f <= alpha %.4f", f.b[1], f.b[0]);
    is_int (f.k, 6, "k = 5 + sigma");
    for (i = 0; i < 12; i++)
      xf[i] = 49 + (double) i;
    memset (&po, 0, sizeof po);
    po.level[0] = 95;
    po.nlevel = 1;
    po.method = CC_PI_DELTA;
    ok (cc_pi_compute (&f, &o, x, y, 48, xf, 12, &po, pw, bd, &err) == CC_OK,
        "damped: delta band");
    po.method = CC_PI_MC;
    po.draws = 20000;
    po.rng = r;
    gsl_rng_set (r, 11);
    ok (cc_pi_compute (&f, &o, x, y, 48, xf, 12, &po, pw, bm, &err) == CC_OK,
        "damped: MC band");
    is_rel (bm->hi[11], bd->hi[11], 0.02, "h=12 upper: MC %.1f vs analytic",
            bm->hi[11]);
    is_rel (bm->lo[11], bd->lo[11], 0.02, "h=12 lower: MC %.1f vs analytic",
            bm->lo[11]);
    is_rel (bm->p50[0], cc_fit_curve (&f, 49), 0.01, "h=1 median");
  }

  /* Parametric MC and delta agree for a well-determined exponential. */
  {
    cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
    cc_pi_opts po;
    gsl_rng_set (r, 3);
    for (i = 0; i < 24; i++)
      {
        x[i] = (double) (i + 1);
        y[i] = 300 * exp (0.04 * x[i]) * exp (gsl_ran_gaussian (r, 0.03));
      }
    cc_fit_model (cc_model_find ("exponential"), x, y, 24, &o, w, &g, &err);
    for (i = 0; i < 12; i++)
      xf[i] = 25 + (double) i;
    memset (&po, 0, sizeof po);
    po.level[0] = 95;
    po.nlevel = 1;
    po.method = CC_PI_DELTA;
    cc_pi_compute (&g, &o, x, y, 24, xf, 12, &po, pw, bd, &err);
    po.method = CC_PI_MC;
    po.draws = 20000;
    po.rng = r;
    ok (cc_pi_compute (&g, &o, x, y, 24, xf, 12, &po, pw, bm, &err) == CC_OK,
        "exponential: MC band");
    is_rel (bm->hi[11], bd->hi[11], 0.01, "h=12 upper: MC %.2f vs delta %.2f",
            bm->hi[11], bd->hi[11]);
    is_rel (bm->lo[11], bd->lo[11], 0.01, "h=12 lower: MC %.2f vs delta %.2f",
            bm->lo[11], bd->lo[11]);
    is_int (bm->rejected, 0, "no draw rejected");
    /* Too few residual degrees of freedom: no band at all. */
    cc_fit_model (cc_model_find ("exponential"), x, y, 3, &o, w, &g, &err);
    ok (cc_pi_compute (&g, &o, x, y, 3, xf, 12, &po, pw, bm, &err) == CC_EDATA,
        "1 residual dof: no statistical band (%s)", err.msg);
  }

  /* Two points (the press example: 400 TB Jul 2025, 1,400 TB Jan 2026). */
  {
    const double x2[2] = { 1, 7 }, y2[2] = { 400, 1400 };
    double xs[3] = { 13, 19, 25 }, v[CC_SCEN_MAX * 3];
    cc_scenarios sc;
    memset (&sc, 0, sizeof sc);
    sc.v = v;
    ok (cc_fit_scenario_fallback (x2, y2, 2, "TB", xs, 3, &sc, &err) == CC_OK,
        "two-point scenarios");
    is_int (sc.nscen, 7, "the skeleton's seven named scenarios");
    is_rel (v[0], 2400, 1e-12, "linear +6: 2,400");
    is_rel (v[2], 4400, 1e-12, "linear +18: 4,400");
    is_near (v[1 * 3 + 1], 3047, 1, "decay 0.8 +12: 3,047");
    is_near (v[1 * 3 + 2], 3179, 1, "decay 0.8 +18: 3,179");
    is_near (v[2 * 3 + 1], 5392, 1, "decay 0.9 +12: 5,392");
    ok (v[3 * 3 + 2] < 3000, "logistic with cap 3,000 stays under 3,000");
    is_rel (v[6 * 3 + 0], 4900, 1e-12, "exponential +6: 4,900");
    is_rel (v[6 * 3 + 2], 60025, 1e-12, "exponential +18: 60,025");
    /* In the series' unit, worded as facts words the same figures. */
    ok (strcmp (sc.assumption[0], "linear, +167 TB/month") == 0,
        "the slope in its unit: %s", sc.assumption[0]);
    ok (strcmp (sc.assumption[3], "logistic, cap 3,000 TB") == 0
        && strcmp (sc.assumption[5], "logistic, cap 10,000 TB") == 0,
        "the caps facts names, in TB: %s; %s", sc.assumption[3],
        sc.assumption[5]);
    ok (cc_fit_scenario_fallback (x2, y2, 2, "GB-month", xs, 3, &sc, &err)
          == CC_OK && strcmp (sc.assumption[0], "linear, +167 GB/month") == 0,
        "a stock billed per GB-month grows in GB a month: %s",
        sc.assumption[0]);
  }

  gsl_rng_free (r);
  cc_band_free (bd);
  cc_band_free (bm);
  cc_pi_ws_free (pw);
  cc_fit_ws_free (w);
  return done_testing ();
}
