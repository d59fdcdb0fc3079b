/* series.h: monthly usage series for the fitter, and plain x,y data.
 *
 * A series is one group of the series CSV written by `cloudcast ingest`
 * (period,provider,family,charge,service,meter,[account,region,tag:KEY,]
 * unit,quantity,cost,currency,rows; the charge and the extra dimensions
 * may be absent, as in files written before them), keyed
 * "provider/family/service/meter", with "/charge=NAME" for a charge other
 * than usage and "/NAME=VALUE" for each extra dimension.  Its time axis x
 * counts months from the month before the first observation, so the first
 * point has x = 1 (power laws need x > 0).  The --xy reader fills the same type from plain
 * x,y rows so that the fitter can be checked on reference problems. */
#ifndef CC_SERIES_H
#define CC_SERIES_H

/* Caps: series in one file, points in one series, and the bytes
 * of a series key (provider/family/service/meter). */
#define CC_SERIES_MAX 10000
#define CC_SERIES_MAX_POINTS 10000
#define CC_SERIES_MAX_KEY 255

#include <stddef.h>

#include "core/error.h"
#include "reported/reported.h"

typedef struct
{
  char key[256];    /* provider/family/service/meter, or the file for --xy */
  char unit[64];    /* unit of y (quantity unit or currency) */
  long first;       /* month index of x = 1 (-1 for --xy data) */
  double *x;        /* months since the month before the first point */
  double *y;
  long *month;      /* month index of each point (NULL for --xy data) */
  long *line;       /* input line of each point, for messages */
  size_t n, cap;
  const char *path; /* borrowed: the file the series came from */
} cc_series;

typedef struct
{
  cc_series *s;
  size_t n, cap;
} cc_series_set;

typedef enum
{
  CC_MEASURE_QUANTITY,
  CC_MEASURE_COST
} cc_measure;

cc_series_set *cc_series_set_alloc (void);
void cc_series_set_free (cc_series_set *set);

/* Read a series CSV.  KEY (may be NULL) keeps only the series whose key
 * equals it.  Periods must increase within a series; a repeated or
 * decreasing period, an unparseable or non-finite number, or a missing
 * column gives CC_EDATA with FILE:LINE, the key and the period. */
int cc_series_read (const char *path, const char *key, cc_measure measure,
                    cc_series_set *set, cc_err *err);

/* The reported-usage CSV (date,metric,value,unit,source; see
 * reported/reported.h) is read too: each metric becomes a series keyed
 * by its name, in the unit of its first row, x counting months from the
 * month before its first figure.  Does PATH start with that header? */
int cc_series_is_reported (const char *path);
/* Read it into SET (KEY: only that metric). */
int cc_series_read_reported (const char *path, const char *key,
                             cc_series_set *set, cc_err *err);
/* One metric RM as series SER (initialised here). */
int cc_series_from_reported (const cc_reported_metric *rm, cc_series *ser,
                             cc_err *err);

/* Read plain x,y data (a header row x,y is optional) as one series. */
int cc_series_read_xy (const char *path, cc_series_set *set, cc_err *err);

/* Check a series before fitting: at least MIN_N points, and on the log
 * scale (LOG non-zero) every y > 0.  CC_EDATA names the key and the
 * period (or line) of the first offending point. */
int cc_series_check (const cc_series *s, size_t min_n, int log, cc_err *err);

/* Add one point (used by the readers and by tests building series). */
int cc_series_push (cc_series *s, double x, double y, long month, long line);

/* Initialise S as an empty series with KEY; cc_series_clear frees its arrays. */
void cc_series_init (cc_series *s, const char *key);
void cc_series_clear (cc_series *s);

/* "YYYY-MM" of point I, or "line N" for --xy data, into buf. */
const char *cc_series_where (const cc_series *s, size_t i, char *buf,
                             size_t size);

#endif
