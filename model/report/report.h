/* report.h: the files a run writes, from plain results. */
#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stdio.h>

#include "reported/case.h"
#include "reported/growth.h"
#include "core/timeutil.h"
#include "reported/project.h"
#include "reported/reported.h"
#include "core/textutil.h"

/* cc_case_view, the storage story a run reports, is in reported/case.h. */

/* The sentences a reporter can quote, each with its assumption. */
int cc_report_facts (FILE *fp, const cc_case_view *v);

/* month,scenario,<unit>: one row per scenario and month. */
int cc_report_projection_csv (FILE *fp, const cc_case_view *v);

/* month,scenario,<currency>,cumulative_<currency>: COST is nscn x months. */
int cc_report_cost_csv (FILE *fp, const cc_case_view *v, const double *cost,
                        const char *currency);

/* storage.json: the facts and every scenario's monthly usage and cost
 * (COST may be NULL). */
int cc_report_storage_json (FILE *fp, const cc_case_view *v,
                            const double *cost, const char *currency);

#endif
