/* cmd_run.c: cloudcast run [SCENARIO.ini]: options, then the run pipeline
 * (model/run/run.h). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "run/run.h"

int
cc_cmd_run (int argc, char **argv)
{
  cc_opts go;
  const char *dir = "cloudcast-out", *path;
  char def[4096];
  int months = CC_DEFAULT_MONTHS, c, rc, preview = 0;
  unsigned long draws = 0;
  double photo = CC_DEFAULT_PHOTO_MIB;
  cc_run_opts o;
  cc_run_result r;
  cc_err err;

  cc_opts_init (&go, "run");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'm':
        if ((rc = cc_case_parse_months ("run", optarg, &months)) != CC_OK)
          return rc;
        break;
      case 'p':
        if ((rc = cc_case_parse_photo ("run", optarg, &photo)) != CC_OK)
          return rc;
        break;
      case 'n':
        if ((rc = cc_case_parse_draws ("run", optarg, &draws)) != CC_OK)
          return rc;
        break;
      case 'P':
        preview = 1;
        break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("run: bad option");
      }
  if (argc - optind > 1)
    return cc_cli_usage ("run: one SCENARIO at most");
  if (dir[0] == '\0')
    return cc_cli_usage ("run: --output needs a directory name");
  path = optind < argc ? argv[optind]
                       : cc_cli_datafile (def, sizeof def, CC_DEFAULT_SCENARIO);

  cc_run_opts_init (&o, path);
  if (draws > 0)
    o.draws = draws;
  o.dir = dir;
  o.months = months;
  o.photo_mib = photo;
  o.preview = preview;
  o.notify = cc_cli_wrote;
  cc_err_clear (&err);
  rc = cc_run (&o, &r, &err);
  /* The preview is printed, not kept. */
  if (r.charts.preview != NULL)
    fputs (r.charts.preview, stdout);
  if (rc == CC_EUSAGE)
    cc_cli_usage ("%s", err.msg);
  else if (rc != CC_OK)
    cc_cli_fail (&err);
  cc_run_free (&r);
  return rc;
}
