/* cmd_fit.c: cloudcast fit: every model tried, with standard errors,
#include <getopt.h>
 * criteria, Akaike weights and (with --holdout) backtests. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/backtest.h"
#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_fitio.h"
#include "fit/fit.h"
#include "fit/series.h"

typedef struct
{
  cc_fitio_input in;
  cc_model_list models;
  cc_fit_opts fo;
  double start[CC_FIT_MAXP];
  size_t holdout;
  int json;
} fit_args;

static void
csv_header (size_t maxshow, int holdout)
{
  size_t j;
  fputs ("series,model,scale,n,k,converged,rss,sigma,aic,aicc,bic,"
         "aicc_level,weight,selected", stdout);
  if (holdout)
    fputs (",holdout,mape,in80,in95,rolling_mape,origins", stdout);
  fputs (",note", stdout);
  for (j = 1; j <= maxshow; j++)
    printf (",param%zu,value%zu,se%zu", j, j, j);
  putchar ('\n');
}

/* Parameter name j of a fit (piecewise changepoints after the slopes). */
static const char *
pname (const cc_fit *f, size_t j, char *buf, size_t size)
{
  if (j < f->p)
    return f->model->pname[j];
  snprintf (buf, size, "tau%zu", j - f->p + 1);
  return buf;
}

static void
csv_rows (const cc_series *s, const cc_fit *fits, size_t nfit,
          const cc_backtest *bt, int holdout, size_t maxshow)
{
  size_t i, j;
  char buf[16];
  for (i = 0; i < nfit; i++)
    {
      const cc_fit *f = &fits[i];
      int good = f->status == CC_FIT_OK;
      cc_fitio_str (stdout, s->key);
      putchar (',');
      cc_fitio_str (stdout, f->model->name);
      printf (",%s,%zu,%zu,%s,", f->scale == CC_SCALE_LOG ? "log" : "level",
              f->n, f->k, cc_fit_status_name (f->status));
      /* An unconverged fit is reported, never printed as a result. */
      cc_fitio_num (stdout, good ? f->rss : NAN);
      putchar (',');
      cc_fitio_num (stdout, good ? sqrt (f->s2) : NAN);
      putchar (',');
      cc_fitio_num (stdout, good ? f->aic : NAN);
      putchar (',');
      cc_fitio_num (stdout, good ? f->aicc : NAN);
      putchar (',');
      cc_fitio_num (stdout, good ? f->bic : NAN);
      putchar (',');
      cc_fitio_num (stdout, good ? f->aicc + f->jacobian : NAN);
      putchar (',');
      cc_fitio_num (stdout, f->weight);
      printf (",%s", f->selected ? "yes" : "no");
      if (holdout)
        {
          const cc_backtest *b = &bt[i];
          printf (",%zu,", b->holdout);
          if (b->done)
            {
              cc_fitio_num (stdout, b->mape);
              if (b->nband)
                printf (",%zu/%zu,%zu/%zu,", b->in80, b->nband, b->in95,
                        b->nband);
              else
                fputs (",,,", stdout);
              cc_fitio_num (stdout, b->rolling_mape);
              printf (",%zu", b->origins);
            }
          else
            fputs (",,,,", stdout);
        }
      putchar (',');
      cc_fitio_str (stdout, f->note[0] ? f->note
                            : holdout && bt[i].note[0] ? bt[i].note : "");
      for (j = 0; j < maxshow; j++)
        {
          putchar (',');
          if (good && j < f->nshow)
            {
              cc_fitio_str (stdout, pname (f, j, buf, sizeof buf));
              putchar (',');
              cc_fitio_num (stdout, f->b[j]);
              putchar (',');
              cc_fitio_num (stdout, f->se[j]);
            }
          else
            fputs (",,", stdout);
        }
      putchar ('\n');
    }
}

