/* format.h: a billing format, as the registry (registry.c) holds it.
 *
 * Adding a format: a file in this folder that defines one ingest_format
 * (see focus.c), its line in registry.c, and a sample export under
 * tests/data/billing/ (named in its SOURCES.md) with its exact totals in
 * tests/test_ingest.c.  Column names are written folded: letters and
 * digits only, lower case, so "lineItem/UsageStartDate" is
 * "lineitemusagestartdate". */
#ifndef CC_INGEST_FORMAT_H
#define CC_INGEST_FORMAT_H

#include "ingest/ingest_priv.h"

#define INGEST_SIGNATURES 4        /* header signatures per format */
#define INGEST_SIGNATURE_NAMES 6   /* names per signature */

/* How a format reads cost on one basis (--cost). */
typedef struct
{
  const char *cost;          /* the cost column's names; NULL: no cost */
  const char *cost_shown;    /* its name in "the header has no ... column" */
  /* When the header has no COST column: a unit price column, and cost is
     price x quantity; PRICE_SHOWN names the pair when neither is there. */
  const char *price;
  const char *price_shown;
  colspec more;              /* more columns this basis reads */
  const char *more_shown;    /* set: the MORE columns are needed, and a
                                message calls them this when missing */
  ingest_row_hook row;       /* turns the cost column into the row's cost
                                on this basis; NULL: used as it is */
} ingest_basis;

struct ingest_format
{
  cc_ingest_format_info info;   /* name and description (ingest.h) */
  /* Detection: the header matches when it has every name of one
     signature (each name may list alternatives, "a|b").  Formats are tried
     in ascending DETECT_ORDER, so a generic signature (reported usage's
     date, metric, value, unit) is tried after the specific ones. */
  int detect_order;
  const char *detect[INGEST_SIGNATURES][INGEST_SIGNATURE_NAMES];
  colspec cols;                 /* the roles every basis reads */
  const char *provider;         /* every row's provider; NULL: R_PROVIDER */
  const char *date_shown;       /* how messages name the date column */
  const char *service_shown;    /* the service column; NULL: not needed */
  ingest_basis basis[3];        /* by cc_ingest_cost */
  /* The charge category of a row (CC_CHARGE_*); NULL: from R_CHARGE,
     R_CHARGECLASS and R_CHARGESUB by their usual words (row.c). */
  int (*charge) (worker *w);
  /* Columns of --by's extra dimensions, read only when asked for:
     R_ACCOUNT (R_ACCOUNT2 when empty), R_REGION, R_TAGS. */
  colspec dims;
  /* Header names of a tag's own column, '|'-separated, with %s for the
     key, as written (not folded): "resourceTags/user:%s|..."; NULL when
     tags are only in R_TAGS. */
  const char *tag_columns;
  int tag_user_prefix;          /* R_TAGS keys may carry user_ or user: */
  int thousands;                /* numbers may have thousands separators */
  /* Whether the row is a summary of the rows above it (a "Total" line),
     left out and counted apart; NULL: none is. */
  int (*summary_row) (worker *w);
  /* The version or layout of the export, for the report. */
  const char *(*version) (const ingest_header *h);
};

/* The formats (registry.c): the same order as cc_ingest_format_get. */
const ingest_format *ingest_format_at (size_t i);

#endif
