/* growth.h: what two reported figures say, and no more.
 *
 * Two points (t0, y0) and (t1, y1), t in months, fix exactly one growth
 * rate.  These are the facts a reporter can print; any curve beyond them
 * is a scenario (project.h), not a fit. */
#ifndef CC_GROWTH_H
#define CC_GROWTH_H

#include "core/error.h"

typedef struct
{
  double t0, t1;            /* months (month index, fractional days) */
  double y0, y1;            /* usage, in any one unit */
  double dt;                /* t1 - t0, months */
  double multiple;          /* y1 / y0 */
  double rate_cont;         /* r = ln(multiple) / dt, per month */
  double rate_disc;         /* g = e^r - 1, per month */
  double annual_multiple;   /* multiple^(12/dt) */
  double doubling_months;   /* ln 2 / r; +inf when r <= 0 */
  double slope;             /* (y1 - y0) / dt, units per month */
} cc_growth_facts;

/* Compute the facts.  CC_EDATA when t1 <= t0, y0 <= 0 or y1 <= 0. */
int cc_growth_facts_two_point (double t0, double y0, double t1, double y1,
                               cc_growth_facts *f, cc_err *err);

#endif
