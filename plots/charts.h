/* charts.h: the charts cloudcast draws, each from plain arrays and labels. */
#ifndef CC_CHARTS_H
#define CC_CHARTS_H

#include <stddef.h>

#include "gnuplot.h"

/* Usage over time: reported points and one line per named scenario. */
typedef struct
{
  const char *title, *subtitle, *source, *source2, *unit;
  const char *annotation;       /* a key fact shown at the last point */
  size_t nhist;
  const double *hist_t;         /* month index (fractional) */
  const double *hist_y;         /* in UNIT */
  size_t nscn;
  const char *const *scn_label;
  const double *scn_y;          /* nscn x months, in UNIT, h = 1..months */
  int months;
  double anchor_t, anchor_y;    /* the last reported point; h = 0 */
} cc_chart_usage;

/* Draw the chart twice, as PNG (pngcairo) to PNG_PATH and SVG to
 * SVG_PATH (either may be NULL), in the gnuplot process GP. */
void cc_chart_usage_draw (cc_gp *gp, const cc_chart_usage *c,
                          const char *png_path, const char *svg_path);

/* 1234567 -> "1,234,567" for tic labels and annotations. */
void cc_chart_group (double v, char *buf, size_t size);

#endif
