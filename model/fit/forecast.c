/* forecast.c: the forecasting policy of project (forecast.h). */
#include <config.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pool.h"
#include "fit/forecast.h"

struct cc_forecast_ws
{
  cc_fit_ws *w;
  cc_pi_ws *pw;         /* mc and bootstrap only */
  gsl_rng *rng;         /* likewise; reseeded for every series */
};

void
cc_forecast_opts_init (cc_forecast_opts *o)
{
  memset (o, 0, sizeof *o);
  o->models.autosel = 1;
  o->po.method = CC_PI_MC;
  o->po.level[0] = 80;
  o->po.level[1] = 95;
  o->po.nlevel = 2;
  o->seed = CC_FORECAST_SEED;
}

size_t
cc_forecast_default_draws (cc_pi_method m)
{
  return m == CC_PI_BOOTSTRAP ? 1000 : 10000;
}

unsigned long
cc_forecast_seed (unsigned long seed, const char *key)
{
  uint32_t h = 2166136261u;   /* FNV-1a */
  for (; *key; key++)
    h = (h ^ (unsigned char) *key) * 16777619u;
  return (seed + h) & 0xffffffffUL;
}

cc_forecast_ws *
cc_forecast_ws_alloc (const cc_forecast_opts *o, size_t maxn)
{
  cc_forecast_ws *w = calloc (1, sizeof *w);
  if (w == NULL)
    return NULL;
  w->w = cc_fit_ws_alloc (maxn);
  if (o->po.method != CC_PI_DELTA)
    {
      /* Mersenne Twister, reseeded per series (cc_forecast_seed). */
      w->rng = gsl_rng_alloc (gsl_rng_mt19937);
      w->pw = cc_pi_ws_alloc (o->po.draws, o->months, maxn);
    }
  if (w->w == NULL
      || (o->po.method != CC_PI_DELTA && (w->rng == NULL || w->pw == NULL)))
    {
      cc_forecast_ws_free (w);
      return NULL;
    }
  return w;
}

void
cc_forecast_ws_free (cc_forecast_ws *w)
{
  if (w == NULL)
    return;
  if (w->rng)
    gsl_rng_free (w->rng);
  cc_pi_ws_free (w->pw);
  cc_fit_ws_free (w->w);
  free (w);
}

/* Stop F with status RC; ERR's message gets the series key in front. */
static int
stop (cc_forecast *f, int rc, const char *path)
{
  cc_err e = f->err;   /* the message must not be its own argument */
  f->rc = cc_err_set (&f->err, rc, path, 0, 0, "%s: %s", f->s->key, e.msg);
  return f->rc;
}

static void
note (cc_forecast *f, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
note (cc_forecast *f, const char *fmt, ...)
{
  char buf[CC_FORECAST_NOTE];
  size_t i;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  /* Each thing said once, and no more than there is room for. */
  for (i = 0; i < f->nnote; i++)
    if (strcmp (f->note[i], buf) == 0)
      return;
  if (f->nnote < f->notecap)
    memcpy (f->note[f->nnote++], buf, sizeof buf);
}

/* No band: the named scenarios through the first and last points. */
static int
fallback (cc_forecast *f, const char *why)
{
  const cc_series *s = f->s;
  cc_forecast_part *p = &f->part[f->npart];
  int rc;
  memset (p, 0, sizeof *p);
  p->kind = CC_FORECAST_SCENARIOS;
  snprintf (p->why, sizeof p->why, "%s", why);
  p->sc.v = calloc (CC_SCEN_MAX * f->h, sizeof (double));
  if (p->sc.v == NULL)
    return f->rc = cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0,
                               "out of memory");
  rc = cc_fit_scenario_fallback (s->x, s->y, s->n, s->unit, f->xf, f->h,
                                 &p->sc, &f->err);
  if (rc != CC_OK)
    {
      free (p->sc.v);
      return stop (f, rc, s->path);
    }
  f->npart++;
  note (f, "%s: %s: no statistical band; projecting named scenarios",
        s->key, why);
  return CC_OK;
}

