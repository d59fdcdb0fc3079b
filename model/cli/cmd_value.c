/* cmd_value.c: cloudcast value [SCENARIO.ini]: contract value with a range
 * (the value part of model/run/run.h), summarised on stdout. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "report/report_value.h"
#include "run/run.h"

int
cc_cmd_value (int argc, char **argv)
{
  cc_opts go;
  char def[4096];
  int c, rc, json = 0;
  cc_run_opts o;
  cc_run_result r;
  cc_err err;

  cc_run_opts_init (&o, NULL);
  cc_opts_init (&go, "value");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      return cc_opts_help (&go);
    else if (c == 'j')
      json = 1;
    else if ((rc = cc_case_run_option ("value", c, optarg, &o)) != CC_OK)
      return rc == 1 ? cc_cli_usage ("value: bad option") : rc;
  o.scenario = cc_case_scenario ("value", argc, argv, optind, def,
                                 sizeof def);
  if (o.scenario == NULL)
    return CC_EUSAGE;
  o.notify = o.verbose ? cc_cli_wrote : NULL;
  cc_err_clear (&err);
  rc = cc_run_value (&o, &r, &err);
  if ((rc == CC_OK || (rc == CC_EUNAVAIL && r.vr != NULL)) && !o.quiet)
    {
      if (json)
        cc_report_value_json (stdout, r.vc, r.vr);
      else
        {
          char *path = cc_path_join (o.dir, "value.json");
          cc_report_value_text (stdout, r.vc, r.vr);
          cc_case_headline (stdout, &r, 0);
          if (path != NULL)
            printf ("Tables: %s, with the CSV tables and charts beside "
                    "it\n", path);
          free (path);
        }
    }
  cc_case_run_status (rc, &err);
  cc_run_free (&r);
  return rc;
}
