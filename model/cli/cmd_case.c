/* cmd_case.c: the option values run, facts and value share. */
#include <config.h>

#include <float.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_case.h"
#include "core/textutil.h"
#include "report/headline.h"

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

int
cc_case_run_option (const char *cmd, int c, const char *arg, cc_run_opts *o)
{
  int months, rc = CC_OK;
  switch (c)
    {
    case 'o':
      if (arg[0] == '\0')
        return cc_cli_usage ("%s: --output needs a directory name", cmd);
      o->dir = arg;
      return CC_OK;
    case 'm':
      if ((rc = cc_case_parse_months (cmd, arg, &months)) == CC_OK)
        o->months = months;
      return rc;
    case 'p':
      return cc_case_parse_photo (cmd, arg, &o->photo_mib);
    case 'n':
      return cc_case_parse_draws (cmd, arg, &o->draws);
    case 's':
      if ((rc = cc_cli_opt_ulong (cmd, "--seed", arg, 4294967295UL,
                                  &o->seed)) == CC_OK)
        o->set_seed = 1;
      return rc;
    case 'P':
      o->preview = 1;
      return CC_OK;
    case 'v':
      o->verbose = 1;
      o->quiet = 0;
      return CC_OK;
    case 'q':
      o->quiet = 1;
      o->verbose = 0;
      return CC_OK;
    default:
      return 1;
    }
}

const char *
cc_case_scenario (const char *cmd, int argc, char **argv, int optind_,
                  char *def, unsigned long size)
{
  if (argc - optind_ > 1)
    {
      cc_cli_usage ("%s: one SCENARIO at most", cmd);
      return NULL;
    }
  return optind_ < argc ? argv[optind_]
                        : cc_cli_datafile (def, size, CC_DEFAULT_SCENARIO);
}

void
cc_case_headline (FILE *fp, const cc_run_result *r, int title)
{
  char words[4 * CC_GROUP_MAX], se[CC_GROUP_MAX + 32];
  if (r->vc == NULL || r->vr == NULL)
    return;
  cc_range_words (&r->vr->total, r->vc->currency, words, sizeof words);
  cc_money_words (r->vr->total_p50_se, r->vc->currency, se, sizeof se);
  if (title)
    fprintf (fp, "%s: ", r->vc->title);
  else
    words[0] = (char) (words[0] - 'a' + 'A');
  fprintf (fp, "%s over %d months; standard error of the P50 %s.\n",
           words, r->vr->months, se);
  fputs ("It rests on: ", fp);
  cc_rests_on (fp, r->vc, r->vr, cc_text_plain);
  fputs (".\n", fp);
}

int
cc_case_run_status (int rc, const cc_err *err)
{
  if (rc == CC_EUSAGE)
    cc_cli_usage ("%s", err->msg);
  else if (rc != CC_OK)
    cc_cli_fail (err);
  return rc;
}
