/* import.h: price-book rows from the providers' own catalogs.
 *
 *   azure-retail  Azure Retail Prices API pages ({"Items":[...],
 *                 "NextPageLink":...}) or newline-delimited items
 *   aws-offer     AWS Price List offer files: the CSV form (five metadata
 *                 lines, then the header; streamed in bounded memory)
 *   gcp-catalog   Google Cloud Billing Catalog services.skus.list pages
 *
 * Every row written carries its provenance (catalog, the provider's ids,
 * catalog date, import date, status official).  Prices are converted to
 * cloudcast's units: Azure's unitOfMeasure blocks ("100 Hours", "1 GB/Month",
 * "10K") and tier minimums counted in blocks; reservations priced for the
 * whole term become an hourly or monthly equivalent with the term and block
 * (min_quantity) recorded; an AWS upfront fee is folded into the term's
 * hourly rate and kept in upfront_fee. */
#ifndef CC_PRICE_IMPORT_H
#define CC_PRICE_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"

typedef enum
{
  CC_CATALOG_AZURE, CC_CATALOG_AWS, CC_CATALOG_GCP
} cc_catalog_kind;

typedef struct
{
  const char *service;   /* service names containing this (any case); NULL: all */
  const char *region;    /* this region only; NULL: all */
  const char *match;     /* skus matching this glob; NULL: all */
  const char *import_date;  /* YYYY-MM-DD written in import_date */
} cc_import_filter;

typedef struct
{
  size_t items;          /* catalog items read */
  size_t rows;           /* price rows written */
  size_t filtered;       /* items left out by the filter */
  size_t skipped;        /* items not priced (duplicates, a sku whose
                            tiers do not start at 0, other term types) */
} cc_import_stats;

/* The kind called NAME ("azure-retail", "aws-offer", "gcp-catalog");
   -1 when none. */
int cc_catalog_kind_find (const char *name);

/* Import the N catalog FILES of KIND and write one price book (header
 * and rows) to OUT.  CC_EDATA naming the file, item index and field for a
 * missing or malformed required field; CC_ENOINPUT when a file cannot be
 * read; CC_EIO on a write error. */
int cc_price_import (cc_catalog_kind kind, const char *const *files, size_t n,
                     const cc_import_filter *flt, FILE *out,
                     cc_import_stats *st, cc_err *err);

/* --- shared by the importers (import.c) --- */

typedef struct
{
  char service[128], sku[200], region[64], unit[48], currency[8];
  char effective[11], term[40], catalog[48], ids[200], catalog_date[11];
  double tier_start, unit_price, min_quantity, upfront_fee;
  int has_min, has_fee;
  int secondary;      /* a duplicate of another row is dropped for this */
  const char *provider;
} cc_import_row;

/* The book's header line. */
void cc_import_header (FILE *out);
/* V as a plain decimal (no exponent), 12 significant digits. */
void cc_import_number (char *buf, size_t n, double v);
/* One row (the filter's import date). */
void cc_import_write (FILE *out, const cc_import_row *r,
                      const cc_import_filter *flt);
/* Lower-case S into D as a slug: letters and digits, runs of anything
   else as one '-'. */
void cc_import_slug (char *d, size_t n, const char *s);
/* Does the row pass the filter (service, region, sku glob)? */
int cc_import_keep (const cc_import_row *r, const cc_import_filter *flt);

int cc_import_aws_csv (const char *path, const cc_import_filter *flt,
                       FILE *out, cc_import_stats *st, cc_err *err);

#endif
