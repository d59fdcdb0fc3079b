/* bench_forecast.c: out-of-sample accuracy of `project --model auto` next
 * to naive, drift, SES, Theta, damped-trend and combination baselines
 * computed in the same run (the combination is the mean of SES, the
 * damped trend and Theta).
 *
 * Corpus: seeded synthetic series of every model family (36 months to fit,
 * the next 12 to score, multiplicative noise); a short yearly group of 30
 * series of each of five kinds (random walks with and without drift,
 * damped trends, noisy trends with a level shift, AR(1) noise around a
 * trend; 14 to 40 points, 6 ahead); and the real series of
 * tests/forecast_data.h, cited in tests/data/forecast/SOURCES.md
 * (AirPassengers from 4 origins, NOAA's global CO2 from 5, 12 months
 * ahead each); and the 518 yearly series of the tourism forecasting
 * competition (tests/data/forecast/tourism-yearly-*.csv, 4 years ahead,
 * the file folder given as the second argument).  A third argument
 * "level" fits on the level scale instead of the log scale.
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
#include "forecast_setup.h"

#define H 12
#define NFIT 36
#define HY 6      /* short yearly series: horizon */
#define NMETH 7   /* cloudcast auto, naive, drift, ses, theta, damped, comb */
#define NFITTED 6 /* methods 3 to 5 are fitted by this tool's models */

static const char *meth[NMETH] = { "cloudcast auto", "naive", "drift",
                                   "ses", "theta", "damped", "comb" };

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
    fc_cover (band, act, h, &a->in80, &a->in95, &a->nband);
}

/* Short yearly business-like series on the log scale, N + HY points from
 * R's stream: a random walk (KIND 0), with drift (1), a damped trend (2),
 * a noisy linear or exponential trend with a level shift (3), AR(1)
 * noise around a trend (4).  Noise, drift and persistence vary by series. */
static void
yearly (int kind, gsl_rng *r, double *y, size_t n)
{
  double lv = log (1000 + 4000 * gsl_rng_uniform (r)), sd, g, phi, u = 0;
  double b = 0.05 + 0.10 * gsl_rng_uniform (r), shift;
  size_t t, at = n / 4 + gsl_rng_uniform_int (r, n - n / 4 + HY);
  sd = 0.03 + 0.07 * gsl_rng_uniform (r);
  g = -0.03 + 0.13 * gsl_rng_uniform (r);
  phi = 0.5 + 0.4 * gsl_rng_uniform (r);
  shift = (gsl_rng_uniform (r) < 0.5 ? -1 : 1)
          * (0.10 + 0.15 * gsl_rng_uniform (r));
  for (t = 0; t < n + HY; t++)
    {
      double e = gsl_ran_gaussian (r, sd);
      switch (kind)
        {
        case 0: lv += e; y[t] = lv; break;
        case 1: lv += g + e; y[t] = lv; break;
        case 2: b *= phi + 0.1; lv += b + e; y[t] = lv; break;
        case 3:
          y[t] = (n % 2 ? log (1 + g * 0.5 * (double) t + 0.5) + lv
                        : lv + 0.5 * g * (double) t)
                 + e + (t >= at ? shift : 0);
          break;
        default:
          u = phi * u + e;
          y[t] = lv + (g + 0.03) * (double) t + u;
        }
    }
  for (t = 0; t < n + HY; t++)
    y[t] = exp (y[t]);
}

static const char *yr_name[] = { "yr walk", "yr walk+drift", "yr damped",
                                 "yr trend+shift", "yr AR(1)+trend" };
#define NYR 5

