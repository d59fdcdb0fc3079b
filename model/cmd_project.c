/* cmd_project.c: cloudcast project: forecast months with prediction
 * intervals from the fitted (or AICc-selected) model, or named scenarios
 * when the data cannot support a statistical band. */
#include <config.h>

#include <getopt.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_fitio.h"
#include "fit.h"
#include "interval.h"
#include "series.h"
#include "timeutil.h"

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

static int
parse_levels (const char *s, cc_pi_opts *po)
{
  char *end;
  po->nlevel = 0;
  while (*s)
    {
      double v = strtod (s, &end);
      if (end == s || !(v > 0 && v < 100) || po->nlevel == CC_PI_MAXLEVEL
          || (*end != ',' && *end != '\0'))
        return -1;
      po->level[po->nlevel++] = v;
      s = *end ? end + 1 : end;
    }
  return po->nlevel ? 0 : -1;
}

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

static int
scenarios (const cc_series *s, const double *xf, size_t h,
           const cc_pi_opts *po, const char *why, cc_err *err)
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
      free (sc.v);
      return cc_err_set (err, rc, s->path, 0, 0, "%s: %s", s->key, err->msg);
    }
  cc_cli_warn ("%s: %s: no statistical band; projecting named scenarios",
               s->key, why);
  for (k = 0; k < sc.nscen; k++)
    {
      snprintf (basis, sizeof basis,
                "scenario, not a forecast: %s; no statistical band (%s)",
                sc.assumption[k], why);
      for (i = 0; i < h; i++)
        {
          period (s, xf[i], i + 1, buf, sizeof buf);
          printf ("%s,", buf);
          cc_fitio_str (stdout, s->key);
          putchar (',');
          cc_fitio_str (stdout, sc.name[k]);
          fputs (",,", stdout);
          cc_fitio_num (stdout, sc.v[k * h + i]);
          putchar (',');
          for (l = 0; l < po->nlevel; l++)
            fputs (",,", stdout);
          putchar (',');
          cc_fitio_str (stdout, basis);
          putchar ('\n');
        }
    }
  free (sc.v);
  return CC_OK;
}

static int
project_one (const cc_series *s, const cc_fit *f, const double *xf, size_t h,
             proj_args *a, cc_pi_ws *pw, cc_band *band, cc_err *err)
{
  char buf[32], basis[160];
  size_t i, l;
  int rc;
  if (a->po.rng)
    gsl_rng_set (a->po.rng, series_seed (a->seed, s->key));
  rc = cc_pi_compute (f, &a->fo, s->x, s->y, s->n, xf, h, &a->po, pw, band,
                      err);
  if (rc != CC_OK)
    return cc_err_set (err, rc, s->path, 0, 0, "%s: %s", s->key, err->msg);
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
      printf ("%s,", buf);
      cc_fitio_str (stdout, s->key);
      putchar (',');
      cc_fitio_str (stdout, f->model->name);
      putchar (',');
      cc_fitio_num (stdout, band->p10[i]);
      putchar (',');
      cc_fitio_num (stdout, band->p50[i]);
      putchar (',');
      cc_fitio_num (stdout, band->p90[i]);
      for (l = 0; l < a->po.nlevel; l++)
        {
          putchar (',');
          cc_fitio_num (stdout, band->lo[i * a->po.nlevel + l]);
          putchar (',');
          cc_fitio_num (stdout, band->hi[i * a->po.nlevel + l]);
        }
      putchar (',');
      cc_fitio_str (stdout, basis);
      putchar ('\n');
    }
  return CC_OK;
}

