/* bench_fit.c: measured figures for `make bench-fit` (not a test).
 *
 * 1. Fit every growth model (--model auto, log scale) on 50 synthetic
 *    series of 36 months (logistic, Gompertz, exponential, linear and
 *    damped shapes, seeded multiplicative noise).
 * 2. Parametric Monte Carlo bands: 10,000 draws x 60 months for each of
 *    the 50 series, from the AICc-selected model. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fit.h"
#include "interval.h"

#define NS 50
#define N 36
#define H 60
#define DRAWS 10000

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double
shape (int k, double x)
{
  switch (k % 5)
    {
    case 0: return 5000 / (1 + exp (4 - 0.15 * x));
    case 1: return 8000 * exp (-3 * exp (-0.07 * x));
    case 2: return 300 * exp (0.04 * x);
    case 3: return 1000 + 40 * x;
    default: return 200 * exp (0.08 * x - 0.0008 * x * x);
    }
}

int
main (void)
{
  static double x[NS][N], y[NS][N], xf[H];
  static cc_fit fits[NS][CC_FIT_MAXMODEL];
  double tmodel[CC_FIT_MAXMODEL] = { 0 }, t0, tfit, tmc;
  size_t cmodel[CC_FIT_MAXMODEL] = { 0 }, smodel[CC_FIT_MAXMODEL] = { 0 };
  size_t nfit = 0, i, j, conv = 0, tried = 0;
  long sel[NS];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  cc_fit_ws *w = cc_fit_ws_alloc (N);
  cc_pi_ws *pw = cc_pi_ws_alloc (DRAWS, H, N);
  cc_band *band = cc_band_alloc (H, 2);
  cc_model_list l;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  cc_pi_opts po;
  cc_err err;

  gsl_set_error_handler_off ();
  gsl_rng_set (r, 2385);
  for (i = 0; i < NS; i++)
    for (j = 0; j < N; j++)
      {
        x[i][j] = (double) (j + 1);
        y[i][j] = shape ((int) i, x[i][j]) * exp (gsl_ran_gaussian (r, 0.03));
      }
  cc_model_list_parse ("auto", &l, &err);

  t0 = now ();
  for (i = 0; i < NS; i++)
    {
      for (j = 0; j < l.nmodel; j++)
        {
          double t1 = now ();
          cc_fit_model (l.model[j], x[i], y[i], N, &o, w, &fits[i][j], &err);
          tmodel[j] += now () - t1;
          tried++;
          conv += fits[i][j].status == CC_FIT_OK;
          cmodel[j] += fits[i][j].status == CC_FIT_OK;
        }
      nfit = l.nmodel;
      sel[i] = cc_fit_select (fits[i], nfit);
      if (sel[i] >= 0)
        smodel[sel[i]]++;
    }
  tfit = now () - t0;

  memset (&po, 0, sizeof po);
  po.method = CC_PI_MC;
  po.draws = DRAWS;
  po.level[0] = 80;
  po.level[1] = 95;
  po.nlevel = 2;
  po.rng = r;
  for (j = 0; j < H; j++)
    xf[j] = N + 1 + (double) j;
  t0 = now ();
  size_t banded = 0;
  for (i = 0; i < NS; i++)
    {
      if (sel[i] < 0)
        continue;
      gsl_rng_set (r, 1000 + i);
      if (cc_pi_compute (&fits[i][sel[i]], &o, x[i], y[i], N, xf, H, &po, pw,
                         band, &err) == CC_OK)
        banded++;
      else
        printf ("  (series %zu, %s: %s)\n", i, fits[i][sel[i]].model->name,
                err.msg);
    }
  tmc = now () - t0;

  printf ("bench-fit: fitting every model (%zu models) on %d series x %d "
          "months: %.3f s (%zu of %zu fits converged)\n", nfit, NS, N, tfit,
          conv, tried);
  for (j = 0; j < nfit; j++)
    printf ("  %-13s %.3f s, converged on %2zu of %d series, selected on "
            "%2zu\n", l.model[j]->name, tmodel[j], cmodel[j], NS, smodel[j]);
  printf ("bench-fit: Monte Carlo bands, %d draws x %d months x %zu series: "
          "%.3f s\n", DRAWS, H, banded, tmc);
  printf ("bench-fit: total %.3f s (issue 4 target: under 1 s together)\n",
          tfit + tmc);
  cc_band_free (band);
  cc_pi_ws_free (pw);
  cc_fit_ws_free (w);
  gsl_rng_free (r);
  return 0;
}
