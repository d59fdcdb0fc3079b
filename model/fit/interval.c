/* interval.c: delta-method, parametric Monte Carlo and bootstrap bands. */
#include <config.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit/interval.h"

struct cc_pi_ws
{
  size_t draws, hmax, nmax;
  double *val;        /* hmax x draws: draw d of horizon i at i*draws + d */
  double *resid;      /* nmax: centred, scaled residuals */
  double *ystar;      /* nmax: a bootstrap sample */
  double *row;        /* hmax: one draw's curve */
  gsl_matrix *L;      /* Cholesky factor of C */
  gsl_vector *mu, *theta;
  cc_fit_ws *fw;      /* refits of the bootstrap */
};

cc_band *
cc_band_alloc (size_t h, size_t nlevel)
{
  cc_band *b = calloc (1, sizeof *b);
  if (b == NULL)
    return NULL;
  b->h = h;
  b->nlevel = nlevel;
  b->p10 = calloc (h ? h : 1, sizeof (double));
  b->p50 = calloc (h ? h : 1, sizeof (double));
  b->p90 = calloc (h ? h : 1, sizeof (double));
  b->lo = calloc (h * nlevel + 1, sizeof (double));
  b->hi = calloc (h * nlevel + 1, sizeof (double));
  if (!b->p10 || !b->p50 || !b->p90 || !b->lo || !b->hi)
    {
      cc_band_free (b);
      return NULL;
    }
  return b;
}

void
cc_band_free (cc_band *b)
{
  if (b == NULL)
    return;
  free (b->p10);
  free (b->p50);
  free (b->p90);
  free (b->lo);
  free (b->hi);
  free (b);
}

cc_pi_ws *
cc_pi_ws_alloc (size_t draws, size_t hmax, size_t nmax)
{
  cc_pi_ws *w = calloc (1, sizeof *w);
  if (w == NULL)
    return NULL;
  w->draws = draws ? draws : 1;
  w->hmax = hmax ? hmax : 1;
  w->nmax = nmax ? nmax : 1;
  w->val = malloc (w->draws * w->hmax * sizeof (double));
  w->resid = malloc (w->nmax * sizeof (double));
  w->ystar = malloc (w->nmax * sizeof (double));
  w->row = malloc (w->hmax * sizeof (double));
  w->L = gsl_matrix_alloc (CC_FIT_MAXP, CC_FIT_MAXP);
  w->mu = gsl_vector_alloc (CC_FIT_MAXP);
  w->theta = gsl_vector_alloc (CC_FIT_MAXP);
  w->fw = cc_fit_ws_alloc (w->nmax);
  if (!w->val || !w->resid || !w->ystar || !w->row || !w->L || !w->mu || !w->theta
      || !w->fw)
    {
      cc_pi_ws_free (w);
      return NULL;
    }
  return w;
}

void
cc_pi_ws_free (cc_pi_ws *w)
{
  if (w == NULL)
    return;
  free (w->val);
  free (w->resid);
  free (w->ystar);
  free (w->row);
  gsl_matrix_free (w->L);
  gsl_vector_free (w->mu);
  gsl_vector_free (w->theta);
  cc_fit_ws_free (w->fw);
  free (w);
}

const char *
cc_pi_method_name (cc_pi_method m)
{
  switch (m)
    {
    case CC_PI_DELTA: return "delta";
    case CC_PI_MC: return "mc";
    case CC_PI_BOOTSTRAP: return "bootstrap";
    }
  return "?";
}

static double
back (const cc_fit *fit, double v)
{
  return fit->scale == CC_SCALE_LOG ? exp (v) : v;
}

/* phi + phi^2 + ... + phi^j */
static double
phisum (double phi, size_t j)
{
  double s = 0, pk = 1;
  size_t k;
  for (k = 0; k < j; k++)
    {
      pk *= phi;
      s += pk;
    }
  return s;
}

