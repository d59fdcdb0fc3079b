/* cmd_fitio.h: what `cloudcast fit` and `cloudcast project` share: reading
 * the input, writing CSV and JSON fields. */
#ifndef CC_CMD_FITIO_H
#define CC_CMD_FITIO_H

#include <stdio.h>

#include "core/error.h"
#include "fit/fit.h"
#include "fit/series.h"

typedef struct
{
  const char *path;
  const char *key;       /* --series */
  int xy;                /* --xy */
  cc_measure measure;    /* --measure */
  int scale_set;
  cc_scale scale;        /* --scale (default: log for series, level --xy) */
} cc_fitio_input;

/* Read the input and check every series for the scale: CC_EDATA names the
 * series key and period of the first bad value. */
int cc_fitio_load (cc_fitio_input *in, cc_series_set **set, cc_err *err);

/* Parse --scale and --measure values; CC_EUSAGE otherwise. */
int cc_fitio_scale (const char *s, cc_scale *scale);
int cc_fitio_measure (const char *s, cc_measure *m);

/* A CSV text field (quoted through libcsv when it needs quoting). */
void cc_fitio_str (FILE *fp, const char *s);
/* A number with 12 significant digits, or an empty field for NaN. */
void cc_fitio_num (FILE *fp, double v);
/* A JSON string / number (null for NaN). */
void cc_fitio_jstr (FILE *fp, const char *s);
void cc_fitio_jnum (FILE *fp, double v);

#endif
