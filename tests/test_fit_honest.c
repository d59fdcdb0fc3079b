/* test_fit_honest.c: forecasts that admit what they do not know -- the
 * smoothing candidates (SES, Theta), re-anchoring, selection by
 * rolling-origin error, hand-over instead of exit 65, non-negative
 * medians, identifiability, caps below the data, the global damped-trend
 * fit, and the piecewise search's speed.  Every series is generated here
 * from a fixed seed. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fit/forecast.h"
#include "forecast_setup.h"
#include "forecast_data.h"
#include "tap.h"

#define NMAX 1200

static gsl_rng *r;
static cc_fit_ws *w;

static void
opts (cc_forecast_opts *o, const char *models, cc_scale sc, size_t months,
      size_t draws)
{
  fc_opts (o, models, CC_PI_MC, sc, months, draws);
}

static int
project (const cc_forecast_opts *o, const cc_series *s, cc_forecast *f)
{
  cc_forecast_ws *fw = cc_forecast_ws_alloc (o, s->n);
  int rc;
  if (fw == NULL)
    return CC_ESOFTWARE;
  rc = cc_forecast_series (o, s, fw, f);
  cc_forecast_ws_free (fw);
  return rc;
}

static void
to_series (cc_series *s, const char *key, const double *y, size_t n)
{
  fc_series (s, key, 24300, y, n);
}

/* SES and Theta: the level tracks the data; Theta's drift is half the
 * least-squares slope; the initial level is the least-squares one. */
static void
test_smoothing (void)
{
  double x[60], y[60], z = 100;
  cc_fit f, g;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LEVEL, NULL, 0, 0, 1 };
  size_t i;
  gsl_rng_set (r, 11);
  for (i = 0; i < 60; i++)
    {
      z += 2 + gsl_ran_gaussian (r, 3);
      x[i] = (double) (i + 1);
      y[i] = z;
    }
  cc_fit_model (cc_model_find ("ses"), x, y, 60, &o, w, &f, &err);
  ok (f.status == CC_FIT_OK, "ses converged (%s)", f.note);
  ok (f.b[0] > 0.3, "ses on a random walk: alpha %.3g is large", f.b[0]);
  is_near (cc_fit_curve (&f, 61), cc_fit_curve (&f, 70), 1e-9,
           "ses forecasts are flat");
  is_near (cc_fit_curve (&f, 61), y[59], 15, "ses level near the last value");
  is_int (f.p, 2, "ses: alpha and l0 estimated");
  /* l0 is optimal: nudging it raises the SSE. */
  g = f;
  g.b[3] += 0.5;
  {
    double l = g.b[3], sse = 0;
    for (i = 0; i < 60; i++)
      {
        double e = y[i] - l;
        sse += e * e;
        l += g.b[0] * e;
      }
    ok (sse > f.rss, "ses: l0 + 0.5 gives a larger SSE (%g > %g)", sse,
        f.rss);
  }
  cc_fit_model (cc_model_find ("theta"), x, y, 60, &o, w, &g, &err);
  ok (g.status == CC_FIT_OK, "theta converged (%s)", g.note);
  is_near (g.b[4], 1.0, 0.6, "theta drift = half the slope of ~2");
  is_near (cc_fit_curve (&g, 70) - cc_fit_curve (&g, 61), 9 * g.b[4], 1e-9,
           "theta forecasts grow by the drift each month");
}

/* Growth curves re-anchored on the latest observation. */
static void
test_anchor (void)
{
  double x[40], y[40];
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  size_t i;
  gsl_rng_set (r, 12);
  for (i = 0; i < 40; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = 100 * exp (0.03 * x[i]) * exp (gsl_ran_gaussian (r, 0.05));
    }
  y[39] *= 1.3;   /* the series jumped last month */
  cc_fit_model (cc_model_find ("exponential"), x, y, 40, &o, w, &f, &err);
  double before = cc_fit_curve (&f, 40.000001);
  ok (cc_fit_anchor (&f, x, y, 40) == 1, "exponential re-anchored");
  is_rel (cc_fit_curve (&f, 40.000001), y[39], 1e-5,
          "the anchored curve starts from the latest observation");
  ok (fabs (before - y[39]) > 0.1 * y[39], "it did not before");
  is_rel (cc_fit_curve (&f, 39), f.b[0] * exp (f.b[1] * 39), 1e-12,
          "in-sample values are not shifted");
}

