/* cmd_facts.c: cloudcast facts [FILE]: two-point growth facts on stdout
 * (reported/case.h loads them, report/report.h words them). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "report/report.h"
#include "reported/case.h"

int
cc_cmd_facts (int argc, char **argv)
{
  cc_opts go;
  char def[4096];
  const char *path, *metric = NULL;
  int months = CC_DEFAULT_MONTHS, c, rc;
  double photo = CC_DEFAULT_PHOTO_MIB;
  cc_case cs;
  cc_err err;

  cc_opts_init (&go, "facts");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'm':
        if ((rc = cc_case_parse_months ("facts", optarg, &months)) != CC_OK)
          return rc;
        break;
      case 'p':
        if ((rc = cc_case_parse_photo ("facts", optarg, &photo)) != CC_OK)
          return rc;
        break;
      case 'M':
        metric = optarg;
        break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("facts: bad option");
      }
  if (argc - optind > 1)
    return cc_cli_usage ("facts: one FILE at most");
  path = optind < argc ? argv[optind]
                       : cc_cli_datafile (def, sizeof def, CC_DEFAULT_REPORTED);
  cc_err_clear (&err);
  if ((rc = cc_case_load (&cs, path, metric, months, photo, &err)) != CC_OK)
    {
      cc_case_free (&cs);
      return cc_cli_fail (&err);
    }
  cc_report_facts (stdout, &cs.view);
  cc_case_free (&cs);
  return CC_OK;
}
