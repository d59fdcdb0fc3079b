/* diff.h: what changed between two price books. */
#ifndef CC_PRICE_DIFF_H
#define CC_PRICE_DIFF_H

#include <stdio.h>

#include "price/price.h"

typedef struct
{
  size_t added, removed, repriced, same;
} cc_price_diff_stats;

/* Write to OUT, as CSV with the header
 *   change,provider,service,sku,region,term,tier_start,unit,currency,
 *   old_price,new_price,change_pct
 * one record per row added (in NEW only), removed (in OLD only) or
 * repriced (another unit price, unit or currency), keyed by provider, sku,
 * region, term and tier start, in key order; of a sku with several
 * effective dates, each book's newest tier table is compared.  0, or -1 on
 * a write error. */
int cc_price_diff (FILE *out, const cc_price_book *old_b,
                   const cc_price_book *new_b, cc_price_diff_stats *st);

#endif
