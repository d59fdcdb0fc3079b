/* cmd_valueio.h: a contract value's tables and charts, for the value and
 * run commands. */
#ifndef CC_CMD_VALUEIO_H
#define CC_CMD_VALUEIO_H

#include "cli.h"
#include "gnuplot.h"
#include "value.h"
#include "valuecase.h"

#define CC_VALUE_NCHART 8
/* spend, value, tornado, crosscloud: each .png then .svg. */
extern const char *const cc_value_chart_names[CC_VALUE_NCHART];

/* value-summary.csv, value-monthly.csv, value-drivers.csv,
 * value-drivers-monthly.csv, tornado.csv, crosscloud.csv, value.json. */
int cc_value_tables (const char *dir, const cc_valuecase *vc,
                     const cc_value_result *res, cc_err *err);

/* Send the four charts to GP, writing to the temporaries reserved in OUT
 * (cc_value_chart_names order).  With no uncertain assumption the tornado's
 * temporaries are removed and left NULL. */
int cc_value_charts_draw (cc_gp *gp, const cc_valuecase *c,
                          const cc_value_result *r, cc_cli_chart *out,
                          cc_err *err);

#endif
