/* price.h: price books and graduated-tier arithmetic.
 *
 * A price book is a CSV with the header
 *   provider,service,sku,region,unit,tier_start,unit_price,currency,
 *   effective_date,source
 * and optionally term, min_quantity and note, and the provenance columns
 *   catalog        the provider catalog the price was imported from
 *   catalog_ids    the provider's own ids (Azure meterId/skuId, AWS
 *                  SKU/RateCode, GCP skuId), ';'-separated
 *   catalog_date   the catalog's publication or effective date
 *   import_date    when it was imported
 *   status         official (from a catalog), assumed or unconfirmed (by
 *                  hand; the note gives the reason in one line).  Absent:
 *                  unconfirmed when the note starts with "UNCONFIRMED",
 *                  else assumed.
 *   upfront_fee    a reservation's one-time fee, already folded into its
 *                  unit_price (kept for the record).
 * and optionally the sku attributes a driver's needs are matched against
 * (price/pick.h): vcpu and memory_gib (a virtual machine's size),
 * storage_tier and redundancy (a storage class, such as hot and lrs) and
 * feature (what an AI service does, such as video-analysis).  Empty: not
 * known, so the sku matches no need for it.
 * A sku's rows with one region, term and effective_date are its tier
 * table, listed together and sorted by tier_start (in the row's unit), the
 * first starting at 0.  A sku may have several tables with different
 * effective_dates (its price history); each is in force from the month of
 * its effective_date until the next one's.  Graduated tiers: each unit is
 * charged at the price of the tier it falls in. */
#ifndef CC_PRICE_H
#define CC_PRICE_H

/* Cap: price rows over all the books read. */
#define CC_PRICE_MAX_ROWS 20000
/* The largest unit_price and tier_start or min_quantity a book may hold:
 * beyond them costs leave what a double carries exactly enough to add. */
#define CC_PRICE_MAX_UNIT_PRICE 1e12
#define CC_PRICE_MAX_QUANTITY 1e18

#include <limits.h>
#include <stddef.h>

#include "core/error.h"

typedef struct
{
  char *provider, *service, *sku, *region, *unit, *currency;
  char *effective_date, *source, *term, *note;
  char *catalog, *catalog_ids, *catalog_date, *import_date, *status;
  char *storage_tier, *redundancy, *feature;   /* "" when not known */
  double tier_start, unit_price, min_quantity, upfront_fee;
  double vcpu, memory_gib;                      /* 0 when not known */
  const char *file;    /* the book file it came from (owned by the book) */
  long line;
} cc_price_row;

typedef struct
{
  char *path;          /* the first file read */
  size_t n, cap;
  cc_price_row *row;   /* in file order; a sku's tiers are contiguous */
  size_t nfile;
  char **file;         /* every file read, for messages */
} cc_price_book;

/* How a quantity is charged beyond the list tiers. */
typedef struct
{
  double discount;         /* negotiated discount, 0 <= d < 1 */
  double annual_change;    /* list-price change per contract year, > -1 */
  int year;                /* contract year (0 = first) the month falls in */
  double reserved_blocks;  /* blocks of reserved capacity (0: none) */
  const char *term;        /* the reservation term ("1y", "3y", ...) */
} cc_price_terms;

/* One tier's share of a charge. */
typedef struct
{
  double from, to;     /* tier range in the price unit; to = +inf for the last */
  double quantity;     /* units charged in this tier */
  double unit_price;
  double cost;
  const cc_price_row *row;
} cc_tier_charge;

/* Read and validate a price book.  CC_EDATA with FILE:LINE for a missing
 * column, an unparseable or negative number, a missing currency, tiers out
 * of order, overlapping (equal starts) or not starting at 0, a sku whose
 * rows are not contiguous or change unit or currency. */
int cc_price_book_read (const char *path, cc_price_book **out, cc_err *err);

/* Read another price book into B.  A sku, region and term already priced
 * by an earlier file is refused (CC_EDATA naming both places). */
int cc_price_book_add (cc_price_book *b, const char *path, cc_err *err);

/* Read the books at PATHS (N of them) or, when N is 0, every "*.csv" file
 * of DIR that is not hidden, in name order, into one book whose path is
 * PATHS[0] or DIR.  CC_ENOINPUT when DIR cannot be read; otherwise as
 * cc_price_book_add.  *OUT is set even on error: free it. */
int cc_price_books_load (const char *const *paths, size_t n, const char *dir,
                         cc_price_book **out, cc_err *err);

void cc_price_book_free (cc_price_book *b);

/* Is the row's status unconfirmed? */
int cc_price_row_unconfirmed (const cc_price_row *r);

/* The tiers of SKU (in REGION when not NULL): index of the first row and
 * count.  CC_EDATA naming the sku when absent, or when REGION is NULL and
 * the sku is priced in several regions. */
int cc_price_find (const cc_price_book *b, const char *sku, const char *region,
                   size_t *first, size_t *count, cc_err *err);

/* As cc_price_find, for the rows of SKU with term TERM ("payg", "1y",
 * "3y", "savings-1y", "savings-3y"): the newest tier table (the latest
 * effective_date). */