/* A quantity that is never negative in the data stays non-negative in
 * its band (level scale: the normal noise of a band may reach below 0). */
static void
clamp_band (cc_band *b, size_t nlevel)
{
  size_t i;
  for (i = 0; i < b->h; i++)
    {
      b->p10[i] = b->p10[i] < 0 ? 0 : b->p10[i];
      b->p50[i] = b->p50[i] < 0 ? 0 : b->p50[i];
      b->p90[i] = b->p90[i] < 0 ? 0 : b->p90[i];
    }
  for (i = 0; i < b->h * nlevel; i++)
    {
      b->lo[i] = b->lo[i] < 0 ? 0 : b->lo[i];
      b->hi[i] = b->hi[i] < 0 ? 0 : b->hi[i];
    }
}

/* The part for a band of FIT (the model the CSV names). */
static cc_forecast_part *
band_part (cc_forecast *f, const cc_fit *fit, size_t nlevel)
{
  cc_forecast_part *p = &f->part[f->npart];
  memset (p, 0, sizeof *p);
  p->kind = CC_FORECAST_BAND;
  p->model = fit->model;
  p->scale = fit->scale;
  p->dof = cc_fit_dof (fit);
  p->band = cc_band_alloc (f->h, nlevel);
  return p;
}

static void
basis_add (cc_forecast_part *p, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
basis_add (cc_forecast_part *p, const char *fmt, ...)
{
  size_t len = strlen (p->basis);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (p->basis + len, sizeof p->basis - len, fmt, ap);
  va_end (ap);
}

/* Clamp a band of non-negative data, say so when many draws were
 * rejected, and count the part in. */
static void
band_done (const cc_forecast_opts *o, cc_forecast *f, cc_forecast_part *p,
           const char *name, const char *constraint)
{
  const cc_series *s = f->s;
  size_t i;
  int nonneg = 1;
  for (i = 0; i < s->n; i++)
    nonneg &= s->y[i] >= 0;
  if (nonneg)
    clamp_band (p->band, o->po.nlevel);
  if (p->band->rejected > 0
      && (double) p->band->rejected
           > CC_FORECAST_REJECT_WARN
               * (double) (p->band->rejected + p->band->accepted))
    {
      double pct = 100.0 * (double) p->band->rejected
                   / (double) (p->band->rejected + p->band->accepted);
      basis_add (p, "; warning: %.0f %% of parameter draws rejected", pct);
      note (f, "%s: warning: %s rejected %.0f %% of its parameter draws "
            "(%s); the band describes the admissible part only", s->key,
            name, pct, constraint ? constraint : "domain");
    }
  f->npart++;
}

/* The part of F that holds FIT's band, and in *PO the interval options
 * with the generator seeded from the series' own stream; NULL (F->err
 * set) when out of memory. */
static cc_forecast_part *
band_start (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fit,
            cc_forecast_ws *w, cc_pi_opts *po)
{
  cc_forecast_part *p = band_part (f, fit, o->po.nlevel);
  if (p->band == NULL)
    {
      cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      return NULL;
    }
  *po = o->po;
  po->rng = w->rng;
  if (po->rng)
    gsl_rng_set (po->rng, cc_forecast_seed (o->seed, f->s->key));
  return p;
}

/* The prediction band of FIT, from the series' own random stream; on
 * failure nothing is added and F->err says why. */
static int
try_band (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fit,
          cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  cc_pi_opts po;
  cc_forecast_part *p = band_start (o, f, fit, w, &po);
  int rc;
  if (p == NULL)
    return f->err.status;
  rc = cc_pi_compute (fit, &o->fo, s->x, s->y, s->n, f->xf, f->h, &po,
                      w->pw, p->band, &f->err);
  if (rc != CC_OK)
    {
      cc_band_free (p->band);
      p->band = NULL;
      return rc;
    }
  if (fit->anchor != 0)
    basis_add (p, "; re-anchored on the latest observation");
  band_done (o, f, p, fit->model->name, fit->model->constraint);
  return CC_OK;
}

/* The band of FIT; a failure stops the series. */
static int
band (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fit,
      cc_forecast_ws *w)
{
  int rc = try_band (o, f, fit, w);
  return rc == CC_OK ? CC_OK : stop (f, rc, f->s->path);
}

/* Months between rolling origins forecasting H ahead: a quarter of the
 * horizon (at least 1), so that the origins span more of the series than
 * consecutive ones would while the forecasts still come from most of it. */
static size_t
cv_step (size_t h)
{
  return h >= 6 ? (h + 2) / 4 : 1;
}

double
cc_forecast_cv_errors (const cc_model *m, const cc_fit_opts *fo,
                       const double *x, const double *y, size_t n, size_t h,
                       cc_fit_ws *w, double *e, size_t *ne)
{
  size_t j, i, minfit = m->min_n > 6 ? m->min_n : 6, cnt = 0;
  double sum = 0;
  cc_err err;
  if (ne)
    *ne = 0;
  if (h > CC_FORECAST_CV_H)
    h = CC_FORECAST_CV_H;
  /* Hold out at most a third of the series at the last origin. */
  while (h > 1 && 3 * h > n)
    h--;
  for (j = 0; j < CC_FORECAST_CV_ORIGINS; j++)
    {
      cc_fit fit;
      size_t origin;
      if (n < h + j * cv_step (h) + minfit)
        break;
      origin = n - h - j * cv_step (h);
      if (cc_fit_model (m, x, y, origin, fo, w, &fit, &err) != CC_OK
          || fit.status != CC_FIT_OK)
        {
          /* A model that cannot be fitted from an origin is a poor
           * forecaster: the largest error any origin could give. */
          return HUGE_VAL;
        }
      cc_fit_anchor (&fit, x, y, origin);
      for (i = 0; i < h && origin + i < n; i++)
        {
          double fc = cc_fit_eval (&fit, fit.b, x[origin + i]);
          double z = fo->scale == CC_SCALE_LOG ? log (y[origin + i])
                                               : y[origin + i];
          if (!isfinite (fc))
            return HUGE_VAL;
          if (e)
            {
              e[*ne] = z - fc;
              e[*ne + CC_FORECAST_CV_MAXE] = (double) (i + 1);
              ++*ne;
            }
          sum += fabs (fc - z);
          cnt++;
        }
    }
  return cnt ? sum / (double) cnt : NAN;
}

double
cc_forecast_cv_error (const cc_model *m, const cc_fit_opts *fo,
                      const double *x, const double *y, size_t n, size_t h,
                      cc_fit_ws *w)
{
  return cc_forecast_cv_errors (m, fo, x, y, n, h, w, NULL, NULL);
}

typedef struct
{
  size_t i;
  double cv, aicc;
  int usable;                         /* not yet failed */
  size_t ne;                          /* rolling-origin errors kept */
  double e[2 * CC_FORECAST_CV_MAXE];  /* errors, then their horizons */
} ranked;

static int
cmp_ranked (const void *pa, const void *pb)
{
  const ranked *a = pa, *b = pb;
  int na = !isfinite (a->cv), nb = !isfinite (b->cv);
  if (na != nb)
    return na - nb;
  if (!na && a->cv != b->cv)
    return a->cv < b->cv ? -1 : 1;
  na = !isfinite (a->aicc);
  nb = !isfinite (b->aicc);
  if (na != nb)
    return na - nb;
  if (!na && a->aicc != b->aicc)
    return a->aicc < b->aicc ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}

/* The candidates whose band draws mix with chosen candidate C: C first,
 * then the usable ones with an AICc whose rolling-origin error is within
 * CC_FORECAST_MIX_CV of C's (any, when no error could be computed),
 * one of each set of identical fits.  Their Akaike weights (AICc, over
 * the mixture) into WT; returns how many. */
static size_t
mixture (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fits,
         const ranked *r, size_t nr, size_t c, size_t ncv, size_t *set,
         double *wt)
{
  size_t k, j, ns = 1;
  double min, sum = 0;
  set[0] = c;
  wt[0] = 1;
  if (o->po.method != CC_PI_MC || !isfinite (r[c].aicc))
    return 1;
  for (k = 0; k < nr && ns < CC_PI_MAXMIX; k++)
    {
      const cc_fit *fk = &fits[r[k].i];
      if (k == c || !r[k].usable || !isfinite (r[k].aicc))
        continue;
      if (ncv > 0 && !(r[k].cv <= CC_FORECAST_MIX_CV * r[c].cv))
        continue;
      for (j = 0; j < ns; j++)
        if (cc_fit_same (&fits[r[set[j]].i], fk, f->s->x, f->s->n, f->xf,
                         f->h))
          break;
      if (j < ns)
        {
          note (f, "%s: %s makes the same predictions as %s: one fit, "
                "one weight", f->s->key, fk->model->name,
                fits[r[set[j]].i].model->name);
          continue;
        }
      set[ns++] = k;
    }
  min = r[c].aicc;
  for (j = 1; j < ns; j++)
    min = fmin (min, r[set[j]].aicc);
  for (j = 0; j < ns; j++)
    sum += wt[j] = exp (-(r[set[j]].aicc - min) / 2);
  for (j = 0; j < ns; j++)
    wt[j] /= sum;
  return ns;
}

/* The pool of the forecast: the chosen candidate R[C] and the next best
 * by rolling-origin error whose error is at most CC_FORECAST_MIX_CV times
 * its own, one of each set of identical fits, up to CC_FORECAST_POOL,
 * into SET; returns how many (1 when no error could be computed). */
static size_t
pool (cc_forecast *f, const cc_fit *fits, const ranked *r, size_t nr,
      size_t c, size_t *set)
{
  size_t k, j, ns = 1;
  set[0] = c;
  if (!isfinite (r[c].cv))
    return 1;
  for (k = 0; k < nr && ns < CC_FORECAST_POOL; k++)
    {
      if (k == c || !r[k].usable || !(r[k].cv <= CC_FORECAST_MIX_CV * r[c].cv))
        continue;
      for (j = 0; j < ns; j++)
        if (cc_fit_same (&fits[r[set[j]].i], &fits[r[k].i], f->s->x,
                         f->s->n, f->xf, f->h))
          break;
      if (j == ns)
        set[ns++] = k;
    }
  return ns;
}

/* The weighted mean of the forecasts of the pool SET (NS members) on the
 * fitting scale at the future x into PT, and the same mean of their
 * rolling-origin errors (the same origins and horizons, as far as every
 * member has them: the errors of the combined forecast) into E, *NE;
 * returns NS. */
static size_t
combine (const cc_forecast *f, const cc_fit *fits, const ranked *r,
         const size_t *set, size_t ns, double *pt, double *e, size_t *ne)
{
  size_t i, j, k;
  double wt[CC_FORECAST_POOL], sw = 0;
  /* Weights inversely proportional to the mean squared rolling-origin
   * error (Bates and Granger 1969); equal when no error is known. */
  for (j = 0; j < ns; j++)
    {
      double mse = 0;
      for (k = 0; k < r[set[j]].ne; k++)
        mse += r[set[j]].e[k] * r[set[j]].e[k] / (double) r[set[j]].ne;
      sw += wt[j] = mse > 0 && isfinite (mse) ? 1 / mse : 1;
    }
  for (j = 0; j < ns; j++)
    wt[j] /= sw;
  *ne = r[set[0]].ne;
  for (j = 1; j < ns; j++)
    *ne = r[set[j]].ne < *ne ? r[set[j]].ne : *ne;
  for (i = 0; i < f->h; i++)
    {
      pt[i] = 0;
      for (j = 0; j < ns; j++)
        {
          const cc_fit *fit = &fits[r[set[j]].i];
          pt[i] += cc_fit_eval (fit, fit->b, f->xf[i]) * wt[j];
        }
    }
  for (k = 0; k < *ne; k++)
    {
      e[k] = 0;
      e[CC_FORECAST_CV_MAXE + k] = r[set[0]].e[CC_FORECAST_CV_MAXE + k];
      for (j = 0; j < ns; j++)
        e[k] += r[set[j]].e[k] * wt[j];
    }
  return ns;
}

/* Widen band B, at each horizon the rolling-origin errors E (NE of them,
 * horizons after them) reach, so that each level's bounds are at least
 * as far from the median as the root mean square error there times
 * Student's t quantile of the level, with as many degrees of freedom as
 * the origins span windows of the horizon (at least 2); never narrower
 * than the band is.  Returns the largest factor (1: not
 * widened). */
static double
widen (cc_band *b, cc_scale scale, const double *level, const double *e,
       size_t ne)
{
  double q[CC_FORECAST_CV_H] = { 0 }, cnt[CC_FORECAST_CV_H] = { 0 };
  double cf[CC_FORECAST_CV_H * (CC_PI_MAXLEVEL + 1)], cmax = 1, nu;
  size_t i, k, l, nc = 0, L = b->nlevel + 1, hcv = 1;
  for (k = 0; k < ne; k++)
    {
      i = (size_t) e[CC_FORECAST_CV_MAXE + k] - 1;
      hcv = i + 1 > hcv ? i + 1 : hcv;
      if (i < CC_FORECAST_CV_H && isfinite (e[k]))
        {
          q[i] += e[k] * e[k];
          cnt[i]++;
        }
    }
  for (i = 0; i < b->h && i < CC_FORECAST_CV_H && cnt[i] > 0; i++)
    {
      double m = scale == CC_SCALE_LOG ? log (b->p50[i]) : b->p50[i];
      double rms = sqrt (q[i] / cnt[i]);
      /* Origins closer than the horizon share most of their target
       * months: count the windows of HCV months they span. */
      nu = fmax (2, 1 + (cnt[i] - 1) * (double) cv_step (hcv) / (double) hcv);
      for (l = 0; l < L; l++)
        {
          double lo = l ? b->lo[i * b->nlevel + l - 1] : b->p10[i];
          double hi = l ? b->hi[i * b->nlevel + l - 1] : b->p90[i];
          double p = 0.5 + (l ? level[l - 1] : 80) / 200, hw;
          if (scale == CC_SCALE_LOG)
            {
              lo = log (lo);
              hi = log (hi);
            }
          hw = fmax (m - lo, hi - m);
          cf[i * L + l] = 1;
          if (hw > 0 && rms * gsl_cdf_tdist_Pinv (p, nu) > hw)
            cf[i * L + l] = rms * gsl_cdf_tdist_Pinv (p, nu) / hw;
          cmax = fmax (cmax, cf[i * L + l]);
        }
      nc++;
    }
  cc_band_widen (b, scale, cf, nc);
  return cmax;
}

/* Centre the band of part P (chosen candidate R[C]) on the combined
 * forecast of its pool and widen it to that combination's rolling-origin
 * errors, saying so in P's basis. */
static void
centre (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fits,
        const ranked *r, size_t nr, size_t c, cc_forecast_part *p)
{
  size_t set[CC_FORECAST_POOL], ns, ne, i, j;
  double pt[CC_FORECAST_MAX_MONTHS], e[2 * CC_FORECAST_CV_MAXE], cmax;
  cc_band *b = p->band;
  ns = pool (f, fits, r, nr, c, set);
  combine (f, fits, r, set, ns, pt, e, &ne);
  for (i = 0; i < f->h; i++)
    {
      double m = p->scale == CC_SCALE_LOG ? log (b->p50[i]) : b->p50[i];
      pt[i] = isfinite (pt[i]) && isfinite (m) ? pt[i] - m : 0;
    }
  if (ns > 1)
    {
      cc_band_shift (b, p->scale, pt);
      basis_add (p, "; centred on the combined forecast of");
      for (j = 0; j < ns; j++)
        basis_add (p, "%s %s", j ? "," : "", fits[r[set[j]].i].model->name);
    }
  cmax = widen (b, p->scale, o->po.level, e, ne);
  if (cmax > 1)
    basis_add (p, "; widened up to x%.2f to the rolling-origin errors",
               cmax);
}

/* The band of the mixture SET (weights WT) of ranked candidates, the
 * first of which the CSV names, widened to the rolling-origin errors of
 * its members (widen).  On failure *BAD is the member that failed. */
static int
try_mix (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fits,
         const ranked *r, size_t nr, const size_t *set, const double *wt,
         size_t ns, cc_forecast_ws *w, size_t *bad)
{
  const cc_fit *mf[CC_PI_MAXMIX], *fit = &fits[r[set[0]].i];
  size_t cnt[CC_PI_MAXMIX], j, anchored = 0;
  cc_pi_opts po;
  cc_forecast_part *p = band_start (o, f, fit, w, &po);
  int rc;
  *bad = 0;
  if (p == NULL)
    return f->err.status;
  for (j = 0; j < ns; j++)
    {
      mf[j] = &fits[r[set[j]].i];
      anchored += mf[j]->anchor != 0;
    }
  if (ns == 1)
    rc = cc_pi_compute (fit, &o->fo, f->s->x, f->s->y, f->s->n, f->xf, f->h,
                        &po, w->pw, p->band, &f->err);
  else
    rc = cc_pi_mix (mf, wt, ns, &o->fo, f->xf, f->h, &po, w->pw, p->band,
                    cnt, bad, &f->err);
  if (rc != CC_OK)
    {
      cc_band_free (p->band);
      p->band = NULL;
      return rc;
    }
  basis_add (p, "; chosen by %s", isfinite (r[set[0]].cv)
                                   ? "rolling-origin error" : "AICc");
  if (ns > 1)
    {
      basis_add (p, "; models drawn by Akaike weight:");
      for (j = 0; j < ns; j++)
        basis_add (p, "%s %s %.2f", j ? "," : "", mf[j]->model->name,
                   wt[j]);
    }
  if (anchored)
    basis_add (p, "; growth curves re-anchored on the latest observation");
  centre (o, f, fits, r, nr, set[0], p);
  band_done (o, f, p, ns > 1 ? "the mixture" : fit->model->name,
             ns > 1 ? NULL : fit->model->constraint);
  return CC_OK;
}

/* Tell what auto projected for the chosen candidate R[SET[0]]. */
static void
auto_note (cc_forecast *f, const cc_fit *fits, const ranked *r,
           const size_t *set, const double *wt, size_t ns)
{
  const cc_fit *fit = &fits[r[set[0]].i];
  char mix[CC_FORECAST_NOTE] = "";
  size_t j, len = 0;
  for (j = 0; ns > 1 && j < ns && len < sizeof mix; j++)
    len += (size_t) snprintf (mix + len, sizeof mix - len, "%s%s %.3f",
                              j ? ", " : "; the band draws the model by "
                              "Akaike weight: ", fits[r[set[j]].i].model->name,
                              wt[j]);
  if (isfinite (r[set[0]].cv))
    note (f, "%s: projecting %s (lowest rolling-origin error %.4g on the "
          "%s scale; AICc weight %.3f)%s", f->s->key, fit->model->name,
          r[set[0]].cv, fit->scale == CC_SCALE_LOG ? "log" : "level",
          fit->weight, mix);
  else
    note (f, "%s: projecting %s (AICc weight %.3f)%s", f->s->key,
          fit->model->name, fit->weight, mix);
}

/* "auto": candidates ranked by rolling-origin error; the first that can
 * be projected gets the band, mixed with the candidates that forecast
 * about as well by their Akaike weights; the others hand over with a
 * note. */
static int
project_auto (const cc_forecast_opts *o, cc_forecast *f, cc_fit *fits,
              size_t nfit, long sel, cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  ranked *r = calloc (CC_FIT_MAXMODEL, sizeof *r);
  char why[96];
  size_t j, nr = 0, ncv = 0, set[CC_PI_MAXMIX], ns, bad;
  double wt[CC_PI_MAXMIX];
  int rc = CC_OK;
  if (r == NULL)
    return f->rc = cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0,
                               "out of memory");
  for (j = 0; j < nfit; j++)
    if (fits[j].status == CC_FIT_UNIDENTIFIED)
      note (f, "%s: %s is unidentified (%s); not a candidate", s->key,
            fits[j].model->name, fits[j].note);
  for (j = 0; j < nfit; j++)
    if (fits[j].status == CC_FIT_OK && cc_fit_dof (&fits[j]) >= 2)
      {
        cc_fit_anchor (&fits[j], s->x, s->y, s->n);
        r[nr].i = j;
        r[nr].aicc = fits[j].aicc;
        r[nr].usable = 1;
        r[nr].cv = cc_forecast_cv_errors (fits[j].model, &o->fo, s->x, s->y,
                                          s->n, f->h, w->w, r[nr].e,
                                          &r[nr].ne);
        ncv += isfinite (r[nr].cv);
        nr++;
      }
  for (j = 0; j < nr && fits[r[j].i].rss == 0; j++)
    ;
  if (nr == 0)
    snprintf (why, sizeof why, "no model converged");
  else if (j == nr)
    snprintf (why, sizeof why, "the models fit exactly (RSS = 0, e.g. a "
              "constant series): no noise to build a band from");
  /* Neither held-out error nor AICc can rank them: choosing a curve
   * would be arbitrary, so these are scenarios too. */
  else if (ncv == 0 && sel < 0)
    snprintf (why, sizeof why, "%zu points are too few to choose a model",
              s->n);
  else
    {
      snprintf (why, sizeof why, "no candidate model could be projected");
      qsort (r, nr, sizeof r[0], cmp_ranked);
      for (j = 0; j < nr; j++)
        {
          if (!r[j].usable)
            continue;
          ns = mixture (o, f, fits, r, nr, j, ncv, set, wt);
          if (try_mix (o, f, fits, r, nr, set, wt, ns, w, &bad) == CC_OK)
            {
              auto_note (f, fits, r, set, wt, ns);
              free (r);
              return CC_OK;
            }
          note (f, "%s: %s cannot be projected (%s); %s", s->key,
                fits[r[set[bad]].i].model->name, f->err.msg,
                bad == 0 ? "handing over to the next candidate"
                         : "left out of the mixture");
          r[set[bad]].usable = 0;
          if (bad > 0)
            j--;   /* the same choice, without the member that failed */
        }
    }
  free (r);
  rc = fallback (f, why);
  return rc;
}

