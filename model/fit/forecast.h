/* forecast.h: the forecasting policy of `cloudcast project`.
 *
 * For each series: with 2 or 3 points every curve through them is a
 * scenario, so the named scenarios of cc_fit_scenario_fallback are given
 * instead of a band.  Otherwise the models are fitted.  With "auto" the
 * least-squares growth curves are re-anchored on the latest observation
 * and the candidates are ranked by rolling-origin out-of-sample error
 * (cc_forecast_cv_error; AICc breaks ties and ranks when the series is
 * too short to hold any out); the best that can be projected gets a
 * band (Monte Carlo: its draws mix the candidates that forecast about as
 * well by Akaike weight, identical fits counted once; any method: centred
 * on the combined forecast of the best few candidates, weighted by the
 * inverse of their mean squared rolling-origin error, and widened at each
 * horizon to the rolling-origin errors of that combination), a
 * candidate whose band fails hands over to the next with a note, and
 * only when none is left are the named scenarios given; each
 * model named explicitly gets a band unless it leaves fewer than 2
 * residual degrees of freedom (then the scenarios).  Each series draws
 * from its own random stream (cc_forecast_seed), so its band depends
 * neither on the other series in the file nor on the number of threads. */
#ifndef CC_FORECAST_H
#define CC_FORECAST_H

#include <stddef.h>

#include "core/error.h"
#include "fit/fit.h"
#include "fit/interval.h"
#include "fit/series.h"
#include "reported/project.h"

#define CC_FORECAST_MAX_MONTHS 600
#define CC_FORECAST_SEED 20260101UL
#define CC_FORECAST_MAX_WORKERS 8

typedef struct
{
  cc_model_list models;
  cc_fit_opts fo;
  cc_pi_opts po;          /* method, draws, levels (po.rng is not used) */
  size_t months;          /* horizon, 1 to CC_FORECAST_MAX_MONTHS */
  unsigned long seed;     /* of every series' stream (cc_forecast_seed) */
} cc_forecast_opts;

/* Rolling-origin selection of "auto": up to CC_FORECAST_CV_ORIGINS
 * origins a quarter of the horizon apart (1 month below 6), each
 * forecasting up to CC_FORECAST_CV_H months ahead. */
#define CC_FORECAST_CV_ORIGINS 4
#define CC_FORECAST_CV_H 12
/* Monte Carlo draws rejected above this share: a warning. */
#define CC_FORECAST_REJECT_WARN 0.20
/* With "auto" and --interval mc, the band draws its model by Akaike
 * weight among the candidates whose rolling-origin error is at most this
 * multiple of the chosen one's (fits with the same predictions counted
 * once). */
#define CC_FORECAST_MIX_CV 1.5
/* With "auto", the point forecast combines at most this many of the
 * candidates within CC_FORECAST_MIX_CV of the best (one of each set of
 * identical fits), weighted by the inverse of their mean squared
 * rolling-origin error. */
#define CC_FORECAST_POOL 3

/* Mean absolute rolling-origin forecast error of model M on (x, y), on
 * the fitting scale of FO (log scale: about the relative error), the
 * forecasts of least-squares models re-anchored on each origin's latest
 * point; H months ahead from up to CC_FORECAST_CV_ORIGINS origins a
 * quarter of H apart (1 month when H is under 6).  NaN
 * when no origin leaves enough points to fit. */
double cc_forecast_cv_error (const cc_model *m, const cc_fit_opts *fo,
                             const double *x, const double *y, size_t n,
                             size_t h, cc_fit_ws *w);

/* The same, keeping each error (actual - forecast on the fitting scale)
 * in e[0..*ne-1] and its horizon (months ahead) in e[CC_FORECAST_CV_MAXE
 * + k]: E has room for 2 * CC_FORECAST_CV_MAXE values. */
#define CC_FORECAST_CV_MAXE (CC_FORECAST_CV_ORIGINS * CC_FORECAST_CV_H)
double cc_forecast_cv_errors (const cc_model *m, const cc_fit_opts *fo,
                              const double *x, const double *y, size_t n,
                              size_t h, cc_fit_ws *w, double *e, size_t *ne);

/* The defaults: auto, Monte Carlo bands at 80 and 95 %, the default seed;
 * months and draws still to be set. */
void cc_forecast_opts_init (cc_forecast_opts *o);

/* Draws when none are given: 1000 bootstrap replicates, else 10000. */
size_t cc_forecast_default_draws (cc_pi_method m);

/* The seed of series KEY's stream: SEED plus the FNV-1a hash of KEY,
 * modulo 2^32. */
unsigned long cc_forecast_seed (unsigned long seed, const char *key);

typedef enum
{
  CC_FORECAST_BAND,       /* a model's prediction band */
  CC_FORECAST_SCENARIOS   /* no band: named scenarios */
} cc_forecast_kind;

typedef struct
{
  cc_forecast_kind kind;
  /* CC_FORECAST_BAND: */
  const cc_model *model;
  cc_scale scale;
  double dof;             /* residual degrees of freedom */
  cc_band *band;          /* h horizons x the levels */
  /* CC_FORECAST_SCENARIOS: */
  cc_scenarios sc;        /* sc.v: sc.nscen x h */
  char why[96];           /* why there is no band */
  char basis[384];        /* added to the basis column: how the model was
                           * chosen, re-anchoring, Monte Carlo warnings */
} cc_forecast_part;

#define CC_FORECAST_NOTE 512

typedef struct
{
  const cc_series *s;
  size_t h;
  double *xf;                   /* the h future x, months after the last */
  cc_forecast_part *part;       /* in output order */
  size_t npart;
  char (*note)[CC_FORECAST_NOTE];   /* what to tell the user, in order */
  size_t nnote, notecap;
  int rc;                       /* CC_OK, or why the series stopped (the
                                 * parts and notes before it stand) */
  cc_err err;
} cc_forecast;

/* What one thread needs: fit and interval workspaces and a generator. */
typedef struct cc_forecast_ws cc_forecast_ws;
cc_forecast_ws *cc_forecast_ws_alloc (const cc_forecast_opts *o,
                                      size_t maxn);
void cc_forecast_ws_free (cc_forecast_ws *w);

/* Project series S (at most maxn points of W) into F by the policy above;
 * returns F->rc.  CC_EUSAGE only when the options do not suit the data
 * (e.g. a start vector of the wrong length).  Free F with
 * cc_forecast_clear. */
int cc_forecast_series (const cc_forecast_opts *o, const cc_series *s,
                        cc_forecast_ws *w, cc_forecast *f);
void cc_forecast_clear (cc_forecast *f);

/* Every series of SET on up to NWORKERS threads: *OUT (SET->n results, in
 * input order, each with its own rc) does not depend on NWORKERS.  Returns
 * CC_OK, or CC_ESOFTWARE when the workspaces cannot be had. */
int cc_forecast_all (const cc_forecast_opts *o, const cc_series_set *set,
                     size_t nworkers, cc_forecast **out, cc_err *err);
void cc_forecast_free (cc_forecast *f, size_t n);

#endif
