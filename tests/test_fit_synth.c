/* test_fit_synth.c: model selection, coverage and reproducibility on
 * synthetic series with a known generating curve and seeded noise.
 *
 * The curve is a logistic, y = 5000 / (1 + exp(4 - 0.15 x)) for months
 * x = 1..36 (inflection near month 27), with multiplicative noise
 * exp(N(0, 0.03^2)) from gsl_rng_mt19937.  Asserted on one fixed seed:
 * AICc picks the logistic, the 95 % band at h = 12 covers the noise-free
 * curve, and the same seed gives the same band to the last bit.  Over 40
 * further seeds, the selection rate and the 80 % / 95 % coverage at
 * h = 12 are printed and checked against loose floors. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit.h"
#include "fit/interval.h"
#include "tap.h"

#define N 36
#define H 12
#define SIGMA 0.03

static double
truth (double x)
{
  return 5000 / (1 + exp (4 - 0.15 * x));
}

static void
make_series (unsigned long seed, double *x, double *y)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t i;
  gsl_rng_set (r, seed);
  for (i = 0; i < N; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = truth (x[i]) * exp (gsl_ran_gaussian (r, SIGMA));
    }
  gsl_rng_free (r);
}

typedef struct
{
  cc_fit fits[CC_FIT_MAXMODEL];
  size_t nfit;
  long sel;
} fitset;

static int
fit_auto (const double *x, const double *y, cc_fit_ws *w, fitset *fs)
{
  cc_model_list l;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  cc_err err;
  if (cc_model_list_parse ("auto", &l, &err) != CC_OK)
    return -1;
  return cc_fit_all (&l, "synthetic", x, y, N, &o, w, fs->fits, &fs->nfit,
                     &fs->sel, &err);
}

static int
band_at (const cc_fit *f, const double *x, const double *y, cc_pi_method m,
         unsigned long seed, cc_pi_ws *pw, cc_band *b)
{
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  cc_pi_opts po;
  double xf[H];
  cc_err err;
  size_t i;
  int rc;
  memset (&po, 0, sizeof po);
  po.method = m;
  po.draws = 4000;
  po.level[0] = 80;
  po.level[1] = 95;
  po.nlevel = 2;
  po.rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (po.rng, seed);
  for (i = 0; i < H; i++)
    xf[i] = N + 1 + (double) i;
  rc = cc_pi_compute (f, &o, x, y, N, xf, H, &po, pw, b, &err);
  if (rc != CC_OK)
    printf ("# %s\n", err.msg);
  gsl_rng_free (po.rng);
  return rc;
}

int
main (void)
{
  double x[N], y[N], t = truth (N + H);
  cc_fit_ws *w = cc_fit_ws_alloc (N);
  cc_pi_ws *pw = cc_pi_ws_alloc (4000, H, N);
  cc_band *b1 = cc_band_alloc (H, 2), *b2 = cc_band_alloc (H, 2);
  fitset fs;
  size_t i, reps = 40, wins = 0, in80 = 0, in95 = 0, in95d = 0, fitted = 0;

  gsl_set_error_handler_off ();
  make_series (2385, x, y);
  ok (fit_auto (x, y, w, &fs) == CC_OK, "auto fit of the synthetic series");
  ok (fs.sel >= 0, "a model is selected");
  for (i = 0; i < fs.nfit; i++)
    printf ("# %-13s %-11s AICc %10.3f weight %.3f\n",
            fs.fits[i].model->name, cc_fit_status_name (fs.fits[i].status),
            fs.fits[i].aicc, fs.fits[i].weight);
  if (fs.sel < 0)
    return done_testing ();
  const cc_fit *f = &fs.fits[fs.sel];
  is_str (f->model->name, "logistic", "AICc picks the generating model");
  ok (f->weight > 0.5, "its Akaike weight %.3f > 0.5", f->weight);
  is_rel (f->b[0], 5000, 0.05, "K recovered within 5 %%");
  is_rel (f->b[2], 0.15, 0.05, "r recovered within 5 %%");

  ok (band_at (f, x, y, CC_PI_MC, 7, pw, b1) == CC_OK, "MC band");
  ok (b1->lo[H * 2 - 1] <= t && t <= b1->hi[H * 2 - 1],
      "MC 95 %% band [%.1f, %.1f] covers the truth %.1f at h = 12",
      b1->lo[H * 2 - 1], b1->hi[H * 2 - 1], t);
  ok (b1->p10[H - 1] < b1->p50[H - 1] && b1->p50[H - 1] < b1->p90[H - 1],
      "p10 < p50 < p90");
  ok (band_at (f, x, y, CC_PI_MC, 7, pw, b2) == CC_OK
      && memcmp (b1->lo, b2->lo, 2 * H * sizeof (double)) == 0
      && memcmp (b1->hi, b2->hi, 2 * H * sizeof (double)) == 0
      && memcmp (b1->p50, b2->p50, H * sizeof (double)) == 0,
      "same seed, same band to the last bit");
  band_at (f, x, y, CC_PI_MC, 8, pw, b2);
  ok (memcmp (b1->hi, b2->hi, 2 * H * sizeof (double)) != 0,
      "another seed, another band");
  ok (band_at (f, x, y, CC_PI_DELTA, 0, pw, b2) == CC_OK
      && b2->lo[H * 2 - 1] <= t && t <= b2->hi[H * 2 - 1],
      "delta 95 %% band [%.1f, %.1f] covers the truth", b2->lo[H * 2 - 1],
      b2->hi[H * 2 - 1]);
  ok (band_at (f, x, y, CC_PI_BOOTSTRAP, 7, pw, b2) == CC_OK
      && b2->lo[H * 2 - 1] <= t && t <= b2->hi[H * 2 - 1],
      "bootstrap 95 %% band [%.1f, %.1f] covers the truth",
      b2->lo[H * 2 - 1], b2->hi[H * 2 - 1]);

  /* Replicates: how often does the generating model win, and how often do
   * the bands cover the truth at h = 12? */
  for (i = 0; i < reps; i++)
    {
      make_series (1000 + i, x, y);
      if (fit_auto (x, y, w, &fs) != CC_OK || fs.sel < 0)
        continue;
      wins += strcmp (fs.fits[fs.sel].model->name, "logistic") == 0;
      const cc_fit *lf = NULL;
      size_t j;
      for (j = 0; j < fs.nfit; j++)
        if (strcmp (fs.fits[j].model->name, "logistic") == 0
            && fs.fits[j].status == CC_FIT_OK)
          lf = &fs.fits[j];
      if (lf == NULL)
        continue;
      fitted++;
      if (band_at (lf, x, y, CC_PI_MC, 99 + i, pw, b1) == CC_OK)
        {
          in80 += b1->lo[H * 2 - 2] <= t && t <= b1->hi[H * 2 - 2];
          in95 += b1->lo[H * 2 - 1] <= t && t <= b1->hi[H * 2 - 1];
        }
      if (band_at (lf, x, y, CC_PI_DELTA, 0, pw, b1) == CC_OK)
        in95d += b1->lo[H * 2 - 1] <= t && t <= b1->hi[H * 2 - 1];
    }
  printf ("# %zu replicates: logistic selected %zu, fitted %zu; truth at "
          "h=12 inside MC 80 %% %zu, MC 95 %% %zu, delta 95 %% %zu\n", reps,
          wins, fitted, in80, in95, in95d);
  ok (wins >= reps * 6 / 10, "logistic selected in %zu of %zu replicates",
      wins, reps);
  ok (in95 >= fitted * 85 / 100, "MC 95 %% band covers the truth in %zu of "
      "%zu", in95, fitted);
  ok (in80 >= fitted * 65 / 100, "MC 80 %% band covers the truth in %zu of "
      "%zu", in80, fitted);

  cc_band_free (b1);
  cc_band_free (b2);
  cc_pi_ws_free (pw);
  cc_fit_ws_free (w);
  return done_testing ();
}
