/* fit.c: growth models and their robust least-squares fits on GSL. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit.h"

#define NMETHOD 3
#define DEFAULT_MAXITER 2000
#define SERIES_MAXITER 200
/* Two runs "agree" when their RSS differ by less than this, relative. */
#define AGREE_REL 1e-6
/* A residual standing in for ln f when f <= 0 or is not finite: large
 * enough that the trust region rejects the step, finite so GSL goes on. */
#define PENALTY 1e10

/* ---- model formulas and derivatives ---------------------------------- */

static double
f_linear (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] + b[1] * x;
}
static void
g_linear (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a; (void) b;
  g[0] = 1;
  g[1] = x;
}

static double
f_exp (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * exp (b[1] * x);
}
static void
g_exp (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double e = exp (b[1] * x);
  g[0] = e;
  g[1] = b[0] * x * e;
}

/* Logistic in NIST Rat42's form: K / (1 + exp(b - r x)); t_mid = b / r. */
static double
f_logis (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] / (1 + exp (b[1] - b[2] * x));
}
static void
g_logis (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double e = exp (b[1] - b[2] * x), d = 1 + e;
  g[0] = 1 / d;
  g[1] = -b[0] * e / (d * d);
  g[2] = b[0] * x * e / (d * d);
}

static double
f_gomp (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * exp (-b[1] * exp (-b[2] * x));
}
static void
g_gomp (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double u = exp (-b[2] * x), e = exp (-b[1] * u);
  g[0] = e;
  g[1] = -b[0] * u * e;
  g[2] = b[0] * e * b[1] * x * u;
}

/* Richards in NIST Rat43's form: K / (1 + exp(b - r x))^(1/nu). */
static double
f_rich (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] / pow (1 + exp (b[1] - b[2] * x), 1 / b[3]);
}
static void
g_rich (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double e = exp (b[1] - b[2] * x), d = 1 + e;
  double dp = pow (d, -1 / b[3]);
  g[0] = dp;
  g[1] = -b[0] / b[3] * dp / d * e;
  g[2] = b[0] / b[3] * dp / d * e * x;
  g[3] = b[0] * dp * log (d) / (b[3] * b[3]);
}

static double
f_mono (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * -expm1 (-b[1] * x);
}
static void
g_mono (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  g[0] = -expm1 (-b[1] * x);
  g[1] = b[0] * x * exp (-b[1] * x);
}

static double
f_power (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * pow (x, b[1]);
}
static void
g_power (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double v = pow (x, b[1]);
  g[0] = v;
  g[1] = b[0] * v * log (x);
}

static double
f_piece (double x, const double *b, const cc_fit_aux *a)
{
  double v = b[0] + b[1] * x;
  size_t j;
  for (j = 0; j < a->ncp; j++)
    if (x > a->tau[j])
      v += b[2 + j] * (x - a->tau[j]);
  return v;
}
static void
g_piece (double x, const double *b, const cc_fit_aux *a, double *g)
{
  size_t j;
  (void) b;
  g[0] = 1;
  g[1] = x;
  for (j = 0; j < a->ncp; j++)
    g[2 + j] = x > a->tau[j] ? x - a->tau[j] : 0;
}

/* NIST StRD forms without a growth-model counterpart (checked with --xy). */
static double
f_misra1b (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  double u = 1 + b[1] * x / 2;
  return b[0] * (1 - 1 / (u * u));
}
static void
g_misra1b (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double u = 1 + b[1] * x / 2;
  g[0] = 1 - 1 / (u * u);
  g[1] = b[0] * x / (u * u * u);
}

static double
f_chwirut (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return exp (-b[0] * x) / (b[1] + b[2] * x);
}
static void
g_chwirut (double x, const double *b, const cc_fit_aux *a, double *g)
{
  double f = f_chwirut (x, b, a), d = b[1] + b[2] * x;
  g[0] = -x * f;
  g[1] = -f / d;
  g[2] = -x * f / d;
}

static double
f_eckerle (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  double z = (x - b[2]) / b[1];
  return b[0] / b[1] * exp (-0.5 * z * z);
}
static void
g_eckerle (double x, const double *b, const cc_fit_aux *a, double *g)
{
  double z = (x - b[2]) / b[1], f = f_eckerle (x, b, a);
  g[0] = f / b[0];
  g[1] = f * (z * z - 1) / b[1];
  g[2] = f * z / b[1];
}

static double
f_mgh09 (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]);
}
static void
g_mgh09 (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double nu = x * x + x * b[1], d = x * x + x * b[2] + b[3];
  g[0] = nu / d;
  g[1] = b[0] * x / d;
  g[2] = -b[0] * nu * x / (d * d);
  g[3] = -b[0] * nu / (d * d);
}

static double
f_thurber (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  double x2 = x * x, x3 = x2 * x;
  return (b[0] + b[1] * x + b[2] * x2 + b[3] * x3)
         / (1 + b[4] * x + b[5] * x2 + b[6] * x3);
}
static void
g_thurber (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double x2 = x * x, x3 = x2 * x;
  double nu = b[0] + b[1] * x + b[2] * x2 + b[3] * x3;
  double d = 1 + b[4] * x + b[5] * x2 + b[6] * x3;
  g[0] = 1 / d;
  g[1] = x / d;
  g[2] = x2 / d;
  g[3] = x3 / d;
  g[4] = -nu * x / (d * d);
  g[5] = -nu * x2 / (d * d);
  g[6] = -nu * x3 / (d * d);
}

static double
f_bennett (double x, const double *b, const cc_fit_aux *a)
{
  (void) a;
  return b[0] * pow (b[1] + x, -1 / b[2]);
}
static void
g_bennett (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double v = pow (b[1] + x, -1 / b[2]);
  g[0] = v;
  g[1] = -b[0] / b[2] * v / (b[1] + x);
  g[2] = b[0] * v * log (b[1] + x) / (b[2] * b[2]);
}

/* ---- constraints ------------------------------------------------------- */

static int
v_pos_a (const double *b, double ymax)
{
  (void) ymax;
  return b[0] > 0;
}
/* A cap must be positive and finite; it need not exceed the largest
 * observation, since noise puts observations above the true cap (a cap
 * far below the data is reported in the fit's note instead). */
static int
cap_ok (double K)
{
  return K > 0 && isfinite (K);
}
static int
v_cap_rate (const double *b, double ymax)
{
  (void) ymax;
  return cap_ok (b[0]) && b[2] > 0;
}
static int
v_gomp (const double *b, double ymax)
{
  (void) ymax;
  return cap_ok (b[0]) && b[1] > 0 && b[2] > 0;
}
static int
v_rich (const double *b, double ymax)
{
  (void) ymax;
  return cap_ok (b[0]) && b[2] > 0 && b[3] > 0;
}
static int
v_mono (const double *b, double ymax)
{
  (void) ymax;
  return cap_ok (b[0]) && b[1] > 0;
}

/* ---- starting values from the data ------------------------------------- */

/* Ordinary least squares z = c0 + c1 x over the points where z is finite. */
static int
ols (const double *x, const double *z, size_t n, double *c0, double *c1)
{
  double sx = 0, sz = 0, sxx = 0, sxz = 0, m = 0;
  size_t i;
  for (i = 0; i < n; i++)
    if (isfinite (z[i]))
      {
        sx += x[i];
        sz += z[i];
        sxx += x[i] * x[i];
        sxz += x[i] * z[i];
        m++;
      }
  if (m < 2 || m * sxx - sx * sx == 0)
    return -1;
  *c1 = (m * sxz - sx * sz) / (m * sxx - sx * sx);
  *c0 = (sz - *c1 * sx) / m;
  return 0;
}

static double
ymax_of (const double *y, size_t n)
{
  double m = y[0];
  size_t i;
  for (i = 1; i < n; i++)
    if (y[i] > m)
      m = y[i];
  return m;
}

#define MAXN_START 4096