static int
delta_band (const cc_fit *fit, const double *xf, size_t h, const cc_pi_opts *o,
            cc_band *band, cc_err *err)
{
  const cc_model *m = fit->model;
  double dof = cc_fit_dof (fit), g[CC_FIT_MAXP];
  size_t i, j, k, l, p = fit->p;

  for (i = 0; i < h; i++)
    {
      double mu = cc_fit_eval (fit, fit->b, xf[i]), var;
      if (m->kind == CC_KIND_ETS)
        {
          size_t hh = (size_t) floor (xf[i] - fit->ets_xlast + 0.5), jj;
          double sum = 1;
          for (jj = 1; jj < hh; jj++)
            {
              double c = fit->b[0] + fit->b[1] * phisum (fit->b[2], jj);
              sum += c * c;
            }
          var = fit->s2 * sum;
        }
      else
        {
          double f = m->f (xf[i], fit->b, &fit->aux), q = 0;
          m->grad (xf[i], fit->b, &fit->aux, g);
          if (fit->scale == CC_SCALE_LOG)
            for (j = 0; j < p; j++)
              g[j] /= f;
          for (j = 0; j < p; j++)
            for (k = 0; k < p; k++)
              q += g[j] * fit->cov[j * p + k] * g[k];
          var = fit->s2 + q;
        }
      if (!isfinite (mu) || !(var >= 0))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "%s: forecast undefined at x = %g (the curve "
                           "leaves the model's domain)", m->name, xf[i]);
      double sd = sqrt (var);
      band->p50[i] = back (fit, mu);
      band->p10[i] = back (fit, mu + gsl_cdf_tdist_Pinv (0.10, dof) * sd);
      band->p90[i] = back (fit, mu + gsl_cdf_tdist_Pinv (0.90, dof) * sd);
      for (l = 0; l < o->nlevel; l++)
        {
          double a = (1 - o->level[l] / 100) / 2;
          band->lo[i * o->nlevel + l]
            = back (fit, mu + gsl_cdf_tdist_Pinv (a, dof) * sd);
          band->hi[i * o->nlevel + l]
            = back (fit, mu + gsl_cdf_tdist_Pinv (1 - a, dof) * sd);
        }
    }
  return CC_OK;
}

/* The k-th smallest of v[0..n-1] (quickselect with a median-of-three
 * pivot and a branch-free Lomuto partition: on random draws the branches
 * of Hoare's partition mispredict half the time). */
static double
select_k (double *v, size_t n, size_t k)
{
  size_t lo = 0, hi = n - 1;
  while (hi > lo)
    {
      size_t mid = lo + (hi - lo) / 2, s = lo, i, pi;
      double a = v[lo], b = v[mid], c = v[hi], piv, t;
      pi = a < b ? (b < c ? mid : (a < c ? hi : lo))
                 : (a < c ? lo : (b < c ? hi : mid));
      piv = v[pi];
      v[pi] = v[hi];
      v[hi] = piv;
      for (i = lo; i < hi; i++)
        {
          t = v[i];
          v[i] = v[s];
          v[s] = t;
          s += t < piv;
        }
      v[hi] = v[s];
      v[s] = piv;
      if (k == s)
        return piv;
      if (k < s)
        hi = s - 1;
      else
        lo = s + 1;
    }
  return v[k];
}

/* Quantiles f[0..nq-1] (ascending) of v[0..n-1] into out: the inverse of
 * the empirical distribution (R's type 1, the ceil(n f)-th smallest draw),
 * found by successive selection on the shrinking right part instead of a
 * full sort: of 10,000 draws only a few order statistics are needed. */
static void
quantiles (double *v, size_t n, const double *f, size_t nq, double *out)
{
  size_t q, start = 0;
  for (q = 0; q < nq; q++)
    {
      double c = ceil ((double) n * f[q]);
      size_t k = c < 1 ? 0 : (size_t) c - 1;
      if (k >= n)
        k = n - 1;
      if (q > 0 && f[q] == f[q - 1])
        {
          out[q] = out[q - 1];
          continue;
        }
      out[q] = select_k (v + start, n - start, k - start);
      start = k;
    }
}