/* A series where every growth curve is a poor forecaster (a level that
 * wanders): auto, chosen by rolling-origin error, keeps close to the
 * latest value, and a median of a non-negative quantity is never below 0
 * even where a linear trend heads there. */
static void
test_auto_and_nonneg (void)
{
  double y[48], z = 1000;
  cc_forecast_opts o;
  cc_forecast f;
  cc_series s;
  size_t i, neg = 0;
  gsl_rng_set (r, 13);
  for (i = 0; i < 48; i++)
    {
      z *= exp (gsl_ran_gaussian (r, 0.08));
      y[i] = z;
    }
  to_series (&s, "a/b/c/walk", y, 48);
  opts (&o, "auto", CC_SCALE_LOG, 12, 400);
  is_int (project (&o, &s, &f), CC_OK, "random walk: auto projects");
  ok (f.npart == 1 && f.part[0].kind == CC_FORECAST_BAND,
      "random walk: a band");
  if (f.npart == 1 && f.part[0].band)
    {
      ok (fabs (log (f.part[0].band->p50[0] / y[47])) < 0.1,
          "h = 1 median %g within 10 %% of the latest value %g (%s)",
          f.part[0].band->p50[0], y[47], f.part[0].model->name);
      has_str (f.part[0].basis, "rolling-origin", "basis says how chosen");
    }
  cc_forecast_clear (&f);
  cc_series_clear (&s);

  for (i = 0; i < 24; i++)
    y[i] = 500 - 20 * (double) i + gsl_ran_gaussian (r, 5);
  for (i = 0; i < 24; i++)
    if (y[i] < 0)
      y[i] = 0;
  to_series (&s, "a/b/c/decline", y, 24);
  opts (&o, "linear", CC_SCALE_LEVEL, 24, 400);
  is_int (project (&o, &s, &f), CC_OK, "declining series: linear projects");
  if (f.npart == 1 && f.part[0].band)
    for (i = 0; i < 24; i++)
      neg += f.part[0].band->p50[i] < 0 || f.part[0].band->lo[2 * i] < 0
             || f.part[0].band->lo[2 * i + 1] < 0;
  is_int (neg, 0, "no negative median or bound for a non-negative series");
  cc_forecast_clear (&f);
  cc_series_clear (&s);
}

/* A candidate that cannot be projected hands over; never exit 65 while
 * one can.  Values near DBL_MAX make exponential and power singular. */
static void
test_handover (void)
{
  double y[9] = { 1e308, 1.5e308, 1.7e308, 1.7e308, 1.7e308, 1.7e308,
                  1.7e308, 1.7e308, 1.7e308 };
  cc_forecast_opts o;
  cc_forecast f;
  cc_series s;
  to_series (&s, "a/s/S/m", y, 9);
  opts (&o, "auto", CC_SCALE_LOG, 3, 200);
  is_int (project (&o, &s, &f), CC_OK, "degenerate data: auto still "
          "projects");
  ok (f.npart == 1, "one projection");
  cc_forecast_clear (&f);
  cc_series_clear (&s);
}

