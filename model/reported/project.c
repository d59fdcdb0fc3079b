/* project.c: values of the named scenarios. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_exp.h>
#include <gsl/gsl_sf_log.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reported/project.h"
#include "core/textutil.h"

/* ln(y / (K - y)): the logistic curve is a straight line in it. */
static int
logit (double y, double K, double *v)
{
  gsl_sf_result a;
  if (gsl_sf_log_e (y / (K - y), &a) != GSL_SUCCESS)
    return -1;
  *v = a.val;
  return 0;
}

int
cc_scenario_value (const cc_scenario *s, const cc_growth_facts *f, double h,
                   double *y, cc_err *err)
{
  gsl_sf_result e;
  double x, l0, l1, k;

  switch (s->kind)
    {
    case CC_SCN_LINEAR:
      *y = f->y1 + f->slope * h;
      return CC_OK;
    case CC_SCN_EXPONENTIAL:
      x = f->rate_cont * h;
      break;
    case CC_SCN_DECAY:
      if (!(s->param > 0 && s->param < 1))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "scenario %s: decay factor phi = %g must be "
                           "between 0 and 1", s->name, s->param);
      /* Sum of r phi^j for j = 1..h, a geometric series. */
      x = f->rate_cont * s->param * (1 - pow (s->param, h)) / (1 - s->param);
      break;
    case CC_SCN_LOGISTIC:
      if (!(s->param > f->y1) || !(s->param > f->y0))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "scenario %s: cap K = %g must be above the "
                           "reported figures (%g)", s->name, s->param, f->y1);
      if (logit (f->y0, s->param, &l0) != 0 || logit (f->y1, s->param, &l1) != 0)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "logit failed");
      k = (l1 - l0) / f->dt;
      if (gsl_sf_exp_e (-(l1 + k * h), &e) != GSL_SUCCESS)
        {
          /* Underflow or overflow of e^-(...): the curve sits at K or 0. */
          *y = l1 + k * h > 0 ? s->param : 0.0;
          return CC_OK;
        }
      *y = s->param / (1 + e.val);
      return CC_OK;
    default:
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                         "unknown scenario kind %d", (int) s->kind);
    }
  if (gsl_sf_exp_e (x, &e) != GSL_SUCCESS)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "scenario %s overflows at %g months", s->name, h);
  *y = f->y1 * e.val;
  return CC_OK;
}

int
cc_scenarios_project (const cc_scenario *s, size_t n, const cc_growth_facts *f,
                      int months, double *out, cc_err *err)
{
  size_t i;
  int h, rc;
  for (i = 0; i < n; i++)
    for (h = 1; h <= months; h++)
      if ((rc = cc_scenario_value (&s[i], f, h, &out[i * (size_t) months + (size_t) (h - 1)],
                                   err)) != CC_OK)
        return rc;
  return CC_OK;
}


size_t
cc_scenarios_default (cc_scenario *out, size_t cap_out,
                      const cc_growth_facts *f, const double *caps,
                      size_t ncaps, const char *unit)
{
  size_t n = 0, i;
  char num[64];
  static const double phis[] = { 0.8, 0.9 };

  if (n < cap_out)
    {
      out[n].kind = CC_SCN_LINEAR;
      out[n].param = 0;
      snprintf (out[n].name, sizeof out[n].name, "linear");
      cc_group_digits (f->slope, 0, num, sizeof num);
      snprintf (out[n].label, sizeof out[n].label, "linear, +%s%s%s/month",
                num, unit[0] ? " " : "", unit);
      n++;
    }
  for (i = 0; i < 2 && n < cap_out; i++, n++)
    {
      out[n].kind = CC_SCN_DECAY;
      out[n].param = phis[i];
      snprintf (out[n].name, sizeof out[n].name, "decay-%.1f", phis[i]);
      snprintf (out[n].label, sizeof out[n].label,
                "growth rate falls %.0f%%/month (phi=%.1f)",
                100 * (1 - phis[i]), phis[i]);
    }
  for (i = 0; i < ncaps && n < cap_out; i++)
    {
      if (!(caps[i] > f->y1))
        continue;
      out[n].kind = CC_SCN_LOGISTIC;
      out[n].param = caps[i];
      snprintf (out[n].name, sizeof out[n].name, "logistic-K%.0f", caps[i]);
      cc_group_digits (caps[i], 0, num, sizeof num);
      snprintf (out[n].label, sizeof out[n].label, "logistic, cap %s%s%s",
                num, unit[0] ? " " : "", unit);
      n++;
    }
  if (n < cap_out)
    {
      out[n].kind = CC_SCN_EXPONENTIAL;
      out[n].param = 0;
      snprintf (out[n].name, sizeof out[n].name, "exponential");
      snprintf (out[n].label, sizeof out[n].label,
                "exponential, %.1f%%/month", 100 * f->rate_disc);
      n++;
    }
  return n;
}

int
cc_fit_scenario_fallback (const double *x, const double *y, size_t n,
                          const char *unit, const double *xf, size_t h,
                          cc_scenarios *sc, cc_err *err)
{
  cc_growth_facts f;
  cc_scenario set[CC_SCEN_MAX];
  double caps[3];
  char level[64];
  size_t k, i, len = strlen (unit);
  int rc;

  if (n < 2)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%zu point(s): not even a two-point scenario", n);
  if ((rc = cc_growth_facts_two_point (x[0], y[0], x[n - 1], y[n - 1], &f,
                                       err)) != CC_OK)
    return rc;
  caps[0] = 3000.0 / 1400 * f.y1;
  caps[1] = 5000.0 / 1400 * f.y1;
  caps[2] = 10000.0 / 1400 * f.y1;
  /* A stock billed per month (GB-month) is a level in GB. */
  if (len > 6 && strcmp (unit + len - 6, "-month") == 0)
    len -= 6;
  snprintf (level, sizeof level, "%.*s", (int) len, unit);
  sc->nscen = cc_scenarios_default (set, CC_SCEN_MAX, &f, caps, 3, level);
  for (k = 0; k < sc->nscen; k++)
    {
      snprintf (sc->name[k], sizeof sc->name[k], "scenario:%s", set[k].name);
      snprintf (sc->assumption[k], sizeof sc->assumption[k], "%s",
                set[k].label);
      for (i = 0; i < h; i++)
        if ((rc = cc_scenario_value (&set[k], &f, xf[i] - x[n - 1],
                                     &sc->v[k * h + i], err)) != CC_OK)
          return rc;
    }
  return CC_OK;
}
