/* fit_out.c: the fit and project tables (fit_out.h). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/json.h"
#include "core/timeutil.h"
#include "fit/fit_out.h"

/* Significant digits of every number in these tables. */
#define SIG 12

/* ",V" with V to SIG digits, or "," alone when V is not finite. */
static void
num (FILE *fp, double v)
{
  putc (',', fp);
  if (isfinite (v))
    fprintf (fp, "%.*g", SIG, v);
}

/* ",S" quoted as CSV needs. */
static void
str (FILE *fp, const char *s)
{
  putc (',', fp);
  cc_csv_field (fp, s);
}

static const char *
scale_name (cc_scale s)
{
  return s == CC_SCALE_LOG ? "log" : "level";
}

void
cc_compare_csv_header (FILE *fp, size_t maxshow, int holdout)
{
  size_t j;
  fputs ("series,unit,model,scale,n,k,converged,rss,sigma,aic,aicc,bic,"
         "aicc_level,weight,selected", fp);
  if (holdout)
    fputs (",holdout,mape,in80,in95,rolling_mape,origins", fp);
  fputs (",note", fp);
  for (j = 1; j <= maxshow; j++)
    fprintf (fp, ",param%zu,value%zu,se%zu", j, j, j);
  putc ('\n', fp);
}

/* The backtest columns of one fit. */
static void
csv_backtest (FILE *fp, const cc_backtest *b)
{
  fprintf (fp, ",%zu", b->holdout);
  if (!b->done)
    {
      fputs (",,,,,", fp);
      return;
    }
  num (fp, b->mape);
  if (b->nband)
    fprintf (fp, ",%zu/%zu,%zu/%zu", b->in80, b->nband, b->in95, b->nband);
  else
    fputs (",,", fp);
  num (fp, b->rolling_mape);
  fprintf (fp, ",%zu", b->origins);
}

static void
csv_row (FILE *fp, const cc_compare *c, size_t i, size_t maxshow)
{
  const cc_fit *f = &c->fit[i];
  int good = f->status == CC_FIT_OK;
  char buf[16];
  size_t j;

  cc_csv_field (fp, c->s->key);
  str (fp, c->s->unit);
  str (fp, f->model->name);
  fprintf (fp, ",%s,%zu,%zu,%s", scale_name (f->scale), f->n, f->k,
           cc_fit_status_name (f->status));
  /* An unconverged fit is reported, never printed as a result. */
  num (fp, good ? f->rss : NAN);
  num (fp, good ? sqrt (f->s2) : NAN);
  num (fp, good ? f->aic : NAN);
  num (fp, good ? f->aicc : NAN);
  num (fp, good ? f->bic : NAN);
  num (fp, good ? f->aicc + f->jacobian : NAN);
  num (fp, f->weight);
  fprintf (fp, ",%s", f->selected ? "yes" : "no");
  if (c->holdout)
    csv_backtest (fp, &c->bt[i]);
  str (fp, f->note[0] ? f->note
           : c->holdout && c->bt[i].note[0] ? c->bt[i].note : "");
  for (j = 0; j < maxshow; j++)
    if (good && j < f->nshow)
      {
        str (fp, cc_fit_param_name (f, j, buf, sizeof buf));
        num (fp, f->b[j]);
        num (fp, f->se[j]);
      }
    else
      fputs (",,,", fp);
  putc ('\n', fp);
}

void
cc_compare_csv_rows (FILE *fp, const cc_compare *c, size_t maxshow)
{
  size_t i;
  for (i = 0; i < c->nfit; i++)
    csv_row (fp, c, i, maxshow);
}

json_t *
cc_compare_json_new (void)
{
  json_t *doc = json_object ();
  if (doc == NULL)
    return NULL;
  cc_json_set (doc, "finops_benchmark_pct",
               json_integer ((json_int_t) CC_FINOPS_BENCHMARK_PCT));
  cc_json_set (doc, "series_fits", json_array ());
  return doc;
}

/* The estimates of a converged fit. */
static void
json_estimates (json_t *m, const cc_fit *f)
{
  json_t *params = json_array ();
  char buf[16];
  size_t j;
  cc_json_set (m, "rss", cc_json_num (f->rss, SIG));
  cc_json_set (m, "sigma", cc_json_num (sqrt (f->s2), SIG));
  cc_json_set (m, "aic", cc_json_num (f->aic, SIG));
  cc_json_set (m, "aicc", cc_json_num (f->aicc, SIG));
  cc_json_set (m, "bic", cc_json_num (f->bic, SIG));
  cc_json_set (m, "aicc_level", cc_json_num (f->aicc + f->jacobian, SIG));
  cc_json_set (m, "weight", cc_json_num (f->weight, SIG));
  cc_json_set (m, "selected", json_boolean (f->selected));
  for (j = 0; j < f->nshow; j++)
    {
      json_t *p = json_object ();
      cc_json_set (p, "name",
                   cc_json_str (cc_fit_param_name (f, j, buf, sizeof buf)));
      cc_json_set (p, "value", cc_json_num (f->b[j], SIG));
      cc_json_set (p, "se", cc_json_num (f->se[j], SIG));
      cc_json_push (params, p);
    }
  cc_json_set (m, "params", params);
}

