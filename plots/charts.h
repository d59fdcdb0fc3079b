/* charts.h: the charts cloudcast draws, each from plain arrays and labels,
 * and what their files share.  Each is drawn by plots/chart_STEM.c, which
 * also registers it (plots/registry.h) with what it is prepared from. */
#ifndef CC_CHARTS_H
#define CC_CHARTS_H

#include <stddef.h>

#include "plots/gnuplot.h"

/* The storage story (storage.svg): reported points and one line per named
 * scenario. */
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
  /* The scenario file's own path: 3 (P10, P50, P90: a band and its
     median line) or 1 (a line); 0: none.  nown x months, in UNIT. */
  size_t nown;
  const char *own_band, *own_label;   /* legend text of band and line */
  const double *own_y;
  int log;                      /* a log y axis, else linear from 0 */
} cc_chart_storage;

/* Draw the chart to every output O wants, in the gnuplot process GP. */
void cc_chart_storage_draw (cc_gp *gp, const cc_chart_storage *c,
                            const cc_gp_outputs *o);

/* What every value chart carries: text and where to write it. */
typedef struct
{
  const char *title, *subtitle, *source;
  cc_gp_outputs out;            /* temporaries chosen by the caller */
} cc_chart_frame;

/* Median monthly spend stacked by family. */
typedef struct
{
  long start_month;             /* month index of month 1 */
  int months;
  size_t nfamily;
  const char *const *family;
  const double *p50;            /* months x nfamily */
  const double *total;          /* months: the median total, a line */
  const char *currency;
} cc_chart_spend;

/* Cumulative contract value: median and the P10-P90 band. */
typedef struct
{
  long start_month;
  int months;
  const double *p10, *p50, *p90;
  const char *currency;
} cc_chart_cumulative;

/* Tornado: each assumption's term total at its P10 and P90. */
typedef struct
{
  size_t nbar;                  /* sorted, largest swing first */
  const char *const *name;
  const double *low, *high;
  double median;                /* every assumption at its median */
  const char *currency;
} cc_chart_tornado;

/* The same usage priced on each provider. */
typedef struct
{
  size_t nprovider;
  const char *const *provider;
  const double *total;
  const char *currency;
  /* Drawn inside the plot, top left: the drivers compared and what each
     provider does not price (each may be NULL). */
  const char *note[2];
} cc_chart_cross;

/* A fitted series with its prediction bands (usage.svg). */
typedef struct
{
  const char *unit;            /* y axis label */
  size_t n;
  const long *month;           /* month index of each data point */
  const double *y;
  size_t h;
  const long *fmonth;          /* month index of each forecast month */
  const double *median, *lo_narrow, *hi_narrow, *lo_wide, *hi_wide;
  double level_lo, level_hi;   /* e.g. 80 and 95 (percent) */
} cc_chart_fan;

/* Every converged model's curve over the data and the contract
 * (models.svg). */
typedef struct
{
  const char *unit;
  size_t n;
  const long *month;
  const double *y;
  size_t nmodel;
  const char *const *label;    /* "logistic (AICc 12.3, weight 0.77)" */
  size_t h;
  const long *cmonth;          /* months the curves are drawn at */
  const double *curve;         /* nmodel x h */
  long selected;               /* index of the chosen model, or -1 */
  double ymax;                 /* top of the y axis (0: automatic) */
} cc_chart_models;

/* Scenarios side by side (cloudcast compare): panels of groups of bars,
 * one bar per scenario at its P50 with a whisker from its P10 to its P90. */
#define CC_CMP_CHART_PANELS 12
#define CC_CMP_CHART_GROUPS 16
#define CC_CMP_CHART_SCENARIOS 8
typedef struct
{
  char title[200];      /* "Term value and NPV, USD"; "Seats (seat-month)" */
  size_t ngroup;
  char group[CC_CMP_CHART_GROUPS][120];   /* "Term value", "Year 1", ... */
  /* NAN where a scenario has no such figure. */
  double p10[CC_CMP_CHART_GROUPS][CC_CMP_CHART_SCENARIOS];
  double p50[CC_CMP_CHART_GROUPS][CC_CMP_CHART_SCENARIOS];
  double p90[CC_CMP_CHART_GROUPS][CC_CMP_CHART_SCENARIOS];
} cc_chart_cmp_panel;

typedef struct
{
  size_t n;                                   /* scenarios */
  const char *scenario[CC_CMP_CHART_SCENARIOS];   /* file names */
  char title[256], subtitle[512], source[512];
  size_t npanel;
  cc_chart_cmp_panel panel[CC_CMP_CHART_PANELS];
} cc_chart_compare;

void cc_chart_fan_draw (cc_gp *gp, const cc_chart_frame *fr,
                        const cc_chart_fan *c);
void cc_chart_models_draw (cc_gp *gp, const cc_chart_frame *fr,
                           const cc_chart_models *c);

/* Send a frame's labels as $LBL: 1 title, 2 subtitle, 3 source, 4-7 empty
 * (reserved), 8 the value axis label, then EXTRA
 * from 9.  Everything that may hold input-derived text goes here. */
void cc_chart_labels (cc_gp *gp, const cc_chart_frame *fr, const char *axis,
                      const char *const *extra, size_t nextra);

/* The same with "data" as label 9 and EXTRA from 10: the fitted charts,
 * whose data points have a legend entry. */
void cc_chart_labels_data (cc_gp *gp, const cc_chart_frame *fr,
                           const char *axis, const char *const *extra,
                           size_t nextra);

/* reset, noenhanced text, title and subtitle, source line, borders,
 * margins, grid and the y label from $LBL. */
void cc_chart_setup (FILE *fp);

/* cc_chart_setup for a chart over months: dates as "Mon\nYYYY", vertical
 * grid lines, the key at the top left. */
void cc_chart_setup_time (FILE *fp);

/* " YYYY-MM-15" for a month index: mid-month, as a data line starts. */
void cc_chart_put_month (FILE *fp, long month);

/* Datablock NAME ("$HIST") of N points: mid-month date, value. */
void cc_chart_put_series (FILE *fp, const char *name, size_t n,
                          const long *month, const double *y);

/* A money axis for values up to MAX: the label "WHAT, CURRENCY" with
 * "thousands", "millions" or "billions" as MAX needs, into AXIS; returns
 * the divisor for the plotted values. */
double cc_chart_money_axis (double max, const char *currency,
                            const char *what, char *axis, size_t size);

void cc_chart_spend_draw (cc_gp *gp, const cc_chart_frame *fr,
                          const cc_chart_spend *c);
void cc_chart_cumulative_draw (cc_gp *gp, const cc_chart_frame *fr,
                               const cc_chart_cumulative *c);
void cc_chart_tornado_draw (cc_gp *gp, const cc_chart_frame *fr,
                            const cc_chart_tornado *c);
void cc_chart_cross_draw (cc_gp *gp, const cc_chart_frame *fr,
                          const cc_chart_cross *c);

#endif
