/* import.h: price-book rows from the providers' own catalogs.
 *
 *   azure-retail  Azure Retail Prices API pages ({"Items":[...],
 *                 "NextPageLink":...}) or newline-delimited items
 *   aws-offer     AWS Price List offer files: the CSV form (five metadata
 *                 lines, then the header; streamed in bounded memory), the
 *                 JSON form (products, terms, priceDimensions) and
 *                 GetProducts responses (PriceList items as JSON strings)
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

#include <jansson.h>

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
  double vcpu, memory_gib;           /* 0: not known */
  char storage_tier[16], redundancy[16];   /* "": not known */
  int has_min, has_fee;
  int secondary;      /* a duplicate of another row is dropped for this */
  const char *provider;
} cc_import_row;

/* The book's header line: the columns price.h describes, the sku
   attributes last. */
void cc_import_header (FILE *out);
/* V as a plain decimal (no exponent), 12 significant digits. */
void cc_import_number (char *buf, size_t n, double v);
/* One row (the filter's import date). */
void cc_import_write (FILE *out, const cc_import_row *r,
                      const cc_import_filter *flt);
/* An Azure item's sku attributes, from the catalog's own fields: a Linux
   virtual machine's vCPUs from armSkuName
   ("Standard_D4as_v5": 4; "Standard_E32-8as_v5", constrained: 8), none
   for Spot, Low Priority, Windows or Cloud Services meters; a block blob
   (not hierarchical namespace) "Data Stored" meter's tier and redundancy
   from skuName ("Hot LRS"). */
void cc_import_azure_attributes (cc_import_row *r, const char *service,
                                 const char *product, const char *sku_name,
                                 const char *meter, const char *arm_sku);
/* Lower-case S into D as a slug: letters and digits, runs of anything
   else as one '-'. */
void cc_import_slug (char *d, size_t n, const char *s);
/* Does the row pass the filter (service, region, sku glob)? */
int cc_import_keep (const cc_import_row *r, const cc_import_filter *flt);

/* Rows gathered to be sorted into tiers before they are written. */
typedef struct
{
  cc_import_row *row;
  size_t n, cap;
} cc_import_rowset;

int cc_import_push (cc_import_rowset *rs, const cc_import_row *r,
                    cc_err *err);

/* Where a JSON item is, for messages naming the file, item and field. */
typedef struct
{
  const char *path;
  size_t item;        /* 0-based index of the item in the file */
  cc_err *err;
} cc_import_item;

/* CC_EDATA: "item N: WHAT field 'FIELD'". */
int cc_import_missing (const cc_import_item *ic, const char *field,
                       const char *what);
/* The string or (finite) number FIELD of object O; CC_EDATA when missing
   or of another type. */
int cc_import_get_str (const cc_import_item *ic, json_t *o,
                       const char *field, const char **out);
int cc_import_get_num (const cc_import_item *ic, json_t *o,
                       const char *field, double *out);
/* S into D (N bytes), cut to fit. */
void cc_import_copy (char *d, size_t n, const char *s);

/* --- AWS (import_aws.c, import_awsjson.c) --- */

/* An AWS unit ("Hrs", "GB-Mo") in cloudcast's units. */
const char *cc_import_aws_unit (const char *u);
/* The region of an AWS product: its region code, or the code of its
   location name ("US East (N. Virginia)"), or that name as a slug. */
void cc_import_aws_region (char *d, size_t n, const char *code,
                           const char *location);
/* The term of an AWS price: "payg" for OnDemand, "1y-standard-partial-
   upfront" for Reserved; the lease in whole years in *YEARS (0 on
   demand); -1 when a Reserved term has no readable LeaseContractLength. */
int cc_import_aws_term (const char *type, const char *lease,
                        const char *cls, const char *purchase, char *term,
                        size_t n, int *years);
/* A reserved term's dimension with its upfront fee FEE (when HAS_FEE)
   folded into the hourly price over the term, and its block (one
   instance, 730 hours a month) recorded. */
void cc_import_aws_fold (cc_import_row *r, double fee, int has_fee);

int cc_import_aws_csv (const char *path, const cc_import_filter *flt,
                       FILE *out, cc_import_stats *st, cc_err *err);
/* The JSON forms: an offer file ({"products", "terms"}), a GetProducts
   response ({"PriceList": ["<item as a JSON string>", ...]}) or one
   decoded price item ({"product", "terms"}).  Read whole, not streamed. */
int cc_import_aws_json (const char *path, const cc_import_filter *flt,
                        cc_import_rowset *rs, cc_import_stats *st,
                        cc_err *err);

#endif