static json_t *
json_backtest (const cc_backtest *b)
{
  json_t *o = json_object ();
  cc_json_set (o, "holdout", json_integer ((json_int_t) b->holdout));
  cc_json_set (o, "mape", cc_json_num (b->mape, SIG));
  cc_json_set (o, "in80", json_integer ((json_int_t) b->in80));
  cc_json_set (o, "in95", json_integer ((json_int_t) b->in95));
  cc_json_set (o, "checked", json_integer ((json_int_t) b->nband));
  cc_json_set (o, "rolling_mape", cc_json_num (b->rolling_mape, SIG));
  cc_json_set (o, "origins", json_integer ((json_int_t) b->origins));
  return o;
}

void
cc_compare_json_add (json_t *doc, const cc_compare *c)
{
  json_t *series = json_object (), *models = json_array ();
  size_t i;
  cc_json_set (series, "series", cc_json_str (c->s->key));
  cc_json_set (series, "unit", cc_json_str (c->s->unit));
  cc_json_set (series, "n", json_integer ((json_int_t) c->s->n));
  cc_json_set (series, "scale", cc_json_str (scale_name (c->fit[0].scale)));
  cc_json_set (series, "selected",
               c->sel >= 0 ? cc_json_str (c->fit[c->sel].model->name)
                           : json_null ());
  for (i = 0; i < c->nfit; i++)
    {
      const cc_fit *f = &c->fit[i];
      json_t *m = json_object ();
      cc_json_set (m, "model", cc_json_str (f->model->name));
      cc_json_set (m, "converged",
                   cc_json_str (cc_fit_status_name (f->status)));
      cc_json_set (m, "k", json_integer ((json_int_t) f->k));
      cc_json_set (m, "note", cc_json_str (f->note));
      if (f->status == CC_FIT_OK)
        json_estimates (m, f);
      if (c->holdout && c->bt[i].done)
        cc_json_set (m, "backtest", json_backtest (&c->bt[i]));
      cc_json_push (models, m);
    }
  cc_json_set (series, "models", models);
  cc_json_push (json_object_get (doc, "series_fits"), series);
}

int
cc_compare_json_write (FILE *fp, const json_t *doc)
{
  return cc_json_dump (fp, doc, 15);
}

void
cc_forecast_csv_header (FILE *fp, const cc_forecast_opts *o)
{
  size_t l;
  fputs ("period,series,unit,model,p10,p50,p90", fp);
  for (l = 0; l < o->po.nlevel; l++)
    fprintf (fp, ",lo%g,hi%g", o->po.level[l], o->po.level[l]);
  fputs (",basis\n", fp);
}

/* The period of horizon H (1-based) at X: YYYY-MM, or x for x,y data. */
static void
period (FILE *fp, const cc_series *s, double x, size_t h)
{
  char buf[32];
  if (s->first >= 0)
    cc_month_format (s->month[s->n - 1] + (long) h, buf, sizeof buf);
  else
    snprintf (buf, sizeof buf, "%.*g", SIG, x);
  fputs (buf, fp);
}

static void
csv_scenarios (FILE *fp, const cc_forecast_opts *o, const cc_forecast *f,
               const cc_forecast_part *p)
{
  char basis[256];
  size_t k, i, l;
  for (k = 0; k < p->sc.nscen; k++)
    {
      snprintf (basis, sizeof basis,
                "scenario, not a forecast: %s; no statistical band (%s)",
                p->sc.assumption[k], p->why);
      for (i = 0; i < f->h; i++)
        {
          period (fp, f->s, f->xf[i], i + 1);
          str (fp, f->s->key);
          str (fp, f->s->unit);
          str (fp, p->sc.name[k]);
          putc (',', fp);       /* no p10 */
          num (fp, p->sc.v[k * f->h + i]);
          putc (',', fp);       /* no p90 */
          for (l = 0; l < o->po.nlevel; l++)
            fputs (",,", fp);
          str (fp, basis);
          putc ('\n', fp);
        }
    }
}

static void
csv_band (FILE *fp, const cc_forecast_opts *o, const cc_forecast *f,
          const cc_forecast_part *p)
{
  const cc_band *b = p->band;
  size_t nl = o->po.nlevel, i, l;
  char basis[544];
  if (o->po.method == CC_PI_DELTA)
    snprintf (basis, sizeof basis, "statistical: delta method, %s scale, "
              "%g residual dof%s", scale_name (p->scale), p->dof, p->basis);
  else
    snprintf (basis, sizeof basis, "statistical: %s, %zu draws, seed %lu, "
              "%s scale%s", cc_pi_method_name (o->po.method), o->po.draws,
              o->seed, scale_name (p->scale), p->basis);
  for (i = 0; i < f->h; i++)
    {
      period (fp, f->s, f->xf[i], i + 1);
      str (fp, f->s->key);
      str (fp, f->s->unit);
      str (fp, p->model->name);
      num (fp, b->p10[i]);
      num (fp, b->p50[i]);
      num (fp, b->p90[i]);
      for (l = 0; l < nl; l++)
        {
          num (fp, b->lo[i * nl + l]);
          num (fp, b->hi[i * nl + l]);
        }
      str (fp, basis);
      putc ('\n', fp);
    }
}

void
cc_forecast_csv_rows (FILE *fp, const cc_forecast_opts *o,
                      const cc_forecast *f)
{
  size_t j;
  for (j = 0; j < f->npart; j++)
    if (f->part[j].kind == CC_FORECAST_BAND)
      csv_band (fp, o, f, &f->part[j]);
    else
      csv_scenarios (fp, o, f, &f->part[j]);
}
