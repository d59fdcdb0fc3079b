/* cmd_run.c: cloudcast run [SCENARIO.ini]: options, then the run pipeline
 * (model/run/run.h). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "run/run.h"

int
cc_cmd_run (int argc, char **argv)
{
  cc_opts go;
  char def[4096];
  int c, rc;
  cc_run_opts o;
  cc_run_result r;
  cc_err err;

  cc_run_opts_init (&o, NULL);
  cc_opts_init (&go, "run");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      return cc_opts_help (&go);
    else if ((rc = cc_case_run_option ("run", c, optarg, &o)) != CC_OK)
      return rc == 1 ? cc_cli_usage ("run: bad option") : rc;
  o.scenario = cc_case_scenario ("run", argc, argv, optind, def, sizeof def);
  if (o.scenario == NULL)
    return CC_EUSAGE;
  o.notify = o.verbose ? cc_cli_wrote : NULL;
  cc_err_clear (&err);
  rc = cc_run (&o, &r, &err);
  /* The preview is printed, not kept. */
  if (r.charts.preview != NULL && !o.quiet)
    fputs (r.charts.preview, stdout);
  /* The headline and where the report is, once it is written. */
  if (!o.quiet && (rc == CC_OK || rc == CC_EUNAVAIL) && r.vr != NULL)
    {
      char *path = cc_path_join (o.dir, "report.html");
      cc_case_headline (stdout, &r, 1);
      if (path != NULL)
        printf ("Report: %s\n", path);
      free (path);
    }
  cc_case_run_status (rc, &err);
  cc_run_free (&r);
  return rc;
}
