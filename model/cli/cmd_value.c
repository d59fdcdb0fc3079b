/* cmd_value.c: cloudcast value [SCENARIO.ini]: contract value with a range. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/output.h"
#include "cli/cmd_valueio.h"
#include "report/report_value.h"

#define CC_DEFAULT_SCENARIO "scenarios/default.ini"

int
cc_cmd_value (int argc, char **argv)
{
  cc_opts go;
  const char *dir = "cloudcast-out", *path;
  char def[4096];
  int c, rc, json = 0, seed_set = 0;
  long draws = 0;
  unsigned long seed = 0;
  cc_valuecase *vc = NULL;
  cc_value_result *res = NULL;
  cc_cli_chartset sets[CC_VALUE_NCHART];
  cc_gp *gp = NULL;
  cc_err err;

  cc_opts_init (&go, "value");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'n':
        if ((rc = cc_value_parse_draws ("value", optarg, &draws)) != CC_OK)
          return rc;
        break;
      case 's':
        if ((rc = cc_cli_opt_ulong ("value", "--seed", optarg, 4294967295UL,
                                    &seed)) != CC_OK)
          return rc;
        seed_set = 1;
        break;
      case 'j':
        json = 1;
        break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("value: bad option");
      }
  if (argc - optind > 1)
    return cc_cli_usage ("value: one SCENARIO at most");
  path = optind < argc ? argv[optind]
                       : cc_cli_datafile (def, sizeof def, CC_DEFAULT_SCENARIO);
  cc_err_clear (&err);
  if ((rc = cc_valuecase_load (path, &vc, &err)) != CC_OK)
    return cc_cli_fail (&err);
  if (draws > 0 && (rc = cc_value_set_draws (vc, draws)) != CC_OK)
    {
      cc_valuecase_free (vc);
      return rc;
    }
  if (seed_set)
    vc->model.seed = seed;
  rc = cc_value_run (&vc->model, vc->book, &res, &err);
  if (rc != CC_OK)
    {
      cc_err e = err;   /* the model knows drivers, not files */
      rc = cc_err_set (&err, rc, vc->file->path, 0, 0, "%s", e.msg);
    }
  if (rc == CC_OK)
    rc = cc_outdir_make (dir, &err);
  if (rc == CC_OK)
    rc = cc_value_tables (dir, vc, res, &err);
  /* The tables are all written before gnuplot is asked for anything. */
  if (rc == CC_OK)
    {
      rc = cc_value_charts_reserve (dir, vc->formats, sets, &err);
      if (rc == CC_OK)
        {
          rc = cc_gp_open (&gp, &err);
          if (rc == CC_OK)
            rc = cc_value_charts_draw (gp, vc, res, sets, &err);
          if (gp != NULL)
            {
              int rc2 = cc_gp_close (gp, rc == CC_OK ? &err : NULL);
              rc = rc == CC_OK ? rc2 : rc;
            }
          rc = cc_value_charts_finish (sets, rc, &err);
        }
    }
  if (rc == CC_OK || rc == CC_EUNAVAIL)
    {
      if (json)
        cc_report_value_json (stdout, vc, res);
      else
        cc_report_value_text (stdout, vc, res);
    }
  if (rc != CC_OK)
    cc_cli_fail (&err);
  cc_value_result_free (res);
  cc_valuecase_free (vc);
  return rc;
}
