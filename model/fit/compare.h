/* compare.h: what `cloudcast fit` reports for one series: every model of
 * a list fitted and ranked by AICc, each backtested on a hold-out, and
 * whether the hold-out confirms the AICc choice. */
#ifndef CC_FIT_COMPARE_H
#define CC_FIT_COMPARE_H

#include <stddef.h>

#include "core/error.h"
#include "fit/backtest.h"
#include "fit/fit.h"
#include "fit/series.h"

typedef struct
{
  const cc_series *s;
  cc_fit fit[CC_FIT_MAXMODEL];
  cc_backtest bt[CC_FIT_MAXMODEL];  /* with a hold-out only */
  size_t nfit;
  long sel;              /* the AICc choice, or -1 */
  size_t holdout;        /* months held out; 0: no backtest */
} cc_compare;

/* Fit every model of L to S with options FO (workspace W, for series of
 * S's length) and, with HOLDOUT > 0, backtest each converged fit on the
 * last HOLDOUT points.  CC_EUSAGE when the options do not suit the data
 * (a start vector of the wrong length, a hold-out too long; the message
 * names the series), CC_EDATA as cc_fit_all. */
int cc_compare_run (const cc_model_list *l, const cc_fit_opts *fo,
                    const cc_series *s, size_t holdout, cc_fit_ws *w,
                    cc_compare *c, cc_err *err);

/* Did any model converge? */
int cc_compare_converged (const cc_compare *c);

/* The sentences to tell the user about C (nothing selected, and with a
 * hold-out and AUTOSEL whether it confirms the AICc choice), at most
 * CC_COMPARE_MAXNOTE, into NOTE; returns how many. */
#define CC_COMPARE_MAXNOTE 2
/* Bytes of one sentence: room for a key of CC_SERIES_MAX_KEY bytes, two
 * model names and the longest text. */
#define CC_COMPARE_NOTE 640
size_t cc_compare_notes (const cc_compare *c, int autosel,
                         char note[][CC_COMPARE_NOTE], size_t max);

/* Parameter columns a table of fits of the models of L needs. */
size_t cc_compare_maxshow (const cc_model_list *l);

/* Parameter name J of fit F (piecewise changepoints after the slopes are
 * "tau1", "tau2", written into BUF). */
const char *cc_fit_param_name (const cc_fit *f, size_t j, char *buf,
                               size_t size);

#endif
