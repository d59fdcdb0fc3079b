/* backtest.c: hold-out MAPE and band coverage, rolling origin. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fit/backtest.h"
#include "fit/interval.h"

#define MAXH 120

/* Fit on the first ORIGIN points, forecast up to H after them.  Adds the
 * absolute percentage errors to *ape_sum / *ape_n; coverage when COV. */
static int
one_origin (const cc_model *m, const cc_fit_opts *o, const double *x,
            const double *y, size_t origin, size_t h, cc_fit_ws *w,
            double *ape_sum, size_t *ape_n, cc_backtest *cov, cc_err *err)
{
  cc_fit f;
  cc_band *band;
  cc_pi_opts po;
  size_t i;
  int rc = cc_fit_model (m, x, y, origin, o, w, &f, err);
  if (rc != CC_OK)
    return rc;
  if (f.status != CC_FIT_OK)
    {
      if (cov)
        snprintf (cov->note, sizeof cov->note, "hold-out fit %s: %.100s",
                  cc_fit_status_name (f.status), f.note);
      return CC_OK;
    }
  for (i = 0; i < h; i++)
    {
      double fc = cc_fit_curve (&f, x[origin + i]);
      if (isfinite (fc) && y[origin + i] != 0)
        {
          *ape_sum += fabs (fc - y[origin + i]) / fabs (y[origin + i]);
          (*ape_n)++;
        }
    }
  if (cov == NULL)
    return CC_OK;
  cov->done = 1;
  memset (&po, 0, sizeof po);
  po.method = CC_PI_DELTA;
  po.level[0] = 80;
  po.level[1] = 95;
  po.nlevel = 2;
  band = cc_band_alloc (h, 2);
  if (band == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (cc_pi_compute (&f, o, x, y, origin, x + origin, h, &po, NULL, band,
                     err) == CC_OK)
    {
      for (i = 0; i < h; i++)
        {
          double a = y[origin + i];
          cov->in80 += a >= band->lo[2 * i] && a <= band->hi[2 * i];
          cov->in95 += a >= band->lo[2 * i + 1] && a <= band->hi[2 * i + 1];
        }
      cov->nband = h;
    }
  else
    snprintf (cov->note, sizeof cov->note, "no band: %.100s", err->msg);
  cc_band_free (band);
  return CC_OK;
}

int
cc_backtest_run (const cc_model *m, const cc_fit_opts *o, const double *x,
                 const double *y, size_t n, size_t holdout, cc_fit_ws *w,
                 cc_backtest *bt, cc_err *err)
{
  double sum = 0, rsum;
  size_t cnt = 0, rcnt, j;
  int rc;

  memset (bt, 0, sizeof *bt);
  bt->holdout = holdout;
  bt->mape = bt->rolling_mape = NAN;
  if (holdout == 0 || holdout > MAXH || holdout + 2 > n)
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                       "--holdout %zu leaves too few of the %zu points to "
                       "fit", holdout, n);
  rc = one_origin (m, o, x, y, n - holdout, holdout, w, &sum, &cnt, bt, err);
  if (rc != CC_OK || !bt->done)
    return rc;
  bt->mape = cnt ? 100 * sum / cnt : NAN;
  if (n < CC_BACKTEST_ROLLING_N)
    return CC_OK;
  rsum = sum;
  rcnt = cnt;
  bt->origins = 1;
  for (j = 1; j < CC_BACKTEST_ORIGINS; j++)
    {
      size_t origin = n - holdout - j;
      /* Keep at least 12 months (or twice the parameters) to fit on. */
      if (origin < 12 || origin < 2 * m->p)
        break;
      size_t before = rcnt;
      rc = one_origin (m, o, x, y, origin, holdout, w, &rsum, &rcnt, NULL,
                       err);
      if (rc != CC_OK)
        return rc;
      if (rcnt > before)
        bt->origins++;
    }
  bt->rolling_mape = rcnt ? 100 * rsum / rcnt : NAN;
  return CC_OK;
}
