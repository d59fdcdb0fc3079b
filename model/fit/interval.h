/* interval.h: prediction intervals for a fitted growth model.
 *
 * Three methods, all on the fitting scale and transformed back (so log-scale
 * bands are asymmetric and stay positive):
 *   delta      yhat +- t(n-p) * sqrt(s^2 + g'Cg), g = d f / d b at x;
 *              ETS: the analytic variance s^2 (1 + sum_j (alpha + beta
 *              phi_j)^2) of Hyndman et al. (2008), class 1.
 *   mc         parametric Monte Carlo: b ~ N(bhat, C) by
 *              gsl_ran_multivariate_gaussian, draws that break the model's
 *              constraint rejected, plus noise s * t(n-p), the draws of
 *              each horizon shifted so that their median is the fitted
 *              forecast; ETS: simulated sample paths from the final
 *              state.  cc_pi_mix draws the model of each draw first.
 *   bootstrap  residual bootstrap: centred residuals scaled by
 *              sqrt(n/(n-p)) resampled, the model refitted from bhat, a
 *              resampled residual added to each forecast.
 * The random numbers come from a caller-seeded generator, so a band is
 * reproducible to the last digit for a given seed. */
#ifndef CC_INTERVAL_H
#define CC_INTERVAL_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "core/error.h"
#include "fit/fit.h"

typedef enum
{
  CC_PI_DELTA,
  CC_PI_MC,
  CC_PI_BOOTSTRAP
} cc_pi_method;

#define CC_PI_MAXLEVEL 8

typedef struct
{
  cc_pi_method method;
  size_t draws;                     /* MC draws or bootstrap replicates */
  double level[CC_PI_MAXLEVEL];     /* coverage in percent, e.g. 80, 95 */
  size_t nlevel;
  gsl_rng *rng;                     /* seeded by the caller (mc, bootstrap) */
} cc_pi_opts;

typedef struct
{
  size_t h;                  /* horizons */
  size_t nlevel;
  double *p10, *p50, *p90;   /* level scale */
  double *lo, *hi;           /* lo[i * nlevel + l]: bound of level l */
  size_t accepted, rejected; /* MC draws kept / rejected by constraints */
} cc_band;

cc_band *cc_band_alloc (size_t h, size_t nlevel);
void cc_band_free (cc_band *b);

typedef struct cc_pi_ws cc_pi_ws;
/* Room for DRAWS draws at up to HMAX horizons, data of up to NMAX points. */
/* Cap on draws x months of one workspace, checked by project. */
#define CC_PI_MAX_DRAW_MONTHS 12000000
cc_pi_ws *cc_pi_ws_alloc (size_t draws, size_t hmax, size_t nmax);
void cc_pi_ws_free (cc_pi_ws *w);

/* The band of FIT (fitted to x, y with options FO) at the H points xf.
 * CC_EDATA when the fit has fewer than 2 residual degrees of freedom or no
 * covariance (no statistical band exists then). */
int cc_pi_compute (const cc_fit *fit, const cc_fit_opts *fo, const double *x,
                   const double *y, size_t n, const double *xf, size_t h,
                   const cc_pi_opts *o, cc_pi_ws *w, cc_band *band,
                   cc_err *err);

/* Monte Carlo band of a mixture of models: the model of each draw is
 * drawn by its weight WT[k] (summing to 1, fitted to the same data on the
 * same scale), then its parameters and noise as for --interval mc (ETS:
 * a sample path).  COUNT[k] gets the draws of model k.  On failure *BAD
 * is the model that failed (the caller may drop it and try again). */
#define CC_PI_MAXMIX 16
int cc_pi_mix (const cc_fit *const *fit, const double *wt, size_t nm,
               const cc_fit_opts *fo, const double *xf, size_t h,
               const cc_pi_opts *o, cc_pi_ws *w, cc_band *band, size_t *count,
               size_t *bad, cc_err *err);

/* Widen band B about its median on the fitting scale (log: ratios to
 * the median raised to a power): at horizon i < NC, p10 and p90 by the
 * factor CF[i * (nlevel + 1)], the bounds of level l by CF[i * (nlevel
 * + 1) + 1 + l]; beyond NC - 1 by the factors of NC - 1. */
void cc_band_widen (cc_band *b, cc_scale scale, const double *cf,
                    size_t nc);

/* Move every quantile of band B at horizon i by D[i] on the fitting
 * scale (log: multiplied by exp (D[i])), e.g. to centre it on another
 * point forecast. */
void cc_band_shift (cc_band *b, cc_scale scale, const double *d);

const char *cc_pi_method_name (cc_pi_method m);

#endif
