/* bench_forecast.c: out-of-sample accuracy of `project --model auto` next
 * to naive, drift and Theta baselines computed in the same run.
 *
 * Corpus: seeded synthetic series of every model family (36 months to fit,
 * the next 12 to score, multiplicative noise), and the real series of
 * tests/forecast_data.h, cited in tests/data/forecast/SOURCES.md
 * (AirPassengers from 4 origins, NOAA's global CO2 from 5, 12 months
 * ahead each).
 * Prints sMAPE (%), MASE (scaled by the in-sample one-step naive MAE) and
 * the 80 % / 95 % coverage of cloudcast's bands, per family and overall.
 * Every series is generated from a fixed seed: the table is reproducible. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fit/forecast.h"
#include "forecast_data.h"

#define H 12
#define NFIT 36
#define NMETH 5   /* cloudcast auto, naive, drift, ses, theta */

static const char *meth[NMETH] = { "cloudcast auto", "naive", "drift",
                                   "ses", "theta" };

typedef struct
{
  double smape[NMETH], mase[NMETH];
  size_t n, in80, in95, nband, series;
} acc;


static double
curve (int fam, double x, gsl_rng *r, double *state)
{
  switch (fam)
    {
    case 0: return 5000 / (1 + exp (4 - 0.15 * x));          /* logistic */
    case 1: return 5000 * exp (-4 * exp (-0.07 * x));        /* gompertz */
    case 2: return 100 * exp (0.03 * x);                     /* exponential */
    case 3: return 1000 + 25 * x;                            /* linear */
    case 4: return 2000 * (1 - exp (-0.05 * x));             /* monomolecular */
    case 5: return 200 * pow (x, 0.7);                       /* power */
    case 6: return 800 + 10 * x + (x > 24 ? 30 * (x - 24) : 0);  /* piecewise */
    default:                                                 /* damped walk */
      *state += 0.02 * pow (0.95, x) + gsl_ran_gaussian (r, 0.03);
      return 1000 * exp (*state);
    }
}

static const char *fam_name[] = { "logistic", "gompertz", "exponential",
                                  "linear", "monomolecular", "power",
                                  "piecewise", "random walk" };
#define NFAM 8

static void
score (acc *a, const double *y, size_t n, const double *act, size_t h,
       const double fc[NMETH][H], const cc_band *band, size_t nlevel)
{
  double scale = 0;
  size_t i, m;
  for (i = 1; i < n; i++)
    scale += fabs (y[i] - y[i - 1]) / (double) (n - 1);
  for (m = 0; m < NMETH; m++)
    for (i = 0; i < h; i++)
      {
        a->smape[m] += 200 * fabs (fc[m][i] - act[i])
                       / (fabs (fc[m][i]) + fabs (act[i]));
        a->mase[m] += scale > 0 ? fabs (fc[m][i] - act[i]) / scale : 0;
      }
  a->n += h;
  a->series++;
  if (band && nlevel == 2)
    for (i = 0; i < h; i++)
      {
        a->in80 += act[i] >= band->lo[2 * i] && act[i] <= band->hi[2 * i];
        a->in95 += act[i] >= band->lo[2 * i + 1]
                   && act[i] <= band->hi[2 * i + 1];
        a->nband++;
      }
}

/* Forecast y[0..n-1] H ahead by every method and score against act. */
static void
one (acc *a, const cc_forecast_opts *o, cc_forecast_ws *fw, cc_fit_ws *w,
     const double *y, size_t n, const double *act)
{
  cc_series s;
  cc_forecast f;
  cc_fit th;
  cc_err err;
  double fc[NMETH][H], x[1024];
  size_t i, m;
  const cc_band *band = NULL;
  cc_series_init (&s, "bench/s/s/s");
  s.first = 24000;
  for (i = 0; i < n; i++)
    {
      x[i] = (double) (i + 1);
      cc_series_push (&s, x[i], y[i], s.first + (long) i, (long) i + 2);
    }
  cc_forecast_series (o, &s, fw, &f);
  for (i = 0; i < H; i++)
    {
      fc[0][i] = y[n - 1];
      if (f.npart > 0 && f.part[0].kind == CC_FORECAST_BAND)
        fc[0][i] = f.part[0].band->p50[i];
      else if (f.npart > 0)
        fc[0][i] = f.part[0].sc.v[i];
      fc[1][i] = y[n - 1];
      fc[2][i] = y[n - 1] + (double) (i + 1) * (y[n - 1] - y[0])
                             / (double) (n - 1);
    }
  if (f.npart > 0 && f.part[0].kind == CC_FORECAST_BAND)
    band = f.part[0].band;
  for (m = 3; m < NMETH; m++)
    {
      cc_fit_model (cc_model_find (meth[m]), x, y, n, &o->fo, w, &th, &err);
      for (i = 0; i < H; i++)
        fc[m][i] = th.status == CC_FIT_OK
                     ? cc_fit_curve (&th, x[n - 1] + (double) i + 1)
                     : y[n - 1];
    }
  score (a, y, n, act, H, (const double (*)[H]) fc, band, o->po.nlevel);
  cc_forecast_clear (&f);
  cc_series_clear (&s);
}

