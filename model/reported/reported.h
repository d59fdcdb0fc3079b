/* reported.h: the reported-usage CSV, a few figures quoted by a source.
 *
 *   date,metric,value,unit,source
 *   2025-07,azure-blob-storage,400,TB,"The Guardian ..."
 *
 * date is YYYY-MM or YYYY-MM-DD; unit is a size unit (see units.h).  Every
 * value is kept in bytes; the unit of a metric's first row is its display
 * unit, and one metric may not mix decimal and binary units. */
#ifndef CC_REPORTED_H
#define CC_REPORTED_H

/* Cap: distinct metrics in one file. */
#define CC_REPORTED_MAX_METRICS 1000

#include <stddef.h>

#include "core/error.h"
#include "core/timeutil.h"
#include "core/units.h"

typedef struct
{
  cc_date date;
  double months;      /* month index with the day as a fraction */
  double bytes;
  long line;          /* line in the file, for messages */
  char *source;
} cc_reported_point;

typedef struct
{
  char *metric;
  const cc_size_unit *unit;   /* display unit (the first row's) */
  size_t n;
  cc_reported_point *point;   /* in date order */
} cc_reported_metric;

typedef struct
{
  char *path;
  size_t nmetric;
  cc_reported_metric *metric;  /* in order of first appearance */
} cc_reported;

/* Read and validate a reported-usage CSV.  Every metric must have at least
 * two points, in strictly increasing date order.  Errors: CC_ENOINPUT,
 * CC_EDATA with "FILE:LINE: what is wrong". */
int cc_reported_read (const char *path, cc_reported **out, cc_err *err);

void cc_reported_free (cc_reported *r);

/* The metric called NAME, or the first one when NAME is NULL; NULL if
 * there is no such metric. */
const cc_reported_metric *cc_reported_find (const cc_reported *r,
                                            const char *name);

/* A reader's title for a metric: its name in words ("azure-blob-storage"
 * -> "Azure blob storage"), then "as reported by" the first part of its
 * source (up to the first comma; SOURCE NULL: the name alone), never the
 * identifier itself. */
void cc_reported_title (const char *metric, const char *source, char *buf,
                        size_t size);

#endif
