/* cmd_project.c: cloudcast project: forecast months with prediction
#include <getopt.h>
 * intervals from the fitted (or AICc-selected) model, or named scenarios
 * when the data cannot support a statistical band. */
#include <config.h>

#include <float.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_fitio.h"
#include "fit/fit.h"
#include "reported/project.h"
#include "fit/interval.h"
#include "core/parfor.h"
#include "fit/series.h"
#include "core/timeutil.h"

#define MAX_MONTHS 600
#define DEFAULT_SEED 20260101UL

typedef struct
{
  cc_fitio_input in;
  cc_model_list models;
  cc_fit_opts fo;
  cc_pi_opts po;
  size_t months;
  unsigned long seed;
  int draws_set;
} proj_args;

/* Each series gets its own stream, derived from the seed and its key, so
 * its band does not depend on which other series are in the file. */
static unsigned long
series_seed (unsigned long seed, const char *key)
{
  uint32_t h = 2166136261u;   /* FNV-1a */
  for (; *key; key++)
    h = (h ^ (unsigned char) *key) * 16777619u;
  return (seed + h) & 0xffffffffUL;
}

static void
period (const cc_series *s, double x, size_t h, char *buf, size_t size)
{
  if (s->first >= 0)
    cc_month_format (s->month[s->n - 1] + (long) h, buf, size);
  else
    snprintf (buf, size, "%.12g", x);
}

static void
header (const cc_pi_opts *po)
{
  size_t l;
  fputs ("period,series,model,p10,p50,p90", stdout);
  for (l = 0; l < po->nlevel; l++)
    printf (",lo%g,hi%g", po->level[l], po->level[l]);
  fputs (",basis\n", stdout);
}

/* Per-series output is written to memory by the workers and copied out in
 * input order, so the output never depends on the number of threads. */
typedef struct
{
  char *out, *msg;
  size_t outlen, msglen;
  int rc;
  int usage;        /* rc is a usage error */
  cc_err err;
} result;

