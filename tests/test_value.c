/* test_value.c: contract value: hand-computed medians, NPV against its
 * closed form, tornado order, cross-cloud, seeded reproducibility. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "value/valuecase.h"
#include "value/ranges.h"

static char path[4096];

static const char *
data (const char *name)
{
  const char *top = getenv ("top_srcdir");
  snprintf (path, sizeof path, "%s/tests/data/scenarios/%s", top ? top : ".", name);
  return path;
}

/* The cost of driver D in contract month MO (1-based) at the median. */
static double
month_cost (const cc_value_result *r, size_t ndriver, int mo, size_t d)
{
  return r->driver_monthly[(size_t) (mo - 1) * ndriver + d].p50;
}

/* Price protection: a seat at 36 until 2026-06 and 39 from 2026-07, from
   2026-02, to the cent. */
static void
price_lock (void)
{
  cc_valuecase *c = NULL;
  cc_value_result *r = NULL;
  cc_err err;
  int mo, bad;

  cc_err_clear (&err);
  is_int (cc_valuecase_load (data ("lock.ini"), &c, &err), CC_OK,
          "lock.ini loads: %s", err.msg);
  if (c == NULL)
    return;
  is_int (c->model.lock[0].kind, CC_LOCK_RENEWAL, "[price_lock] test = renewal:12");
  is_int (c->model.lock[0].months, 12, "every 12 months");
  is_int (c->model.driver[1].price[0].lock.kind, CC_LOCK_TERM,
          "test.pinned = term for that driver only");
  is_int (c->model.driver[0].price[0].lock.kind, CC_LOCK_UNSET,
          "the other driver takes the provider's");
  if (cc_value_run (&c->model, c->book, &r, &err) != CC_OK)
    {
      ok (0, "lock.ini runs: %s", err.msg);
      cc_valuecase_free (c);
      return;
    }
  for (mo = 1, bad = 0; mo <= 24; mo++)
    bad += month_cost (r, 2, mo, 0) != (mo <= 12 ? 36.00 : 39.00);
  is_int (bad, 0, "renewal:12 from 2026-02: 36.00 in months 1-12 "
          "(2026-02 to 2027-01), 39.00 from the 2027-02 renewal");
  is_rel (month_cost (r, 2, 12, 0), 36.00, 0, "month 12 (2027-01): 36.00");
  is_rel (month_cost (r, 2, 13, 0), 39.00, 0, "month 13 (2027-02): 39.00");
  for (mo = 1, bad = 0; mo <= 24; mo++)
    bad += month_cost (r, 2, mo, 1) != 36.00;
  is_int (bad, 0, "term: 36.00 in all 24 months");
  is_rel (r->driver_total[1].p50, 24 * 36.00, 0, "term total 864.00");
  is_rel (r->driver_total[0].p50, 12 * 36.00 + 12 * 39.00, 1e-15,
          "renewal:12 total 900.00");
  cc_value_result_free (r);

  c->model.lock[0].kind = CC_LOCK_NONE;
  c->model.driver[1].price[0].lock.kind = CC_LOCK_UNSET;
  cc_value_run (&c->model, c->book, &r, &err);
  for (mo = 1, bad = 0; r != NULL && mo <= 24; mo++)
    bad += month_cost (r, 2, mo, 0) != (mo <= 5 ? 36.00 : 39.00)
           || month_cost (r, 2, mo, 1) != month_cost (r, 2, mo, 0);
  ok (r != NULL && bad == 0, "none: 36.00 in 2026-02 to 2026-06, 39.00 "
      "from 2026-07 (month 6)");
  cc_value_result_free (r);

  /* annual_price_change applies on top: +10 % in contract year 2. */
  c->model.lock[0].kind = CC_LOCK_RENEWAL;
  c->model.annual_change = 0.10;
  cc_value_run (&c->model, c->book, &r, &err);
  if (r != NULL)
    {
      is_rel (month_cost (r, 2, 12, 0), 36.00, 0,
              "renewal:12 with +10 %%/yr: month 12 36.00");
      is_rel (month_cost (r, 2, 13, 0), 39.00 * 1.10, 1e-15,
              "renewal:12 with +10 %%/yr: month 13 39.00 x 1.10 = 42.90");
    }
  cc_value_result_free (r);
  r = NULL;

  /* A contract from 2022-01, before the seat's earliest row (2022-03-01):
     those months pay the earliest price and the result says so. */
  c->model.start_month = cc_month_index (2022, 1);
  c->model.annual_change = 0;
  ok (r == NULL && cc_value_run (&c->model, c->book, &r, &err) == CC_OK,
      "a contract before every row's date runs");
  if (r != NULL)
    {
      is_rel (month_cost (r, 2, 1, 0), 36.00, 0,
              "2022-01 pays the earliest price, 36.00");
      is_int (r->nearly, 1, "one sku priced before its effective date");
      is_str (r->early[0], "e3 (test, effective 2022-03-01)",
              "named with its provider and date");
    }
  cc_value_result_free (r);
  cc_valuecase_free (c);

  is_int (cc_valuecase_load (data ("bad-lock.ini"), &c, &err), CC_EDATA,
          "renewal:0 is refused");
  has_str (err.msg, "bad-lock.ini:29: price_lock must be none, term or "
           "renewal:MONTHS", "naming file, line and the forms");
  cc_valuecase_free (c);
  is_int (cc_valuecase_load (data ("bad-lock-driver.ini"), &c, &err), CC_EDATA,
          "a lock for an unknown driver is refused");
  has_str (err.msg, "bad-lock-driver.ini:30: price_lock for driver 'nobody'",
           "naming file, line and driver");
  cc_valuecase_free (c);
}