/* A weakly identified fit is never reported as converged. */
static void
test_identifiability (void)
{
  double x[30], y[30];
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  size_t i, j, bad = 0, unid = 0;
  for (j = 0; j < 20; j++)
    {
      gsl_rng_set (r, 100 + j);
      /* Early exponential phase of a logistic: the cap is far away. */
      for (i = 0; i < 30; i++)
        {
          x[i] = (double) (i + 1);
          y[i] = 1e6 / (1 + exp (12 - 0.1 * x[i]))
                 * exp (gsl_ran_gaussian (r, 0.02));
        }
      cc_fit_model (cc_model_find ("richards"), x, y, 30, &o, w, &f, &err);
      unid += f.status == CC_FIT_UNIDENTIFIED;
      if (f.status == CC_FIT_OK)
        for (i = 0; i < f.p; i++)
          if (i != 1 && !(f.se[i] <= CC_FIT_MAX_RELSE * fabs (f.b[i])))
            bad++;
    }
  is_int (bad, 0, "no converged richards fit with a relative SE above %g",
          CC_FIT_MAX_RELSE);
  printf ("# %zu of 20 reported unidentified\n", unid);
}

/* A logistic with cap 5,000, location B and rate R on the level scale
 * with noise of sd 80 (seed SEED) at x = 1..N; returns the largest y. */
static double
noisy_logistic (double *x, double *y, size_t n, double b, double rate,
                unsigned long seed)
{
  double ymax = 0;
  size_t i;
  gsl_rng_set (r, seed);
  for (i = 0; i < n; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = 5000 / (1 + exp (b - rate * x[i])) + gsl_ran_gaussian (r, 80);
      ymax = fmax (ymax, y[i]);
    }
  return ymax;
}

/* A noisy logistic whose observations exceed the cap is not invalid. */
static void
test_cap (void)
{
  double x[60], y[60], ymax = 0;
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LEVEL, NULL, 0, 0, 1 };
  size_t i;
  ymax = noisy_logistic (x, y, 60, 4, 0.25, 14);
  ok (ymax > 5100, "the data reach %g, above the cap 5000", ymax);
  cc_fit_model (cc_model_find ("logistic"), x, y, 60, &o, w, &f, &err);
  ok (f.status == CC_FIT_OK, "logistic converged, not invalid (%s)",
      f.note);
  is_rel (f.b[0], 5000, 0.02, "K recovered within 2 %%");
  ok (f.b[0] < ymax, "K below the largest observation");
  cc_fit_model (cc_model_find ("richards"), x, y, 60, &o, w, &f, &err);
  ok (f.status != CC_FIT_INVALID, "richards is not invalid (%s)",
      cc_fit_status_name (f.status));
  /* A cap far below the data is reported. */
  for (i = 0; i < 10; i++)
    y[i] = 10000;
  cc_fit_model (cc_model_find ("monomolecular"), x, y, 60, &o, w, &f,
                &err);
  ok (f.status != CC_FIT_OK || f.b[0] > 9000
      || tap_str_has (f.note, "below the largest observation"),
      "a cap far below the data is said (%s)", f.note);
}


/* SSE of ETS(A,Ad,N) at (alpha, beta, phi) with the best initial state
 * (the errors are linear in l0 and b0), written out independently. */
static double
dense_sse (double al, double be, double phi)
{
  double e0[144], e1[144], e2[144], st[3][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 } };
  double a = 0, b = 0, c = 0, p = 0, q = 0, ss = 0, det, l0, b0;
  size_t t, k;
  double *e[3] = { e0, e1, e2 };
  for (k = 0; k < 3; k++)
    for (t = 0; t < 144; t++)
      {
        double f = st[k][0] + phi * st[k][1];
        e[k][t] = (k == 0 ? air[t] : 0) - f;
        st[k][0] = f + al * e[k][t];
        st[k][1] = phi * st[k][1] + be * e[k][t];
      }
  for (t = 0; t < 144; t++)
    {
      a += e1[t] * e1[t];
      b += e1[t] * e2[t];
      c += e2[t] * e2[t];
      p -= e0[t] * e1[t];
      q -= e0[t] * e2[t];
    }
  det = a * c - b * b;
  l0 = (p * c - q * b) / det;
  b0 = (q * a - p * b) / det;
  for (t = 0; t < 144; t++)
    {
      double v = e0[t] + l0 * e1[t] + b0 * e2[t];
      ss += v * v;
    }
  return ss;
}