static size_t
s_linear (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
  size_t i, k = 0;
  if (ols (x, y, n, &st[0][0], &st[0][1]) == 0)
    k++;
  /* Weights 1/y^2 give the line that is (to first order) best on the log
   * scale, and stays positive where a level-scale line may not. */
  for (i = 0; i < n; i++)
    if (y[i] != 0)
      {
        double w = 1 / (y[i] * y[i]);
        sw += w;
        swx += w * x[i];
        swy += w * y[i];
        swxx += w * x[i] * x[i];
        swxy += w * x[i] * y[i];
      }
  if (sw * swxx - swx * swx != 0)
    {
      st[k][1] = (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
      st[k][0] = (swy - st[k][1] * swx) / sw;
      k++;
    }
  if (x[n - 1] != x[0])
    {
      st[k][1] = (y[n - 1] - y[0]) / (x[n - 1] - x[0]);
      st[k][0] = y[0] - st[k][1] * x[0];
      k++;
    }
  return k;
}

static size_t
s_exp (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  double z[MAXN_START], c0, c1;
  size_t i;
  if (n > MAXN_START)
    n = MAXN_START;
  for (i = 0; i < n; i++)
    z[i] = y[i] > 0 ? log (y[i]) : NAN;
  if (ols (x, z, n, &c0, &c1) != 0)
    return 0;
  st[0][0] = exp (c0);
  st[0][1] = c1;
  return 1;
}

static const double cap_mult[3] = { 1.2, 2, 5 };

/* Caps from CAP_MULT times the largest observation; for each, the
 * transform LIN (ln(K/y - 1) for the logistic, ln(-ln(y/K)) for the
 * Gompertz) is a line c0 + c1 x in x, and SET turns it into a start. */
typedef double (*cap_lin_fn) (double y, double K);
typedef void (*cap_set_fn) (double K, double c0, double c1, double *st);

static size_t
s_capped (const double *x, const double *y, size_t n,
          double st[][CC_FIT_MAXP], cap_lin_fn lin, cap_set_fn set)
{
  double z[MAXN_START], c0, c1, ym = ymax_of (y, n);
  size_t i, j, k = 0;
  if (n > MAXN_START)
    n = MAXN_START;
  for (j = 0; j < 3; j++)
    {
      double K = cap_mult[j] * ym;
      for (i = 0; i < n; i++)
        z[i] = y[i] > 0 ? lin (y[i], K) : NAN;
      if (ols (x, z, n, &c0, &c1) != 0)
        continue;
      set (K, c0, c1, st[k++]);
    }
  return k;
}

static double
lin_logis (double y, double K)
{
  return log (K / y - 1);
}
static void
set_logis (double K, double c0, double c1, double *st)
{
  st[0] = K;
  st[1] = c0;
  st[2] = -c1;
}
static size_t
s_logis (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  return s_capped (x, y, n, st, lin_logis, set_logis);
}

static double
lin_gomp (double y, double K)
{
  return log (-log (y / K));
}
static void
set_gomp (double K, double c0, double c1, double *st)
{
  st[0] = K;
  st[1] = exp (c0);
  st[2] = -c1;
}
static size_t
s_gomp (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  return s_capped (x, y, n, st, lin_gomp, set_gomp);
}

static size_t
s_rich (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  size_t j, k = s_logis (x, y, n, st);
  for (j = 0; j < k; j++)
    st[j][3] = 1;
  /* The shape nu is poorly identified: besides the logistic starts
   * (nu = 1), start once from the Gompertz side (nu < 1). */
  if (k >= 2)
    {
      memcpy (st[k], st[1], sizeof st[0]);
      st[k++][3] = 0.3;
    }
  return k;
}

static size_t
s_mono (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  double ym = ymax_of (y, n);
  size_t i, j, k = 0;
  for (j = 0; j < 3; j++)
    {
      double a = cap_mult[j] * ym, sxz = 0, sxx = 0;
      for (i = 0; i < n; i++)
        if (y[i] > 0)
          {
            sxz += x[i] * -log1p (-y[i] / a);
            sxx += x[i] * x[i];
          }
      if (!(sxx > 0) || !(sxz > 0))
        continue;
      st[k][0] = a;
      st[k][1] = sxz / sxx;
      k++;
    }
  return k;
}

static size_t
s_power (const double *x, const double *y, size_t n, double st[][CC_FIT_MAXP])
{
  double lx[MAXN_START], z[MAXN_START], c0, c1;
  size_t i;
  if (n > MAXN_START)
    n = MAXN_START;
  for (i = 0; i < n; i++)
    {
      lx[i] = x[i] > 0 ? log (x[i]) : 0;
      z[i] = x[i] > 0 && y[i] > 0 ? log (y[i]) : NAN;
    }
  if (ols (lx, z, n, &c0, &c1) != 0)
    return 0;
  st[0][0] = exp (c0);
  st[0][1] = c1;
  return 1;
}

/* ---- ln f in closed form ------------------------------------------------ */

static double
lf_exp (double x, const double *b, double lb0, const cc_fit_aux *a)
{
  (void) a;
  return lb0 + b[1] * x;
}
static double
lf_logis (double x, const double *b, double lb0, const cc_fit_aux *a)
{
  (void) a;
  return lb0 - log1p (exp (b[1] - b[2] * x));
}
static double
lf_gomp (double x, const double *b, double lb0, const cc_fit_aux *a)
{
  (void) a;
  return lb0 - b[1] * exp (-b[2] * x);
}
static double
lf_rich (double x, const double *b, double lb0, const cc_fit_aux *a)
{
  (void) a;
  return lb0 - log1p (exp (b[1] - b[2] * x)) / b[3];
}
static double
lf_power (double x, const double *b, double lb0, const cc_fit_aux *a)
{
  (void) a;
  return x > 0 ? lb0 + b[1] * log (x) : NAN;
}

/* d ln f / d b in closed form, for the log-scale Jacobian. */
static void
lg_exp (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  g[0] = 1 / b[0];
  g[1] = x;
}
static void
lg_logis (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double q = 1 / (1 + exp (b[2] * x - b[1]));   /* E / (1 + E) */
  g[0] = 1 / b[0];
  g[1] = -q;
  g[2] = x * q;
}
static void
lg_gomp (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double u = exp (-b[2] * x);
  g[0] = 1 / b[0];
  g[1] = -u;
  g[2] = b[1] * x * u;
}
static void
lg_rich (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  double e = b[1] - b[2] * x, q = 1 / (1 + exp (-e));
  double l1 = e > 0 ? e + log1p (exp (-e)) : log1p (exp (e));
  g[0] = 1 / b[0];
  g[1] = -q / b[3];
  g[2] = x * q / b[3];
  g[3] = l1 / (b[3] * b[3]);
}
static void
lg_power (double x, const double *b, const cc_fit_aux *a, double *g)
{
  (void) a;
  g[0] = 1 / b[0];
  g[1] = log (x);
}

/* ---- the model table --------------------------------------------------- */

static const cc_model models[] = {
  { "linear", "y = a + b*x", CC_KIND_NLS, 2, { "a", "b" }, 3, 1,
    f_linear, g_linear, s_linear, NULL, NULL, 0, NULL, NULL, 0 },
  { "exponential", "y = a*exp(r*x)", CC_KIND_NLS, 2, { "a", "r" }, 3, 1,
    f_exp, g_exp, s_exp, v_pos_a, "a > 0", 0, lf_exp, lg_exp, 0 },
  { "logistic", "y = K/(1 + exp(b - r*x))", CC_KIND_NLS, 3,
    { "K", "b", "r" }, 5, 1, f_logis, g_logis, s_logis, v_cap_rate,
    "0 < K < inf, r > 0", 1, lf_logis, lg_logis, 0 },
  { "gompertz", "y = K*exp(-b*exp(-c*x))", CC_KIND_NLS, 3,
    { "K", "b", "c" }, 5, 1, f_gomp, g_gomp, s_gomp, v_gomp,
    "0 < K < inf, b > 0, c > 0", 1, lf_gomp, lg_gomp, 0 },
  { "richards", "y = K/(1 + exp(b - r*x))^(1/nu)", CC_KIND_NLS, 4,
    { "K", "b", "r", "nu" }, 12, 1, f_rich, g_rich, s_rich, v_rich,
    "0 < K < inf, r > 0, nu > 0", 1, lf_rich, lg_rich, 0 },
  { "monomolecular", "y = a*(1 - exp(-b*x))", CC_KIND_NLS, 2,
    { "a", "b" }, 3, 1, f_mono, g_mono, s_mono, v_mono, "0 < a < inf, b > 0", 1, NULL, NULL, 0 },
  { "power", "y = a*x^b", CC_KIND_NLS, 2, { "a", "b" }, 3, 1,
    f_power, g_power, s_power, v_pos_a, "a > 0", 0, lf_power, lg_power, 0 },
  { "damped", "ETS(A,Ad,N): l[t] = l[t-1] + phi*b[t-1] + alpha*e[t], "
    "b[t] = phi*b[t-1] + beta*e[t], forecast l + (phi + ... + phi^h)*b",
    CC_KIND_ETS, 5, { "alpha", "beta", "phi", "l0", "b0" }, 10, 1,
    NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, CC_ETS_DAMPED },
  { "ses", "ETS(A,N,N): l[t] = l[t-1] + alpha*e[t], forecast l",
    CC_KIND_ETS, 5, { "alpha", "beta", "phi", "l0", "b0" }, 6, 1,
    NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, CC_ETS_SES },
  { "theta", "Theta method as SES with drift: l[t] = l[t-1] + d + "
    "alpha*e[t], d = half the least-squares slope, forecast l + h*d",
    CC_KIND_ETS, 5, { "alpha", "beta", "phi", "l0", "b0" }, 6, 1,
    NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, CC_ETS_THETA },
  { "piecewise", "y = a + b*x + sum_j d_j*max(0, x - tau_j), "
    "up to 2 changepoints tau_j chosen by BIC", CC_KIND_PIECEWISE, 4,
    { "a", "b", "d1", "d2" }, 8, 1, f_piece, g_piece, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  /* NIST StRD forms: --xy with --start only. */
  { "misra1b", "y = b1*(1 - (1 + b2*x/2)^(-2))", CC_KIND_NLS, 2,
    { "b1", "b2" }, 3, 0, f_misra1b, g_misra1b, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  { "chwirut2", "y = exp(-b1*x)/(b2 + b3*x)", CC_KIND_NLS, 3,
    { "b1", "b2", "b3" }, 4, 0, f_chwirut, g_chwirut, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  { "eckerle4", "y = (b1/b2)*exp(-0.5*((x - b3)/b2)^2)", CC_KIND_NLS, 3,
    { "b1", "b2", "b3" }, 4, 0, f_eckerle, g_eckerle, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  { "mgh09", "y = b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)", CC_KIND_NLS, 4,
    { "b1", "b2", "b3", "b4" }, 5, 0, f_mgh09, g_mgh09, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  { "thurber", "y = (b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + "
    "b7*x^3)", CC_KIND_NLS, 7, { "b1", "b2", "b3", "b4", "b5", "b6", "b7" },
    8, 0, f_thurber, g_thurber, NULL, NULL, NULL, 0, NULL, NULL, 0 },
  { "bennett5", "y = b1*(b2 + x)^(-1/b3)", CC_KIND_NLS, 3,
    { "b1", "b2", "b3" }, 4, 0, f_bennett, g_bennett, NULL, NULL, NULL, 0, NULL, NULL, 0 },
};

size_t
cc_model_count (void)
{
  return sizeof models / sizeof models[0];
}

const cc_model *
cc_model_get (size_t i)
{
  return i < cc_model_count () ? &models[i] : NULL;
}

const cc_model *
cc_model_find (const char *name)
{
  size_t i;
  if (strcmp (name, "ets") == 0 || strcmp (name, "holt") == 0)
    name = "damped";
  for (i = 0; i < cc_model_count (); i++)
    if (strcmp (models[i].name, name) == 0)
      return &models[i];
  return NULL;
}

const char *
cc_fit_status_name (cc_fit_status s)
{
  switch (s)
    {
    case CC_FIT_OK: return "yes";
    case CC_FIT_UNCONVERGED: return "unconverged";
    case CC_FIT_INVALID: return "invalid";
    case CC_FIT_SKIPPED: return "skipped";
    case CC_FIT_UNIDENTIFIED: return "unidentified";
    }
  return "?";
}

/* ---- workspace ---------------------------------------------------------- */

struct cc_fit_ws
{
  size_t nmax;
  size_t n;                                   /* n the nlinear spaces fit */
  gsl_multifit_nlinear_workspace *nl[NMETHOD][CC_FIT_MAXP + 1];
  gsl_matrix *J;                              /* nmax x MAXP, for covar */
  gsl_multimin_fminimizer *nm;                /* ETS: 5 parameters */
  gsl_vector *nmx, *nmstep;
  double *ly;                                 /* ln y of the series */
};

cc_fit_ws *
cc_fit_ws_alloc (size_t nmax)
{
  cc_fit_ws *w = calloc (1, sizeof *w);
  if (w == NULL || nmax < 1)
    {
      free (w);
      return NULL;
    }
  w->nmax = nmax;
  w->J = gsl_matrix_alloc (nmax, CC_FIT_MAXP);
  w->nm = gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2,
                                         5);
  w->nmx = gsl_vector_alloc (5);
  w->nmstep = gsl_vector_alloc (5);
  w->ly = malloc (nmax * sizeof (double));
  if (!w->ly || !w->J || !w->nm
      || !w->nmx || !w->nmstep)
    {
      cc_fit_ws_free (w);
      return NULL;
    }
  return w;
}

static void
free_nl (cc_fit_ws *w)
{
  size_t i, p;
  for (i = 0; i < NMETHOD; i++)
    for (p = 0; p <= CC_FIT_MAXP; p++)
      if (w->nl[i][p])
        {
          gsl_multifit_nlinear_free (w->nl[i][p]);
          w->nl[i][p] = NULL;
        }
}

void
cc_fit_ws_free (cc_fit_ws *w)
{
  if (w == NULL)
    return;
  free_nl (w);
  gsl_matrix_free (w->J);
  if (w->nm)
    gsl_multimin_fminimizer_free (w->nm);
  gsl_vector_free (w->nmx);
  gsl_vector_free (w->nmstep);
  free (w->ly);
  free (w);
}

static const gsl_multifit_nlinear_trs *
method_trs (size_t i)
{
  switch (i)
    {
    case 0: return gsl_multifit_nlinear_trs_lm;
    case 1: return gsl_multifit_nlinear_trs_lmaccel;
    default: return gsl_multifit_nlinear_trs_dogleg;
    }
}

/* The nlinear workspace for method i and p parameters at n points; the
 * spaces are kept across fits of series of the same length. */
static gsl_multifit_nlinear_workspace *
nl_space (cc_fit_ws *w, size_t i, size_t n, size_t p)
{
  if (w->n != n)
    {
      free_nl (w);
      w->n = n;
    }
  if (w->nl[i][p] == NULL)
    {
      gsl_multifit_nlinear_parameters par
        = gsl_multifit_nlinear_default_parameters ();
      par.trs = method_trs (i);
      /* More's scaling: parameters of very different magnitude (K ~ 1e4,
       * r ~ 0.05) are the rule here. */
      par.scale = gsl_multifit_nlinear_scale_more;
      w->nl[i][p] = gsl_multifit_nlinear_alloc (gsl_multifit_nlinear_trust,
                                                &par, n, p);
    }
  return w->nl[i][p];
}

/* ---- least squares ------------------------------------------------------ */

typedef struct
{
  const cc_model *m;
  const double *x, *y;
  size_t n;
  int log;
  const cc_fit_aux *aux;
  const double *ly;   /* ln y, log scale only */
} nls_ctx;

/* Residual i on the fitting scale at b (lb0 = ln b[0] for closed forms);
 * NaN outside the model's domain. */
static double
resid_i (const nls_ctx *c, const double *b, double lb0, size_t i)
{
  double v;
  if (c->log && c->m->lf)
    return c->m->lf (c->x[i], b, lb0, c->aux) - c->ly[i];
  v = c->m->f (c->x[i], b, c->aux);
  if (c->log)
    return v > 0 ? log (v) - c->ly[i] : NAN;
  return v - c->y[i];
}

static int
nls_f (const gsl_vector *b, void *params, gsl_vector *r)
{
  const nls_ctx *c = params;
  double lb0 = b->data[0] > 0 ? log (b->data[0]) : NAN;
  size_t i;
  for (i = 0; i < c->n; i++)
    {
      double ri = resid_i (c, b->data, lb0, i);
      gsl_vector_set (r, i, isfinite (ri) ? ri : PENALTY);
    }
  return GSL_SUCCESS;
}

static int
nls_df (const gsl_vector *b, void *params, gsl_matrix *J)
{
  const nls_ctx *c = params;
  double g[CC_FIT_MAXP];
  size_t i, j, p = J->size2;
  for (i = 0; i < c->n; i++)
    {
      if (c->log && c->m->lgrad)
        {
          c->m->lgrad (c->x[i], b->data, c->aux, g);
          for (j = 0; j < p; j++)
            gsl_matrix_set (J, i, j, isfinite (g[j]) ? g[j] : 0);
          continue;
        }
      double v = c->m->f (c->x[i], b->data, c->aux);
      c->m->grad (c->x[i], b->data, c->aux, g);
      for (j = 0; j < p; j++)
        {
          double gij = c->log ? g[j] / v : g[j];
          /* Penalised points carry no slope information. */
          if (!isfinite (gij) || (c->log && !(v > 0)))
            gij = 0;
          gsl_matrix_set (J, i, j, gij);
        }
    }
  return GSL_SUCCESS;
}

static double
rss_at (const nls_ctx *c, const double *b, int *finite)
{
  double s = 0, lb0 = b[0] > 0 ? log (b[0]) : NAN;
  size_t i;
  *finite = 1;
  for (i = 0; i < c->n; i++)
    {
      double r = resid_i (c, b, lb0, i);
      if (!isfinite (r))
        {
          *finite = 0;
          return HUGE_VAL;
        }
      s += r * r;
    }
  return s;
}

double
cc_fit_loglik (double rss, size_t n)
{
  double dn = (double) n;
  return -dn / 2 * (log (2 * M_PI) + 1 - log (dn) + log (rss));
}

static void
set_criteria (cc_fit *out)
{
  double n = (double) out->n, k = (double) out->k;
  double ll = cc_fit_loglik (out->rss, out->n);
  out->aic = -2 * ll + 2 * k;
  out->aicc = n - k - 1 > 0 ? out->aic + 2 * k * (k + 1) / (n - k - 1) : NAN;
  out->bic = -2 * ll + k * log (n);
}

double
cc_fit_dof (const cc_fit *fit)
{
  return (double) fit->n - (double) fit->p;
}

/* s^2 (J'J)^-1 at b, with the analytic Jacobian on the fitting scale. */
static int
covariance (const nls_ctx *c, cc_fit_ws *w, cc_fit *out)
{
  size_t p = out->p, i, j;
  gsl_matrix_view J = gsl_matrix_submatrix (w->J, 0, 0, c->n, p);
  gsl_vector_const_view bv = gsl_vector_const_view_array (out->b, p);
  gsl_matrix_view C = gsl_matrix_view_array (out->cov, p, p);
  int st;

  for (i = 0; i < CC_FIT_MAXP; i++)
    out->se[i] = NAN;
  out->have_cov = 0;
  if (c->n <= p)
    return GSL_SUCCESS;
  nls_df (&bv.vector, (void *) c, &J.matrix);
  st = gsl_multifit_nlinear_covar (&J.matrix, 0.0, &C.matrix);
  if (st != GSL_SUCCESS)
    return st;
  /* GSL returns (J'J)^-1 only; the residual variance is ours to apply. */
  if ((st = gsl_matrix_scale (&C.matrix, out->s2)) != GSL_SUCCESS)
    return st;
  for (j = 0; j < p; j++)
    {
      double v = out->cov[j * p + j];
      if (!(v > 0) || !isfinite (v))
        return GSL_SUCCESS;   /* a dependent column: no honest SEs */
    }
  for (j = 0; j < p; j++)
    out->se[j] = sqrt (out->cov[j * p + j]);
  out->have_cov = 1;
  return GSL_SUCCESS;
}

/* gsl_multifit_nlinear_driver's loop, plus one stop of our own: when a
 * cap (K of the logistic family, a of the monomolecular) runs beyond
 * 1e3 times the data the curve has no saturation in sight and the run is
 * abandoned instead of spending every iteration. */
static int
drive (const cc_model *m, const cc_fit_opts *o, double ymax, size_t maxiter,
       gsl_multifit_nlinear_workspace *nw, int *info)
{
  size_t iter = 0;
  int st;
  *info = 0;
  do
    {
      st = gsl_multifit_nlinear_iterate (nw);
      if (st == GSL_ENOPROG && iter == 0)
        {
          /* No step improves on the start: fine if it is the optimum
           * already (a log-linear start on the log scale is exact). */
          st = gsl_multifit_nlinear_test (1e-12, 1e-12, 0.0, info, nw);
          return st == GSL_SUCCESS || st == GSL_ETOLX || st == GSL_ETOLG
                     || st == GSL_ETOLF ? GSL_SUCCESS : GSL_ENOPROG;
        }
      if (st != GSL_SUCCESS && st != GSL_ENOPROG)
        return st;
      iter++;
      if (o->constrain && m->cap
          && fabs (gsl_vector_get (gsl_multifit_nlinear_position (nw), 0))
               > 1e3 * fabs (ymax))
        return GSL_ERUNAWAY;
      st = gsl_multifit_nlinear_test (1e-12, 1e-12, 0.0, info, nw);
    }
  while (st == GSL_CONTINUE && iter < maxiter);
  /* Converged to machine precision: GSL's driver counts these as success. */
  if (st == GSL_ETOLF || st == GSL_ETOLX || st == GSL_ETOLG)
    {
      *info = st;
      st = GSL_SUCCESS;
    }
  if (iter >= maxiter && st != GSL_SUCCESS)
    st = GSL_EMAXITER;
  return st;
}

/* Parameters that the model's constraint keeps away from zero (caps,
 * rates, shapes): their relative standard error is scale-free.  Location
 * parameters such as an intercept may sit near zero and are not tested. */
static int
scale_free_param (const cc_model *m, size_t j)
{
  if (m->valid == NULL)
    return 0;
  if (strcmp (m->name, "logistic") == 0 || strcmp (m->name, "richards") == 0)
    return j != 1;            /* K, r (and nu); not the location b */
  if (m->cap)
    return 1;                 /* gompertz, monomolecular */
  return j == 0;              /* exponential, power: a */
}

/* A fit with a singular covariance, or a relative standard error above
 * CC_FIT_MAX_RELSE on a scale-free parameter, is unidentified. */
static void
identify (const cc_model *m, cc_fit *out)
{
  size_t j;
  /* An exact fit (RSS = 0) has a zero covariance, not a singular one. */
  if (out->n <= out->p || out->rss == 0)
    return;
  if (!out->have_cov)
    {
      out->status = CC_FIT_UNIDENTIFIED;
      snprintf (out->note, sizeof out->note, "singular covariance (J'J "
                "not invertible): the data do not identify the parameters");
      return;
    }
  for (j = 0; j < out->p; j++)
    if (scale_free_param (m, j)
        && out->se[j] > CC_FIT_MAX_RELSE * fabs (out->b[j]))
      {
        out->status = CC_FIT_UNIDENTIFIED;
        snprintf (out->note, sizeof out->note, "%s = %.4g with standard "
                  "error %.3g (more than %g times the estimate): not "
                  "identified by the data", m->pname[j], out->b[j],
                  out->se[j], CC_FIT_MAX_RELSE);
        return;
      }
}

/* Say so when a fitted cap sits below the largest observation by more
 * than three residual standard deviations (noise alone puts data above a
 * true cap, but not that far). */
static void
cap_below_note (cc_fit *out, int lg)
{
  double s = sqrt (out->s2), K = out->b[0];
  double gap = lg ? log (out->ymax) - log (K) : out->ymax - K;
  if (K < out->ymax && gap > 3 * s)
    snprintf (out->note, sizeof out->note, "the fitted cap %.6g lies "
              "below the largest observation %.6g by more than 3 residual "
              "standard deviations", K, out->ymax);
}

/* Run every method from every start, keep the lowest RSS, count agreement. */
static int
fit_nls (const cc_model *m, const double *x, const double *y, size_t n,
         size_t p, const cc_fit_aux *aux, double starts[][CC_FIT_MAXP],
         size_t nst, const cc_fit_opts *o, cc_fit_ws *w, cc_fit *out,
         cc_err *err)
{
  nls_ctx c = { m, x, y, n, o->scale == CC_SCALE_LOG, aux, w->ly };
  gsl_multifit_nlinear_fdf fdf;
  double rss_run[CC_FIT_MAXSTART * NMETHOD + 1];
  int ok_run[CC_FIT_MAXSTART * NMETHOD + 1];
  double best = HUGE_VAL, sumsq = 0;
  size_t s, i, nrun = 0, runaway = 0;
  /* Growth series are short and the curves smooth: a run still crawling
   * after 500 iterations is on a ridge (e.g. Richards' nu on data without
   * an inflection) and counts as not converged; reference problems get
   * the full allowance. */
  size_t maxiter = o->maxiter ? o->maxiter
                   : o->constrain ? SERIES_MAXITER : DEFAULT_MAXITER;
  int finite;

  if (c.log)
    for (i = 0; i < n; i++)
      w->ly[i] = log (y[i]);
  fdf.f = nls_f;
  fdf.df = nls_df;
  fdf.fvv = NULL;   /* lmaccel uses finite differences for f'' */
  fdf.n = n;
  fdf.p = p;
  fdf.params = &c;

  for (s = 0; s < nst; s++)
    for (i = 0; i < NMETHOD; i++)
      {
        gsl_multifit_nlinear_workspace *nw = nl_space (w, i, n, p);
        gsl_vector_view b0 = gsl_vector_view_array (starts[s], p);
        int info, st;
        double r;
        if (nw == NULL)
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        rss_run[nrun] = HUGE_VAL;
        ok_run[nrun] = 0;
        nrun++;
        rss_at (&c, starts[s], &finite);
        if (!finite)
          continue;   /* the start itself is outside the model's domain */
        if (gsl_multifit_nlinear_init (&b0.vector, &fdf, nw) != GSL_SUCCESS)
          continue;
        st = drive (m, o, out->ymax, maxiter, nw, &info);
        const gsl_vector *b = gsl_multifit_nlinear_position (nw);
        r = rss_at (&c, b->data, &finite);
        if (!finite)
          continue;
        rss_run[nrun - 1] = r;
        ok_run[nrun - 1] = st == GSL_SUCCESS;
        runaway += st == GSL_ERUNAWAY;
        if (r < best)
          {
            best = r;
            memcpy (out->b, b->data, p * sizeof (double));
          }
      }
  out->runs = nrun;
  out->agree = 0;
  if (!(best < HUGE_VAL))
    {
      out->status = CC_FIT_UNCONVERGED;
      snprintf (out->note, sizeof out->note, "no run finished with a finite "
                "RSS (%zu runs)", nrun);
      return CC_OK;
    }
  for (i = 0; i < n; i++)
    sumsq += c.log ? log (y[i]) * log (y[i]) : y[i] * y[i];
  for (i = 0; i < nrun; i++)
    if (ok_run[i]
        && fabs (rss_run[i] - best) <= AGREE_REL * best + 1e-14 * sumsq)
      out->agree++;
  out->rss = best;
  out->s2 = n > p ? best / (double) (n - p) : NAN;
  if (out->agree < 2)
    {
      out->status = CC_FIT_UNCONVERGED;
      if (runaway)
        snprintf (out->note, sizeof out->note,
                  "the cap ran past 1000 x max y in %zu of %zu runs: no "
                  "saturation in the data", runaway, nrun);
      else
        snprintf (out->note, sizeof out->note,
                  "only %zu of %zu runs reached the lowest RSS", out->agree,
                  nrun);
      return CC_OK;
    }
  if (o->constrain && m->valid && !m->valid (out->b, out->ymax))
    {
      out->status = CC_FIT_INVALID;
      snprintf (out->note, sizeof out->note, "optimum breaks %s",
                m->constraint);
      return CC_OK;
    }
  if (covariance (&c, w, out) != GSL_SUCCESS)
    {
      out->status = CC_FIT_UNCONVERGED;
      snprintf (out->note, sizeof out->note, "covariance failed");
      return CC_OK;
    }
  out->status = CC_FIT_OK;
  identify (m, out);
  if (out->status == CC_FIT_OK && m->cap)
    cap_below_note (out, c.log);
  return CC_OK;
}

/* ---- ETS(A,Ad,N) -------------------------------------------------------- */

typedef struct
{
  const double *z;   /* the series on the fitting scale */
  size_t n;
} ets_ctx;

static double
logistic01 (double u)
{
  return 1 / (1 + exp (-u));
}

/* Unconstrained u -> (alpha, beta, phi, l0, b0) with R's bounds:
 * alpha in [1e-4, 0.9999], beta in [1e-4, alpha], phi in [0.8, 0.98]. */
static void
ets_map (const double *u, double *th)
{
  th[0] = 1e-4 + (0.9999 - 1e-4) * logistic01 (u[0]);
  th[1] = 1e-4 + (th[0] - 1e-4) * logistic01 (u[1]);
  th[2] = 0.8 + 0.18 * logistic01 (u[2]);
  th[3] = u[3];
  th[4] = u[4];
}

static double
ets_sse (const double *th, const double *z, size_t n, double *lT, double *bT)
{
  double l = th[3], b = th[4], sse = 0;
  size_t t;
  for (t = 0; t < n; t++)
    {
      double e = z[t] - (l + th[2] * b);
      l = l + th[2] * b + th[0] * e;
      b = th[2] * b + th[1] * e;
      sse += e * e;
    }
  if (lT)
    *lT = l;
  if (bT)
    *bT = b;
  return sse;
}

static double
ets_obj (const gsl_vector *u, void *params)
{
  const ets_ctx *c = params;
  double th[5];
  ets_map (u->data, th);
  double s = ets_sse (th, c->z, c->n, NULL, NULL);
  return isfinite (s) ? s : GSL_POSINF;
}

/* Nelder-Mead from u (in place) to convergence; returns the SSE. */
static double
ets_minimise (cc_fit_ws *w, ets_ctx *c, double *u, double sd)
{
  gsl_multimin_function fn = { ets_obj, 5, c };
  size_t it, j;
  int st;
  for (j = 0; j < 5; j++)
    {
      gsl_vector_set (w->nmx, j, u[j]);
      gsl_vector_set (w->nmstep, j, j < 3 ? 1.0 : 0.5 * sd);
    }
  if (gsl_multimin_fminimizer_set (w->nm, &fn, w->nmx, w->nmstep)
      != GSL_SUCCESS)
    return HUGE_VAL;
  for (it = 0; it < 5000; it++)
    {
      if (gsl_multimin_fminimizer_iterate (w->nm) != GSL_SUCCESS)
        break;
      st = gsl_multimin_test_size (gsl_multimin_fminimizer_size (w->nm),
                                   1e-7 * (1 + sd));
      if (st == GSL_SUCCESS)
        break;
    }
  for (j = 0; j < 5; j++)
    u[j] = gsl_vector_get (gsl_multimin_fminimizer_x (w->nm), j);
  return gsl_multimin_fminimizer_minimum (w->nm);
}

/* For fixed (alpha, beta, phi) the one-step errors are linear in the
 * initial state (l0, b0): e = e0 - l0 cl - b0 cb.  Solve for the best
 * state and return the concentrated SSE (state into *l0, *b0). */
static double
ets_concentrated (const double *th3, const double *z, size_t n, double *l0,
                  double *b0)
{
  double l[3] = { 0, 1, 0 }, b[3] = { 0, 0, 1 };
  double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0, e0e0 = 0, det;
  double al = th3[0], be = th3[1], phi = th3[2];
  size_t t, k;
  for (t = 0; t < n; t++)
    {
      double e[3];
      for (k = 0; k < 3; k++)
        {
          e[k] = (k == 0 ? z[t] : 0) - (l[k] + phi * b[k]);
          l[k] = l[k] + phi * b[k] + al * e[k];
          b[k] = phi * b[k] + be * e[k];
        }
      /* e0 = e[0]; cl = -e[1]; cb = -e[2] */
      s00 += e[1] * e[1];
      s01 += e[1] * e[2];
      s11 += e[2] * e[2];
      r0 -= e[0] * e[1];
      r1 -= e[0] * e[2];
      e0e0 += e[0] * e[0];
    }
  det = s00 * s11 - s01 * s01;
  if (b0 == NULL || !(fabs (det) > 1e-300))
    {
      /* No trend state (or a singular system): the level alone. */
      *l0 = s00 > 0 ? r0 / s00 : 0;
      if (b0)
        *b0 = 0;
      return e0e0 - (s00 > 0 ? r0 * r0 / s00 : 0);
    }
  *l0 = (r0 * s11 - r1 * s01) / det;
  *b0 = (r1 * s00 - r0 * s01) / det;
  return e0e0 - (*l0 * r0 + *b0 * r1);
}

static double
logit01 (double p)
{
  if (p < 1e-6)
    p = 1e-6;
  if (p > 1 - 1e-6)
    p = 1 - 1e-6;
  return log (p / (1 - p));
}

/* The inverse of ets_map. */
static void
ets_unmap (const double *th, double *u)
{
  u[0] = logit01 ((th[0] - 1e-4) / (0.9999 - 1e-4));
  u[1] = logit01 ((th[1] - 1e-4) / (th[0] - 1e-4));
  u[2] = logit01 ((th[2] - 0.8) / 0.18);
  u[3] = th[3];
  u[4] = th[4];
}

#define ETS_NBEST 3

/* A grid over (alpha, beta/alpha, phi) with the initial state solved
 * exactly: the ETS_NBEST lowest points, as unconstrained starts. */
static void
ets_grid (const double *z, size_t n, double u[ETS_NBEST][5])
{
  static const double fr[] = { 0.001, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5,
                               0.75, 0.999 };
  double best[ETS_NBEST], th[5];
  size_t ia, ib, ip, k, j;
  for (k = 0; k < ETS_NBEST; k++)
    best[k] = HUGE_VAL;
  for (ia = 0; ia < 14; ia++)
    for (ib = 0; ib < sizeof fr / sizeof fr[0]; ib++)
      for (ip = 0; ip < 10; ip++)
        {
          double t3[3], sse, l0, b0;
          t3[0] = 0.02 + 0.07 * (double) ia;
          t3[1] = 1e-4 + (t3[0] - 1e-4) * fr[ib];
          t3[2] = 0.801 + 0.0197 * (double) ip;
          sse = ets_concentrated (t3, z, n, &l0, &b0);
          if (!isfinite (sse))
            continue;
          for (k = 0; k < ETS_NBEST && sse >= best[k]; k++)
            ;
          if (k == ETS_NBEST)
            continue;
          for (j = ETS_NBEST - 1; j > k; j--)
            {
              best[j] = best[j - 1];
              memcpy (u[j], u[j - 1], sizeof u[0]);
            }
          best[k] = sse;
          th[0] = t3[0];
          th[1] = t3[1];
          th[2] = t3[2];
          th[3] = l0;
          th[4] = b0;
          ets_unmap (th, u[k]);
        }
}

/* Gaps in x: the recursions need consecutive months. */
static int
ets_gap (const double *x, size_t n, cc_fit *out)
{
  size_t i;
  for (i = 1; i < n; i++)
    if (x[i] - x[i - 1] != 1)
      {
        out->status = CC_FIT_SKIPPED;
        snprintf (out->note, sizeof out->note,
                  "needs consecutive months (gap before point %zu)", i + 1);
        return 1;
      }
  return 0;
}

/* SES and Theta (fit.h): alpha by a grid and golden-section refinement,
 * the initial level solved exactly for each alpha. */
static int
fit_ses (const cc_model *m, const double *x, const double *y, size_t n,
         const cc_fit_opts *o, cc_fit *out)
{
  double z[MAXN_START], zd[MAXN_START], c0, c1 = 0, d = 0, l0;
  double lo, hi, best = HUGE_VAL, abest = 0.5, th[3];
  size_t i, k;
  for (i = 0; i < n; i++)
    z[i] = o->scale == CC_SCALE_LOG ? log (y[i]) : y[i];
  if (m->ets_form == CC_ETS_THETA)
    {
      if (ols (x, z, n, &c0, &c1) != 0)
        c1 = 0;
      d = c1 / 2;
    }
  /* With a fixed drift d the errors are those of SES on z[t] - t d. */
  for (i = 0; i < n; i++)
    zd[i] = z[i] - d * (double) (i + 1);
  th[1] = 0;
  th[2] = 1;   /* a level with no trend state: phi is immaterial */
  for (k = 0; k <= 100; k++)
    {
      th[0] = 1e-4 + (0.9999 - 1e-4) * (double) k / 100;
      double sse = ets_concentrated (th, zd, n, &l0, NULL);
      if (sse < best)
        {
          best = sse;
          abest = th[0];
        }
    }
  lo = abest - 0.01 > 1e-4 ? abest - 0.01 : 1e-4;
  hi = abest + 0.01 < 0.9999 ? abest + 0.01 : 0.9999;
  for (k = 0; k < 60; k++)
    {
      double a1 = hi - 0.618033988749895 * (hi - lo);
      double a2 = lo + 0.618033988749895 * (hi - lo), s1, s2;
      th[0] = a1;
      s1 = ets_concentrated (th, zd, n, &l0, NULL);
      th[0] = a2;
      s2 = ets_concentrated (th, zd, n, &l0, NULL);
      if (s1 < s2)
        hi = a2;
      else
        lo = a1;
    }
  th[0] = (lo + hi) / 2;
  if (ets_concentrated (th, zd, n, &l0, NULL) > best)
    th[0] = abest;
  ets_concentrated (th, zd, n, &l0, NULL);
  out->b[0] = th[0];
  out->b[1] = 0;
  out->b[2] = 1;
  /* Predictions of z: l + d, with l0 for zd at t = 0 equal to l0 for z. */
  out->b[3] = l0;
  out->b[4] = d;
  out->rss = ets_sse (out->b, z, n, &out->ets_level, &out->ets_trend);
  out->ets_xlast = x[n - 1];
  out->p = m->ets_form == CC_ETS_THETA ? 3 : 2;
  out->k = out->p + 1;
  out->nshow = 5;
  out->s2 = out->rss / (double) (n - out->p);
  out->runs = out->agree = 1;
  for (i = 0; i < CC_FIT_MAXP; i++)
    out->se[i] = NAN;
  out->status = isfinite (out->rss) ? CC_FIT_OK : CC_FIT_UNCONVERGED;
  if (out->status != CC_FIT_OK)
    snprintf (out->note, sizeof out->note, "the smoothing recursion "
              "overflowed");
  return CC_OK;
}

static int
fit_ets (const cc_model *m, const double *x, const double *y, size_t n,
         const cc_fit_opts *o, cc_fit_ws *w, cc_fit *out, cc_err *err)
{
  double z[MAXN_START], c0, c1, sd = 0, mean = 0, best = HUGE_VAL;
  double ub[5], sse_run[4 + 2 * ETS_NBEST], ug[ETS_NBEST][5];
  static const double st[2][3] = { { 0.0, -1.0, 0.5 }, { -1.5, -2.0, 2.0 } };
  ets_ctx c;
  size_t i, s, nrun = 0;

  (void) err;
  if (n > MAXN_START)
    {
      out->status = CC_FIT_SKIPPED;
      snprintf (out->note, sizeof out->note, "more than %d points",
                MAXN_START);
      return CC_OK;
    }
  if (ets_gap (x, n, out))
    return CC_OK;
  if (m->ets_form != CC_ETS_DAMPED)
    return fit_ses (m, x, y, n, o, out);
  for (i = 0; i < n; i++)
    {
      z[i] = o->scale == CC_SCALE_LOG ? log (y[i]) : y[i];
      mean += z[i] / n;
    }
  for (i = 0; i < n; i++)
    sd += (z[i] - mean) * (z[i] - mean) / n;
  sd = sqrt (sd) + 1e-12;
  /* Initial states from a line through the first points, as R does. */
  if (ols (x, z, n < 10 ? n : 10, &c0, &c1) != 0)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0, "degenerate series");
  c.z = z;
  c.n = n;
  /* Nelder-Mead stops at local optima: start it from the best points of
   * a grid over (alpha, beta, phi) with exact initial states, and from
   * two fixed starts; each minimised and restarted from its own optimum
   * (a collapsed simplex stalls).  Converged when at least two results
   * agree on the lowest SSE. */
  ets_grid (z, n, ug);
  for (s = 0; s < 2 + ETS_NBEST; s++)
    {
      double u[5] = { 0, 0, 0, c0 + c1 * (x[0] - 1), c1 };
      if (s < 2)
        memcpy (u, st[s], 3 * sizeof (double));
      else
        memcpy (u, ug[s - 2], sizeof u);
      double r = ets_minimise (w, &c, u, sd);
      sse_run[nrun++] = r;
      r = ets_minimise (w, &c, u, sd);
      sse_run[nrun++] = r;
      if (r < best)
        {
          best = r;
          memcpy (ub, u, sizeof ub);
        }
    }
  out->runs = nrun;
  out->agree = 0;
  for (i = 0; i < nrun; i++)
    if (fabs (sse_run[i] - best) <= AGREE_REL * best + 1e-14)
      out->agree++;
  ets_map (ub, out->b);
  out->rss = ets_sse (out->b, z, n, &out->ets_level, &out->ets_trend);
  out->ets_xlast = x[n - 1];
  out->s2 = out->rss / (double) (n - 5);
  for (i = 0; i < CC_FIT_MAXP; i++)
    out->se[i] = NAN;
  if (out->agree < 2 || !isfinite (out->rss))
    {
      out->status = CC_FIT_UNCONVERGED;
      snprintf (out->note, sizeof out->note,
                "only %zu of %zu simplex runs reached the lowest SSE",
                out->agree, nrun);
      return CC_OK;
    }
  out->status = CC_FIT_OK;
  return CC_OK;
}

/* ---- piecewise linear --------------------------------------------------- */

/* Weighted linear least squares for fixed changepoints; returns the RSS
 * (on the log scale the weights 1/y^2 make it the first-order log RSS).
 * The layout search calls this hundreds of times per series, so it solves
 * the p <= 4 normal equations by Cholesky (gsl_linalg_cholesky_decomp1)
 * instead of an SVD; the chosen layout is refitted by nonlinear least
 * squares anyway. */
static double
piece_ls (const double *x, const double *y, size_t n, const cc_fit_aux *aux,
          int log_scale, double *coef)
{
  size_t p = 2 + aux->ncp, i, j, k;
  double A[16] = { 0 }, rhs[4] = { 0 }, g[4], rss = 0;
  gsl_matrix_view Av = gsl_matrix_view_array (A, p, p);
  gsl_vector_view bv = gsl_vector_view_array (rhs, p);
  gsl_vector_view cv = gsl_vector_view_array (coef, p);
  for (i = 0; i < n; i++)
    {
      double wt = log_scale ? 1 / (y[i] * y[i]) : 1.0;
      g_piece (x[i], NULL, aux, g);
      for (j = 0; j < p; j++)
        {
          rhs[j] += wt * g[j] * y[i];
          for (k = 0; k <= j; k++)
            A[j * p + k] += wt * g[j] * g[k];
        }
    }
  for (j = 0; j < p; j++)
    for (k = j + 1; k < p; k++)
      A[j * p + k] = A[k * p + j];
  if (gsl_linalg_cholesky_decomp1 (&Av.matrix) != GSL_SUCCESS
      || gsl_linalg_cholesky_solve (&Av.matrix, &bv.vector, &cv.vector)
           != GSL_SUCCESS)
    return HUGE_VAL;
  for (i = 0; i < n; i++)
    {
      double wt = log_scale ? 1 / (y[i] * y[i]) : 1.0;
      double r = y[i] - f_piece (x[i], coef, aux);
      rss += wt * r * r;
    }
  return rss;
}

/* BIC of the layout with changepoints at indices I1 (and I2) when it
 * beats *BEST (then the layout and its coefficients are kept).  Each
 * changepoint counts as three parameters: its slope change, and two for
 * its position, since choosing it by search fits the data better than
 * one ordinary parameter would (Hall et al. 2013; Davis et al. 2006). */
static void
piece_try (const double *x, const double *y, size_t n, int lg, size_t nc,
           size_t i1, size_t i2, double *best, cc_fit_aux *best_a,
           double *best_coef)
{
  cc_fit_aux a;
  double coef[4], rss, bic, k = 3 + 3 * (double) nc;
  memset (&a, 0, sizeof a);
  a.ncp = nc;
  if (nc >= 1)
    a.tau[0] = x[i1];
  if (nc == 2)
    a.tau[1] = x[i2];
  rss = piece_ls (x, y, n, &a, lg, coef);
  if (!(rss < HUGE_VAL) || !(rss > 0))
    return;
  bic = (double) n * log (rss / (double) n) + k * log ((double) n);
  if (bic < *best)
    {
      *best = bic;
      *best_a = a;
      memcpy (best_coef, coef, sizeof coef);
    }
}

/* The index of x[] equal to T. */
static size_t
index_of (const double *x, size_t n, double t)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (x[i] == t)
      return i;
  return 0;
}

/* Refine changepoint J of the best layout *BEST_A one position at a time
 * within STEP of where the grid put it, the other held fixed.  Returns
 * non-zero when it moved. */
static int
piece_refine (const double *x, const double *y, size_t n, int lg, size_t j,
              size_t step, size_t lo1, size_t hi1, double *best,
              cc_fit_aux *best_a, double *best_coef)
{
  cc_fit_aux c = *best_a;
  size_t a = index_of (x, n, c.tau[j]), o = 0, lo, hi, i;
  if (c.ncp == 2)
    o = index_of (x, n, c.tau[1 - j]);
  lo = a > lo1 + step ? a - step : lo1;
  hi = a + step < hi1 ? a + step : hi1;
  /* Two changepoints keep 3 points between them. */
  if (c.ncp == 2 && j == 1 && lo < o + 3)
    lo = o + 3;
  if (c.ncp == 2 && j == 0 && hi + 3 > o)
    hi = o >= 3 ? o - 3 : 0;
  for (i = lo; i <= hi; i++)
    if (i != a)
      piece_try (x, y, n, lg, c.ncp, j == 0 ? i : o, j == 0 ? o : i, best,
                 best_a, best_coef);
  return best_a->tau[j] != c.tau[j];
}

/* Changepoints on observed x with at least 3 points each side and 3
 * between two of them.  Up to PIECE_GRID candidate positions are tried
 * on a regular stride (every position for short series), then each
 * changepoint of the best layout is refined within a stride with the
 * other held fixed, in turns until neither moves: O(step) layouts a
 * turn instead of the O(step^2) of a joint square search, which on
 * 10,000 points tried 170,000 layouts of 10,000 points each. */
#define PIECE_GRID 48
static int
piece_search (const double *x, const double *y, size_t n, int lg,
              cc_fit_aux *best_a, double *best_coef)
{
  double best = HUGE_VAL;
  size_t lo1 = 2, hi1 = n >= 4 ? n - 4 : 0, i1, i2, nc, turn;
  size_t step = hi1 > lo1 + PIECE_GRID ? (hi1 - lo1) / PIECE_GRID + 1 : 1;
  memset (best_a, 0, sizeof *best_a);
  piece_try (x, y, n, lg, 0, 0, 0, &best, best_a, best_coef);
  for (nc = 1; nc <= 2; nc++)
    for (i1 = lo1; i1 <= hi1; i1 += step)
      for (i2 = nc == 2 ? i1 + 3 : 0; nc == 2 ? i2 <= hi1 : i2 == 0;
           i2 += nc == 2 ? step : 1)
        piece_try (x, y, n, lg, nc, i1, i2, &best, best_a, best_coef);
  for (turn = 0; step > 1 && best_a->ncp > 0 && turn < 8; turn++)
    {
      int moved = piece_refine (x, y, n, lg, 0, step, lo1, hi1, &best,
                                best_a, best_coef);
      if (best_a->ncp == 2)
        moved |= piece_refine (x, y, n, lg, 1, step, lo1, hi1, &best,
                               best_a, best_coef);
      if (!moved)
        break;
    }
  return best < HUGE_VAL ? 0 : -1;
}

static int
fit_piecewise (const cc_model *m, const double *x, const double *y, size_t n,
               const cc_fit_opts *o, cc_fit_ws *w, cc_fit *out, cc_err *err)
{
  cc_fit_aux best_a;
  double best_coef[4];
  double st[CC_FIT_MAXSTART][CC_FIT_MAXP];
  size_t i1;
  int rc;

  if (piece_search (x, y, n, o->scale == CC_SCALE_LOG, &best_a, best_coef)
      != 0)
    {
      out->status = CC_FIT_UNCONVERGED;
      snprintf (out->note, sizeof out->note, "no changepoint layout fits");
      return CC_OK;
    }
  out->aux = best_a;
  out->p = 2 + best_a.ncp;
  /* Each changepoint: its slope change, and 2 for its searched position. */
  out->k = out->p + 2 * best_a.ncp + 1;
  memcpy (st[0], best_coef, sizeof best_coef);
  rc = fit_nls (m, x, y, n, out->p, &out->aux, st, 1, o, w, out, err);
  if (rc != CC_OK)
    return rc;
  out->nshow = out->p + best_a.ncp;
  for (i1 = 0; i1 < best_a.ncp; i1++)
    {
      out->b[out->p + i1] = best_a.tau[i1];
      out->se[out->p + i1] = NAN;
    }
  return CC_OK;
}

/* ---- entry points ------------------------------------------------------- */

int
cc_fit_model (const cc_model *m, const double *x, const double *y, size_t n,
              const cc_fit_opts *o, cc_fit_ws *w, cc_fit *out, cc_err *err)
{
  double st[CC_FIT_MAXSTART][CC_FIT_MAXP];
  size_t nst = 0, i;
  int rc;

  memset (out, 0, sizeof *out);
  out->model = m;
  out->scale = o->scale;
  out->n = n;
  out->p = m->p;
  out->k = m->p + 1;
  out->nshow = m->p;
  out->weight = out->aic = out->aicc = out->bic = NAN;
  out->rss = out->s2 = NAN;
  for (i = 0; i < CC_FIT_MAXP; i++)
    out->se[i] = out->b[i] = NAN;
  if (n > w->nmax)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "workspace for %zu points, series has %zu", w->nmax,
                       n);
  out->ymax = ymax_of (y, n);
  out->xlast = x[n - 1];
  out->jacobian = 0;
  if (o->scale == CC_SCALE_LOG)
    for (i = 0; i < n; i++)
      out->jacobian += 2 * log (y[i]);
  if (n < m->p + (m->kind == CC_KIND_NLS ? 0 : 1) || n < 2)
    {
      out->status = CC_FIT_SKIPPED;
      snprintf (out->note, sizeof out->note,
                "%zu points, fewer than its %zu parameters", n, m->p);
      return CC_OK;
    }
  if (m->kind == CC_KIND_ETS)
    rc = fit_ets (m, x, y, n, o, w, out, err);
  else if (m->kind == CC_KIND_PIECEWISE)
    rc = fit_piecewise (m, x, y, n, o, w, out, err);
  else
    {
      cc_fit_aux none;
      memset (&none, 0, sizeof none);
      if (o->start)
        {
          if (o->nstart != m->p)
            return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                               "model %s has %zu parameters, --start gave "
                               "%zu", m->name, m->p, o->nstart);
          memcpy (st[0], o->start, m->p * sizeof (double));
          nst = 1;
        }
      else if (m->start)
        nst = m->start (x, y, n, st);
      else
        return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                           "model %s needs --start", m->name);
      if (nst == 0)
        {
          out->status = CC_FIT_UNCONVERGED;
          snprintf (out->note, sizeof out->note,
                    "no starting values from these data");
          return CC_OK;
        }
      rc = fit_nls (m, x, y, n, m->p, &none, st, nst, o, w, out, err);
    }
  if (rc != CC_OK)
    return rc;
  if (out->status == CC_FIT_OK)
    {
      /* An RSS at rounding level is an exact fit (e.g. a constant
       * series): RSS = 0, and the criteria are undefined. */
      double sumsq = 0;
      for (i = 0; i < n; i++)
        {
          double z = o->scale == CC_SCALE_LOG ? log (y[i]) : y[i];
          sumsq += z * z;
        }
      if (out->rss <= 1e-24 * sumsq)
        out->rss = out->s2 = 0;
      set_criteria (out);
    }
  return CC_OK;
}