/* A reservation's price changes with its own dated rows. */
static void
reserved_over_time (void)
{
  cc_valuecase *c = NULL;
  cc_value_result *r = NULL;
  cc_err err;

  cc_err_clear (&err);
  if (cc_valuecase_load (data ("reserve.ini"), &c, &err) != CC_OK
      || cc_value_run (&c->model, c->book, &r, &err) != CC_OK)
    {
      ok (0, "reserve.ini runs: %s", err.msg);
      cc_valuecase_free (c);
      return;
    }
  is_rel (month_cost (r, 1, 2, 0), 500 * 0.015 + 300 * 0.02, 1e-15,
          "2026-03: the 2025 block (500 x 0.015) + 300 GiB at 0.02 = 13.50");
  is_rel (month_cost (r, 1, 3, 0), 500 * 0.010 + 300 * 0.025, 1e-15,
          "2026-04: the 2026-04-15 block (500 x 0.010) + 300 GiB at 0.025 "
          "= 12.50");
  cc_value_result_free (r);
  cc_valuecase_free (c);
}

/* The month convention, by hand: three months from 2026-05 of 100 seats
   growing 20 % a year, 36 a seat until 2026-06 and 39 from 2026-07, at
   5 % a year.  Month m (1 = the start month) uses 1.2^((m-1)/12) and is
   discounted by 1.05^(-m/12); the +10 % annual price change starts in
   month 13, so it does not show. */
static void
month_convention (void)
{
  cc_valuecase *c = NULL;
  cc_value_result *r = NULL;
  cc_err err;
  double c1, c2, c3;

  cc_err_clear (&err);
  is_int (cc_valuecase_load (data ("months3.ini"), &c, &err), CC_OK,
          "months3.ini loads: %s", err.msg);
  if (c == NULL || cc_value_run (&c->model, c->book, &r, &err) != CC_OK)
    {
      ok (0, "months3.ini runs: %s", err.msg);
      cc_valuecase_free (c);
      return;
    }
  c1 = 100 * 36.00;                         /* 2026-05: 3,600.00 */
  c2 = 100 * pow (1.2, 1 / 12.0) * 36.00;   /* 2026-06: 3,655.11 */
  c3 = 100 * pow (1.2, 2 / 12.0) * 39.00;   /* 2026-07: 4,020.33 */
  is_rel (r->monthly[0 * 2 + 1].p50, 3600.00, 1e-15,
          "month 1: no growth yet, 100 x 36 = 3,600.00");
  is_rel (r->monthly[1 * 2 + 1].p50, c2, 1e-14, "month 2: 100 x 1.2^(1/12) x 36");
  is_rel (r->monthly[2 * 2 + 1].p50, c3, 1e-14,
          "month 3 (2026-07): 100 x 1.2^(2/12) x 39, the new price");
  is_rel (r->total.p50, c1 + c2 + c3, 1e-14, "total: the three months");
  is_int (r->nearly, 0, "no sku priced before its effective date");
  is_rel (r->npv.p50, c1 / pow (1.05, 1 / 12.0) + c2 / pow (1.05, 2 / 12.0)
          + c3 / pow (1.05, 3 / 12.0), 1e-14,
          "NPV: month m discounted by 1.05^(-m/12), month 1 included");
  ok (fabs (r->total.p50 - 11275.44) < 0.005, "total to the cent: 11,275.44");
  ok (fabs (r->npv.p50 - 11182.49) < 0.005, "NPV to the cent: 11,182.49");
  cc_value_result_free (r);
  cc_valuecase_free (c);
}

