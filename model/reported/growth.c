/* growth.c: two-point growth facts. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_exp.h>
#include <gsl/gsl_sf_log.h>
#include <math.h>

#include "reported/growth.h"

int
cc_growth_facts_two_point (double t0, double y0, double t1, double y1,
                           cc_growth_facts *f, cc_err *err)
{
  gsl_sf_result lnm, g;

  if (!(t1 > t0))
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "growth needs two figures at different dates");
  if (!(y0 > 0) || !(y1 > 0) || !isfinite (y0) || !isfinite (y1))
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "growth rates need positive figures (got %g and %g)",
                       y0, y1);
  f->t0 = t0;
  f->t1 = t1;
  f->y0 = y0;
  f->y1 = y1;
  f->dt = t1 - t0;
  f->multiple = y1 / y0;
  if (gsl_sf_log_e (f->multiple, &lnm) != GSL_SUCCESS)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "log of growth multiple");
  f->rate_cont = lnm.val / f->dt;
  /* expm1 keeps the discrete rate exact for small growth. */
  if (gsl_sf_expm1_e (f->rate_cont, &g) != GSL_SUCCESS)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "growth rate %g per month is out of range",
                       f->rate_cont);
  f->rate_disc = g.val;
  f->annual_multiple = exp (12.0 * f->rate_cont);
  f->doubling_months = f->rate_cont > 0 ? M_LN2 / f->rate_cont : GSL_POSINF;
  f->slope = (y1 - y0) / f->dt;
  return CC_OK;
}
