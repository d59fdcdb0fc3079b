/* report_value.h: writers for the contract value (value.h) of a case. */
#ifndef CC_REPORT_VALUE_H
#define CC_REPORT_VALUE_H

#include <stdio.h>

#include "report/report.h"
#include "value/value.h"
#include "value/valuecase.h"

int cc_report_value_summary_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_monthly_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_drivers_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_driver_monthly_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
/* Usage: each driver's quantity in its own unit in the last month of
   each contract year, P10/P50/P90 (quantities.csv). */
int cc_report_value_quantities_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
/* driver,family,quantity_source,what,set_in,source,p50_share: what each
 * driver's quantity rests on (report/headline.h). */
int cc_report_value_provenance_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_tornado_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_cross_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_cross_drivers_csv (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
int cc_report_value_json (FILE *fp, const cc_valuecase *c, const cc_value_result *r);
/* The analyst's summary: totals, NPV, by year, top drivers, providers. */
int cc_report_value_text (FILE *fp, const cc_valuecase *c, const cc_value_result *r);

#endif
