/* price_out.h: what 'cloudcast prices' and 'cloudcast price' print: the
 * loaded price rows as CSV, and one quantity's charge through a sku's
 * tiers as JSON or text. */
#ifndef CC_PRICE_OUT_H
#define CC_PRICE_OUT_H

#include <stdio.h>

#include "price/price.h"

/* The rows of B whose provider is PROVIDER (ASCII case ignored) and whose
 * service contains SERVICE (likewise); NULL matches any.  CSV with the
 * header provider,service,sku,region,term,unit,tier_start,unit_price,
 * currency,effective_date,status.  *SHOWN and *UNCONFIRMED count the rows
 * written and the UNCONFIRMED ones among them.  0, or -1 on a write
 * error. */
int cc_price_list_csv (FILE *fp, const cc_price_book *b, const char *provider,
                       const char *service, size_t *shown,
                       size_t *unconfirmed);

/* One quantity's monthly charge through a sku's tiers
 * (cc_price_tiered). */
typedef struct
{
  const cc_price_row *row;        /* the first tier's row */
  double quantity;                /* in the row's unit */
  double cost;
  size_t ntier;
  const cc_tier_charge *tier;     /* ntier entries */
} cc_price_charge;

/* The charge as one JSON object: the sku's fields, quantity, cost,
 * unconfirmed and the tiers (the last tier's "to" is null).  0 or -1. */
int cc_price_charge_json (FILE *fp, const cc_price_charge *c);

/* The charge for a reader: a line per tier, the total, the source. */
int cc_price_charge_text (FILE *fp, const cc_price_charge *c);

#endif
