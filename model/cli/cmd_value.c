/* cmd_value.c: cloudcast value [SCENARIO.ini]: contract value with a range
 * (the value part of model/run/run.h), summarised on stdout. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_case.h"
#include "report/report_value.h"
#include "run/run.h"

int
cc_cmd_value (int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "draws", required_argument, NULL, 'n' },
    { "seed", required_argument, NULL, 's' },
    { "json", no_argument, NULL, 'j' },
    { NULL, 0, NULL, 0 }
  };
  const char *dir = "cloudcast-out", *path, *draws = NULL, *seed = NULL;
  char def[4096], *end;
  int c, rc, json = 0;
  cc_run_opts o;
  cc_run_result r;
  cc_err err;

  while ((c = getopt_long (argc, argv, "o:n:s:", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'n':
        draws = optarg;
        break;
      case 's':
        seed = optarg;
        break;
      case 'j':
        json = 1;
        break;
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
  if (draws != NULL && (rc = cc_case_parse_draws (draws, &o.draws)) != CC_OK)
    return rc;
  if (seed != NULL)
    {
      o.seed = strtoul (seed, &end, 10);
      if (*seed == '\0' || *end != '\0')
        return cc_cli_usage ("--seed must be a whole number");
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
