/* cmd_valueio.h: a contract value's tables and charts, for the value and
 * run commands. */
#ifndef CC_CMD_VALUEIO_H
#define CC_CMD_VALUEIO_H

#include "cli/cli.h"
#include "plots/gnuplot.h"
#include "value/value.h"
#include "value/valuecase.h"

#define CC_VALUE_NCHART 4
/* The chart stems: spend, value, tornado, crosscloud. */
extern const char *const cc_value_chart_names[CC_VALUE_NCHART];

/* value-summary.csv, value-monthly.csv, value-drivers.csv,
 * value-drivers-monthly.csv, tornado.csv, crosscloud.csv, value.json. */
int cc_value_tables (const char *dir, const cc_valuecase *vc,
                     const cc_value_result *res, cc_err *err);

/* Send the four charts to GP, writing to the temporaries reserved in SETS
 * (cc_value_chart_names order).  With no uncertain assumption the tornado's
 * temporaries are removed and left NULL. */
int cc_value_charts_draw (cc_gp *gp, const cc_valuecase *c,
                          const cc_value_result *r, cc_cli_chartset *sets,
                          cc_err *err);

/* Reserve every value chart in the formats WANT; FINISH renames or removes
 * them all (see cc_cli_charts_finish). */
int cc_value_charts_reserve (const char *dir, const int *want,
                             cc_cli_chartset *sets, cc_err *err);
int cc_value_charts_finish (cc_cli_chartset *sets, int status, cc_err *err);

/* --draws ARG of command CMD: 1 to 1,000,000.  CC_EUSAGE (printed)
 * otherwise. */
int cc_value_parse_draws (const char *cmd, const char *arg, long *n);

/* Use N draws for the scenario VC: at most CC_MAX_DRAW_MONTHS draws x
 * months.  CC_EUSAGE (printed) otherwise. */
int cc_value_set_draws (cc_valuecase *vc, long n);

#endif