/* Models named explicitly: each gets a band, or scenarios when it leaves
 * too few degrees of freedom; an unconverged one stops the series. */
static int
project_named (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fits,
               size_t nfit, cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  char why[96];
  size_t j;
  int rc;
  for (j = 0; j < nfit; j++)
    {
      const cc_fit *fit = &fits[j];
      if (fit->status != CC_FIT_OK)
        return f->rc = cc_err_set (&f->err, CC_EDATA, s->path, 0, 0,
                                   "%s: %s is %s (%s); not projected",
                                   s->key, fit->model->name,
                                   cc_fit_status_name (fit->status),
                                   fit->note);
      if (cc_fit_dof (fit) < 2)
        {
          snprintf (why, sizeof why, "%s leaves %g residual degrees of "
                    "freedom", fit->model->name, cc_fit_dof (fit));
          rc = fallback (f, why);
        }
      else
        rc = band (o, f, fit, w);
      if (rc != CC_OK)
        return rc;
    }
  return CC_OK;
}

int
cc_forecast_series (const cc_forecast_opts *o, const cc_series *s,
                    cc_forecast_ws *w, cc_forecast *f)
{
  cc_fit fits[CC_FIT_MAXMODEL];
  size_t j, nfit, cap = o->models.nmodel > 0 ? o->models.nmodel : 1;
  long sel;
  char why[96];

  memset (f, 0, sizeof *f);
  f->s = s;
  f->h = o->months;
  f->xf = malloc (f->h * sizeof *f->xf);
  f->part = calloc (cap + 1, sizeof *f->part);
  f->notecap = 4 * cap + CC_FIT_MAXMODEL + 4;
  f->note = calloc (f->notecap, sizeof *f->note);
  if (f->xf == NULL || f->part == NULL || f->note == NULL)
    return f->rc = cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0,
                               "out of memory");
  for (j = 0; j < f->h; j++)
    f->xf[j] = s->x[s->n - 1] + (double) (j + 1);
  /* Two or three points: every curve through them is a scenario. */
  if (s->n < 4)
    {
      snprintf (why, sizeof why, "%zu points leave fewer than 2 residual "
                "degrees of freedom", s->n);
      return fallback (f, why);
    }
  f->rc = cc_fit_all (&o->models, s->key, s->x, s->y, s->n, &o->fo, w->w,
                      fits, &nfit, &sel, &f->err);
  if (f->rc != CC_OK)
    return f->rc;
  if (o->models.autosel)
    return project_auto (o, f, fits, nfit, sel, w);
  return project_named (o, f, fits, nfit, w);
}