/* Quantiles of the draws of each horizon (reordered in place). */
static void
draw_quantiles (const cc_fit *fit, double *val, size_t nd, size_t h,
                size_t stride, const cc_pi_opts *o, cc_band *band)
{
  double f[3 + 2 * CC_PI_MAXLEVEL], out[3 + 2 * CC_PI_MAXLEVEL];
  size_t slot[3 + 2 * CC_PI_MAXLEVEL], nq = 0, i, j, l;
  f[nq++] = 0.10;
  f[nq++] = 0.50;
  f[nq++] = 0.90;
  for (l = 0; l < o->nlevel; l++)
    {
      f[nq++] = (1 - o->level[l] / 100) / 2;
      f[nq++] = 1 - (1 - o->level[l] / 100) / 2;
    }
  for (j = 0; j < nq; j++)
    slot[j] = j;
  /* Insertion sort of the few fractions, remembering where each goes. */
  for (j = 1; j < nq; j++)
    for (l = j; l > 0 && f[slot[l - 1]] > f[slot[l]]; l--)
      {
        size_t t = slot[l];
        slot[l] = slot[l - 1];
        slot[l - 1] = t;
      }
  for (i = 0; i < h; i++)
    {
      double fs[3 + 2 * CC_PI_MAXLEVEL], qs[3 + 2 * CC_PI_MAXLEVEL];
      for (j = 0; j < nq; j++)
        fs[j] = f[slot[j]];
      quantiles (val + i * stride, nd, fs, nq, qs);
      for (j = 0; j < nq; j++)
        out[slot[j]] = back (fit, qs[j]);
      band->p10[i] = out[0];
      band->p50[i] = out[1];
      band->p90[i] = out[2];
      for (l = 0; l < o->nlevel; l++)
        {
          band->lo[i * o->nlevel + l] = out[3 + 2 * l];
          band->hi[i * o->nlevel + l] = out[4 + 2 * l];
        }
    }
}

/* Student-t noise as a scale mixture of normals: one chi-square per path
 * and a ziggurat normal per month.  Each month's marginal is exactly
 * s * t(dof), at a tenth of the cost of gsl_ran_tdist per value. */
static double
t_scale (gsl_rng *r, double s, double dof)
{
  return s / sqrt (gsl_ran_chisq (r, dof) / dof);
}

/* ETS sample paths from the final state; RESID (n values) resampled when
 * given, else noise s * t(dof). */
static void
ets_paths (const cc_fit *fit, const double *xf, size_t h, size_t nd,
           const double *resid, size_t n, gsl_rng *r, double *val,
           size_t stride)
{
  double s = sqrt (fit->s2), dof = cc_fit_dof (fit);
  size_t d, i;
  for (d = 0; d < nd; d++)
    {
      double l = fit->ets_level, b = fit->ets_trend, phi = fit->b[2];
      double sc = resid ? 0 : t_scale (r, s, dof);
      size_t step = 0;
      for (i = 0; i < h; i++)
        {
          size_t target = (size_t) floor (xf[i] - fit->ets_xlast + 0.5);
          double yv = l;
          while (step < target)
            {
              double e = resid ? resid[gsl_rng_uniform_int (r, n)]
                               : sc * gsl_ran_gaussian_ziggurat (r, 1.0);
              yv = l + phi * b + e;
              l = l + phi * b + fit->b[0] * e;
              b = phi * b + fit->b[1] * e;
              step++;
            }
          val[i * stride + d] = yv;
        }
    }
}

/* Shift the COUNT draws of each horizon (val[i * stride + d]) so that
 * their median is FIT's own forecast there.  Rejected draws (a rate or a
 * shape that breaks the constraint) come from one side of the parameter
 * distribution, and a curve bends its draws: either moves the median of
 * the draws away from the fitted curve (a Richards fit with 45 % of its
 * draws rejected had its median 39 % below it).  The band keeps its
 * width and asymmetry about the forecast. */
static void
recentre (const cc_fit *fit, const double *xf, size_t h, size_t count,
          double *row, double *val, size_t stride)
{
  size_t i, d;
  if (count == 0)
    return;
  cc_fit_eval_vec (fit, fit->b, xf, h, row);
  for (i = 0; i < h; i++)
    {
      double *v = val + i * stride, med, shift;
      if (!isfinite (row[i]))
        continue;
      med = select_k (v, count, (count - 1) / 2);
      shift = row[i] - med;
      for (d = 0; d < count; d++)
        v[d] += shift;
    }
}

