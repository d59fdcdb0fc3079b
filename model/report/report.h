/* report.h: the files a run writes, from plain results. */
#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stdio.h>

#include "reported/growth.h"
#include "core/timeutil.h"
#include "reported/project.h"
#include "reported/reported.h"
#include "core/textutil.h"

/* A reported metric with its two-point facts and named scenarios. */
typedef struct
{
  const cc_reported_metric *metric;
  double unit_bytes;            /* bytes in one display unit */
  const char *unit;             /* display unit, e.g. "TB" */
  cc_growth_facts facts;        /* first and last figure, display units */
  double photo_mib;             /* photo size for the equivalents line */
  size_t nscn;
  const cc_scenario *scn;
  int months;
  const double *proj;           /* nscn x months, display units */
  long anchor_month;            /* month index of the last figure */
} cc_case_view;

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