static void
json_series (const cc_series *s, const cc_fit *fits, size_t nfit,
             const cc_backtest *bt, int holdout, long sel, int first)
{
  size_t i, j;
  char buf[16];
  printf ("%s\n  {\"series\": ", first ? "" : ",");
  cc_fitio_jstr (stdout, s->key);
  printf (", \"unit\": ");
  cc_fitio_jstr (stdout, s->unit);
  printf (", \"n\": %zu, \"scale\": \"%s\", \"selected\": ", s->n,
          fits[0].scale == CC_SCALE_LOG ? "log" : "level");
  if (sel >= 0)
    cc_fitio_jstr (stdout, fits[sel].model->name);
  else
    fputs ("null", stdout);
  fputs (", \"models\": [", stdout);
  for (i = 0; i < nfit; i++)
    {
      const cc_fit *f = &fits[i];
      int good = f->status == CC_FIT_OK;
      printf ("%s\n    {\"model\": ", i ? "," : "");
      cc_fitio_jstr (stdout, f->model->name);
      printf (", \"converged\": \"%s\", \"k\": %zu, \"note\": ",
              cc_fit_status_name (f->status), f->k);
      cc_fitio_jstr (stdout, f->note);
      if (good)
        {
          fputs (", \"rss\": ", stdout);
          cc_fitio_jnum (stdout, f->rss);
          fputs (", \"sigma\": ", stdout);
          cc_fitio_jnum (stdout, sqrt (f->s2));
          fputs (", \"aic\": ", stdout);
          cc_fitio_jnum (stdout, f->aic);
          fputs (", \"aicc\": ", stdout);
          cc_fitio_jnum (stdout, f->aicc);
          fputs (", \"bic\": ", stdout);
          cc_fitio_jnum (stdout, f->bic);
          fputs (", \"aicc_level\": ", stdout);
          cc_fitio_jnum (stdout, f->aicc + f->jacobian);
          fputs (", \"weight\": ", stdout);
          cc_fitio_jnum (stdout, f->weight);
          printf (", \"selected\": %s, \"params\": [",
                  f->selected ? "true" : "false");
          for (j = 0; j < f->nshow; j++)
            {
              printf ("%s{\"name\": ", j ? ", " : "");
              cc_fitio_jstr (stdout, pname (f, j, buf, sizeof buf));
              fputs (", \"value\": ", stdout);
              cc_fitio_jnum (stdout, f->b[j]);
              fputs (", \"se\": ", stdout);
              cc_fitio_jnum (stdout, f->se[j]);
              putchar ('}');
            }
          putchar (']');
        }
      if (holdout && bt[i].done)
        {
          printf (", \"backtest\": {\"holdout\": %zu, \"mape\": ",
                  bt[i].holdout);
          cc_fitio_jnum (stdout, bt[i].mape);
          printf (", \"in80\": %zu, \"in95\": %zu, \"checked\": %zu, "
                  "\"rolling_mape\": ", bt[i].in80, bt[i].in95, bt[i].nband);
          cc_fitio_jnum (stdout, bt[i].rolling_mape);
          printf (", \"origins\": %zu}", bt[i].origins);
        }
      putchar ('}');
    }
  fputs ("]}", stdout);
}

/* With a hold-out, "auto" confirms the AICc choice: it should also have
 * the lowest hold-out MAPE among the converged models. */
static void
confirm (const cc_series *s, const cc_fit *fits, size_t nfit,
         const cc_backtest *bt, long sel)
{
  size_t i, best = nfit;
  for (i = 0; i < nfit; i++)
    if (fits[i].status == CC_FIT_OK && bt[i].done && isfinite (bt[i].mape)
        && (best == nfit || bt[i].mape < bt[best].mape))
      best = i;
  if (sel < 0 || best == nfit)
    return;
  if (!bt[sel].done)
    cc_cli_warn ("%s: AICc picks %s, whose hold-out fit failed; "
                 "not confirmed", s->key, fits[sel].model->name);
  else if ((long) best == sel)
    cc_cli_warn ("%s: AICc picks %s; confirmed by the lowest hold-out "
                 "MAPE (%.3g %%)", s->key, fits[sel].model->name,
                 bt[sel].mape);
  /* Within a tenth (or half a point) of the best is a tie, not a veto. */
  else if (bt[sel].mape <= 1.1 * bt[best].mape
           || bt[sel].mape <= bt[best].mape + 0.5)
    cc_cli_warn ("%s: AICc picks %s; confirmed: its hold-out MAPE %.3g %% "
                 "is within 10 %% of the lowest (%s, %.3g %%)", s->key,
                 fits[sel].model->name, bt[sel].mape,
                 fits[best].model->name, bt[best].mape);
  else
    cc_cli_warn ("%s: AICc picks %s (hold-out MAPE %.3g %%); not "
                 "confirmed: %s has %.3g %%", s->key, fits[sel].model->name,
                 bt[sel].mape, fits[best].model->name, bt[best].mape);
}

