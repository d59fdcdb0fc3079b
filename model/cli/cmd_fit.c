/* cmd_fit.c: cloudcast fit: every model tried, with standard errors,
 * criteria, Akaike weights and (with --holdout) backtests.  The options
 * are read here; fitting and the tables are the library's (fit/compare.h,
 * fit/fit_out.h). */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "fit/compare.h"
#include "fit/fit.h"
#include "fit/fit_out.h"
#include "fit/input.h"
#include "fit/series.h"

/* Returned by fit_options when --help has been answered. */
#define HELPED (-1)

typedef struct
{
  cc_fit_input in;
  cc_model_list models;
  cc_fit_opts fo;
  double start[CC_FIT_MAXP];
  size_t holdout;
  int json;
} fit_args;

static int
fit_options (int argc, char **argv, fit_args *a)
{
  const char *model_spec = "auto";
  cc_opts go;
  cc_err err;
  long holdout;
  int c, rc;

  memset (a, 0, sizeof *a);
  a->in.measure = CC_MEASURE_QUANTITY;
  cc_opts_init (&go, "fit");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 's': a->in.key = optarg; break;
      case 'm': model_spec = optarg; break;
      case 'S':
        if (cc_scale_parse (optarg, &a->in.scale) != CC_OK)
          return cc_cli_usage ("fit: --scale must be log or level");
        a->in.scale_set = 1;
        break;
      case 'H':
        if ((rc = cc_cli_opt_long ("fit", "--holdout", optarg, 1, 1200,
                                   &holdout)) != CC_OK)
          return rc;
        a->holdout = (size_t) holdout;
        break;
      case 'M':
        if (cc_measure_parse (optarg, &a->in.measure) != CC_OK)
          return cc_cli_usage ("fit: --measure must be quantity or cost");
        break;
      case 'x': a->in.xy = 1; break;
      case 'b':
        if ((rc = cc_cli_opt_doubles ("fit", "--start", optarg, -HUGE_VAL,
                                      HUGE_VAL, "numbers B1,B2,...", a->start,
                                      CC_FIT_MAXP, &a->fo.nstart)) != CC_OK)
          return rc;
        a->fo.start = a->start;
        break;
      case 'j': a->json = 1; break;
      case 'h':
        cc_opts_help (&go);
        return HELPED;
      default:
        return cc_cli_usage ("fit: bad option");
      }
  if (optind != argc - 1)
    return cc_cli_usage ("fit: give exactly one input file");
  a->in.path = argv[optind];
  cc_err_clear (&err);
  if (cc_model_list_parse (model_spec, &a->models, &err) != CC_OK)
    return cc_cli_usage ("fit: %s", err.msg);
  if (a->fo.start && (a->models.nmodel != 1 || a->models.autosel))
    return cc_cli_usage ("fit: --start needs exactly one --model");
  if (a->fo.start && a->models.model[0]->kind != CC_KIND_NLS)
    return cc_cli_usage ("fit: model %s takes no --start",
                         a->models.model[0]->name);
  return CC_OK;
}

/* Fit every series of SET and write the table (CSV as each series is
 * done, JSON at the end) and the notes. */
static int
fit_all (const fit_args *a, const cc_series_set *set, cc_fit_ws *w,
         cc_compare *c, json_t *doc, cc_err *err)
{
  char note[CC_COMPARE_MAXNOTE][CC_COMPARE_NOTE];
  size_t i, k, nnote, maxshow = cc_compare_maxshow (&a->models);
  int rc, none_converged = 0;

  if (!a->json)
    cc_compare_csv_header (stdout, maxshow, a->holdout > 0);
  for (i = 0; i < set->n; i++)
    {
      rc = cc_compare_run (&a->models, &a->fo, &set->s[i], a->holdout, w, c,
                           err);
      if (rc == CC_EUSAGE)
        return cc_cli_usage ("fit: %s", err->msg);
      if (rc != CC_OK)
        return cc_cli_fail (err);
      if (a->json)
        cc_compare_json_add (doc, c);
      else
        cc_compare_csv_rows (stdout, c, maxshow);
      nnote = cc_compare_notes (c, a->models.autosel, note,
                                CC_COMPARE_MAXNOTE);
      for (k = 0; k < nnote; k++)
        cc_cli_warn ("%s", note[k]);
      none_converged |= !cc_compare_converged (c);
    }
  /* A write error on stdout is reported as the program ends (main.c). */
  if (a->json)
    cc_compare_json_write (stdout, doc);
  if (a->holdout)
    cc_cli_warn ("for comparison, the FinOps Foundation's \"Run\" maturity "
                 "level forecasts within %g %% of actual spend",
                 CC_FINOPS_BENCHMARK_PCT);
  return none_converged ? CC_EDATA : CC_OK;
}

int
cc_cmd_fit (int argc, char **argv)
{
  fit_args a;
  cc_series_set *set = NULL;
  cc_fit_ws *w = NULL;
  cc_compare *c = NULL;
  json_t *doc = NULL;
  cc_err err;
  size_t i, maxn = 0;
  int rc;

  if ((rc = fit_options (argc, argv, &a)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  cc_err_clear (&err);
  if ((rc = cc_fit_input_load (&a.in, &set, &err)) != CC_OK)
    {
      cc_series_set_free (set);
      return cc_cli_fail (&err);
    }
  a.fo.scale = a.in.scale;
  /* Constraints such as K > max y describe growth series, not the
   * reference problems read with --xy. */
  a.fo.constrain = !a.in.xy;
  for (i = 0; i < set->n; i++)
    if (set->s[i].n > maxn)
      maxn = set->s[i].n;
  w = cc_fit_ws_alloc (maxn);
  c = malloc (sizeof *c);
  doc = a.json ? cc_compare_json_new () : NULL;
  if (w == NULL || c == NULL || (a.json && doc == NULL))
    {
      cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      rc = cc_cli_fail (&err);
    }
  else
    rc = fit_all (&a, set, w, c, doc, &err);
  json_decref (doc);
  free (c);
  cc_fit_ws_free (w);
  cc_series_set_free (set);
  return rc;
}
