/* fit.h: growth models, robust nonlinear least squares on GSL, and model
 * selection by AICc.
 *
 * Every model is y = f(x; b).  On the log scale (the default for usage,
 * whose noise is multiplicative) the residuals are ln f(x_i; b) - ln y_i; on
 * the level scale f(x_i; b) - y_i.  Least-squares models are fitted with
 * gsl_multifit_nlinear from several starting points with the trust-region
 * methods lm, lmaccel and dogleg; the lowest RSS is kept, and the fit counts
 * as converged only when at least two runs reach that RSS.  The damped
 * trend (ETS(A,Ad,N)) is fitted by gsl_multimin's Nelder-Mead simplex, and
 * the piecewise-linear trend chooses its changepoints by BIC. */
#ifndef CC_FIT_H
#define CC_FIT_H

#include <stddef.h>

#include "core/error.h"

#define CC_FIT_MAXP 8
/* A parameter whose standard error exceeds this multiple of its estimate
 * is not identified by the data: the fit is reported as unidentified and
 * is never projected with a statistical band. */
#define CC_FIT_MAX_RELSE 1e3

typedef enum
{
  CC_SCALE_LOG,
  CC_SCALE_LEVEL
} cc_scale;

typedef enum
{
  CC_KIND_NLS,        /* least squares through gsl_multifit_nlinear */
  CC_KIND_ETS,        /* damped-trend exponential smoothing */
  CC_KIND_PIECEWISE   /* linear trend with changepoints chosen by BIC */
} cc_model_kind;

/* Fixed extras of a fit that are not least-squares parameters. */
typedef struct
{
  size_t ncp;          /* piecewise: number of changepoints (0-2) */
  double tau[2];       /* piecewise: changepoint positions */
} cc_fit_aux;

/* Start vectors a model proposes for data x, y (at most CC_FIT_MAXSTART). */
#define CC_FIT_MAXSTART 6
typedef size_t (*cc_model_start_fn) (const double *x, const double *y,
                                     size_t n, double st[][CC_FIT_MAXP]);

typedef struct
{
  const char *name;
  const char *formula;            /* for help and documents */
  cc_model_kind kind;
  size_t p;                       /* parameters (piecewise: the maximum) */
  const char *pname[CC_FIT_MAXP];
  size_t min_n;                   /* fewest points for `--model auto` */
  int growth;                     /* offered by `--model auto` */
  double (*f) (double x, const double *b, const cc_fit_aux *aux);
  /* df/db at x into g[0..p-1]. */
  void (*grad) (double x, const double *b, const cc_fit_aux *aux, double *g);
  cc_model_start_fn start;        /* NULL: user start only */
  /* Non-zero when b is admissible for data whose largest value is ymax
   * (e.g. a cap K > max y).  NULL: always. */
  int (*valid) (const double *b, double ymax);
  const char *constraint;         /* what valid() asks, for messages */
  int cap;                        /* b[0] is a saturation level */
  /* ln f in closed form (NaN outside the domain), one transcendental
   * call cheaper than log (f) where given: Monte Carlo evaluates it
   * millions of times.  NULL: log (f). */
  double (*lf) (double x, const double *b, double lnb0,
                const cc_fit_aux *aux);
  /* d ln f / d b in closed form (NULL: grad / f). */
  void (*lgrad) (double x, const double *b, const cc_fit_aux *aux,
                 double *g);
  /* CC_KIND_ETS only: which exponential-smoothing form. */
  int ets_form;
} cc_model;

/* Exponential-smoothing forms sharing the ETS recursion (b[0..4] = alpha,
 * beta, phi, l0, b0):
 *   damped  ETS(A,Ad,N), all five estimated;
 *   ses     simple exponential smoothing ETS(A,N,N): beta = 0, phi = 1,
 *           b0 = 0; alpha and l0 estimated;
 *   theta   the Theta method as SES with drift (Hyndman & Billah 2003):
 *           beta = 0, phi = 1, b0 = half the least-squares slope of the
 *           series; alpha and l0 estimated, the slope counted as a third
 *           parameter. */
#define CC_ETS_DAMPED 0
#define CC_ETS_SES 1
#define CC_ETS_THETA 2

size_t cc_model_count (void);
const cc_model *cc_model_get (size_t i);
const cc_model *cc_model_find (const char *name);

typedef enum
{
  CC_FIT_OK = 0,
  CC_FIT_UNCONVERGED,   /* runs disagree, or none finished */
  CC_FIT_INVALID,       /* the optimum breaks the model's constraint */
  CC_FIT_SKIPPED,       /* too few points for this model */
  CC_FIT_UNIDENTIFIED   /* singular covariance, or a relative standard
                         * error above CC_FIT_MAX_RELSE */
} cc_fit_status;

