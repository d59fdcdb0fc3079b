/* cmd_fitcharts.h: the fan chart and the model comparison of a run's first
 * fitted driver. */
#ifndef CC_CMD_FITCHARTS_H
#define CC_CMD_FITCHARTS_H

#include "plots/charts.h"
#include "cli/cli.h"
#include "value/valuecase.h"

typedef struct
{
  size_t driver;               /* which driver; valid when present */
  int present;
  long *month, *fmonth, *cmonth;
  double *y, *median, *lo_n, *hi_n, *lo_w, *hi_w, *curve;
  const char **label;
  char (*label_buf)[96];
  cc_chart_fan fan;
  cc_chart_models models;
  char title[2][256], sub[2][256], source[512];
  char alt[2][768];
} cc_fitcharts;

/* Prepare the charts of the first driver with growth = fit (none: present
 * stays 0).  The band reaches the end of the contract. */
int cc_fitcharts_prepare (cc_fitcharts *fc, const cc_valuecase *vc,
                          cc_err *err);

/* Draw both to the reserved sets (usage, then models). */
void cc_fitcharts_draw (cc_fitcharts *fc, cc_gp *gp, cc_cli_chartset *sets);

void cc_fitcharts_free (cc_fitcharts *fc);

#endif