static void
test_damped_global (void)
{
  double x[144], best = HUGE_VAL;
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LEVEL, NULL, 0, 0, 1 };
  size_t i, ia, ib, ip;
  for (i = 0; i < 144; i++)
    x[i] = (double) (i + 1);
  /* Dense search inside R's bounds: alpha, beta/alpha, phi. */
  for (ia = 1; ia <= 40; ia++)
    for (ib = 0; ib <= 20; ib++)
      for (ip = 0; ip <= 30; ip++)
        {
          double al = 0.025 * (double) ia - 0.0001;
          double be = 1e-4 + (al - 1e-4) * (double) ib / 20;
          double s = dense_sse (al, be, 0.8 + 0.18 * (double) ip / 30);
          if (s < best)
            best = s;
        }
  cc_fit_model (cc_model_find ("damped"), x, air, 144, &o, w, &f, &err);
  ok (f.status == CC_FIT_OK, "damped on AirPassengers converged (%s)",
      f.note);
  ok (f.rss <= best * (1 + 1e-6), "damped SSE %.8g reaches the dense "
      "search's %.8g to 1e-6", f.rss, best);
}

static void
test_piecewise_speed (void)
{
  static double x[1000], y[1000];
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LOG, NULL, 0, 0, 1 };
  clock_t t0;
  size_t i;
  gsl_rng_set (r, 15);
  for (i = 0; i < 1000; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = (500 + 2 * x[i] + (x[i] > 600 ? 5 * (x[i] - 600) : 0))
             * exp (gsl_ran_gaussian (r, 0.01));
    }
  t0 = clock ();
  cc_fit_model (cc_model_find ("piecewise"), x, y, 1000, &o, w, &f, &err);
  double sec = (double) (clock () - t0) / CLOCKS_PER_SEC;
  ok (sec < 0.5, "piecewise on 1,000 points in %.3f s (< 0.5 s)", sec);
  ok (f.status == CC_FIT_OK && f.aux.ncp >= 1
      && fabs (f.aux.tau[0] - 600) < 20, "changepoint found near 600 "
      "(%g)", f.aux.tau[0]);
  /* 10,000 points: the refinement is linear in the stride. */
  {
    static double xx[10000], yy[10000];
    cc_fit_ws *big = cc_fit_ws_alloc (10000);
    for (i = 0; i < 10000; i++)
      {
        xx[i] = (double) (i + 1);
        yy[i] = (500 + 2 * xx[i] + (xx[i] > 6000 ? 5 * (xx[i] - 6000) : 0)
                 + (xx[i] > 8000 ? -4 * (xx[i] - 8000) : 0))
                * exp (gsl_ran_gaussian (r, 0.01));
      }
    t0 = clock ();
    cc_fit_model (cc_model_find ("piecewise"), xx, yy, 10000, &o, big, &f,
                  &err);
    sec = (double) (clock () - t0) / CLOCKS_PER_SEC;
    ok (sec < 6, "piecewise on 10,000 points in %.3f s (< 6 s; 17 s "
        "before the search was linear in its stride)", sec);
    ok (f.status == CC_FIT_OK && f.aux.ncp == 2
        && fabs (f.aux.tau[0] - 6000) < 50 && fabs (f.aux.tau[1] - 8000) < 50,
        "both changepoints found (%g, %g)", f.aux.tau[0], f.aux.tau[1]);
    cc_fit_ws_free (big);
  }
}

/* Early growth of a Richards curve (shape 0.3) with 8 % noise, 24
 * months: the shape is weakly identified, and many parameter draws break
 * nu > 0 or the rates' signs. */
static void
weak_richards (unsigned long seed, double *y, size_t n)
{
  size_t i;
  gsl_rng_set (r, seed);
  for (i = 0; i < n; i++)
    y[i] = 1000 / pow (1 + exp (3 - 0.15 * (double) (i + 1)), 1 / 0.3)
           * exp (gsl_ran_gaussian (r, 0.08));
}

