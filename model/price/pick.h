/* pick.h: a sku chosen by what a driver needs.
 *
 * A driver may describe what it needs instead of naming a sku on each
 * provider: a virtual machine's vcpu and memory_gib (each at least the
 * number stated), a storage class's storage_tier and redundancy, an AI
 * service's feature (each the same word, in any case).  Each provider's
 * book then gives its cheapest sku whose attributes (price.h) meet every
 * need stated; a sku with an attribute left empty meets no need for it. */
#ifndef CC_PICK_H
#define CC_PICK_H

#include <stddef.h>

#include "price/price.h"

typedef struct
{
  double vcpu, memory_gib;      /* 0: not stated */
  char storage_tier[32], redundancy[32], feature[64];   /* "": not stated */
} cc_price_needs;

/* Does N state any need? */
int cc_price_needs_stated (const cc_price_needs *n);

/* Does row R's sku meet every need N states?  1 or 0. */
int cc_price_meets (const cc_price_row *r, const cc_price_needs *n);

/* The needs in words, "4 vCPU, 16 GiB memory" or "tier hot, redundancy
   lrs" or "feature video-analysis", into BUF. */
void cc_price_needs_format (const cc_price_needs *n, char *buf, size_t len);

/* The cheapest sku of PROVIDER (any case) in B priced with TERM in REGION
   (NULL: any region) that meets N, by the first tier of its newest table
   (per byte for capacity units, else per unit; ties: the first in the
   book); *ROW is that tier's row.  0, or -1 when no sku meets N. */
int cc_price_pick (const cc_price_book *b, const char *provider,
                   const cc_price_needs *n, const char *region,
                   const char *term, size_t *row);

#endif