static int
scenarios (FILE *out, FILE *msg, const cc_series *s, const double *xf,
           size_t h, const cc_pi_opts *po, const char *why, cc_err *err)
{
  cc_scenarios sc;
  char buf[32], basis[256];
  size_t k, i, l;
  int rc;
  memset (&sc, 0, sizeof sc);
  sc.v = calloc (CC_SCEN_MAX * h, sizeof (double));
  if (sc.v == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  rc = cc_fit_scenario_fallback (s->x, s->y, s->n, xf, h, &sc, err);
  if (rc != CC_OK)
    {
      cc_err e = *err;   /* the message must not be its own argument */
      free (sc.v);
      return cc_err_set (err, rc, s->path, 0, 0, "%s: %s", s->key, e.msg);
    }
  fprintf (msg, "cloudcast: %s: %s: no statistical band; projecting named "
           "scenarios\n", s->key, why);
  for (k = 0; k < sc.nscen; k++)
    {
      snprintf (basis, sizeof basis,
                "scenario, not a forecast: %s; no statistical band (%s)",
                sc.assumption[k], why);
      for (i = 0; i < h; i++)
        {
          period (s, xf[i], i + 1, buf, sizeof buf);
          fprintf (out, "%s,", buf);
          cc_fitio_str (out, s->key);
          fputc (',', out);
          cc_fitio_str (out, sc.name[k]);
          fputs (",,", out);
          cc_fitio_num (out, sc.v[k * h + i]);
          fputc (',', out);
          for (l = 0; l < po->nlevel; l++)
            fputs (",,", out);
          fputc (',', out);
          cc_fitio_str (out, basis);
          fputc ('\n', out);
        }
    }
  free (sc.v);
  return CC_OK;
}

static int
project_one (FILE *out, const cc_series *s, const cc_fit *f, const double *xf,
             size_t h, const proj_args *a, cc_pi_opts *po, cc_pi_ws *pw,
             cc_band *band, cc_err *err)
{
  char buf[32], basis[160];
  size_t i, l;
  int rc;
  if (po->rng)
    gsl_rng_set (po->rng, series_seed (a->seed, s->key));
  rc = cc_pi_compute (f, &a->fo, s->x, s->y, s->n, xf, h, po, pw, band,
                      err);
  if (rc != CC_OK)
    {
      cc_err e = *err;   /* the message must not be its own argument */
      return cc_err_set (err, rc, s->path, 0, 0, "%s: %s", s->key, e.msg);
    }
  if (a->po.method == CC_PI_DELTA)
    snprintf (basis, sizeof basis, "statistical: delta method, %s scale, "
              "%g residual dof", f->scale == CC_SCALE_LOG ? "log" : "level",
              cc_fit_dof (f));
  else
    snprintf (basis, sizeof basis, "statistical: %s, %zu draws, seed %lu, "
              "%s scale", cc_pi_method_name (a->po.method), a->po.draws,
              a->seed, f->scale == CC_SCALE_LOG ? "log" : "level");
  for (i = 0; i < h; i++)
    {
      period (s, xf[i], i + 1, buf, sizeof buf);
      fprintf (out, "%s,", buf);
      cc_fitio_str (out, s->key);
      fputc (',', out);
      cc_fitio_str (out, f->model->name);
      fputc (',', out);
      cc_fitio_num (out, band->p10[i]);
      fputc (',', out);
      cc_fitio_num (out, band->p50[i]);
      fputc (',', out);
      cc_fitio_num (out, band->p90[i]);
      for (l = 0; l < a->po.nlevel; l++)
        {
          fputc (',', out);
          cc_fitio_num (out, band->lo[i * a->po.nlevel + l]);
          fputc (',', out);
          cc_fitio_num (out, band->hi[i * a->po.nlevel + l]);
        }
      fputc (',', out);
      cc_fitio_str (out, basis);
      fputc ('\n', out);
    }
  return CC_OK;
}

#define MAX_WORKERS 8

typedef struct
{
  cc_fit_ws *w;
  cc_pi_ws *pw;
  cc_band *band;
  gsl_rng *rng;
} worker;

typedef struct
{
  const proj_args *a;
  const cc_series_set *set;
  size_t h;
  worker wk[MAX_WORKERS];
  result *res;
} proj_job;

/* One series: fit, then a band from the chosen model(s) or scenarios. */
static int
project_series (FILE *out, FILE *msg, const cc_series *s, const proj_args *a,
                size_t h, worker *wk, result *r)
{
  cc_fit fits[CC_FIT_MAXMODEL];
  double xf[MAX_MONTHS];
  cc_pi_opts po = a->po;
  cc_err *err = &r->err;
  size_t j, nfit;
  long sel;
  char why[96];
  int rc;

  po.rng = wk->rng;
  for (j = 0; j < h; j++)
    xf[j] = s->x[s->n - 1] + (double) (j + 1);
  /* Two or three points: every curve through them is a scenario. */
  if (s->n < 4)
    {
      snprintf (why, sizeof why, "%zu points leave fewer than 2 residual "
                "degrees of freedom", s->n);
      return scenarios (out, msg, s, xf, h, &po, why, err);
    }
  rc = cc_fit_all (&a->models, s->key, s->x, s->y, s->n, &a->fo, wk->w, fits,
                   &nfit, &sel, err);
  if (rc != CC_OK)
    {
      r->usage = rc == CC_EUSAGE;
      return rc;
    }
  if (a->models.autosel)
    {
      if (sel < 0)
        {
          for (j = 0; j < nfit; j++)
            if (fits[j].status == CC_FIT_OK)
              break;
          if (j == nfit)
            return cc_err_set (err, CC_EDATA, s->path, 0, 0,
                               "%s: no model converged; nothing to project",
                               s->key);
          /* Converged, but AICc (n > k + 1) cannot rank them: choosing a
           * curve would be arbitrary, so these are scenarios too. */
          snprintf (why, sizeof why, "%zu points are too few for AICc to "
                    "choose a model", s->n);
          return scenarios (out, msg, s, xf, h, &po, why, err);
        }
      fprintf (msg, "cloudcast: %s: projecting %s (AICc weight %.3f)\n",
               s->key, fits[sel].model->name, fits[sel].weight);
      return project_one (out, s, &fits[sel], xf, h, a, &po, wk->pw,
                          wk->band, err);
    }
  for (j = 0; j < nfit; j++)
    {
      const cc_fit *f = &fits[j];
      if (f->status != CC_FIT_OK)
        return cc_err_set (err, CC_EDATA, s->path, 0, 0,
                           "%s: %s is %s (%s); not projected", s->key,
                           f->model->name, cc_fit_status_name (f->status),
                           f->note);
      if (cc_fit_dof (f) < 2)
        {
          snprintf (why, sizeof why, "%s leaves %g residual degrees of "
                    "freedom", f->model->name, cc_fit_dof (f));
          rc = scenarios (out, msg, s, xf, h, &po, why, err);
        }
      else
        rc = project_one (out, s, f, xf, h, a, &po, wk->pw, wk->band, err);
      if (rc != CC_OK)
        return rc;
    }
  return CC_OK;
}

static void
series_job (size_t i, size_t k, void *ctx)
{
  proj_job *job = ctx;
  result *r = &job->res[i];
  FILE *out = open_memstream (&r->out, &r->outlen);
  FILE *msg = open_memstream (&r->msg, &r->msglen);
  cc_err_clear (&r->err);
  if (out == NULL || msg == NULL)
    r->rc = cc_err_set (&r->err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  else
    r->rc = project_series (out, msg, &job->set->s[i], job->a, job->h,
                            &job->wk[k], r);
  if (out)
    fclose (out);
  if (msg)
    fclose (msg);
}

int
cc_cmd_project (int argc, char **argv)
{
  cc_opts go;
  proj_args a;
  proj_job job;
  cc_series_set *set = NULL;
  const char *model_spec = "auto";
  cc_err err;
  size_t i, k, h, maxn = 0, nw = 0;
  int c, rc = CC_OK;
  long n;

  memset (&a, 0, sizeof a);
  memset (&job, 0, sizeof job);
  cc_err_clear (&err);
  a.in.measure = CC_MEASURE_QUANTITY;
  a.po.method = CC_PI_MC;
  a.po.level[0] = 80;
  a.po.level[1] = 95;
  a.po.nlevel = 2;
  a.seed = DEFAULT_SEED;
  cc_opts_init (&go, "project");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'n':
        if ((rc = cc_cli_opt_long ("project", "--months", optarg, 1,
                                   MAX_MONTHS, &n)) != CC_OK)
          return rc;
        a.months = (size_t) n;
        break;
      case 's': a.in.key = optarg; break;
      case 'm': model_spec = optarg; break;
      case 'S':
        if (cc_fitio_scale (optarg, &a.in.scale) != CC_OK)
          return cc_cli_usage ("project: --scale must be log or level");
        a.in.scale_set = 1;
        break;
      case 'M':
        if (cc_fitio_measure (optarg, &a.in.measure) != CC_OK)
          return cc_cli_usage ("project: --measure must be quantity or cost");
        break;
      case 'l':
        /* Percentages strictly between 0 and 100. */
        if ((rc = cc_cli_opt_doubles ("project", "--level", optarg,
                                      DBL_TRUE_MIN, nextafter (100, 0),
                                      "percentages in (0, 100), e.g. 80,95",
                                      a.po.level, CC_PI_MAXLEVEL,
                                      &a.po.nlevel)) != CC_OK)
          return rc;
        break;
      case 'r':
        if ((rc = cc_cli_opt_ulong ("project", "--seed", optarg,
                                    4294967295UL, &a.seed)) != CC_OK)
          return rc;
        break;
      case 'd':
        if ((rc = cc_cli_opt_long ("project", "--draws", optarg, 100, 1000000,
                                   &n)) != CC_OK)
          return rc;
        a.po.draws = (size_t) n;
        a.draws_set = 1;
        break;
      case 'i':
        if (strcmp (optarg, "mc") == 0)
          a.po.method = CC_PI_MC;
        else if (strcmp (optarg, "delta") == 0)
          a.po.method = CC_PI_DELTA;
        else if (strcmp (optarg, "bootstrap") == 0)
          a.po.method = CC_PI_BOOTSTRAP;
        else
          return cc_cli_usage ("project: --interval must be mc, delta or "
                               "bootstrap");
        break;
      case 'x': a.in.xy = 1; break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("project: bad option");
      }
  if (optind != argc - 1)
    return cc_cli_usage ("project: give exactly one input file");
  if (a.months == 0)
    return cc_cli_usage ("project: --months N is required");
  a.in.path = argv[optind];
  if (!a.draws_set)
    a.po.draws = a.po.method == CC_PI_BOOTSTRAP ? 1000 : 10000;
  /* Cap: each thread keeps draws x months values. */
  if ((double) a.po.draws * a.months > CC_PI_MAX_DRAW_MONTHS)
    return cc_cli_usage ("project: --draws %zu x --months %lu is above the "
                         "cap of %d draw-months", a.po.draws,
                         (unsigned long) a.months, CC_PI_MAX_DRAW_MONTHS);
  if (cc_model_list_parse (model_spec, &a.models, &err) != CC_OK)
    return cc_cli_usage ("project: %s", err.msg);
  if ((rc = cc_fitio_load (&a.in, &set, &err)) != CC_OK)
    goto fail;
  a.fo.scale = a.in.scale;
  a.fo.constrain = !a.in.xy;
  h = a.months;
  for (i = 0; i < set->n; i++)
    if (set->s[i].n > maxn)
      maxn = set->s[i].n;
  nw = cc_parfor_workers (8);
  if (nw > set->n)
    nw = set->n;
  memset (&job, 0, sizeof job);
  job.a = &a;
  job.set = set;
  job.h = h;
  job.res = calloc (set->n, sizeof (result));
  if (job.res == NULL)
    {
      rc = cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto fail;
    }
  for (k = 0; k < nw; k++)
    {
      worker *wk = &job.wk[k];
      if (a.po.method != CC_PI_DELTA)
        {
          /* Mersenne Twister, reseeded per series (series_seed). */
          wk->rng = gsl_rng_alloc (gsl_rng_mt19937);
          wk->pw = cc_pi_ws_alloc (a.po.draws, h, maxn);
        }
      wk->w = cc_fit_ws_alloc (maxn);
      wk->band = cc_band_alloc (h, a.po.nlevel);
      if (wk->w == NULL || wk->band == NULL
          || (a.po.method != CC_PI_DELTA && (wk->rng == NULL || wk->pw == NULL)))
        {
          rc = cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
          nw = k + 1;
          goto fail;
        }
    }
  cc_parfor (set->n, nw, series_job, &job);
  header (&a.po);
  for (i = 0; i < set->n; i++)
    {
      result *r = &job.res[i];
      if (r->out)
        fwrite (r->out, 1, r->outlen, stdout);
      fflush (stdout);
      if (r->msg)
        fwrite (r->msg, 1, r->msglen, stderr);
      if (r->rc != CC_OK)
        {
          if (r->usage)
            rc = cc_cli_usage ("project: %s", r->err.msg);
          else
            rc = cc_cli_fail (&r->err);
          goto out;
        }
    }
  rc = CC_OK;
  goto out;
fail:
  rc = cc_cli_fail (&err);
out:
  for (k = 0; k < nw; k++)
    {
      if (job.wk[k].rng)
        gsl_rng_free (job.wk[k].rng);
      cc_pi_ws_free (job.wk[k].pw);
      cc_band_free (job.wk[k].band);
      cc_fit_ws_free (job.wk[k].w);
    }
  for (i = 0; job.res && i < set->n; i++)
    {
      free (job.res[i].out);
      free (job.res[i].msg);
    }
  free (job.res);
  cc_series_set_free (set);
  return rc;
}
