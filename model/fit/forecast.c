/* forecast.c: the forecasting policy of project (forecast.h). */
#include <config.h>

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
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (f->note[f->nnote++], CC_FORECAST_NOTE, fmt, ap);
  va_end (ap);
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
  rc = cc_fit_scenario_fallback (s->x, s->y, s->n, f->xf, f->h, &p->sc,
                                 &f->err);
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

/* The prediction band of FIT, from the series' own random stream; on
 * failure nothing is added and F->err says why. */
static int
try_band (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fit,
          cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  cc_forecast_part *p = &f->part[f->npart];
  cc_pi_opts po = o->po;
  size_t i;
  int rc, nonneg = 1;
  memset (p, 0, sizeof *p);
  p->kind = CC_FORECAST_BAND;
  p->model = fit->model;
  p->scale = fit->scale;
  p->dof = cc_fit_dof (fit);
  p->band = cc_band_alloc (f->h, po.nlevel);
  if (p->band == NULL)
    return cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  po.rng = w->rng;
  if (po.rng)
    gsl_rng_set (po.rng, cc_forecast_seed (o->seed, s->key));
  rc = cc_pi_compute (fit, &o->fo, s->x, s->y, s->n, f->xf, f->h, &po,
                      w->pw, p->band, &f->err);
  if (rc != CC_OK)
    {
      cc_band_free (p->band);
      p->band = NULL;
      return rc;
    }
  for (i = 0; i < s->n; i++)
    nonneg &= s->y[i] >= 0;
  if (nonneg)
    clamp_band (p->band, po.nlevel);
  if (fit->anchor != 0)
    snprintf (p->basis, sizeof p->basis, "; re-anchored on the latest "
              "observation");
  if (p->band->rejected > 0
      && (double) p->band->rejected
           > CC_FORECAST_REJECT_WARN
               * (double) (p->band->rejected + p->band->accepted))
    {
      double pct = 100.0 * (double) p->band->rejected
                   / (double) (p->band->rejected + p->band->accepted);
      size_t len = strlen (p->basis);
      snprintf (p->basis + len, sizeof p->basis - len, "; warning: %.0f %% "
                "of parameter draws rejected", pct);
      note (f, "%s: warning: %s rejected %.0f %% of its parameter draws "
            "(%s); the band describes the admissible part only", s->key,
            fit->model->name, pct,
            fit->model->constraint ? fit->model->constraint : "domain");
    }
  f->npart++;
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

/* The forecast of a fit of the first ORIGIN points at x[origin + i]. */
double
cc_forecast_cv_error (const cc_model *m, const cc_fit_opts *fo,
                      const double *x, const double *y, size_t n, size_t h,
                      cc_fit_ws *w)
{
  size_t j, i, minfit = m->min_n > 6 ? m->min_n : 6, cnt = 0;
  double sum = 0;
  cc_err err;
  if (h > CC_FORECAST_CV_H)
    h = CC_FORECAST_CV_H;
  /* Hold out at most a third of the series at the last origin. */
  while (h > 1 && 3 * h > n)
    h--;
  for (j = 0; j < CC_FORECAST_CV_ORIGINS; j++)
    {
      cc_fit fit;
      size_t origin;
      if (n < h + j + minfit)
        break;
      origin = n - h - j;
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
          sum += fabs (fc - z);
          cnt++;
        }
    }
  return cnt ? sum / (double) cnt : NAN;
}

typedef struct
{
  size_t i;
  double cv, aicc;
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

/* "auto": candidates ranked by rolling-origin error; the first that can
 * be projected gets the band, the others hand over with a note. */
static int
project_auto (const cc_forecast_opts *o, cc_forecast *f, cc_fit *fits,
              size_t nfit, long sel, cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  ranked r[CC_FIT_MAXMODEL];
  char why[96];
  size_t j, nr = 0, ncv = 0;
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
        r[nr].cv = cc_forecast_cv_error (fits[j].model, &o->fo, s->x, s->y,
                                         s->n, f->h, w->w);
        ncv += isfinite (r[nr].cv);
        nr++;
      }
  if (nr == 0)
    {
      snprintf (why, sizeof why, "no model converged");
      return fallback (f, why);
    }
  for (j = 0; j < nr && fits[r[j].i].rss == 0; j++)
    ;
  if (j == nr)
    {
      snprintf (why, sizeof why, "the models fit exactly (RSS = 0, e.g. a "
                "constant series): no noise to build a band from");
      return fallback (f, why);
    }
  if (ncv == 0 && sel < 0)
    {
      /* Neither held-out error nor AICc can rank them: choosing a curve
       * would be arbitrary, so these are scenarios too. */
      snprintf (why, sizeof why, "%zu points are too few to choose a "
                "model", s->n);
      return fallback (f, why);
    }
  qsort (r, nr, sizeof r[0], cmp_ranked);
  for (j = 0; j < nr; j++)
    {
      const cc_fit *fit = &fits[r[j].i];
      size_t len;
      if (try_band (o, f, fit, w) != CC_OK)
        {
          note (f, "%s: %s cannot be projected (%s); handing over to the "
                "next candidate", s->key, fit->model->name, f->err.msg);
          continue;
        }
      len = strlen (f->part[f->npart - 1].basis);
      if (isfinite (r[j].cv))
        {
          snprintf (f->part[f->npart - 1].basis + len,
                    sizeof f->part[0].basis - len, "; chosen by "
                    "rolling-origin error");
          note (f, "%s: projecting %s (lowest rolling-origin error %.4g on "
                "the %s scale; AICc weight %.3f)", s->key, fit->model->name,
                r[j].cv, fit->scale == CC_SCALE_LOG ? "log" : "level",
                fit->weight);
        }
      else
        {
          snprintf (f->part[f->npart - 1].basis + len,
                    sizeof f->part[0].basis - len, "; chosen by AICc");
          note (f, "%s: projecting %s (AICc weight %.3f)", s->key,
                fit->model->name, fit->weight);
        }
      return CC_OK;
    }
  snprintf (why, sizeof why, "no candidate model could be projected");
  return fallback (f, why);
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
  f->note = calloc (2 * cap + CC_FIT_MAXMODEL + 2, sizeof *f->note);
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
