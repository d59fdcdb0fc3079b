/* bench_fit.c: measured figures for `make bench-fit` (not a test).
 *
 * 1. Fit every growth model (--model auto, log scale) on 50 synthetic
 *    series of 36 months (logistic, Gompertz, exponential, linear and
 *    damped shapes, seeded multiplicative noise).
 * 2. Parametric Monte Carlo bands: 10,000 draws x 60 months for each of
 *    the 50 series, from the AICc-selected model.
 * Series are spread over the workers as `cloudcast project` does
 * (CLOUDCAST_THREADS, default the online processors); each series has its
 * own seed, so the results do not depend on the number of workers. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fit/fit.h"
#include "fit/interval.h"
#include "core/pool.h"

#define NS 50
#define N 36
#define H 60
#define DRAWS 10000
#define MAXW 8

typedef struct
{
  double x[NS][N], y[NS][N], xf[H];
  cc_fit fits[NS][CC_FIT_MAXMODEL];
  double tmodel[MAXW][CC_FIT_MAXMODEL];
  long sel[NS];
  int banded[NS];
  cc_model_list l;
  cc_fit_ws *w[MAXW];
  cc_pi_ws *pw[MAXW];
  cc_band *band[MAXW];
  gsl_rng *rng[MAXW];
} bench;

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

static void
fit_job (size_t i, size_t k, void *ctx)
{
  bench *b = ctx;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  cc_err err;
  size_t j;
  for (j = 0; j < b->l.nmodel; j++)
    {
      double t1 = now ();
      cc_fit_model (b->l.model[j], b->x[i], b->y[i], N, &o, b->w[k],
                    &b->fits[i][j], &err);
      b->tmodel[k][j] += now () - t1;
    }
  b->sel[i] = cc_fit_select (b->fits[i], b->l.nmodel);
}

static void
mc_job (size_t i, size_t k, void *ctx)
{
  bench *b = ctx;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  cc_pi_opts po;
  cc_err err;
  if (b->sel[i] < 0)
    return;
  memset (&po, 0, sizeof po);
  po.method = CC_PI_MC;
  po.draws = DRAWS;
  po.level[0] = 80;
  po.level[1] = 95;
  po.nlevel = 2;
  po.rng = b->rng[k];
  gsl_rng_set (po.rng, 1000 + i);
  b->banded[i] = cc_pi_compute (&b->fits[i][b->sel[i]], &o, b->x[i],
                                b->y[i], N, b->xf, H, &po, b->pw[k],
                                b->band[k], &err) == CC_OK;
}

int
main (void)
{
  bench *b = calloc (1, sizeof *b);
  size_t nw = cc_pool_workers (MAXW), i, j, k, conv = 0, banded = 0;
  size_t cmodel[CC_FIT_MAXMODEL] = { 0 }, smodel[CC_FIT_MAXMODEL] = { 0 };
  double t0, tfit, tmc;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  cc_err err;

  gsl_set_error_handler_off ();
  if (b == NULL || r == NULL)
    return 1;
  gsl_rng_set (r, 2385);
  for (i = 0; i < NS; i++)
    for (j = 0; j < N; j++)
      {
        b->x[i][j] = (double) (j + 1);
        b->y[i][j] = shape ((int) i, b->x[i][j])
                     * exp (gsl_ran_gaussian (r, 0.03));
      }
  for (j = 0; j < H; j++)
    b->xf[j] = N + 1 + (double) j;
  cc_model_list_parse ("auto", &b->l, &err);
  for (k = 0; k < nw; k++)
    {
      b->w[k] = cc_fit_ws_alloc (N);
      b->pw[k] = cc_pi_ws_alloc (DRAWS, H, N);
      b->band[k] = cc_band_alloc (H, 2);
      b->rng[k] = gsl_rng_alloc (gsl_rng_mt19937);
      if (!b->w[k] || !b->pw[k] || !b->band[k] || !b->rng[k])
        return 1;
    }

  t0 = now ();
  cc_pool_run (NS, nw, fit_job, b);
  tfit = now () - t0;
  t0 = now ();
  cc_pool_run (NS, nw, mc_job, b);
  tmc = now () - t0;

  for (i = 0; i < NS; i++)
    {
      for (j = 0; j < b->l.nmodel; j++)
        {
          conv += b->fits[i][j].status == CC_FIT_OK;
          cmodel[j] += b->fits[i][j].status == CC_FIT_OK;
        }
      if (b->sel[i] >= 0)
        smodel[b->sel[i]]++;
      banded += b->banded[i];
    }
  printf ("bench-fit: %zu worker thread(s) (CLOUDCAST_THREADS to change)\n",
          nw);
  printf ("bench-fit: fitting every model (%zu models) on %d series x %d "
          "months: %.3f s (%zu of %zu fits converged)\n", b->l.nmodel, NS, N,
          tfit, conv, b->l.nmodel * NS);
  for (j = 0; j < b->l.nmodel; j++)
    {
      double t = 0;
      for (k = 0; k < nw; k++)
        t += b->tmodel[k][j];
      printf ("  %-13s %.3f s CPU, converged on %2zu of %d series, selected "
              "on %2zu\n", b->l.model[j]->name, t, cmodel[j], NS, smodel[j]);
    }
  printf ("bench-fit: Monte Carlo bands, %d draws x %d months x %zu series: "
          "%.3f s\n", DRAWS, H, banded, tmc);
  printf ("bench-fit: total %.3f s (target: under 1 s together)\n",
          tfit + tmc);
  for (k = 0; k < nw; k++)
    {
      cc_fit_ws_free (b->w[k]);
      cc_pi_ws_free (b->pw[k]);
      cc_band_free (b->band[k]);
      gsl_rng_free (b->rng[k]);
    }
  gsl_rng_free (r);
  free (b);
  return 0;
}
