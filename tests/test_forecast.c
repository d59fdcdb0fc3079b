/* test_forecast.c: the forecasting policy of project (fit/forecast.h):
 * when it falls back to named scenarios, the per-series seeds, and that
 * results do not depend on the number of threads. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit/forecast.h"
#include "forecast_setup.h"
#include "tap.h"

/* A monthly series KEY of N points growing by RATE a month from Y0, with
 * a small deterministic wobble so that every fit has residuals. */
static void
make_series (cc_series *s, const char *key, size_t n, double y0, double rate)
{
  size_t i;
  cc_series_init (s, key);
  s->first = 24300;
  for (i = 0; i < n; i++)
    cc_series_push (s, (double) (i + 1),
                    y0 * exp (rate * (double) i)
                      * (1 + 0.02 * ((i * 7 % 5) - 2.0) / 2),
                    s->first + (long) i, (long) i + 2);
}

static void
opts (cc_forecast_opts *o, const char *models, cc_pi_method method,
      size_t months)
{
  fc_opts (o, models, method, CC_SCALE_LOG, months, 400);
}

/* Project one series S with options O into F. */
static int
one (const cc_forecast_opts *o, const cc_series *s, cc_forecast *f)
{
  cc_forecast_ws *w = cc_forecast_ws_alloc (o, s->n);
  int rc;
  if (w == NULL)
    return CC_ESOFTWARE;
  rc = cc_forecast_series (o, s, w, f);
  cc_forecast_ws_free (w);
  return rc;
}

static void
test_seeds (void)
{
  unsigned long a = cc_forecast_seed (20260101, "aws/storage/S3/m");
  /* FNV-1a of "a" is 0xe40c292c. */
  is_int (cc_forecast_seed (0, "a"), 0xe40c292cUL, "seed of 'a': FNV-1a");
  is_int (cc_forecast_seed (0x20000000UL, "a"),
          (0x20000000UL + 0xe40c292cUL) & 0xffffffffUL,
          "seed plus hash wraps at 2^32");
  is_int (cc_forecast_seed (20260101, "aws/storage/S3/m"), a,
          "the same seed and key give the same stream");
  ok (cc_forecast_seed (20260101, "aws/storage/S3/n") != a,
      "another key, another stream");
  ok (cc_forecast_seed (20260102, "aws/storage/S3/m") != a,
      "another seed, another stream");
}

static void
test_fallback_two_points (void)
{
  cc_forecast_opts o;
  cc_forecast f;
  cc_series s;
  size_t i;
  int finite = 1;
  opts (&o, "auto", CC_PI_MC, 6);
  make_series (&s, "a/b/c/two", 2, 100, 0.05);
  is_int (one (&o, &s, &f), CC_OK, "2 points: projected");
  is_int (f.npart, 1, "2 points: one projection");
  ok (f.npart == 1 && f.part[0].kind == CC_FORECAST_SCENARIOS,
      "2 points: named scenarios, not a band");
  ok (f.npart == 1 && tap_str_has (f.part[0].why, "2 points leave fewer "
                                   "than 2 residual degrees of freedom"),
      "2 points: says why");
  ok (f.npart == 1 && f.part[0].sc.nscen >= 2, "2 points: several scenarios");
  for (i = 0; f.npart == 1 && i < f.part[0].sc.nscen * f.h; i++)
    finite &= isfinite (f.part[0].sc.v[i]) != 0;
  ok (finite, "2 points: every scenario value is finite");
  ok (f.nnote == 1 && tap_str_has (f.note[0], "a/b/c/two: 2 points leave")
      && tap_str_has (f.note[0], "projecting named scenarios"),
      "2 points: the note names the series and the fallback");
  cc_forecast_clear (&f);
  cc_series_clear (&s);
}

