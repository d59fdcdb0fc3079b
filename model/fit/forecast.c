/* forecast.c: the forecasting policy of project (forecast.h). */
#include <config.h>

#include <gsl/gsl_rng.h>
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

/* The prediction band of FIT, from the series' own random stream. */
static int
band (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fit,
      cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  cc_forecast_part *p = &f->part[f->npart];
  cc_pi_opts po = o->po;
  int rc;
  memset (p, 0, sizeof *p);
  p->kind = CC_FORECAST_BAND;
  p->model = fit->model;
  p->scale = fit->scale;
  p->dof = cc_fit_dof (fit);
  p->band = cc_band_alloc (f->h, po.nlevel);
  if (p->band == NULL)
    return f->rc = cc_err_set (&f->err, CC_ESOFTWARE, NULL, 0, 0,
                               "out of memory");
  po.rng = w->rng;
  if (po.rng)
    gsl_rng_set (po.rng, cc_forecast_seed (o->seed, s->key));
  rc = cc_pi_compute (fit, &o->fo, s->x, s->y, s->n, f->xf, f->h, &po,
                      w->pw, p->band, &f->err);
  if (rc != CC_OK)
    {
      cc_band_free (p->band);
      return stop (f, rc, s->path);
    }
  f->npart++;
  return CC_OK;
}

/* "auto": a band from the AICc choice, or scenarios when AICc cannot
 * choose. */
static int
project_auto (const cc_forecast_opts *o, cc_forecast *f, const cc_fit *fits,
              size_t nfit, long sel, cc_forecast_ws *w)
{
  const cc_series *s = f->s;
  char why[96];
  size_t j;
  if (sel >= 0)
    {
      note (f, "%s: projecting %s (AICc weight %.3f)", s->key,
            fits[sel].model->name, fits[sel].weight);
      return band (o, f, &fits[sel], w);
    }
  for (j = 0; j < nfit; j++)
    if (fits[j].status == CC_FIT_OK)
      break;
  if (j == nfit)
    return f->rc = cc_err_set (&f->err, CC_EDATA, s->path, 0, 0,
                               "%s: no model converged; nothing to project",
                               s->key);
  /* Converged, but AICc (n > k + 1) cannot rank them: choosing a curve
   * would be arbitrary, so these are scenarios too. */
  snprintf (why, sizeof why, "%zu points are too few for AICc to choose a "
            "model", s->n);
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
  f->part = calloc (cap, sizeof *f->part);
  f->note = calloc (cap, sizeof *f->note);
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