int
cc_fit_anchor (cc_fit *fit, const double *x, const double *y, size_t n)
{
  double z, f;
  fit->anchor = 0;
  if (fit->status != CC_FIT_OK || fit->model->kind != CC_KIND_NLS || n == 0)
    return 0;
  z = fit->scale == CC_SCALE_LOG ? log (y[n - 1]) : y[n - 1];
  f = cc_fit_eval (fit, fit->b, x[n - 1]);
  if (!isfinite (z) || !isfinite (f))
    return 0;
  fit->xlast = x[n - 1];
  fit->anchor = z - f;
  return 1;
}

double
cc_fit_eval (const cc_fit *fit, const double *b, double x)
{
  const cc_model *m = fit->model;
  double v;
  if (m->kind == CC_KIND_ETS)
    {
      double h = floor (x - fit->ets_xlast + 0.5), phih = 0, pk = 1;
      long j;
      for (j = 1; j <= (long) h; j++)
        {
          pk *= b[2];
          phih += pk;
        }
      return fit->ets_level + phih * fit->ets_trend;
    }
  double a = fit->anchor != 0 && x > fit->xlast ? fit->anchor : 0;
  if (fit->scale == CC_SCALE_LOG && m->lf)
    return b[0] > 0 ? m->lf (x, b, log (b[0]), &fit->aux) + a : NAN;
  v = m->f (x, b, &fit->aux);
  if (fit->scale == CC_SCALE_LOG)
    return v > 0 ? log (v) + a : NAN;
  return v + a;
}