typedef struct
{
  const cc_model *model;
  cc_scale scale;
  cc_fit_status status;
  char note[160];        /* why unconverged, invalid or skipped */
  size_t n;              /* points */
  size_t p;              /* estimated parameters */
  size_t k;              /* counted in the criteria: p + changepoints + 1 */
  size_t nshow;          /* entries of b to show (p + changepoints) */
  double b[CC_FIT_MAXP]; /* estimates (piecewise: then the changepoints) */
  double se[CC_FIT_MAXP];/* standard errors, NaN when not defined */
  double cov[CC_FIT_MAXP * CC_FIT_MAXP];   /* s^2 (J'J)^-1, p x p */
  int have_cov;
  double rss;            /* on the fitting scale */
  double s2;             /* rss / (n - p): residual variance */
  double ymax;           /* largest y of the data (constraints) */
  double aic, aicc, bic; /* NaN when undefined */
  double jacobian;       /* 2 sum ln y on the log scale, else 0: added to
                          * a criterion it compares with level-scale fits */
  double weight;         /* Akaike weight by AICc; NaN if not ranked */
  int selected;
  size_t runs, agree;    /* solver runs, and runs reaching the best RSS */
  cc_fit_aux aux;
  /* ETS(A,Ad,N): smoothing parameters are b[0..2] = alpha, beta, phi,
   * b[3..4] = initial level and trend; the final state is kept here. */
  double ets_level, ets_trend, ets_xlast;
  /* Re-anchoring for forecasts (auto): beyond xlast the curve on the
   * fitting scale is shifted by anchor, so that it starts from the latest
   * observation instead of the fitted value there.  0: not anchored. */
  double anchor, xlast;
} cc_fit;

typedef struct
{
  cc_scale scale;
  const double *start;   /* user start vector (replaces the model's) */
  size_t nstart;         /* its length, which must equal the model's p */
  size_t maxiter;        /* per run; 0 = default (2000) */
  int constrain;         /* apply the model's constraint (series data) */
} cc_fit_opts;

/* Workspace for fitting series of up to nmax points. */
typedef struct cc_fit_ws cc_fit_ws;
cc_fit_ws *cc_fit_ws_alloc (size_t nmax);
void cc_fit_ws_free (cc_fit_ws *w);

/* Fit model M to (x, y).  Returns CC_OK with out->status telling whether the
 * fit converged; an error status only for bad arguments (CC_EUSAGE: wrong
 * start length) or an internal failure. */
int cc_fit_model (const cc_model *m, const double *x, const double *y,
                  size_t n, const cc_fit_opts *o, cc_fit_ws *w, cc_fit *out,
                  cc_err *err);

/* The fitted curve at x on the level scale (for the log scale, the median
 * of the forecast distribution).  For ETS, x beyond the data is forecast
 * from the final state; x inside the data returns the final level. */
double cc_fit_curve (const cc_fit *fit, double x);

/* The fitted curve on the fitting scale with parameters b (ln for log). */
double cc_fit_eval (const cc_fit *fit, const double *b, double x);

/* The same at x[0..h-1] into out (NaN where undefined). */
void cc_fit_eval_vec (const cc_fit *fit, const double *b, const double *x,
                      size_t h, double *out);

/* Re-anchor a converged least-squares FIT of (x, y) on the latest
 * observation: beyond x[n-1] its curve is shifted on the fitting scale
 * so that it passes through y[n-1] (a multiplicative shift on the log
 * scale).  Returns 1 when anchored; smoothing models track the level
 * already and are left alone (0). */
int cc_fit_anchor (cc_fit *fit, const double *x, const double *y, size_t n);

/* Are fits A and B one fit: the same predictions (to 1e-9, relative) at
 * every x[0..n-1] of the data, e.g. linear and a piecewise trend without
 * changepoints?  Smoothing models, which have no curve through the data,
 * are compared on their forecasts at xf[0..h-1], and never with a curve. */
int cc_fit_same (const cc_fit *a, const cc_fit *b, const double *x, size_t n,
                 const double *xf, size_t h);

/* Akaike weights by AICc over the converged fits with a defined AICc; mark
 * the lowest AICc as selected.  Returns its index, or -1 if none. */
long cc_fit_select (cc_fit *fits, size_t nfit);

/* Gaussian log-likelihood at the least-squares solution (R's logLik.nls). */
double cc_fit_loglik (double rss, size_t n);

const char *cc_fit_status_name (cc_fit_status s);

/* Residual degrees of freedom n - p. */
double cc_fit_dof (const cc_fit *fit);


/* ---- fitting a series with a list of models ---------------------------- */

#define CC_FIT_MAXMODEL 32

typedef struct
{
  const cc_model *model[CC_FIT_MAXMODEL];
  size_t nmodel;
  int autosel;          /* "auto": every growth model the data allow */
} cc_model_list;

/* Parse "auto" or "NAME,NAME,...".  CC_EUSAGE for an unknown name. */
int cc_model_list_parse (const char *spec, cc_model_list *l, cc_err *err);

/* Fit every model of L to (x, y) into fits[0..*nfit-1] (room for
 * CC_FIT_MAXMODEL).  With "auto", models needing more points than n are
 * listed as skipped; a model named explicitly with more parameters than
 * points is an error (CC_EDATA naming KEY).  Then ranks by AICc. */
int cc_fit_all (const cc_model_list *l, const char *key, const double *x,
                const double *y, size_t n, const cc_fit_opts *o,
                cc_fit_ws *w, cc_fit *fits, size_t *nfit, long *selected,
                cc_err *err);

#endif