static void
test_fallback_unprojectable (void)
{
  cc_forecast_opts o;
  cc_forecast f;
  cc_series s;

  /* Four points: the models converge but AICc cannot rank them. */
  opts (&o, "auto", CC_PI_MC, 3);
  make_series (&s, "a/b/c/four", 4, 100, 0.05);
  is_int (one (&o, &s, &f), CC_OK, "4 points, auto: projected");
  ok (f.npart == 1 && f.part[0].kind == CC_FORECAST_SCENARIOS
      && tap_str_has (f.part[0].why, "too few to choose a model"),
      "4 points, auto: nothing can rank the models, so scenarios");
  cc_forecast_clear (&f);

  /* A named model that leaves 1 degree of freedom has no band. */
  opts (&o, "linear,logistic", CC_PI_DELTA, 3);
  is_int (one (&o, &s, &f), CC_OK, "4 points, linear and logistic");
  is_int (f.npart, 2, "one projection per named model");
  ok (f.npart == 2 && f.part[0].kind == CC_FORECAST_BAND
      && strcmp (f.part[0].model->name, "linear") == 0,
      "linear (2 residual dof): a band");
  ok (f.npart == 2 && f.part[1].kind == CC_FORECAST_SCENARIOS
      && tap_str_has (f.part[1].why, "logistic leaves 1 residual degrees"),
      "logistic (1 residual dof): scenarios");
  cc_forecast_clear (&f);
  cc_series_clear (&s);

  /* Enough data: the AICc choice gets a band. */
  opts (&o, "auto", CC_PI_DELTA, 3);
  make_series (&s, "a/b/c/long", 24, 100, 0.05);
  is_int (one (&o, &s, &f), CC_OK, "24 points, auto: projected");
  ok (f.npart == 1 && f.part[0].kind == CC_FORECAST_BAND
      && f.part[0].band->p10[0] < f.part[0].band->p50[0]
      && f.part[0].band->p50[0] < f.part[0].band->p90[0],
      "24 points, auto: a band around the median");
  ok (f.nnote == 1 && tap_str_has (f.note[0], "a/b/c/long: projecting "),
      "24 points, auto: the note names the chosen model");
  cc_forecast_clear (&f);
  cc_series_clear (&s);
}

/* Are the projections of two result sets identical to the last bit? */
static int
same (const cc_forecast *a, const cc_forecast *b, size_t n)
{
  size_t i, j, nl;
  for (i = 0; i < n; i++)
    {
      if (a[i].rc != b[i].rc || a[i].npart != b[i].npart
          || a[i].nnote != b[i].nnote)
        return 0;
      for (j = 0; j < a[i].npart; j++)
        {
          const cc_forecast_part *p = &a[i].part[j], *q = &b[i].part[j];
          size_t h = a[i].h;
          if (p->kind != q->kind)
            return 0;
          if (p->kind == CC_FORECAST_SCENARIOS)
            {
              if (memcmp (p->sc.v, q->sc.v, p->sc.nscen * h * sizeof (double)))
                return 0;
              continue;
            }
          nl = p->band->nlevel;
          if (memcmp (p->band->p50, q->band->p50, h * sizeof (double))
              || memcmp (p->band->p10, q->band->p10, h * sizeof (double))
              || memcmp (p->band->lo, q->band->lo, h * nl * sizeof (double))
              || memcmp (p->band->hi, q->band->hi, h * nl * sizeof (double)))
            return 0;
        }
    }
  return 1;
}

static void
test_threads (void)
{
  static const char *const keys[] = { "p/f/s/a", "p/f/s/b", "p/f/s/c",
                                      "p/f/s/d", "p/f/s/e", "p/f/s/f" };
  cc_forecast_opts o;
  cc_series_set set;
  cc_forecast *r1 = NULL, *r3 = NULL, *r6 = NULL;
  cc_err err;
  size_t i;

  set.n = set.cap = 6;
  set.s = calloc (set.n, sizeof *set.s);
  for (i = 0; i < set.n; i++)
    make_series (&set.s[i], keys[i], i == 2 ? 3 : 14 + i, 50 + 10 * i,
                 0.03 + 0.01 * i);
  opts (&o, "auto", CC_PI_MC, 6);
  is_int (cc_forecast_all (&o, &set, 1, &r1, &err), CC_OK, "1 thread");
  is_int (cc_forecast_all (&o, &set, 3, &r3, &err), CC_OK, "3 threads");
  is_int (cc_forecast_all (&o, &set, 6, &r6, &err), CC_OK, "6 threads");
  ok (r1 && r3 && same (r1, r3, set.n), "1 or 3 threads: identical bands");
  ok (r1 && r6 && same (r1, r6, set.n), "1 or 6 threads: identical bands");
  ok (r1 && r1[2].part[0].kind == CC_FORECAST_SCENARIOS
      && r1[0].part[0].kind == CC_FORECAST_BAND,
      "the short series falls back, its neighbours do not");

  /* A series' band comes from its own stream: alone it is the same. */
  {
    cc_forecast f;
    is_int (one (&o, &set.s[4], &f), CC_OK, "series e alone");
    ok (r1 && same (&r1[4], &f, 1), "series e alone: the same band as in "
        "the file");
    cc_forecast_clear (&f);
    snprintf (set.s[4].key, sizeof set.s[4].key, "p/f/s/renamed");
    is_int (one (&o, &set.s[4], &f), CC_OK, "series e renamed");
    ok (r1 && !same (&r1[4], &f, 1), "another key: another random band");
    cc_forecast_clear (&f);
  }
  cc_forecast_free (r1, set.n);
  cc_forecast_free (r3, set.n);
  cc_forecast_free (r6, set.n);
  for (i = 0; i < set.n; i++)
    cc_series_clear (&set.s[i]);
  free (set.s);
}

int
main (void)
{
  test_seeds ();
  test_fallback_two_points ();
  test_fallback_unprojectable ();
  test_threads ();
  return done_testing ();
}