/* Monte Carlo that rejects more than 20 % of its draws says so, in the
 * notes and in basis; and the median of the draws is the model's own
 * forecast, whatever was rejected (it sat 39 % below it). */
static void
test_rejection_and_median (void)
{
  const char *mod[2] = { "richards", "gompertz" };
  size_t seed, i, m, warned = 0, high = 0, wrong = 0, drift = 0, bands = 0;
  double y[24];
  for (m = 0; m < 2; m++)
    for (seed = 1; seed <= 40; seed++)
      {
        cc_forecast_opts o;
        cc_forecast f;
        cc_series s;
        cc_fit fit;
        cc_err err;
        weak_richards (seed, y, 24);
        to_series (&s, "a/b/c/weak", y, 24);
        opts (&o, mod[m], CC_SCALE_LOG, 12, 1000);
        cc_fit_model (cc_model_find (mod[m]), s.x, s.y, 24, &o.fo, w, &fit,
                      &err);
        if (fit.status == CC_FIT_OK && project (&o, &s, &f) == CC_OK
            && f.npart == 1 && f.part[0].kind == CC_FORECAST_BAND)
          {
            const cc_band *b = f.part[0].band;
            double share = (double) b->rejected
                           / (double) (b->rejected + b->accepted);
            int said = strstr (f.part[0].basis, "rejected") != NULL
                       && f.nnote > 0
                       && strstr (f.note[f.nnote - 1], "warning") != NULL;
            bands++;
            high += share > CC_FORECAST_REJECT_WARN;
            warned += said;
            wrong += said != (share > CC_FORECAST_REJECT_WARN);
            for (i = 0; i < 12; i++)
              drift += !(fabs (log (b->p50[i] / cc_fit_curve (&fit, 25 + i)))
                         < 1e-9);
          }
        if (fit.status == CC_FIT_OK)
          cc_forecast_clear (&f);
        cc_series_clear (&s);
      }
  ok (high > 0, "some weak fits reject more than 20 %% of their draws "
      "(%zu of %zu bands)", high, bands);
  is_int (wrong, 0, "a warning exactly when more than 20 %% are rejected "
          "(%zu warned)", warned);
  is_int (drift, 0, "the Monte Carlo median is the fitted forecast at "
          "every month of %zu Richards and Gompertz bands", bands);
}

/* Linear data: piecewise finds no changepoint and makes the linear fit's
 * predictions; in auto's mixture the two count once, and the basis gives
 * the Akaike weights of the models drawn. */
static void
test_mixture (void)
{
  double y[40];
  cc_forecast_opts o;
  cc_forecast f;
  cc_series s;
  size_t i, same = 0;
  gsl_rng_set (r, 21);
  for (i = 0; i < 40; i++)
    y[i] = (200 + 5 * (double) i) * exp (gsl_ran_gaussian (r, 0.02));
  to_series (&s, "a/b/c/line", y, 40);
  opts (&o, "linear,piecewise", CC_SCALE_LOG, 12, 400);
  o.models.autosel = 1;
  is_int (project (&o, &s, &f), CC_OK, "linear data: auto of linear and "
          "piecewise projects");
  for (i = 0; i < f.nnote; i++)
    same += strstr (f.note[i], "one fit, one weight") != NULL;
  is_int (same, 1, "linear and piecewise are one fit with one weight");
  ok (f.npart == 1 && strstr (f.part[0].basis, "Akaike weight") == NULL,
      "nothing left to mix: a single-model band (%s)",
      f.npart ? f.part[0].basis : "");
  cc_forecast_clear (&f);

  cc_series_clear (&s);
  /* Weakly identified saturation: the candidates that forecast about as
   * well are mixed, and the weights used are said and sum to 1. */
  {
    size_t seed, mixed = 0, told = 0, sums = 0;
    opts (&o, "auto", CC_SCALE_LOG, 12, 400);
    for (seed = 1; seed <= 20; seed++)
      {
        const char *p;
        double sum = 0, v;
        weak_richards (seed, y, 24);
        to_series (&s, "a/b/c/weak", y, 24);
        if (project (&o, &s, &f) == CC_OK && f.npart == 1
            && (p = strstr (f.part[0].basis, "Akaike weight:")) != NULL)
          {
            mixed++;
            for (p += 14; *p && *p != ';'; p++)
              if (*p == ' ' && sscanf (p, " %lf", &v) == 1)
                sum += v;
            sums += fabs (sum - 1) < 0.02;
            for (i = 0; i < f.nnote; i++)
              told += strstr (f.note[i], "draws the model by Akaike "
                              "weight") != NULL;
          }
        cc_forecast_clear (&f);
        cc_series_clear (&s);
      }
    ok (mixed > 0, "weak Richards data: %zu of 20 bands mix models", mixed);
    is_int (told, mixed, "each mixture's weights are on stderr");
    is_int (sums, mixed, "and the weights in basis sum to 1");
  }
}

