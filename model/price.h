/* price.h: price books and graduated-tier arithmetic.
 *
 * A price book is a CSV with the header
 *   provider,service,sku,region,unit,tier_start,unit_price,currency,
 *   effective_date,source
 * and optionally term, min_quantity and note.  A sku's rows are its tiers,
 * listed together and sorted by tier_start (in the row's unit), the first
 * starting at 0.  Graduated tiers: each unit is charged at the price of the
 * tier it falls in. */
#ifndef CC_PRICE_H
#define CC_PRICE_H

#include <stddef.h>

#include "error.h"

typedef struct
{
  char *provider, *service, *sku, *region, *unit, *currency;
  char *effective_date, *source, *term, *note;
  double tier_start, unit_price, min_quantity;
  long line;
} cc_price_row;

typedef struct
{
  char *path;
  size_t n;
  cc_price_row *row;   /* in file order; a sku's tiers are contiguous */
} cc_price_book;

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

void cc_price_book_free (cc_price_book *b);

/* The tiers of SKU (in REGION when not NULL): index of the first row and
 * count.  CC_EDATA naming the sku when absent, or when REGION is NULL and
 * the sku is priced in several regions. */
int cc_price_find (const cc_price_book *b, const char *sku, const char *region,
                   size_t *first, size_t *count, cc_err *err);

/* Monthly cost of QUANTITY (in the tiers' unit) through COUNT tiers
 * starting at B->row[FIRST].  When PARTS is not NULL it receives one entry
 * per tier (COUNT entries; unused tiers have quantity 0). */
int cc_price_tiered (const cc_price_book *b, size_t first, size_t count,
                     double quantity, double *cost, cc_tier_charge *parts,
                     cc_err *err);

/* Bytes in one unit of a capacity price unit such as "GiB-month" or
 * "GB-month"; 0 when UNIT is not a capacity unit. */
double cc_price_unit_bytes (const char *unit);

#endif