static void
row (const char *name, const acc *a)
{
  size_t m;
  printf ("| %-14s | %4zu |", name, a->series);
  for (m = 0; m < NMETH; m++)
    printf (" %6.2f |", a->smape[m] / (double) a->n);
  for (m = 0; m < NMETH; m++)
    printf (" %5.2f |", a->mase[m] / (double) a->n);
  printf (" %5.1f | %5.1f |\n", 100.0 * (double) a->in80 / (double) a->nband,
          100.0 * (double) a->in95 / (double) a->nband);
}

static void
add (acc *t, const acc *a)
{
  size_t m;
  for (m = 0; m < NMETH; m++)
    {
      t->smape[m] += a->smape[m];
      t->mase[m] += a->mase[m];
    }
  t->n += a->n;
  t->in80 += a->in80;
  t->in95 += a->in95;
  t->nband += a->nband;
  t->series += a->series;
}

/* A real series Y from NORIGIN origins, FIRST months in and STEP apart,
 * 12 months ahead each: its row, added into TOTAL. */
static void
real (acc *total, const char *name, const cc_forecast_opts *o,
      cc_forecast_ws *fw, cc_fit_ws *w, const double *y, size_t norigin,
      size_t first, size_t step)
{
  acc a;
  size_t k;
  memset (&a, 0, sizeof a);
  for (k = 0; k < norigin; k++)
    one (&a, o, fw, w, y, first + step * k, y + first + step * k);
  row (name, &a);
  add (total, &a);
}

/* The date, the machine's cores and its load, under the table. */
static void
when (void)
{
  char load[64] = "?", date[32] = "?";
  time_t t = time (NULL);
  FILE *fp = fopen ("/proc/loadavg", "r");
  if (fp != NULL)
    {
      if (fgets (load, sizeof load, fp) == NULL)
        snprintf (load, sizeof load, "?");
      load[strcspn (load, "\n")] = 0;
      fclose (fp);
    }
  strftime (date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime (&t));
  printf ("\nmeasured %s on %ld cores, load average %s\n", date,
          sysconf (_SC_NPROCESSORS_ONLN), load);
}

int
main (int argc, char **argv)
{
  size_t per = argc > 1 ? (size_t) atoi (argv[1]) : 20, fam, k, i, m;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  cc_forecast_opts o;
  cc_forecast_ws *fw;
  cc_fit_ws *w;
  acc total, a;
  cc_err err;

  gsl_set_error_handler_off ();
  cc_forecast_opts_init (&o);
  o.po.draws = 1000;
  o.months = H;
  o.fo.scale = CC_SCALE_LOG;
  o.fo.constrain = 1;
  cc_model_list_parse ("auto", &o.models, &err);
  fw = cc_forecast_ws_alloc (&o, 1024);
  w = cc_fit_ws_alloc (1024);
  memset (&total, 0, sizeof total);
  printf ("| series | n | sMAPE:");
  for (m = 0; m < NMETH; m++)
    printf (" %s |", m ? meth[m] : "cloudcast");
  printf (" MASE:");
  for (m = 0; m < NMETH; m++)
    printf (" %s |", m ? meth[m] : "cloudcast");
  printf (" cover 80 | cover 95 |\n|---|---|");
  for (m = 0; m < 2 * NMETH + 2; m++)
    printf ("---|");
  printf ("\n");
  for (fam = 0; fam < NFAM; fam++)
    {
      memset (&a, 0, sizeof a);
      for (k = 0; k < per; k++)
        {
          double y[NFIT + H], st = 0;
          gsl_rng_set (r, 1000 * fam + k + 1);
          for (i = 0; i < NFIT + H; i++)
            y[i] = curve ((int) fam, (double) (i + 1), r, &st)
                   * (fam == 7 ? 1 : exp (gsl_ran_gaussian (r, 0.03)));
          one (&a, &o, fw, w, y, NFIT, y + NFIT);
        }
      row (fam_name[fam], &a);
      add (&total, &a);
    }
  real (&total, "AirPassengers", &o, fw, w, air, 4, 96, 12);
  real (&total, "NOAA CO2", &o, fw, w, co2_global, 5, 120, 60);
  row ("all", &total);
  when ();
  cc_forecast_ws_free (fw);
  cc_fit_ws_free (w);
  gsl_rng_free (r);
  return 0;
}