int
cc_cmd_project (int argc, char **argv)
{
  static const struct option opts[] = {
    { "months", required_argument, NULL, 'n' },
    { "series", required_argument, NULL, 's' },
    { "model", required_argument, NULL, 'm' },
    { "scale", required_argument, NULL, 'S' },
    { "measure", required_argument, NULL, 'M' },
    { "level", required_argument, NULL, 'l' },
    { "seed", required_argument, NULL, 'r' },
    { "draws", required_argument, NULL, 'd' },
    { "interval", required_argument, NULL, 'i' },
    { "xy", no_argument, NULL, 'x' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  proj_args a;
  cc_series_set *set = NULL;
  cc_fit_ws *w = NULL;
  cc_pi_ws *pw = NULL;
  cc_band *band = NULL;
  cc_fit fits[CC_FIT_MAXMODEL];
  double xf[MAX_MONTHS];
  const char *model_spec = "auto";
  cc_err err;
  size_t i, j, h, nfit, maxn = 0;
  int c, rc = CC_OK;
  char *end;

  memset (&a, 0, sizeof a);
  cc_err_clear (&err);
  a.in.measure = CC_MEASURE_QUANTITY;
  a.po.method = CC_PI_MC;
  a.po.level[0] = 80;
  a.po.level[1] = 95;
  a.po.nlevel = 2;
  a.seed = DEFAULT_SEED;
  while ((c = getopt_long (argc, argv, "n:s:m:S:M:l:r:d:i:xh", opts, NULL))
         != -1)
    switch (c)
      {
      case 'n':
        a.months = strtoul (optarg, &end, 10);
        if (*end || optarg[0] == '-' || a.months == 0
            || a.months > MAX_MONTHS)
          return cc_cli_usage ("project: --months must be 1 to %d",
                               MAX_MONTHS);
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
        if (parse_levels (optarg, &a.po) != 0)
          return cc_cli_usage ("project: --level takes percentages in (0, "
                               "100), e.g. 80,95");
        break;
      case 'r':
        a.seed = strtoul (optarg, &end, 10);
        if (*end || optarg[0] == '-' || optarg[0] == '\0')
          return cc_cli_usage ("project: --seed takes a non-negative "
                               "integer");
        break;
      case 'd':
        a.po.draws = strtoul (optarg, &end, 10);
        if (*end || optarg[0] == '-' || a.po.draws < 100
            || a.po.draws > 1000000)
          return cc_cli_usage ("project: --draws must be 100 to 1000000");
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
        printf ("Usage: cloudcast project --months N [--series KEY] "
                "[--model auto|NAME,...]\n       [--level 80,95] [--seed S] "
                "[--draws B] [--interval mc|delta|bootstrap]\n       "
                "[--scale log|level] [--measure quantity|cost] [--xy] "
                "FILE\n");
        return CC_OK;
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
  if (a.po.method != CC_PI_DELTA)
    {
      /* Mersenne Twister, reseeded per series (series_seed). */
      a.po.rng = gsl_rng_alloc (gsl_rng_mt19937);
      pw = cc_pi_ws_alloc (a.po.draws, h, maxn);
    }
  w = cc_fit_ws_alloc (maxn);
  band = cc_band_alloc (h, a.po.nlevel);
  if (w == NULL || band == NULL
      || (a.po.method != CC_PI_DELTA && (a.po.rng == NULL || pw == NULL)))
    {
      rc = cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto fail;
    }
  header (&a.po);
  for (i = 0; i < set->n; i++)
    {
      const cc_series *s = &set->s[i];
      long sel;
      char why[96];
      for (j = 0; j < h; j++)
        xf[j] = s->x[s->n - 1] + (double) (j + 1);
      /* Two or three points: every curve through them is a scenario. */
      if (s->n < 4)
        {
          snprintf (why, sizeof why, "%zu points leave fewer than 2 residual "
                    "degrees of freedom", s->n);
          if ((rc = scenarios (s, xf, h, &a.po, why, &err)) != CC_OK)
            goto fail;
          continue;
        }
      rc = cc_fit_all (&a.models, s->key, s->x, s->y, s->n, &a.fo, w, fits,
                       &nfit, &sel, &err);
      if (rc == CC_EUSAGE)
        {
          rc = cc_cli_usage ("project: %s", err.msg);
          goto out;
        }
      if (rc != CC_OK)
        goto fail;
      if (a.models.autosel)
        {
          if (sel < 0)
            {
              rc = cc_err_set (&err, CC_EDATA, s->path, 0, 0,
                               "%s: no model converged; nothing to project",
                               s->key);
              goto fail;
            }
          cc_cli_warn ("%s: projecting %s (AICc weight %.3f)", s->key,
                       fits[sel].model->name, fits[sel].weight);
          if ((rc = project_one (s, &fits[sel], xf, h, &a, pw, band, &err))
              != CC_OK)
            goto fail;
          continue;
        }
      for (j = 0; j < nfit; j++)
        {
          const cc_fit *f = &fits[j];
          if (f->status != CC_FIT_OK)
            {
              rc = cc_err_set (&err, CC_EDATA, s->path, 0, 0,
                               "%s: %s is %s (%s); not projected", s->key,
                               f->model->name, cc_fit_status_name (f->status),
                               f->note);
              goto fail;
            }
          if (cc_fit_dof (f) < 2)
            {
              snprintf (why, sizeof why, "%s leaves %g residual degrees of "
                        "freedom", f->model->name, cc_fit_dof (f));
              if ((rc = scenarios (s, xf, h, &a.po, why, &err)) != CC_OK)
                goto fail;
              continue;
            }
          if ((rc = project_one (s, f, xf, h, &a, pw, band, &err)) != CC_OK)
            goto fail;
        }
    }
  goto out;
fail:
  rc = cc_cli_fail (&err);
out:
  if (a.po.rng)
    gsl_rng_free (a.po.rng);
  cc_pi_ws_free (pw);
  cc_band_free (band);
  cc_fit_ws_free (w);
  cc_series_set_free (set);
  return rc;
}
