/* cmd_value.c: cloudcast value [SCENARIO.ini]: contract value with a range. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "report_value.h"

#define CC_DEFAULT_SCENARIO "scenarios/default.ini"

typedef struct
{
  const cc_valuecase *c;
  const cc_value_result *r;
  int (*fn) (FILE *, const cc_valuecase *, const cc_value_result *);
} value_arg;

static int
write_value (FILE *fp, const void *arg)
{
  const value_arg *a = arg;
  return a->fn (fp, a->c, a->r);
}

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
  static const struct
  {
    const char *name;
    int (*fn) (FILE *, const cc_valuecase *, const cc_value_result *);
  } files[] = {
    { "value-summary.csv", cc_report_value_summary_csv },
    { "value-monthly.csv", cc_report_value_monthly_csv },
    { "value-drivers.csv", cc_report_value_drivers_csv },
    { "tornado.csv", cc_report_value_tornado_csv },
    { "crosscloud.csv", cc_report_value_cross_csv },
    { "value.json", cc_report_value_json },
  };
  const char *dir = "cloudcast-out", *path, *draws = NULL, *seed = NULL;
  char def[4096], *end;
  int c, rc, json = 0;
  size_t i;
  cc_valuecase *vc = NULL;
  cc_value_result *res = NULL;
  value_arg va;
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
  cc_err_clear (&err);
  if ((rc = cc_valuecase_load (path, &vc, &err)) != CC_OK)
    return cc_cli_fail (&err);
  if (draws != NULL)
    {
      unsigned long n = strtoul (draws, &end, 10);
      if (*draws == '\0' || *end != '\0' || n < 1 || n > 1000000)
        {
          cc_valuecase_free (vc);
          return cc_cli_usage ("--draws must be a whole number from 1 to 1000000");
        }
      vc->model.draws = n;
    }
  if (seed != NULL)
    {
      unsigned long s = strtoul (seed, &end, 10);
      if (*seed == '\0' || *end != '\0')
        {
          cc_valuecase_free (vc);
          return cc_cli_usage ("--seed must be a whole number");
        }
      vc->model.seed = s;
    }
  rc = cc_value_run (&vc->model, vc->book, &res, &err);
  if (rc == CC_OK)
    rc = cc_outdir_make (dir, &err);
  va.c = vc;
  va.r = res;
  for (i = 0; rc == CC_OK && i < sizeof files / sizeof files[0]; i++)
    {
      va.fn = files[i].fn;
      rc = cc_cli_write (dir, files[i].name, write_value, &va, &err);
    }
  if (rc == CC_OK)
    {
      if (json)
        cc_report_value_json (stdout, vc, res);
      else
        cc_report_value_text (stdout, vc, res);
    }
  else
    cc_cli_fail (&err);
  cc_value_result_free (res);
  cc_valuecase_free (vc);
  return rc;
}
