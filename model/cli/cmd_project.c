/* cmd_project.c: cloudcast project: forecast months with prediction
 * intervals from the fitted (or AICc-selected) model, or named scenarios
 * when the data cannot support a statistical band.  The options are read
 * here; the policy and the table are the library's (fit/forecast.h,
 * fit/fit_out.h). */
#include <config.h>

#include <float.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/pool.h"
#include "fit/fit_out.h"
#include "fit/forecast.h"
#include "fit/input.h"

/* Returned by project_option when --help has been answered. */
#define HELPED (-1)

typedef struct
{
  cc_fit_input in;
  cc_forecast_opts fc;
  const char *model_spec;
  int draws_set;
} proj_args;

/* One option C with argument ARG into A. */
static int
project_option (int c, const char *arg, proj_args *a)
{
  long n;
  int rc = CC_OK;
  switch (c)
    {
    case 'n':
      if ((rc = cc_cli_opt_long ("project", "--months", arg, 1,
                                 CC_FORECAST_MAX_MONTHS, &n)) == CC_OK)
        a->fc.months = (size_t) n;
      return rc;
    case 's': a->in.key = arg; return CC_OK;
    case 'm': a->model_spec = arg; return CC_OK;
    case 'S':
      a->in.scale_set = 1;
      if (cc_scale_parse (arg, &a->in.scale) != CC_OK)
        return cc_cli_usage ("project: --scale must be log or level");
      return CC_OK;
    case 'M':
      if (cc_measure_parse (arg, &a->in.measure) != CC_OK)
        return cc_cli_usage ("project: --measure must be quantity or cost");
      return CC_OK;
    case 'l':
      /* Percentages strictly between 0 and 100. */
      return cc_cli_opt_doubles ("project", "--level", arg, DBL_TRUE_MIN,
                                 nextafter (100, 0),
                                 "percentages in (0, 100), e.g. 80,95",
                                 a->fc.po.level, CC_PI_MAXLEVEL,
                                 &a->fc.po.nlevel);
    case 'r':
      return cc_cli_opt_ulong ("project", "--seed", arg, 4294967295UL,
                               &a->fc.seed);
    case 'd':
      if ((rc = cc_cli_opt_long ("project", "--draws", arg, 100, 1000000,
                                 &n)) == CC_OK)
        a->fc.po.draws = (size_t) n;
      a->draws_set = 1;
      return rc;
    case 'i':
      if (strcmp (arg, "mc") == 0)
        a->fc.po.method = CC_PI_MC;
      else if (strcmp (arg, "delta") == 0)
        a->fc.po.method = CC_PI_DELTA;
      else if (strcmp (arg, "bootstrap") == 0)
        a->fc.po.method = CC_PI_BOOTSTRAP;
      else
        return cc_cli_usage ("project: --interval must be mc, delta or "
                             "bootstrap");
      return CC_OK;
    case 'x': a->in.xy = 1; return CC_OK;
    default:
      return cc_cli_usage ("project: bad option");
    }
}

static int
project_options (int argc, char **argv, proj_args *a)
{
  cc_opts go;
  cc_err err;
  int c, rc;

  memset (a, 0, sizeof *a);
  a->in.measure = CC_MEASURE_QUANTITY;
  a->model_spec = "auto";
  cc_forecast_opts_init (&a->fc);
  cc_opts_init (&go, "project");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      {
        cc_opts_help (&go);
        return HELPED;
      }
    else if ((rc = project_option (c, optarg, a)) != CC_OK)
      return rc;
  if (optind != argc - 1)
    return cc_cli_usage ("project: give exactly one input file");
  if (a->fc.months == 0)
    return cc_cli_usage ("project: --months N is required");
  a->in.path = argv[optind];
  if (!a->draws_set)
    a->fc.po.draws = cc_forecast_default_draws (a->fc.po.method);
  /* Cap: each thread keeps draws x months values. */
  if ((double) a->fc.po.draws * a->fc.months > CC_PI_MAX_DRAW_MONTHS)
    return cc_cli_usage ("project: --draws %zu x --months %lu is above the "
                         "cap of %d draw-months", a->fc.po.draws,
                         (unsigned long) a->fc.months,
                         CC_PI_MAX_DRAW_MONTHS);
  cc_err_clear (&err);
  if (cc_model_list_parse (a->model_spec, &a->fc.models, &err) != CC_OK)
    return cc_cli_usage ("project: %s", err.msg);
  return CC_OK;
}

/* The table, series by series in input order: each one's rows on stdout,
 * then its notes on stderr; the first series that failed ends it. */
static int
write_forecasts (const cc_forecast_opts *o, const cc_forecast *f, size_t n)
{
  size_t i, k;
  cc_forecast_csv_header (stdout, o);
  for (i = 0; i < n; i++)
    {
      cc_forecast_csv_rows (stdout, o, &f[i]);
      fflush (stdout);
      for (k = 0; k < f[i].nnote; k++)
        cc_cli_warn ("%s", f[i].note[k]);
      if (f[i].rc == CC_EUSAGE)
        return cc_cli_usage ("project: %s", f[i].err.msg);
      if (f[i].rc != CC_OK)
        return cc_cli_fail (&f[i].err);
    }
  return CC_OK;
}

int
cc_cmd_project (int argc, char **argv)
{
  proj_args a;
  cc_series_set *set = NULL;
  cc_forecast *f = NULL;
  cc_err err;
  int rc;

  if ((rc = project_options (argc, argv, &a)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  cc_err_clear (&err);
  rc = cc_fit_input_load (&a.in, &set, &err);
  if (rc == CC_OK)
    {
      a.fc.fo.scale = a.in.scale;
      a.fc.fo.constrain = !a.in.xy;
      rc = cc_forecast_all (&a.fc, set,
                            cc_pool_workers (CC_FORECAST_MAX_WORKERS), &f,
                            &err);
    }
  rc = rc == CC_OK ? write_forecasts (&a.fc, f, set->n) : cc_cli_fail (&err);
  cc_forecast_free (f, set ? set->n : 0);
  cc_series_set_free (set);
  return rc;
}
