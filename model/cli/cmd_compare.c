/* cmd_compare.c: cloudcast compare A.ini B.ini [C.ini ...]: scenarios
 * valued with one seed and one number of draws, side by side
 * (report/compare.h), as CSV, JSON, Markdown and HTML in DIR and the
 * Markdown table on stdout. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "core/output.h"
#include "report/compare.h"
#include "run/run.h"
#include "run/compare_chart.h"

/* The tables, then the chart (SVG always, and the first scenario's
   other formats); a chart that cannot be drawn costs no table. */
static int
write_all (const cc_compare *cmp, const cc_run_opts *o, const int *formats,
           cc_err *err)
{
  static const struct { const char *name; cc_output_fn fn; } files[] = {
    { "compare.csv", cc_compare_csv },
    { "compare-skus.csv", cc_compare_skus_csv },
    { "compare.json", cc_compare_json },
    { "compare.md", cc_compare_md },
    { "compare.html", cc_compare_html },
  };
  cc_output out = { o->dir, o->notify, o->notify_ctx, -1 };
  size_t i;
  int rc = cc_outdir_open (&out, 1, err);
  int want[CC_GP_NFMT];
  for (i = 0; rc == CC_OK && i < sizeof files / sizeof *files; i++)
    rc = cc_output_file (&out, files[i].name, files[i].fn, cmp, err);
  memcpy (want, formats, sizeof want);
  want[CC_GP_SVG] = 1;
  want[CC_GP_DUMB] = 0;
  if (rc == CC_OK)
    rc = cc_run_compare_chart (cmp, want, &out, err);
  cc_outdir_close (&out);
  return rc;
}

/* Value every scenario of ARGV[FIRST..] into R, the first with its own
   seed and draws (unless the options set them), the others with the
   first's. */
static int
value_all (cc_run_opts *o, char **files, size_t n, cc_run_result *r,
           cc_err *err)
{
  size_t s;
  int rc;
  for (s = 0; s < n; s++)
    {
      o->scenario = files[s];
      if ((rc = cc_run_load (o, 0, &r[s], err)) != CC_OK)
        return rc;
      if (s == 0)
        {
          o->draws = r[0].vc->model.draws;
          o->seed = r[0].vc->model.seed;
          o->set_seed = 1;
        }
    }
  return CC_OK;
}

int
cc_cmd_compare (int argc, char **argv)
{
  cc_opts go;
  cc_run_opts o;
  cc_run_result r[CC_CMP_MAX];
  const cc_valuecase *vc[CC_CMP_MAX];
  const cc_value_result *vr[CC_CMP_MAX];
  cc_compare cmp;
  size_t n, s;
  int c, rc;
  cc_err err;

  cc_run_opts_init (&o, NULL);
  o.dir = "compare-out";
  cc_opts_init (&go, "compare");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      return cc_opts_help (&go);
    else if ((rc = cc_case_run_option ("compare", c, optarg, &o)) != CC_OK)
      return rc == 1 ? cc_cli_usage ("compare: bad option") : rc;
  n = (size_t) (argc - optind);
  if (n < 2 || n > CC_CMP_MAX)
    return cc_cli_usage ("compare: give 2 to %d scenario files", CC_CMP_MAX);
  o.notify = o.verbose ? cc_cli_wrote : NULL;
  memset (r, 0, sizeof r);
  memset (&cmp, 0, sizeof cmp);
  cc_err_clear (&err);
  rc = value_all (&o, argv + optind, n, r, &err);
  for (s = 0; rc == CC_OK && s < n; s++)
    {
      vc[s] = r[s].vc;
      vr[s] = r[s].vr;
    }
  if (rc == CC_OK)
    rc = cc_compare_build (vc, vr, n, &cmp, &err);
  if (rc == CC_OK)
    rc = write_all (&cmp, &o, r[0].vc->formats, &err);
  if (rc == CC_OK && !o.quiet)
    {
      cc_compare_md (stdout, &cmp);
      printf ("\nTables: %s/compare.csv, compare-skus.csv, compare.json, "
              "compare.md and compare.html; chart compare.svg\n", o.dir);
    }
  cc_compare_free (&cmp);
  for (s = 0; s < n; s++)
    cc_run_free (&r[s]);
  if (rc != CC_OK)
    return cc_cli_fail (&err);
  return CC_OK;
}