/* Forecast y[0..n-1] H ahead by every method and score against act. */
static void
one (acc *a, const cc_forecast_opts *oo, cc_forecast_ws *fw, cc_fit_ws *w,
     const double *y, size_t n, const double *act, size_t h)
{
  cc_forecast_opts ob = *oo, *o = &ob;
  cc_series s;
  cc_forecast f;
  cc_fit th;
  cc_err err;
  double fc[NMETH][H], x[1024];
  size_t i, m;
  const cc_band *band = NULL;
  o->months = h;
  fc_series (&s, "bench/s/s/s", 24000, y, n);
  for (i = 0; i < n; i++)
    x[i] = (double) (i + 1);
  cc_forecast_series (o, &s, fw, &f);
  for (i = 0; i < h; i++)
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
  for (m = 3; m < NFITTED; m++)
    {
      cc_fit_model (cc_model_find (meth[m]), x, y, n, &o->fo, w, &th, &err);
      for (i = 0; i < h; i++)
        fc[m][i] = th.status == CC_FIT_OK
                     ? cc_fit_curve (&th, x[n - 1] + (double) i + 1)
                     : y[n - 1];
    }
  /* The combination: the mean of SES, the damped trend and Theta. */
  for (i = 0; i < h; i++)
    fc[NFITTED][i] = (fc[3][i] + fc[4][i] + fc[5][i]) / 3;
  score (a, y, n, act, h, (const double (*)[H]) fc, band, o->po.nlevel);
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

/* The short yearly group: PER series of each kind, 14 to 40 points,
 * forecast HY ahead; their rows, the group's, added into TOTAL. */
static void
short_yearly (acc *total, size_t per, const cc_forecast_opts *o,
              cc_forecast_ws *fw, cc_fit_ws *w, gsl_rng *r)
{
  acc a, g;
  size_t kind, k;
  memset (&g, 0, sizeof g);
  for (kind = 0; kind < NYR; kind++)
    {
      memset (&a, 0, sizeof a);
      for (k = 0; k < per; k++)
        {
          double y[40 + HY];
          size_t n;
          gsl_rng_set (r, 50000 + 1000 * kind + k + 1);
          n = 14 + gsl_rng_uniform_int (r, 27);
          yearly ((int) kind, r, y, n);
          one (&a, o, fw, w, y, n, y + n, HY);
        }
      row (yr_name[kind], &a);
      add (&g, &a);
    }
  row ("short yearly", &g);
  add (total, &g);
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
    one (&a, o, fw, w, y, first + step * k, y + first + step * k, H);
  row (name, &a);
  add (total, &a);
}

/* Row I (from 0) of a wide CSV file of the tourism competition: the
 * fields of that line, comma-separated, into F (empty fields as NAN);
 * the number of fields, or 0 when the file has no such line. */
static size_t
wide_row (FILE *fp, double *f, size_t max)
{
  static char line[1 << 16];
  size_t k = 0;
  char *p, *end;
  if (fgets (line, sizeof line, fp) == NULL)
    return 0;
  for (p = line; k < max; p = end + 1)
    {
      end = p + strcspn (p, ",\n");
      f[k++] = end > p ? strtod (p, NULL) : NAN;
      if (*end != ',')
        break;
    }
  return k;
}

#define TOUR_N 518   /* yearly series of the tourism competition */
#define TOUR_H 4     /* its yearly horizon */
#define TOUR_MAXLEN 64

/* The 518 yearly series of the tourism forecasting competition
 * (Athanasopoulos et al. 2011), DIR/tourism-yearly-{in,oos}.csv: each
 * column is a series; row 2 its length, row 3 its first year, then the
 * values.  Each is forecast TOUR_H years ahead from its whole history and
 * scored on the held-out years, as in the competition.  Skipped, with a
 * line saying so, when the files are not there. */
static void
tourism (acc *total, const char *dir, const cc_forecast_opts *o,
         cc_forecast_ws *fw, cc_fit_ws *w)
{
  static double in[TOUR_MAXLEN][TOUR_N], out[TOUR_H][TOUR_N], len[TOUR_N];
  double hdr[TOUR_N], y[TOUR_MAXLEN], act[TOUR_H];
  char pin[4096], pout[4096];
  FILE *fi, *fo;
  size_t j, t, rows = 0;
  acc a;
  snprintf (pin, sizeof pin, "%s/tourism-yearly-in.csv", dir);
  snprintf (pout, sizeof pout, "%s/tourism-yearly-oos.csv", dir);
  fi = fopen (pin, "r");
  fo = fopen (pout, "r");
  if (fi == NULL || fo == NULL)
    {
      printf ("| tourism yearly: skipped (%s not found) |\n", pin);
      if (fi) fclose (fi);
      if (fo) fclose (fo);
      return;
    }
  wide_row (fi, hdr, TOUR_N);                         /* names */
  wide_row (fi, len, TOUR_N);                         /* lengths */
  wide_row (fi, hdr, TOUR_N);                         /* first years */
  while (rows < TOUR_MAXLEN && wide_row (fi, in[rows], TOUR_N) > 0)
    rows++;
  for (t = 0; t < 3; t++)
    wide_row (fo, hdr, TOUR_N);
  for (t = 0; t < TOUR_H; t++)
    wide_row (fo, out[t], TOUR_N);
  fclose (fi);
  fclose (fo);
  memset (&a, 0, sizeof a);
  for (j = 0; j < TOUR_N; j++)
    {
      size_t n = (size_t) len[j];
      if (n < 2 || n > rows)
        continue;
      for (t = 0; t < n; t++)
        y[t] = in[t][j];
      for (t = 0; t < TOUR_H; t++)
        act[t] = out[t][j];
      one (&a, o, fw, w, y, n, act, TOUR_H);
    }
  row ("tourism yearly", &a);
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

  gsl_set_error_handler_off ();
  fc_opts (&o, "auto", CC_PI_MC,
           argc > 3 && strcmp (argv[3], "level") == 0 ? CC_SCALE_LEVEL
                                                      : CC_SCALE_LOG, H, 1000);
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
          one (&a, &o, fw, w, y, NFIT, y + NFIT, H);
        }
      row (fam_name[fam], &a);
      add (&total, &a);
    }
  short_yearly (&total, per + per / 2, &o, fw, w, r);
  real (&total, "AirPassengers", &o, fw, w, air, 4, 96, 12);
  real (&total, "NOAA CO2", &o, fw, w, co2_global, 5, 120, 60);
  tourism (&total, argc > 2 ? argv[2] : "tests/data/forecast", &o, fw, w);
  row ("all", &total);
  when ();
  cc_forecast_ws_free (fw);
  cc_fit_ws_free (w);
  gsl_rng_free (r);
  return 0;
}
