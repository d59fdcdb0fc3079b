/* cmd_case.h: the option values run, facts and value share (the storage
 * story's months and photo size, Monte Carlo draws).  What they parse into
 * is in reported/case.h and run/run.h. */
#ifndef CC_CMD_CASE_H
#define CC_CMD_CASE_H

#include <stdio.h>

#include "reported/case.h"
#include "run/run.h"

/* Parse the shared numeric options of command CMD: --months 1 to
 * CC_MAX_MONTHS, --photo-mib > 0.  CC_EUSAGE after printing on error. */
int cc_case_parse_months (const char *cmd, const char *arg, int *months);
int cc_case_parse_photo (const char *cmd, const char *arg, double *mib);
/* --draws: 1 to 1,000,000 (the cap on draws x months is the run's). */
int cc_case_parse_draws (const char *cmd, const char *arg,
                         unsigned long *draws);

/* The options run and value share, into O: -o DIR, -m, -p, -n, -s, -P,
 * -v and -q (the last of -v and -q wins; each command's usage table says which it takes).  CC_OK when C was
 * one of them, 1 when it was not, CC_EUSAGE after printing on error. */
int cc_case_run_option (const char *cmd, int c, const char *arg,
                        cc_run_opts *o);

/* The scenario of run or value: the one operand after the options (at
 * most one), else the default scenario written into DEF.  NULL after
 * printing the usage error. */
const char *cc_case_scenario (const char *cmd, int argc, char **argv,
                              int optind_, char *def, unsigned long size);

/* The headline of R on FP: the range in words (after the title when
 * TITLE) with the standard error of the P50, and what it rests on
 * (report/headline.h). */
void cc_case_headline (FILE *fp, const cc_run_result *r, int title);

/* The exit status of a run or value that ended in RC, its error said. */
int cc_case_run_status (int rc, const cc_err *err);

#endif