int
main (void)
{
  cc_valuecase *c = NULL;
  cc_value_result *r = NULL, *r2 = NULL;
  cc_err err;
  double x[24], v, closed, want;
  int i, mo;

  gsl_set_error_handler_off ();

  /* Quantiles by selection equal GSL's from fully sorted data, bit for
     bit, for every size up to 300 and data with many ties. */
  {
    gsl_rng *g = gsl_rng_alloc (gsl_rng_mt19937);
    double a[300], b[300], p[] = { 0, 0.1, 0.5, 0.9, 1, 0.37 };
    size_t n, k, j, bad = 0;
    for (n = 1; n <= 300; n++)
      for (k = 0; k < sizeof p / sizeof p[0]; k++)
        {
          for (j = 0; j < n; j++)
            a[j] = b[j] = (n % 2) ? gsl_rng_uniform (g)
                                  : (double) gsl_rng_uniform_int (g, 7);
          gsl_sort (b, 1, n);
          if (cc_value_quantile (a, n, p[k])
              != gsl_stats_quantile_from_sorted_data (b, 1, n, p[k]))
            bad++;
        }
    is_int ((long) bad, 0L, "quantiles by selection equal those of the "
            "sorted draws (1,800 cases, ties included)");
    gsl_rng_free (g);
  }

  /* The windowed quantiles and side-by-side means of many columns equal
     GSL's (the quantiles of the sorted data, the mean's long double
     recurrence) bit for bit: columns above the windowed size, smooth,
     heavy-tailed, with ties, all equal, sorted and reversed. */
  {
    enum { N = 12007, K = 9 };
    gsl_rng *g = gsl_rng_alloc (gsl_rng_mt19937);
    double *a = malloc (N * K * sizeof *a), *b = malloc (N * sizeof *b);
    double *w = malloc (3 * N * sizeof *w), mean[K], q[3];
    const double p[3] = { 0.10, 0.50, 0.90 };
    size_t n, k, j, bad = 0, badm = 0, sizes[] = { 2047, 2048, 5000, N };
    for (n = 0; n < sizeof sizes / sizeof sizes[0]; n++)
      {
        size_t m = sizes[n];
        for (k = 0; k < K; k++)
          for (j = 0; j < m; j++)
            {
              double u = gsl_rng_uniform (g);
              double v[K] = { u, exp (20 * u), (double) (j % 5), 3.5,
                              (double) j, (double) (m - j),
                              u < 0.5 ? 1.0 : 2.0, gsl_ran_gaussian (g, 1e6),
                              floor (u * 100) };
              a[k * m + j] = v[k];
            }
        cc_ranges_means (a, m, K, m, mean);
        for (k = 0; k < K; k++)
          {
            badm += mean[k] != gsl_stats_mean (&a[k * m], 1, m);
            memcpy (b, &a[k * m], m * sizeof *b);
            gsl_sort (b, 1, m);
            cc_ranges_quantiles (&a[k * m], m, p, 3, q, w);
            for (j = 0; j < 3; j++)
              bad += q[j] != gsl_stats_quantile_from_sorted_data (b, 1, m,
                                                                  p[j]);
          }
      }
    is_int ((long) badm, 0L, "means side by side equal gsl_stats_mean bit "
            "for bit (36 columns)");
    is_int ((long) bad, 0L, "windowed quantiles equal those of the sorted "
            "draws (108 cases: ties, constant, sorted, heavy tails)");
    free (a);
    free (b);
    free (w);
    gsl_rng_free (g);
  }

  /* NPV of a constant stream against the closed form of its geometric sum. */
  for (i = 0; i < 24; i++)
    x[i] = 6805;
  v = pow (1.05, -1.0 / 12);
  closed = 6805 * v * (1 - pow (v, 24)) / (1 - v);
  is_rel (cc_value_npv (x, 24, 0.05), closed, 1e-13, "NPV = C v (1 - v^n) / (1 - v)");
  is_rel (cc_value_npv (x, 24, 0.0), 6805 * 24, 1e-15, "NPV at 0%% is the plain sum");

  is_int (cc_valuecase_load (data ("simple.ini"), &c, &err), CC_OK, "simple.ini loads");
  if (c == NULL)
    {
      printf ("# %s\n", err.msg);
      return done_testing ();
    }
  is_int (c->model.ndriver, 3, "three drivers");
  is_int (c->model.months, 24, "horizon 24");
  is_int (cc_value_run (&c->model, c->book, &r, &err), CC_OK, "value runs");
  if (r == NULL)
    return done_testing ();
  /* Medians: 200 seats x 30 + 200 x 0.2 add-ons x 20 + 500 GiB x 0.01. */
  is_rel (r->median_total, (200 * 30 + 200 * 0.2 * 20 + 500 * 0.01) * 24, 1e-12,
          "median-assumption total by hand: 163,320");
  ok (r->total.p10 < r->total.p50 && r->total.p50 < r->total.p90,
      "P10 < P50 < P90");
  is_rel (r->total.p50, 163320, 0.02, "Monte Carlo P50 near the median total");
  ok (r->npv.p50 < r->total.p50, "NPV below the undiscounted total");
  is_rel (r->driver_total[0].p10, 500 * 0.01 * 24, 1e-12,
          "a constant driver has no range (P10)");
  is_rel (r->driver_total[0].p90, 500 * 0.01 * 24, 1e-12,
          "a constant driver has no range (P90)");
  is_int (r->nbar, 2, "two uncertain assumptions");
  is_str (r->bar[0].assumption, "seats.base", "largest swing first");
  is_rel (r->bar[0].swing, (280 - 120) * (30 + 0.2 * 20) * 24.0, 1e-12,
          "seats swing: P10-P90 of seats x (seat + share x add-on) x 24");
  is_str (r->bar[1].assumption, "addon.factor", "add-on share second");
  is_rel (r->bar[1].swing, 200 * (0.28 - 0.12) * 20 * 24.0, 1e-12,
          "add-on share swing by hand");
  is_rel (r->cross[0], r->median_total, 1e-15, "cross-cloud: valued provider");
  is_rel (r->cross[1], (500 * 0.02 + 200 * 10) * 24.0, 1e-12,
          "cross-cloud: same usage on the other provider");
  is_int (r->cross_missing[1], 1, "cross-cloud: a driver not priced there is counted");
  is_int (r->ncommon, 2, "two drivers priced on both providers");
  is_rel (r->cross_common[0], (500 * 0.01 + 200 * 30) * 24.0, 1e-12,
          "common drivers on the valued provider");
  is_rel (r->cross_common[1], (500 * 0.02 + 200 * 10) * 24.0, 1e-12,
          "common drivers on the other provider");
  is_int (r->nfamily, 2, "two families");
  for (mo = 0, v = 0; mo < 24; mo++)
    v += r->monthly[(size_t) mo * 3 + 0].p50;
  is_rel (v, 500 * 0.01 * 24, 1e-12, "monthly storage family adds up");

  /* Same seed, same digits; another seed, other digits. */
  cc_value_run (&c->model, c->book, &r2, &err);
  ok (r2 != NULL && memcmp (&r->total, &r2->total, sizeof r->total) == 0,
      "same seed reproduces every digit");
  cc_value_result_free (r2);
  c->model.seed = 43;
  cc_value_run (&c->model, c->book, &r2, &err);
  ok (r2 != NULL && r2->total.p50 != r->total.p50, "another seed differs");
  cc_value_result_free (r2);
  c->model.discount[0] = 0.25;
  c->model.annual_change = -0.05;
  c->model.seed = 42;
  cc_value_run (&c->model, c->book, &r2, &err);
  want = 6805 * 12 * 0.75 + 6805 * 12 * 0.75 * 0.95;
  ok (r2 != NULL, "discount and price change run");
  if (r2 != NULL)
    is_rel (r2->median_total, want, 1e-12,
            "25%% discount, -5%% in year 2: 6,805 x 12 x 0.75 x (1 + 0.95)");
  cc_value_result_free (r2);
  /* Seats doubling over 12 months, then flat (growth_months = 12). */
  c->model.discount[0] = 0;
  c->model.annual_change = 0;
  cc_dist_parse ("2", &c->model.driver[1].growth, NULL, 0);
  c->model.driver[1].growth_months = 12;
  cc_value_run (&c->model, c->book, &r2, &err);
  for (mo = 1, want = 0; mo <= 24; mo++)
    want += (200 * 30 + 200 * 0.2 * 20)
              * pow (2, (mo - 1 < 12 ? mo - 1 : 12) / 12.0) + 500 * 0.01;
  ok (r2 != NULL, "growth_months runs");
  if (r2 != NULL)
    {
      is_rel (r2->median_total, want, 1e-12,
              "seats (and the linked add-on) double over 12 months, then stay flat");
      is_rel (r2->cumulative[23].p50, r2->total.p50, 1e-12,
              "the last cumulative month is the term total");
      ok (r2->cumulative[0].p50 < r2->cumulative[11].p50,
          "cumulative value grows");
    }
  cc_value_result_free (r2);
  cc_value_result_free (r);
  cc_valuecase_free (c);

  /* A price in euros converted by a named rate; a per-driver discount. */
  is_int (cc_valuecase_load (data ("rates.ini"), &c, &err), CC_OK,
          "rates.ini loads");
  if (c != NULL && cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
    {
      is_rel (r->driver_total[0].p50, 1000 * 0.01 * 1.25 * 12, 1e-12,
              "EUR 0.01 x 1.25 USD/EUR x 1,000 GiB x 12 months");
      is_rel (r->driver_total[1].p50, 1000 * 0.01 * 1.25 * 12 * 0.8, 1e-12,
              "the same with a 20%% discount on that driver only");
      is_int (c->nconv, 1, "one conversion recorded");
      has_str (c->conversion[0], "EUR->USD x 1.25 (hand-made test rate",
               "the conversion names its rate and source");
      is_rel (r->driver_monthly[0].p50, 1000 * 0.01 * 1.25, 1e-12,
              "monthly spend per driver");
      cc_value_result_free (r);
    }
  cc_valuecase_free (c);
  c = NULL;
  is_int (cc_valuecase_load (data ("bad-norates.ini"), &c, &err), CC_EDATA,
          "a price in another currency without a rate is refused");
  has_str (err.msg, "eur.csv:2: sku 'euro-store' is priced in EUR but the "
           "scenario's currency is USD", "the refusal names the row");

  /* Growth fitted to a billing series: the fit's own uncertainty makes
     the range, in the same Monte Carlo. */
  is_int (cc_valuecase_load (data ("fitted.ini"), &c, &err), CC_OK,
          "fitted.ini loads");
  if (c != NULL && cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
    {
      const cc_fit *f = c->model.driver[0].fit;
      size_t first, count;
      double cost, total = 0, x;
      ok (f != NULL && f->status == CC_FIT_OK, "a converged fit was chosen (%s)",
          f ? f->model->name : "none");
      cc_price_find (c->book, "blob-hot-lrs", NULL, &first, &count, &err);
      for (mo = 1; mo <= 24; mo++)
        {
          /* The series starts 2023-01 (x = 1); contract month 1 is 2026-01. */
          x = 36 + mo;
          cc_price_tiered (c->book, first, count,
                           cc_fit_curve (f, x), &cost,
                           NULL, &err);
          total += cost;
        }
      is_rel (r->median_total, total, 1e-12,
              "median total: the fitted curve (billing GB = GiB) priced month by month");
      ok (r->total.p10 < r->total.p50 && r->total.p50 < r->total.p90,
          "the fit's uncertainty gives a range (P10 %.0f, P90 %.0f)",
          r->total.p10, r->total.p90);
      is_rel (r->total.p50, total, 0.05, "Monte Carlo P50 near the fitted curve");
      is_int (r->nbar, 0, "no assumption bars: the range is the fit's");
      cc_value_result_free (r);
    }
  /* Model uncertainty: a driver drawing its model by weight from two
   * fits lands between what each gives alone. */
  if (c != NULL)
    {
      cc_driver *dr = &c->model.driver[0];
      const cc_fit *a = dr->fit, *b = NULL;
      double pa = NAN, pb = NAN, pm = NAN;
      size_t j;
      for (j = 0; j < c->nfits[0]; j++)
        {
          const cc_fit *g = &c->fits[0][j];
          if (g != a && g->status == CC_FIT_OK && g->have_cov
              && cc_fit_dof (g) >= 2 && g->model->kind == CC_KIND_NLS
              && fabs (cc_fit_curve (g, 60) / cc_fit_curve (a, 60) - 1) > 0.05)
            {
              b = g;
              break;
            }
        }
      ok (b != NULL, "fitted.ini: a second fit that forecasts otherwise (%s)",
          b ? b->model->name : "none");
      if (b != NULL)
        {
          dr->nmix = 0;
          if (cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
            {
              pa = r->total.p50;
              cc_value_result_free (r);
            }
          dr->fit = b;
          if (cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
            {
              pb = r->total.p50;
              cc_value_result_free (r);
            }
          dr->fit = a;
          dr->mix[0] = a;
          dr->mix[1] = b;
          dr->mixw[0] = dr->mixw[1] = 0.5;
          dr->nmix = 2;
          if (cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
            {
              pm = r->total.p50;
              cc_value_result_free (r);
            }
          ok (pm > fmin (pa, pb) && pm < fmax (pa, pb), "half and half: "
              "P50 %.0f between %s's %.0f and %s's %.0f", pm,
              a->model->name, pa, b->model->name, pb);
          dr->mixw[0] = 1;
          dr->mixw[1] = 0;
          if (cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
            {
              is_rel (r->total.p50, pa, 0.02, "all the weight on %s: its "
                      "own P50", a->model->name);
              cc_value_result_free (r);
            }
          dr->nmix = 0;
        }
    }
  cc_valuecase_free (c);
  c = NULL;
  is_int (cc_valuecase_load (data ("bad-fit-short.ini"), &c, &err), CC_EDATA,
          "three points cannot carry a fitted range");
  has_str (err.msg, "bad-fit-short.ini:15: growth = fit: no model fits",
           "the refusal names the scenario line");

  /* Storage from reported figures, growth rate decaying with phi. */
  is_int (cc_valuecase_load (data ("storage.ini"), &c, &err), CC_OK,
          "storage.ini loads");
  if (c != NULL && cc_value_run (&c->model, c->book, &r, &err) == CC_OK)
    {
      cc_scenario s;
      size_t first, count;
      double y, cost, total = 0;
      memset (&s, 0, sizeof s);
      s.kind = CC_SCN_DECAY;
      s.param = cc_dist_quantile (&c->model.driver[0].scn_param, 0.5);
      cc_price_find (c->book, "blob-hot-lrs", NULL, &first, &count, &err);
      for (mo = 1; mo <= 12; mo++)
        {
          cc_scenario_value (&s, &c->facts[0], mo, &y, &err);
          cc_price_tiered (c->book, first, count, y * 1e12 / 1073741824.0,
                           &cost, NULL, &err);
          total += cost;
        }
      is_rel (r->median_total, total, 1e-12,
              "storage driver at the median phi priced month by month");
      is_str (r->bar[0].assumption, "blob.phi", "phi is the tornado bar");
      ok (r->bar[0].total_high > r->bar[0].total_low,
          "higher phi (slower decay) costs more");
      cc_value_result_free (r);
    }
  cc_valuecase_free (c);
  price_lock ();
  reserved_over_time ();
  month_convention ();
  return done_testing ();
}
