/* cmd_case.c: the option values run, facts and value share. */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_case.h"

int
cc_case_parse_months (const char *cmd, const char *arg, int *months)
{
  long v;
  int rc = cc_cli_opt_long (cmd, "--months", arg, 1, CC_MAX_MONTHS, &v);
  if (rc == CC_OK)
    *months = (int) v;
  return rc;
}

int
cc_case_parse_photo (const char *cmd, const char *arg, double *mib)
{
  return cc_cli_opt_double_as (cmd, "--photo-mib", arg, DBL_TRUE_MIN, DBL_MAX,
                               "a positive number of MiB", mib);
}

int
cc_case_parse_draws (const char *cmd, const char *arg, unsigned long *draws)
{
  long n;
  int rc = cc_cli_opt_long (cmd, "--draws", arg, 1, 1000000, &n);
  if (rc == CC_OK)
    *draws = (unsigned long) n;
  return rc;
}