/* COUNT parameter draws of the least-squares FIT, each plus its noise,
 * into val[i * stride + d] (horizon i, draw d); *REJECTED counts the
 * draws the constraint or the domain turned away. */
static int
mc_fill (const cc_fit *fit, const cc_fit_opts *fo, const double *xf,
         size_t h, size_t count, gsl_rng *rng, cc_pi_ws *w, double *val,
         size_t stride, size_t *rejected, cc_err *err)
{
  const cc_model *m = fit->model;
  size_t p = fit->p, d = 0, tries = 0, i;
  double s = sqrt (fit->s2), dof = cc_fit_dof (fit);
  gsl_matrix_view L = gsl_matrix_submatrix (w->L, 0, 0, p, p);
  gsl_vector_view mu = gsl_vector_subvector (w->mu, 0, p);
  gsl_vector_view th = gsl_vector_subvector (w->theta, 0, p);
  gsl_matrix_const_view C = gsl_matrix_const_view_array (fit->cov, p, p);

  *rejected = 0;
  if (gsl_matrix_memcpy (&L.matrix, &C.matrix) != GSL_SUCCESS
      || gsl_linalg_cholesky_decomp1 (&L.matrix) != GSL_SUCCESS)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%s: parameter covariance is not positive definite",
                       m->name);
  for (i = 0; i < p; i++)
    gsl_vector_set (&mu.vector, i, fit->b[i]);

  /* Rejection sampling; give up honestly if the constraint rejects
   * nearly everything (the band would describe a different model). */
  while (d < count)
    {
      int good = 1;
      if (++tries > 20 * count)
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "%s: %zu of %zu parameter draws broke %s",
                           m->name, tries - 1 - d, tries - 1,
                           m->constraint ? m->constraint : "the domain");
      if (gsl_ran_multivariate_gaussian (rng, &mu.vector, &L.matrix,
                                         &th.vector) != GSL_SUCCESS)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                           "multivariate gaussian draw failed");
      if (fo->constrain && m->valid && !m->valid (th.vector.data, fit->ymax))
        continue;
      cc_fit_eval_vec (fit, th.vector.data, xf, h, w->row);
      for (i = 0; i < h; i++)
        if (!isfinite (w->row[i]))
          {
            good = 0;
            break;
          }
      if (!good)
        continue;
      for (i = 0; i < h; i++)
        val[i * stride + d] = w->row[i];
      /* Noise after the parameter draw, so the stream does not depend on
       * which draws were rejected half-way. */
      double sc = t_scale (rng, s, dof);
      for (i = 0; i < h; i++)
        val[i * stride + d] += sc * gsl_ran_gaussian_ziggurat (rng, 1.0);
      d++;
    }
  *rejected = tries - count;
  recentre (fit, xf, h, count, w->row, val, stride);
  return CC_OK;
}

/* COUNT draws of FIT of any kind into val (see mc_fill). */
static int
model_fill (const cc_fit *fit, const cc_fit_opts *fo, const double *xf,
            size_t h, size_t count, gsl_rng *rng, cc_pi_ws *w, double *val,
            size_t stride, size_t *rejected, cc_err *err)
{
  if (fit->model->kind == CC_KIND_ETS)
    {
      ets_paths (fit, xf, h, count, NULL, 0, rng, val, stride);
      *rejected = 0;
      return CC_OK;
    }
  return mc_fill (fit, fo, xf, h, count, rng, w, val, stride, rejected,
                  err);
}

static int
mc_band (const cc_fit *fit, const cc_fit_opts *fo, const double *xf, size_t h,
         const cc_pi_opts *o, cc_pi_ws *w, cc_band *band, cc_err *err)
{
  size_t nd = o->draws, rej;
  int rc = model_fill (fit, fo, xf, h, nd, o->rng, w, w->val, nd, &rej,
                       err);
  if (rc != CC_OK)
    return rc;
  band->accepted = nd;
  band->rejected = rej;
  draw_quantiles (fit, w->val, nd, h, nd, o, band);
  return CC_OK;
}

