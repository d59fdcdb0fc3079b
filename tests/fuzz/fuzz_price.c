/* fuzz_price: the price-book reader (cc_price_book_read), then pricing a
 * few quantities of every sku it accepted. */
#include <config.h>

#include "fuzz.h"
#include "price/price.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ("book.csv");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  cc_price_book *b = NULL;
  cc_err err;
  int rc;
  fuzz_write (data, size);
  cc_err_clear (&err);
  rc = cc_price_book_read (fuzz_file, &b, &err);
  if (rc == CC_OK)
    {
      static const double q[] = { 0, 1, 1e3, 1e12, 1e300 };
      cc_price_terms t = { 0.1, 0.03, 2, 1, "1y" };
      size_t i, j, first, count;
      cc_tier_charge parts[64];
      double cost;
      for (i = 0; i < b->n && i < 32; i++)
        {
          const cc_price_row *r = &b->row[i];
          (void) cc_price_row_unconfirmed (r);
          (void) cc_price_unit_bytes (r->unit);
          if (cc_price_find (b, r->sku, r->region, &first, &count, &err)
              == CC_OK)
            for (j = 0; j < sizeof q / sizeof q[0]; j++)
              (void) cc_price_tiered (b, first, count, q[j], &cost,
                                      count <= 64 ? parts : NULL, &err);
          for (j = 0; j < sizeof q / sizeof q[0]; j++)
            {
              (void) cc_price_quantity (b, r->sku, NULL, q[j], NULL, &cost,
                                        &err);
              (void) cc_price_quantity (b, r->sku, r->region, q[j], &t, &cost,
                                        &err);
            }
        }
    }
  else if (rc != CC_EDATA || err.msg[0] == '\0')
    abort ();   /* bad data is CC_EDATA with a message, nothing else */
  cc_price_book_free (b);
  return 0;
}
