/* cmd_case.c: the option values run, facts and value share. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_case.h"

int
cc_case_parse_months (const char *arg, int *months)
{
  char *end;
  long v;
  errno = 0;
  v = strtol (arg, &end, 10);
  if (*arg == '\0' || *end != '\0' || errno != 0 || v < 1 || v > CC_MAX_MONTHS)
    return cc_cli_usage ("--months must be a whole number from 1 to %d, not '%s'",
                         CC_MAX_MONTHS, arg);
  *months = (int) v;
  return CC_OK;
}

int
cc_case_parse_photo (const char *arg, double *mib)
{
  char *end;
  double v;
  errno = 0;
  v = strtod (arg, &end);
  if (*arg == '\0' || *end != '\0' || errno != 0 || !(v > 0) || !isfinite (v))
    return cc_cli_usage ("--photo-mib must be a positive number of MiB, not '%s'",
                         arg);
  *mib = v;
  return CC_OK;
}

int
cc_case_parse_draws (const char *arg, unsigned long *draws)
{
  char *end;
  unsigned long n = strtoul (arg, &end, 10);
  if (*arg == '\0' || *end != '\0' || n < 1 || n > 1000000)
    return cc_cli_usage ("--draws must be a whole number from 1 to 1000000");
  *draws = n;
  return CC_OK;
}