int
cc_cmd_fit (int argc, char **argv)
{
  cc_opts go;
  fit_args a;
  cc_series_set *set = NULL;
  cc_fit_ws *w = NULL;
  cc_fit fits[CC_FIT_MAXMODEL];
  cc_backtest bt[CC_FIT_MAXMODEL];
  const char *model_spec = "auto";
  cc_err err;
  size_t i, j, nfit, maxn = 0, maxshow = 0;
  int c, rc = CC_OK, none_converged = 0;
  long holdout;

  memset (&a, 0, sizeof a);
  a.in.measure = CC_MEASURE_QUANTITY;
  cc_err_clear (&err);
  cc_opts_init (&go, "fit");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 's': a.in.key = optarg; break;
      case 'm': model_spec = optarg; break;
      case 'S':
        if (cc_fitio_scale (optarg, &a.in.scale) != CC_OK)
          return cc_cli_usage ("fit: --scale must be log or level");
        a.in.scale_set = 1;
        break;
      case 'H':
        if ((rc = cc_cli_opt_long ("fit", "--holdout", optarg, 1, 1200,
                                   &holdout)) != CC_OK)
          return rc;
        a.holdout = (size_t) holdout;
        break;
      case 'M':
        if (cc_fitio_measure (optarg, &a.in.measure) != CC_OK)
          return cc_cli_usage ("fit: --measure must be quantity or cost");
        break;
      case 'x': a.in.xy = 1; break;
      case 'b':
        if ((rc = cc_cli_opt_doubles ("fit", "--start", optarg, -HUGE_VAL,
                                      HUGE_VAL, "numbers B1,B2,...", a.start,
                                      CC_FIT_MAXP, &a.fo.nstart)) != CC_OK)
          return rc;
        a.fo.start = a.start;
        break;
      case 'j': a.json = 1; break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("fit: bad option");
      }
  if (optind != argc - 1)
    return cc_cli_usage ("fit: give exactly one input file");
  a.in.path = argv[optind];
  if (cc_model_list_parse (model_spec, &a.models, &err) != CC_OK)
    return cc_cli_usage ("fit: %s", err.msg);
  if (a.fo.start && (a.models.nmodel != 1 || a.models.autosel))
    return cc_cli_usage ("fit: --start needs exactly one --model");
  if (a.fo.start && a.models.model[0]->kind != CC_KIND_NLS)
    return cc_cli_usage ("fit: model %s takes no --start",
                         a.models.model[0]->name);
  if ((rc = cc_fitio_load (&a.in, &set, &err)) != CC_OK)
    goto fail;
  a.fo.scale = a.in.scale;
  /* Constraints such as K > max y describe growth series, not the
   * reference problems read with --xy. */
  a.fo.constrain = !a.in.xy;
  for (i = 0; i < set->n; i++)
    if (set->s[i].n > maxn)
      maxn = set->s[i].n;
  for (i = 0; i < a.models.nmodel; i++)
    {
      size_t sh = a.models.model[i]->p
                  + (a.models.model[i]->kind == CC_KIND_PIECEWISE ? 2 : 0);
      if (sh > maxshow)
        maxshow = sh;
    }
  if ((w = cc_fit_ws_alloc (maxn)) == NULL)
    {
      rc = cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto fail;
    }
  if (a.json)
    fputs ("{\"finops_benchmark_pct\": 12, \"series_fits\": [", stdout);
  else
    csv_header (maxshow, a.holdout > 0);
  for (i = 0; i < set->n; i++)
    {
      const cc_series *s = &set->s[i];
      long sel;
      rc = cc_fit_all (&a.models, s->key, s->x, s->y, s->n, &a.fo, w, fits,
                       &nfit, &sel, &err);
      if (rc == CC_EUSAGE)
        {
          rc = cc_cli_usage ("fit: %s", err.msg);
          goto out;
        }
      if (rc != CC_OK)
        goto fail;
      for (j = 0; a.holdout && j < nfit; j++)
        {
          memset (&bt[j], 0, sizeof bt[j]);
          bt[j].holdout = a.holdout;
          if (fits[j].status != CC_FIT_OK)
            continue;
          rc = cc_backtest_run (fits[j].model, &a.fo, s->x, s->y, s->n,
                                a.holdout, w, &bt[j], &err);
          if (rc == CC_EUSAGE)
            {
              rc = cc_cli_usage ("fit: %s: %s", s->key, err.msg);
              goto out;
            }
          if (rc != CC_OK)
            goto fail;
        }
      if (a.json)
        json_series (s, fits, nfit, bt, a.holdout > 0, sel, i == 0);
      else
        csv_rows (s, fits, nfit, bt, a.holdout > 0, maxshow);
      if (sel < 0)
        {
          int any = 0;
          for (j = 0; j < nfit; j++)
            any |= fits[j].status == CC_FIT_OK;
          if (any)
            cc_cli_warn ("%s: %zu points are too few for AICc to rank any "
                         "model (it needs n > k + 1); nothing selected, and "
                         "'project' gives named scenarios", s->key, s->n);
          else
            {
              cc_cli_warn ("%s: no model converged", s->key);
              none_converged = 1;
            }
        }
      if (a.holdout && a.models.autosel)
        confirm (s, fits, nfit, bt, sel);
    }
  if (a.json)
    fputs ("\n]}\n", stdout);
  if (a.holdout)
    cc_cli_warn ("for comparison, the FinOps Foundation's \"Run\" maturity "
                 "level forecasts within %g %% of actual spend",
                 CC_FINOPS_BENCHMARK_PCT);
  rc = none_converged ? CC_EDATA : CC_OK;
  goto out;
fail:
  rc = cc_cli_fail (&err);
out:
  cc_fit_ws_free (w);
  cc_series_set_free (set);
  return rc;
}