/* An unidentified fit is never projected with a statistical band, not
 * even by the delta method (which printed lower bounds of 0 and empty
 * upper bounds). */
static void
test_unidentified_not_projected (void)
{
  double y[30];
  size_t i, j, tried = 0, refused = 0;
  for (j = 0; j < 20; j++)
    {
      cc_forecast_opts o;
      cc_forecast f;
      cc_series s;
      cc_fit fit;
      cc_err err;
      gsl_rng_set (r, 100 + j);
      for (i = 0; i < 30; i++)
        y[i] = 1e6 / (1 + exp (12 - 0.1 * (double) (i + 1)))
               * exp (gsl_ran_gaussian (r, 0.02));
      to_series (&s, "a/b/c/early", y, 30);
      opts (&o, "richards", CC_SCALE_LOG, 12, 0);
      o.po.method = CC_PI_DELTA;
      cc_fit_model (cc_model_find ("richards"), s.x, s.y, 30, &o.fo, w, &fit,
                    &err);
      if (fit.status == CC_FIT_UNIDENTIFIED)
        {
          tried++;
          refused += project (&o, &s, &f) == CC_EDATA
                     && strstr (f.err.msg, "unidentified") != NULL
                     && f.npart == 0;
          cc_forecast_clear (&f);
        }
      cc_series_clear (&s);
    }
  ok (tried > 0, "some early-phase Richards fits are unidentified (%zu)",
      tried);
  is_int (refused, tried, "none of them is projected with a band");
}

/* A noisy logistic on 1,000 points whose observations pass the cap is
 * not invalid either. */
static void
test_cap_long (void)
{
  static double x[1000], y[1000];
  double ymax = noisy_logistic (x, y, 1000, 8, 0.02, 22);
  cc_fit f;
  cc_err err;
  cc_fit_opts o = { CC_SCALE_LEVEL, NULL, 0, 0, 1 };
  cc_fit_model (cc_model_find ("logistic"), x, y, 1000, &o, w, &f, &err);
  ok (ymax > 5100 && f.status == CC_FIT_OK, "1,000 points reaching %g: "
      "logistic converged (%s)", ymax, cc_fit_status_name (f.status));
  is_rel (f.b[0], 5000, 0.01, "K recovered within 1 %%");
}

int
main (void)
{
  gsl_set_error_handler_off ();
  r = gsl_rng_alloc (gsl_rng_mt19937);
  w = cc_fit_ws_alloc (NMAX);
  test_smoothing ();
  test_anchor ();
  test_auto_and_nonneg ();
  test_handover ();
  test_identifiability ();
  test_cap ();
  test_damped_global ();
  test_piecewise_speed ();
  test_rejection_and_median ();
  test_mixture ();
  test_unidentified_not_projected ();
  test_cap_long ();
  cc_fit_ws_free (w);
  gsl_rng_free (r);
  return done_testing ();
}