void
cc_forecast_clear (cc_forecast *f)
{
  size_t i;
  for (i = 0; i < f->npart; i++)
    {
      cc_band_free (f->part[i].band);
      free (f->part[i].sc.v);
    }
  free (f->part);
  free (f->note);
  free (f->xf);
  memset (f, 0, sizeof *f);
}

typedef struct
{
  const cc_forecast_opts *o;
  const cc_series_set *set;
  cc_forecast_ws *ws[CC_FORECAST_MAX_WORKERS];
  cc_forecast *out;
} forecast_job;

static void
series_job (size_t i, size_t k, void *ctx)
{
  forecast_job *job = ctx;
  cc_forecast_series (job->o, &job->set->s[i], job->ws[k], &job->out[i]);
}

int
cc_forecast_all (const cc_forecast_opts *o, const cc_series_set *set,
                 size_t nworkers, cc_forecast **out, cc_err *err)
{
  forecast_job job;
  size_t i, k, maxn = 0;
  int rc = CC_OK;

  memset (&job, 0, sizeof job);
  job.o = o;
  job.set = set;
  *out = NULL;
  if (nworkers > CC_FORECAST_MAX_WORKERS)
    nworkers = CC_FORECAST_MAX_WORKERS;
  if (nworkers > set->n)
    nworkers = set->n;
  for (i = 0; i < set->n; i++)
    if (set->s[i].n > maxn)
      maxn = set->s[i].n;
  job.out = calloc (set->n ? set->n : 1, sizeof *job.out);
  for (k = 0; job.out != NULL && k < nworkers; k++)
    if ((job.ws[k] = cc_forecast_ws_alloc (o, maxn)) == NULL)
      break;
  if (job.out == NULL || k < nworkers)
    {
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      free (job.out);
      job.out = NULL;
    }
  else
    cc_pool_run (set->n, nworkers, series_job, &job);
  for (k = 0; k < nworkers; k++)
    cc_forecast_ws_free (job.ws[k]);
  *out = job.out;
  return rc;
}

void
cc_forecast_free (cc_forecast *f, size_t n)
{
  size_t i;
  for (i = 0; f != NULL && i < n; i++)
    cc_forecast_clear (&f[i]);
  free (f);
}
