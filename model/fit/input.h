/* input.h: reading and checking the input of `fit` and `project`: a
 * series CSV (or plain x,y data), every series checked for the fitting
 * scale before anything is fitted. */
#ifndef CC_FIT_INPUT_H
#define CC_FIT_INPUT_H

#include "core/error.h"
#include "fit/fit.h"
#include "fit/series.h"

typedef struct
{
  const char *path;
  const char *key;       /* only this series; NULL: every series */
  int xy;                /* plain x,y data (reference problems) */
  cc_measure measure;    /* the column to model */
  int scale_set;         /* scale given; otherwise log, level for xy */
  cc_scale scale;
} cc_fit_input;

/* Read IN->path into a new *SET (freed by the caller even on failure)
 * and check every series: at least 2 points, and every value positive on
 * the log scale.  Sets IN->scale when it was not given.  CC_EDATA names
 * the file, line, series key and period of the first bad value. */
int cc_fit_input_load (cc_fit_input *in, cc_series_set **set, cc_err *err);

/* "log" or "level"; "quantity" or "cost".  CC_EUSAGE for anything else. */
int cc_scale_parse (const char *s, cc_scale *scale);
int cc_measure_parse (const char *s, cc_measure *m);

#endif