static int
boot_band (const cc_fit *fit, const cc_fit_opts *fo, const double *x,
           const double *y, size_t n, const double *xf, size_t h,
           const cc_pi_opts *o, cc_pi_ws *w, cc_band *band, cc_err *err)
{
  const cc_model *m = fit->model;
  size_t nd = o->draws, i, d = 0, tries = 0;
  double mean = 0, scale = sqrt ((double) n / cc_fit_dof (fit));
  int lg = fit->scale == CC_SCALE_LOG;

  if (m->kind == CC_KIND_ETS)
    {
      /* One-step errors of the fitted recursion, resampled into paths. */
      double l = fit->b[3], b = fit->b[4], phi = fit->b[2];
      for (i = 0; i < n; i++)
        {
          double z = lg ? log (y[i]) : y[i], e = z - (l + phi * b);
          l = l + phi * b + fit->b[0] * e;
          b = phi * b + fit->b[1] * e;
          w->resid[i] = e;
          mean += e / n;
        }
      for (i = 0; i < n; i++)
        w->resid[i] = (w->resid[i] - mean) * scale;
      ets_paths (fit, xf, h, nd, w->resid, n, o->rng, w->val, nd);
      band->accepted = nd;
      band->rejected = 0;
      draw_quantiles (fit, w->val, nd, h, nd, o, band);
      return CC_OK;
    }
  for (i = 0; i < n; i++)
    {
      w->resid[i] = (lg ? log (y[i]) : y[i]) - cc_fit_eval (fit, fit->b, x[i]);
      mean += w->resid[i] / n;
    }
  for (i = 0; i < n; i++)
    w->resid[i] = (w->resid[i] - mean) * scale;
  while (d < nd)
    {
      cc_fit_opts bo = *fo;
      cc_fit bf;
      int rc, good = 1;
      if (++tries > 3 * nd)
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "%s: %zu of %zu bootstrap refits failed",
                           m->name, tries - 1 - d, tries - 1);
      for (i = 0; i < n; i++)
        {
          double z = cc_fit_eval (fit, fit->b, x[i])
                     + w->resid[gsl_rng_uniform_int (o->rng, n)];
          w->ystar[i] = lg ? exp (z) : z;
        }
      /* Warm start at bhat (piecewise re-chooses its changepoints). */
      bo.start = fit->b;
      bo.nstart = fit->p;
      rc = cc_fit_model (m, x, w->ystar, n, &bo, w->fw, &bf, err);
      if (rc != CC_OK)
        return rc;
      if (bf.status != CC_FIT_OK)
        continue;
      for (i = 0; i < h; i++)
        {
          double v = cc_fit_eval (&bf, bf.b, xf[i]);
          if (!isfinite (v))
            {
              good = 0;
              break;
            }
          w->val[i * nd + d] = v;
        }
      if (!good)
        continue;
      for (i = 0; i < h; i++)
        w->val[i * nd + d] += w->resid[gsl_rng_uniform_int (o->rng, n)];
      d++;
    }
  band->accepted = nd;
  band->rejected = tries - nd;
  draw_quantiles (fit, w->val, nd, h, nd, o, band);
  return CC_OK;
}

/* CC_OK when FIT can have a statistical band. */
static int
band_ok (const cc_fit *fit, cc_err *err)
{
  const cc_model *m = fit->model;
  if (fit->status != CC_FIT_OK)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%s: no band from a fit that is %s", m->name,
                       cc_fit_status_name (fit->status));
  if (cc_fit_dof (fit) < 2)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%s: %g residual degrees of freedom; no statistical "
                       "band exists below 2", m->name, cc_fit_dof (fit));
  if (m->kind != CC_KIND_ETS && !fit->have_cov)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%s: parameters not identified (singular J'J); no "
                       "band", m->name);
  return CC_OK;
}

int
cc_pi_compute (const cc_fit *fit, const cc_fit_opts *fo, const double *x,
               const double *y, size_t n, const double *xf, size_t h,
               const cc_pi_opts *o, cc_pi_ws *w, cc_band *band, cc_err *err)
{
  int rc = band_ok (fit, err);
  if (rc != CC_OK)
    return rc;
  if (h > band->h || o->nlevel != band->nlevel || o->nlevel > CC_PI_MAXLEVEL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "band size mismatch");
  band->accepted = band->rejected = 0;
  if (o->method == CC_PI_DELTA)
    return delta_band (fit, xf, h, o, band, err);
  if (w == NULL || o->rng == NULL || o->draws < 2 || o->draws > w->draws
      || h > w->hmax || n > w->nmax)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "interval workspace too small");
  if (o->method == CC_PI_MC)
    return mc_band (fit, fo, xf, h, o, w, band, err);
  return boot_band (fit, fo, x, y, n, xf, h, o, w, band, err);
}

