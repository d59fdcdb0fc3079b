/* test_growth.c: two-point facts and the named scenarios of the reported
 * Azure storage case (400 TB in 2025-07, 1,400 TB in 2026-01). */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reported/growth.h"
#include "reported/project.h"
#include "tap.h"

int
main (void)
{
  cc_growth_facts f;
  cc_scenario s[16];
  cc_err err;
  static const double caps[] = { 3000, 5000, 10000 };
  static const struct { const char *name; double want; } at12[] = {
    { "linear", 3400 }, { "decay-0.8", 3047 }, { "decay-0.9", 5392 },
    { "logistic-K3000", 2898 }, { "logistic-K5000", 4430 },
    { "logistic-K10000", 7130 }, { "exponential", 17150 },
  };
  size_t n, i, j;
  double y, *proj;

  gsl_set_error_handler_off ();
  is_int (cc_growth_facts_two_point (0, 400, 6, 1400, &f, &err), CC_OK,
          "facts from two points");
  is_rel (f.multiple, 3.5, 1e-15, "growth multiple x3.5");
  is_near (100 * f.rate_disc, 23.2, 0.05, "23.2 %% per month discrete");
  is_rel (f.rate_cont, log (3.5) / 6, 1e-14, "continuous rate ln(3.5)/6");
  is_near (f.doubling_months, 3.32, 0.005, "doubling every 3.32 months");
  is_rel (f.annual_multiple, 12.25, 1e-12, "x12.25 per year");
  is_near (f.slope, 166.7, 0.05, "166.7 TB per month");

  n = cc_scenarios_default (s, 16, &f, caps, 3, "TB");
  is_int (n, 7, "seven default scenarios");
  for (i = 0; i < sizeof at12 / sizeof at12[0]; i++)
    {
      for (j = 0; j < n && strcmp (s[j].name, at12[i].name) != 0; j++)
        ;
      ok (j < n, "scenario %s exists", at12[i].name);
      if (j < n)
        {
          is_int (cc_scenario_value (&s[j], &f, 12, &y, &err), CC_OK,
                  "%s at +12", at12[i].name);
          is_near (y, at12[i].want, 1.0, "%s at +12 months is %.0f TB",
                   at12[i].name, at12[i].want);
          cc_scenario_value (&s[j], &f, 0, &y, &err);
          is_near (y, 1400, 1e-9, "%s passes through 1,400 TB at h=0",
                   at12[i].name);
          if (s[j].kind == CC_SCN_DECAY)
            {
              /* The rate decays from the observed one: month 1 grows at
                 r * phi. */
              cc_scenario_value (&s[j], &f, 1, &y, &err);
              is_rel (y, 1400 * exp (f.rate_cont * s[j].param), 1e-12,
                      "%s grows at r*phi in its first month", at12[i].name);
            }
          else
            {
              cc_scenario_value (&s[j], &f, -6, &y, &err);
              is_near (y, 400, 1e-9, "%s passes through 400 TB at h=-6",
                       at12[i].name);
            }
        }
    }
  /* +6 and +18 from models.md's table. */
  cc_scenario_value (&s[6], &f, 18, &y, &err);
  is_near (y, 60025, 1.0, "exponential +18 = 60,025 TB");
  cc_scenario_value (&s[4], &f, 6, &y, &err);
  is_near (y, 3175, 1.0, "logistic K=5000 +6 = 3,175 TB");

  proj = malloc (n * 36 * sizeof *proj);
  is_int (cc_scenarios_project (s, n, &f, 36, proj, &err), CC_OK,
          "36-month projection");
  is_near (proj[0 * 36 + 11], 3400, 1e-6, "projection row layout: linear h=12");
  is_near (proj[6 * 36 + 11], 17150, 1e-6, "projection row layout: exp h=12");
  ok (proj[3 * 36 + 35] < 3000, "logistic stays under its cap");
  free (proj);

  /* Error paths. */
  is_int (cc_growth_facts_two_point (6, 400, 6, 1400, &f, &err), CC_EDATA,
          "same date twice is bad data");
  is_int (cc_growth_facts_two_point (0, 0, 6, 1400, &f, &err), CC_EDATA,
          "zero usage has no growth rate");
  cc_growth_facts_two_point (0, 400, 6, 1400, &f, &err);
  n = cc_scenarios_default (s, 16, &f, (const double[]) { 1000, 5000 }, 2, "TB");
  is_int (n, 5, "a cap below the last figure is left out");
  s[0].kind = CC_SCN_LOGISTIC;
  s[0].param = 1200;
  is_int (cc_scenario_value (&s[0], &f, 1, &y, &err), CC_EDATA,
          "logistic cap below the figures is bad data");
  s[0].kind = CC_SCN_DECAY;
  s[0].param = 1.2;
  is_int (cc_scenario_value (&s[0], &f, 1, &y, &err), CC_EDATA,
          "decay factor above 1 is bad data");
  return done_testing ();
}