void
cc_fit_eval_vec (const cc_fit *fit, const double *b, const double *x,
                 size_t h, double *out)
{
  const cc_model *m = fit->model;
  size_t i;
  if (fit->scale == CC_SCALE_LOG && m->lf)
    {
      /* ln b[0] once per parameter vector, not once per month. */
      double lb0 = b[0] > 0 ? log (b[0]) : NAN;
      for (i = 0; i < h; i++)
        out[i] = m->lf (x[i], b, lb0, &fit->aux)
                 + (x[i] > fit->xlast ? fit->anchor : 0);
      return;
    }
  for (i = 0; i < h; i++)
    out[i] = cc_fit_eval (fit, b, x[i]);
}

double
cc_fit_curve (const cc_fit *fit, double x)
{
  double v = cc_fit_eval (fit, fit->b, x);
  return fit->scale == CC_SCALE_LOG ? exp (v) : v;
}

int
cc_fit_same (const cc_fit *a, const cc_fit *b, const double *x, size_t n,
             const double *xf, size_t h)
{
  int ets = a->model->kind == CC_KIND_ETS;
  size_t i;
  if (ets != (b->model->kind == CC_KIND_ETS))
    return 0;
  if (ets)
    {
      x = xf;
      n = h;
    }
  for (i = 0; i < n; i++)
    {
      /* In the data, the curves as fitted (no re-anchoring there). */
      double u = cc_fit_eval (a, a->b, x[i]), v = cc_fit_eval (b, b->b, x[i]);
      double tol = 1e-9 * fmax (1, fmax (fabs (u), fabs (v)));
      if (!(fabs (u - v) <= tol))
        return 0;
    }
  return n > 0;
}

