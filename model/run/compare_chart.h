/* compare_chart.h: the chart of `cloudcast compare` (plots/chart_compare.c)
 * from the comparison's rows (report/compare.h). */
#ifndef CC_COMPARE_CHART_H
#define CC_COMPARE_CHART_H

#include "core/error.h"
#include "core/output.h"
#include "report/compare.h"

/* Draw compare.svg (and the other formats WANT asks for) with its alt
 * text compare.alt.txt into OUT's open directory.  CC_EUNAVAIL when
 * gnuplot is missing or fails (nothing written then). */
int cc_run_compare_chart (const cc_compare *cmp, const int *want,
                          const cc_output *out, cc_err *err);

#endif
