/* cmd_case.h: the option values run, facts and value share (the storage
 * story's months and photo size, Monte Carlo draws).  What they parse into
 * is in reported/case.h and run/run.h. */
#ifndef CC_CMD_CASE_H
#define CC_CMD_CASE_H

#include "reported/case.h"

/* Parse the shared numeric options of command CMD: --months 1 to
 * CC_MAX_MONTHS, --photo-mib > 0.  CC_EUSAGE after printing on error. */
int cc_case_parse_months (const char *cmd, const char *arg, int *months);
int cc_case_parse_photo (const char *cmd, const char *arg, double *mib);
/* --draws: 1 to 1,000,000 (the cap on draws x months is the run's). */
int cc_case_parse_draws (const char *cmd, const char *arg,
                         unsigned long *draws);

#endif
