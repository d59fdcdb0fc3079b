/* cmd_case.h: loading a reported metric into facts and scenarios, shared by
 * the run and facts commands. */
#ifndef CC_CMD_CASE_H
#define CC_CMD_CASE_H

#include "report/report.h"

#define CC_DEFAULT_REPORTED "reported/azure-storage-2025.csv"
#define CC_DEFAULT_PRICES "prices/azure-blob.csv"
#define CC_DEFAULT_SKU "blob-hot-lrs"
#define CC_DEFAULT_MONTHS 36
#define CC_MAX_MONTHS 1200
#define CC_DEFAULT_PHOTO_MIB 3.0

typedef struct
{
  cc_reported *reported;
  cc_scenario scn[16];
  double *proj;           /* nscn x months, display units */
  cc_case_view view;
} cc_case;

/* Read PATH, pick METRIC (NULL: the first), compute facts and the default
 * scenarios over MONTHS.  On failure prints nothing; err says why. */
int cc_case_load (cc_case *c, const char *path, const char *metric,
                  int months, double photo_mib, cc_err *err);

void cc_case_free (cc_case *c);

/* Parse the shared numeric options of command CMD: --months 1 to
 * CC_MAX_MONTHS, --photo-mib > 0.  CC_EUSAGE after printing on error. */
int cc_case_parse_months (const char *cmd, const char *arg, int *months);
int cc_case_parse_photo (const char *cmd, const char *arg, double *mib);

#endif
