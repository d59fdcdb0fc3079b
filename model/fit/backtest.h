/* backtest.h: hold-out and rolling-origin forecast checks.
 *
 * The model is refitted on the first n - N points and forecasts the last N;
 * MAPE = mean |forecast - actual| / |actual| (percent, level scale, the
 * forecast being the median p50), and each actual is checked against the
 * delta-method 80 % and 95 % bands.  With at least CC_BACKTEST_ROLLING_N
 * points the same is repeated from up to CC_BACKTEST_ORIGINS earlier
 * origins (rolling origin) and the MAPE over all of them is reported too. */
#ifndef CC_BACKTEST_H
#define CC_BACKTEST_H

#include <stddef.h>

#include "core/error.h"
#include "fit/fit.h"

#define CC_BACKTEST_ROLLING_N 18
#define CC_BACKTEST_ORIGINS 6
/* FinOps Foundation, Forecasting capability, "Run" maturity: forecasts
 * within 12 % of actual spend. */
#define CC_FINOPS_BENCHMARK_PCT 12.0

typedef struct
{
  int done;             /* 0: the hold-out fit did not converge */
  char note[160];
  size_t holdout;
  double mape;          /* percent, last origin */
  size_t in80, in95;    /* actuals inside the bands, last origin */
  size_t nband;         /* actuals checked against a band */
  size_t origins;       /* rolling origins used (0: not rolling) */
  double rolling_mape;  /* percent over all origins, NaN if not rolling */
} cc_backtest;

/* Backtest model M with options O on (x, y). */
int cc_backtest_run (const cc_model *m, const cc_fit_opts *o, const double *x,
                     const double *y, size_t n, size_t holdout,
                     cc_fit_ws *w, cc_backtest *bt, cc_err *err);

#endif
