/* cmd_value.c: cloudcast value [SCENARIO.ini]: contract value with a range
 * (the value part of model/run/run.h), summarised on stdout. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "report/report_value.h"
#include "run/run.h"

int
cc_cmd_value (int argc, char **argv)
{
  cc_opts go;
  const char *dir = "cloudcast-out", *path;
  char def[4096];
  int c, rc, json = 0, seed_set = 0;
  unsigned long draws = 0, seed = 0;
  cc_run_opts o;
  cc_run_result r;
  cc_err err;

  cc_opts_init (&go, "value");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'n':
        if ((rc = cc_case_parse_draws ("value", optarg, &draws)) != CC_OK)
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
  cc_run_opts_init (&o, path);
  o.dir = dir;
  o.notify = cc_cli_wrote;
  if (draws > 0)
    o.draws = draws;
  if (seed_set)
    {
      o.seed = seed;
      o.set_seed = 1;
    }
  cc_err_clear (&err);
  rc = cc_run_value (&o, &r, &err);
  if (rc == CC_OK || (rc == CC_EUNAVAIL && r.vr != NULL))
    {
      if (json)
        cc_report_value_json (stdout, r.vc, r.vr);
      else
        cc_report_value_text (stdout, r.vc, r.vr);
    }
  if (rc == CC_EUSAGE)
    cc_cli_usage ("%s", err.msg);
  else if (rc != CC_OK)
    cc_cli_fail (&err);
  cc_run_free (&r);
  return rc;
}
