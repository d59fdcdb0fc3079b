/* project.h: named growth scenarios through the last reported figure.
 *
 * With two figures there is no residual variance and so no statistical
 * band; what can be shown honestly is a set of labelled assumptions, each
 * passing through the reported figures:
 *
 *   linear       y(h) = y1 + slope * h
 *   exponential  y(h) = y1 * e^(r h)                 (constant rate)
 *   decay phi    y(h) = y1 * e^(r phi (1 - phi^h) / (1 - phi))
 *                (the monthly log-growth rate falls by the factor phi each
 *                month: r phi, r phi^2, ...)
 *   logistic K   y(t) = K / (1 + e^(-k (t - tm))) through both figures,
 *                with an assumed cap K > y1
 *
 * h counts months after the last figure. */
#ifndef CC_PROJECT_H
#define CC_PROJECT_H

#include <stddef.h>

#include "core/error.h"
#include "reported/growth.h"

typedef enum
{
  CC_SCN_LINEAR,
  CC_SCN_EXPONENTIAL,
  CC_SCN_DECAY,
  CC_SCN_LOGISTIC
} cc_scenario_kind;

typedef struct
{
  cc_scenario_kind kind;
  double param;       /* phi for DECAY; the cap K (same unit as y) for LOGISTIC */
  char name[32];      /* short identifier, e.g. "logistic-K5000" */
  char label[96];     /* for charts and reports, e.g. "logistic, cap 5,000 TB" */
} cc_scenario;

/* Usage h months after the last figure under scenario S.  CC_EDATA when
 * the scenario cannot pass through the figures (cap K not above them,
 * phi outside (0, 1)). */
int cc_scenario_value (const cc_scenario *s, const cc_growth_facts *f,
                       double h, double *y, cc_err *err);

/* Fill OUT[i * months + (h - 1)] for every scenario i and h = 1..months. */
int cc_scenarios_project (const cc_scenario *s, size_t n,
                          const cc_growth_facts *f, int months, double *out,
                          cc_err *err);

/* The default scenario set: linear, decay 0.8 and 0.9, logistic with each
 * cap in CAPS (in the unit of y; caps not above y1 are left out) and
 * exponential, labelled with UNIT.  Returns how many were written (at most
 * CAP_OUT). */
size_t cc_scenarios_default (cc_scenario *out, size_t cap_out,
                             const cc_growth_facts *f, const double *caps,
                             size_t ncaps, const char *unit);

/* Named scenarios for a series too short for a statistical band: the
 * default set through its first and last points, with logistic caps at
 * 15/7, 25/7 and 50/7 times the last value (the ratios of 3,000, 5,000 and
 * 10,000 TB to the reported 1,400 TB, so the reported figures give the
 * caps facts gives them), labelled in UNIT (the series' unit; a unit
 * billed per month, "GB-month", as its level, "GB").  V is caller-owned,
 * CC_SCEN_MAX x h, filled at the months XF. */
#define CC_SCEN_MAX 8
typedef struct
{
  size_t nscen;
  char name[CC_SCEN_MAX][32];
  char assumption[CC_SCEN_MAX][96];
  double *v;
} cc_scenarios;

int cc_fit_scenario_fallback (const double *x, const double *y, size_t n,
                              const char *unit, const double *xf, size_t h,
                              cc_scenarios *sc, cc_err *err);

#endif