long
cc_fit_select (cc_fit *fits, size_t nfit)
{
  double min = HUGE_VAL, sum = 0;
  long best = -1;
  size_t i;
  for (i = 0; i < nfit; i++)
    {
      fits[i].selected = 0;
      fits[i].weight = NAN;
      if (fits[i].status == CC_FIT_OK && isfinite (fits[i].aicc)
          && fits[i].aicc < min)
        {
          min = fits[i].aicc;
          best = (long) i;
        }
    }
  if (best < 0)
    return -1;
  for (i = 0; i < nfit; i++)
    if (fits[i].status == CC_FIT_OK && isfinite (fits[i].aicc))
      sum += exp (-(fits[i].aicc - min) / 2);
  for (i = 0; i < nfit; i++)
    if (fits[i].status == CC_FIT_OK && isfinite (fits[i].aicc))
      fits[i].weight = exp (-(fits[i].aicc - min) / 2) / sum;
  fits[best].selected = 1;
  return best;
}

/* ---- lists of models ---------------------------------------------------- */

int
cc_model_list_parse (const char *spec, cc_model_list *l, cc_err *err)
{
  char buf[512], *tok, *save = NULL;
  size_t i;
  memset (l, 0, sizeof *l);
  if (strcmp (spec, "auto") == 0)
    {
      l->autosel = 1;
      for (i = 0; i < cc_model_count (); i++)
        if (models[i].growth)
          l->model[l->nmodel++] = &models[i];
      return CC_OK;
    }
  snprintf (buf, sizeof buf, "%s", spec);
  for (tok = strtok_r (buf, ",", &save); tok; tok = strtok_r (NULL, ",", &save))
    {
      const cc_model *m = cc_model_find (tok);
      if (m == NULL)
        return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                           "unknown model '%s' (see cloudcast(1))", tok);
      if (l->nmodel == CC_FIT_MAXMODEL)
        return cc_err_set (err, CC_EUSAGE, NULL, 0, 0, "too many models");
      l->model[l->nmodel++] = m;
    }
  if (l->nmodel == 0)
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0, "no model given");
  return CC_OK;
}

int
cc_fit_all (const cc_model_list *l, const char *key, const double *x,
            const double *y, size_t n, const cc_fit_opts *o, cc_fit_ws *w,
            cc_fit *fits, size_t *nfit, long *selected, cc_err *err)
{
  size_t i;
  int rc;
  *nfit = 0;
  for (i = 0; i < l->nmodel; i++)
    {
      const cc_model *m = l->model[i];
      cc_fit *f = &fits[(*nfit)++];
      if (!l->autosel && n < m->p)
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "%s: %zu points, fewer than the %zu parameters "
                           "of %s", key, n, m->p, m->name);
      if (l->autosel && n < m->min_n)
        {
          memset (f, 0, sizeof *f);
          f->model = m;
          f->scale = o->scale;
          f->n = n;
          f->p = m->p;
          f->status = CC_FIT_SKIPPED;
          f->rss = f->aic = f->aicc = f->bic = f->weight = NAN;
          snprintf (f->note, sizeof f->note,
                    "auto offers it from %zu points", m->min_n);
          continue;
        }
      rc = cc_fit_model (m, x, y, n, o, w, f, err);
      if (rc != CC_OK)
        return rc;
    }
  *selected = cc_fit_select (fits, *nfit);
  return CC_OK;
}