int
cc_pi_mix (const cc_fit *const *fit, const double *wt, size_t nm,
           const cc_fit_opts *fo, const double *xf, size_t h,
           const cc_pi_opts *o, cc_pi_ws *w, cc_band *band, size_t *count,
           size_t *bad, cc_err *err)
{
  unsigned int cnt[CC_PI_MAXMIX];
  size_t nd = o->draws, k, off = 0, rej;
  int rc;
  *bad = 0;
  if (nm < 1 || nm > CC_PI_MAXMIX || h > band->h || o->nlevel != band->nlevel
      || w == NULL || o->rng == NULL || o->draws < 2 || o->draws > w->draws
      || h > w->hmax)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "mixture band: bad arguments");
  for (k = 0; k < nm; k++)
    if ((rc = band_ok (fit[k], err)) != CC_OK)
      {
        *bad = k;
        return rc;
      }
  /* The model of each draw by its weight: the number of draws of each
   * is multinomial. */
  gsl_ran_multinomial (o->rng, nm, (unsigned int) nd, wt, cnt);
  band->accepted = band->rejected = 0;
  for (k = 0; k < nm; k++)
    {
      count[k] = cnt[k];
      if (cnt[k] == 0)
        continue;
      rc = model_fill (fit[k], fo, xf, h, cnt[k], o->rng, w, w->val + off,
                       nd, &rej, err);
      if (rc != CC_OK)
        {
          *bad = k;
          return rc;
        }
      band->accepted += cnt[k];
      band->rejected += rej;
      off += cnt[k];
    }
  draw_quantiles (fit[0], w->val, nd, h, nd, o, band);
  return CC_OK;
}

/* V moved away from the median M by the factor C on the fitting scale. */
static double
stretch (double v, double m, double c, cc_scale scale)
{
  return scale == CC_SCALE_LOG ? exp (m + c * (log (v) - m))
                               : m + c * (v - m);
}

void
cc_band_widen (cc_band *b, cc_scale scale, const double *cf, size_t nc)
{
  size_t i, l, L = b->nlevel + 1;
  for (i = 0; i < b->h && nc > 0; i++)
    {
      const double *c = cf + L * (i < nc ? i : nc - 1);
      double m = scale == CC_SCALE_LOG ? log (b->p50[i]) : b->p50[i];
      b->p10[i] = stretch (b->p10[i], m, c[0], scale);
      b->p90[i] = stretch (b->p90[i], m, c[0], scale);
      for (l = 0; l < b->nlevel; l++)
        {
          b->lo[i * b->nlevel + l] = stretch (b->lo[i * b->nlevel + l], m,
                                              c[1 + l], scale);
          b->hi[i * b->nlevel + l] = stretch (b->hi[i * b->nlevel + l], m,
                                              c[1 + l], scale);
        }
    }
}

/* V moved by D on the fitting scale (log: multiplied by exp (D)). */
static double
shift (double v, double d, cc_scale scale)
{
  return scale == CC_SCALE_LOG ? v * exp (d) : v + d;
}

void
cc_band_shift (cc_band *b, cc_scale scale, const double *d)
{
  size_t i, l;
  for (i = 0; i < b->h; i++)
    {
      b->p10[i] = shift (b->p10[i], d[i], scale);
      b->p50[i] = shift (b->p50[i], d[i], scale);
      b->p90[i] = shift (b->p90[i], d[i], scale);
      for (l = 0; l < b->nlevel; l++)
        {
          b->lo[i * b->nlevel + l] = shift (b->lo[i * b->nlevel + l], d[i],
                                            scale);
          b->hi[i * b->nlevel + l] = shift (b->hi[i * b->nlevel + l], d[i],
                                            scale);
        }
    }
}