int cc_price_find_term (const cc_price_book *b, const char *sku,
                        const char *region, const char *term, size_t *first,
                        size_t *count, cc_err *err);

/* One tier table of a sku: the rows with one effective_date. */
typedef struct
{
  size_t first, count;
  long month;          /* month index of its effective_date */
} cc_price_table;

/* Cap: effective dates of one sku, region and term. */
#define CC_PRICE_MAX_DATES 64
/* A month after every effective date: the newest table. */
#define CC_PRICE_NEWEST LONG_MAX

/* Every tier table of SKU (REGION may be NULL) with term TERM, oldest
 * first, into OUT (at most MAX; *N set).  CC_EDATA as cc_price_find_term,
 * when the tables differ in unit or currency, or when there are more
 * than MAX. */
int cc_price_tables (const cc_price_book *b, const char *sku,
                     const char *region, const char *term,
                     cc_price_table *out, size_t max, size_t *n, cc_err *err);

/* The table in force in month index MONTH: the last of T[0..N) (oldest
 * first) whose effective month is MONTH or earlier; -1 when MONTH comes
 * before every one.  A row is in force from the first day of the month
 * that holds its effective_date. */
long cc_price_table_pick (const cc_price_table *t, size_t n, long month);

/* The one term sku SKU (in REGION, NULL: any) is priced under, or NULL
 * when it has none or several. */
const char *cc_price_only_term (const cc_price_book *b, const char *sku,
                                const char *region);

/* As cc_price_find_term, for the table in force in month index MONTH
 * (CC_PRICE_NEWEST: the newest).  CC_EDATA naming the earliest
 * effective_date when MONTH comes before every one. */
int cc_price_find_at (const cc_price_book *b, const char *sku,
                      const char *region, const char *term, long month,
                      size_t *first, size_t *count, cc_err *err);

/* Price protection: which month's prices a contract month pays. */
typedef enum
{
  CC_LOCK_UNSET,       /* not stated: a driver takes its provider's; none */
  CC_LOCK_NONE,        /* the prices in force in each month */
  CC_LOCK_TERM,        /* the prices in force at the start, all term long */
  CC_LOCK_RENEWAL      /* re-priced at each renewal, every MONTHS months */
} cc_price_lock_kind;

typedef struct
{
  cc_price_lock_kind kind;
  int months;          /* CC_LOCK_RENEWAL: the renewal period, >= 1 */
} cc_price_lock;

/* Parse "none", "term" or "renewal:MONTHS" (MONTHS a whole number from 1
 * to 1200).  0, or -1 when S is none of them. */
int cc_price_lock_parse (const char *s, cc_price_lock *out);

/* The lock as written ("none", "term", "renewal:12"); unset is "none". */
void cc_price_lock_format (const cc_price_lock *l, char *buf, size_t n);

/* The month index whose prices contract month MO (1-based) of a contract
 * starting in month index START pays under L:
 *   none        START + MO - 1
 *   term        START
 *   renewal:R   START + R x floor((MO - 1) / R) */
long cc_price_lock_month (const cc_price_lock *l, long start, int mo);

/* Monthly cost of QUANTITY (in the tiers' unit) through COUNT tiers
 * starting at B->row[FIRST].  When PARTS is not NULL it receives one entry
 * per tier (COUNT entries; unused tiers have quantity 0). */
int cc_price_tiered (const cc_price_book *b, size_t first, size_t count,
                     double quantity, double *cost, cc_tier_charge *parts,
                     cc_err *err);

/* Monthly cost of QUANTITY of SKU (REGION may be NULL) under TERMS (may be
 * NULL: list price):
 *   reserved = blocks x block size at the reservation's unit price
 *   rest     = graduated pay-as-you-go tiers for what is not reserved
 *   cost     = (reserved + rest) x (1 - discount) x (1 + change)^year
 * A reservation needs a row of SKU with term TERMS->term and min_quantity
 * (the block size, in the sku's unit); its unit_price is the effective
 * price per unit and month.  Reserved blocks are paid even when unused. */
int cc_price_quantity (const cc_price_book *b, const char *sku,
                       const char *region, double quantity,
                       const cc_price_terms *terms, double *cost, cc_err *err);

/* A storage mix: QUANTITY split across N skus by SHARES (each >= 0, summing
 * to 1 within 1e-9), each share priced through its own tiers. */
int cc_price_mix (const cc_price_book *b, const char *const *skus,
                  const double *shares, size_t n, const char *region,
                  double quantity, const cc_price_terms *terms, double *cost,
                  cc_err *err);

/* Bytes in one unit of a capacity price unit such as "GiB-month" or
 * "GB-month"; 0 when UNIT is not a capacity unit. */
double cc_price_unit_bytes (const char *unit);

/* Q in UNIT as a quantity in the sku's unit SKU_UNIT: the same unit, or a
 * size ("TB") or size-month ("TB-month") against a capacity unit such as
 * "GiB-month".  0 with *OUT set, -1 when the units do not mix. */
int cc_price_convert (double q, const char *unit, const char *sku_unit,
                      double *out);

#endif
