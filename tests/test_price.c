/* test_price.c: graduated tiers at their boundaries, hand-computed, and
 * price books that must be refused. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "price.h"
#include "tap.h"

static char path[4096];

static const char *
data (const char *name)
{
  const char *top = getenv ("top_srcdir");
  snprintf (path, sizeof path, "%s/tests/data/prices/%s", top ? top : ".", name);
  return path;
}

static void
refused (const char *name, const char *want)
{
  cc_price_book *b = NULL;
  cc_err err;
  cc_err_clear (&err);
  is_int (cc_price_book_read (data (name), &b, &err), CC_EDATA,
          "%s is refused", name);
  has_str (err.msg, want, "%s: message says where and what", name);
  ok (b == NULL, "%s: no book returned", name);
}

int
main (void)
{
  cc_price_book *b = NULL;
  cc_tier_charge parts[3];
  cc_err err;
  size_t first, count;
  double cost, q;

  gsl_set_error_handler_off ();
  is_int (cc_price_book_read (data ("ok.csv"), &b, &err), CC_OK,
          "shipped Azure Hot LRS book reads");
  if (b == NULL)
    return done_testing ();
  is_int (b->n, 3, "three tiers");
  is_int (cc_price_find (b, "blob-hot-lrs", NULL, &first, &count, &err), CC_OK,
          "sku found");
  is_int (count, 3, "sku has three tiers");
  is_str (b->row[first].term, "payg", "no term column means pay-as-you-go");
  is_rel (cc_price_unit_bytes (b->row[first].unit), 1073741824.0, 0,
          "GiB-month is 2^30 bytes");

  /* Exactly 50 TB (51,200 GiB): all in the first tier. */
  cc_price_tiered (b, first, count, 51200, &cost, parts, &err);
  is_rel (cost, 51200 * 0.0208, 1e-14, "50 TB costs 1,064.96 USD");
  is_near (parts[1].quantity, 0, 0, "nothing in tier 2 at exactly 50 TB");
  /* Exactly 500 TB (512,000 GiB): first two tiers full. */
  cc_price_tiered (b, first, count, 512000, &cost, parts, &err);
  is_rel (cost, 1064.96 + 460800 * 0.019968, 1e-14,
          "500 TB costs 10,266.2144 USD");
  is_near (parts[2].quantity, 0, 0, "nothing in tier 3 at exactly 500 TB");
  /* One byte over 500 TB lands in the third tier. */
  q = 512000 + 1.0 / 1073741824.0;
  cc_price_tiered (b, first, count, q, &cost, parts, &err);
  ok (parts[2].quantity > 0, "one byte over 500 TB is charged in tier 3");
  is_rel (parts[2].cost, 0.019136 / 1073741824.0, 1e-6,
          "that byte costs the tier-3 price");
  /* 1,400 TB (decimal) = 1.4e15 / 2^30 GiB. */
  q = 1.4e15 / 1073741824.0;
  cc_price_tiered (b, first, count, q, &cost, parts, &err);
  is_rel (cost, 1064.96 + 460800 * 0.019968 + (q - 512000) * 0.019136, 1e-13,
          "1,400 TB a month through three tiers");
  is_rel (parts[0].cost + parts[1].cost + parts[2].cost, cost, 1e-15,
          "breakdown adds up to the total");
  cc_price_tiered (b, first, count, 0, &cost, NULL, &err);
  is_near (cost, 0, 0, "nothing stored costs nothing");
  is_int (cc_price_tiered (b, first, count, -1, &cost, NULL, &err), CC_EDATA,
          "negative quantity refused");
  is_int (cc_price_find (b, "blob-hot-lsr", NULL, &first, &count, &err),
          CC_EDATA, "unknown sku refused");
  has_str (err.msg, "no sku 'blob-hot-lsr'", "unknown sku named");
  cc_price_book_free (b);

  refused ("bad-unsorted.csv", "bad-unsorted.csv:4:6: tier_start 50 of sku 'k' is not above");
  refused ("bad-overlap.csv", "bad-overlap.csv:4:6: tier_start 100 of sku 'k' is not above");
  refused ("bad-negative.csv", "bad-negative.csv:2:7: unit_price '-0.02' is not a number >= 0");
  refused ("bad-currency.csv", "bad-currency.csv:2:8: empty currency");
  refused ("bad-first.csv", "bad-first.csv:2:6: the first tier of sku 'k' starts at 10");
  refused ("bad-split.csv", "bad-split.csv:4: sku 'k' (region 'r') already appeared on line 2");
  refused ("bad-header.csv", "bad-header.csv:1: price book header lacks column 'unit_price'");
  refused ("bad-price.csv", "bad-price.csv:2:7: unit_price 'abc'");
  return done_testing ();
}
