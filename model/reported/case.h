/* case.h: the storage story: a reported metric, the facts its first and
 * last figures fix, the named growth scenarios through them, and what each
 * scenario month costs at list prices.  Read by `cloudcast facts` and by
 * the run (model/run/run.h) for its first driver grown from reported
 * figures. */
#ifndef CC_CASE_H
#define CC_CASE_H

#include <stddef.h>

#include "core/error.h"
#include "price/price.h"
#include "reported/growth.h"
#include "reported/project.h"
#include "reported/reported.h"

/* The reported figures `cloudcast facts` reads by default, relative to the
 * data directory. */
#define CC_DEFAULT_REPORTED "reported/azure-storage-2025.csv"
/* Scenario months after the last figure: default and cap. */
#define CC_DEFAULT_MONTHS 36
#define CC_MAX_MONTHS 1200
/* Photo size (MiB) for the facts' "about N million photos" line. */
#define CC_DEFAULT_PHOTO_MIB 3.0

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
  /* The scenario file's own growth for this storage (cc_case_own): its
   * P10, P50 and P90 paths (one path when the growth has no uncertain
   * parameter), NOWN x months; NOWN 0 when it was not given. */
  size_t nown;
  const cc_scenario *own;
  const double *own_proj;
} cc_case_view;

/* What cc_case_load owns behind the view. */
typedef struct
{
  cc_reported *reported;
  cc_scenario scn[16];
  double *proj;           /* nscn x months, display units */
  cc_scenario own[3];
  double *own_proj;       /* nown x months */
  cc_case_view view;
} cc_case;

/* Read PATH, pick METRIC (NULL: the first), compute facts and the default
 * scenarios over MONTHS.  Free with cc_case_free whatever it returns. */
int cc_case_load (cc_case *c, const char *path, const char *metric,
                  int months, double photo_mib, cc_err *err);

/* The scenario file's own growth of this storage: KIND with its parameter
 * (phi, or the cap K in the metric's unit) at PARAM[0..NPARAM-1], its
 * P10, P50 and P90 (NPARAM 3; 1 for linear or exponential growth, which
 * have none).  The quantity rises with phi and with K, so these paths
 * are the P10, P50 and P90 of the storage itself in every month. */
int cc_case_own (cc_case *c, cc_scenario_kind kind, const double *param,
                 size_t nparam, cc_err *err);

void cc_case_free (cc_case *c);

/* The monthly cost of every scenario month of V (COST[i * months + h - 1],
 * nscn x months) for a storage mix of the N skus SKUS with shares SHARE in
 * REGION (NULL: any) of BOOK, through the tiers.  *CURRENCY is the first
 * sku's.  CC_EDATA when the first sku is not priced per capacity (such as
 * GiB-month). */
int cc_case_cost (const cc_case_view *v, const cc_price_book *book,
                  const char *const *skus, const double *share, size_t n,
                  const char *region, double *cost, const char **currency,
                  cc_err *err);

#endif
