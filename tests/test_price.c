/* test_price.c: graduated tiers at their boundaries, hand-computed, and
 * price books that must be refused. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "price/pick.h"
#include "price/price.h"
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

/* A sku's price history: one tier table per effective date. */
static void
dated (void)
{
  cc_price_book *b = NULL;
  cc_price_table t[CC_PRICE_MAX_DATES];
  size_t n, first, count;
  double cost;
  cc_err err;

  cc_err_clear (&err);
  is_int (cc_price_book_read (data ("dated.csv"), &b, &err), CC_OK,
          "a book with two dated tables per sku reads: %s", err.msg);
  if (b == NULL)
    return;
  is_int (cc_price_tables (b, "hot", NULL, "payg", t, CC_PRICE_MAX_DATES, &n,
                           &err), CC_OK, "hot's tables");
  is_int (n, 2, "hot has two tables");
  is_int (t[0].count, 2, "the 2025 table has two tiers");
  is_int (t[1].count, 3, "the 2026-04-15 table has three tiers");
  is_int (t[1].month, cc_month_index (2026, 4), "in force from 2026-04");
  is_int (cc_price_table_pick (t, n, cc_month_index (2026, 3)), 0,
          "2026-03: the 2025 table");
  is_int (cc_price_table_pick (t, n, cc_month_index (2026, 4)), 1,
          "2026-04 (the effective month): the new table");
  is_int (cc_price_table_pick (t, n, cc_month_index (2024, 12)), -1,
          "2024-12: before every table");
  cc_price_find_at (b, "hot", NULL, "payg", cc_month_index (2026, 3), &first,
                    &count, &err);
  cc_price_tiered (b, first, count, 1500, &cost, NULL, &err);
  is_rel (cost, 1000 * 0.02 + 500 * 0.01, 1e-15, "1,500 GiB in 2026-03 = 25");
  cc_price_find_at (b, "hot", NULL, "payg", cc_month_index (2026, 4), &first,
                    &count, &err);
  cc_price_tiered (b, first, count, 1500, &cost, NULL, &err);
  is_rel (cost, 500 * 0.025 + 1000 * 0.015, 1e-15,
          "1,500 GiB in 2026-04 = 27.50 through the new tiers");
  cc_price_find_term (b, "hot", NULL, "payg", &first, &count, &err);
  is_str (b->row[first].effective_date, "2026-04-15",
          "without a date: the newest table");
  is_int (cc_price_find_at (b, "e3", NULL, "1y", cc_month_index (2026, 6),
                            &first, &count, &err), CC_OK, "e3 in 2026-06");
  is_rel (b->row[first].unit_price, 36, 0, "e3 2026-06: 36");
  cc_price_find_at (b, "e3", NULL, "1y", cc_month_index (2026, 7), &first,
                    &count, &err);
  is_rel (b->row[first].unit_price, 39, 0, "e3 2026-07: 39");
  is_int (cc_price_find_at (b, "e3", NULL, "1y", cc_month_index (2022, 2),
                            &first, &count, &err), CC_EDATA,
          "a month before every row is refused");
  has_str (err.msg, "no price in force in 2022-02: its earliest row is "
           "effective 2022-03-01", "the message names the month and the "
           "earliest date");
  has_str (err.msg, "dated.csv:2: ", "and the book and line");
  cc_price_book_free (b);

  is_int (cc_price_book_read (data ("bad-dated-unit.csv"), &b, &err), CC_OK,
          "a unit change over time reads");
  if (b == NULL)
    return;
  is_int (cc_price_find_term (b, "k", NULL, "payg", &first, &count, &err),
          CC_EDATA, "but pricing it is refused");
  has_str (err.msg, "keeps its unit and currency over time", "and says why");
  cc_price_book_free (b);
}

/* Skus picked by needs (tests/data/prices/needs.csv). */
static void
picked (void)
{
  cc_price_book *b = NULL;
  cc_price_needs n;
  cc_err err;
  size_t row = 0;
  char words[160];

  if (cc_price_book_read (data ("needs.csv"), &b, &err) != CC_OK)
    {
      ok (0, "needs.csv reads: %s", err.msg);
      cc_price_book_free (b);
      return;
    }
  memset (&n, 0, sizeof n);
  ok (!cc_price_needs_stated (&n), "no need stated");
  n.vcpu = 4;
  n.memory_gib = 16;
  cc_price_needs_format (&n, words, sizeof words);
  is_str (words, "4 vCPU, 16 GiB memory", "needs in words");
  is_int (cc_price_pick (b, "AZURE", &n, "eastus2", "payg", &row), 0,
          "a 4 vCPU, 16 GiB sku on Azure (provider in any case)");
  is_str (b->row[row].sku, "az-d4", "the cheapest that meets both: az-d4");
  n.memory_gib = 32;
  cc_price_pick (b, "azure", &n, "eastus2", "payg", &row);
  is_str (b->row[row].sku, "az-e4", "32 GiB: az-e4 at 0.25 beats az-d8's newest 0.30");
  n.vcpu = 8;
  cc_price_pick (b, "azure", &n, "eastus2", "payg", &row);
  is_str (b->row[row].sku, "az-d8", "8 vCPU: az-d8");
  is_str (b->row[row].effective_date, "2026-06-01", "at its newest table");
  cc_price_pick (b, "aws", &n, NULL, "payg", &row);
  is_str (b->row[row].sku, "aws-8-west", "any region: the cheapest anywhere");
  is_int (cc_price_pick (b, "azure", &n, "eastus2", "1y", &row), -1,
          "no 8 vCPU sku with a 1y term");
  n.vcpu = 64;
  is_int (cc_price_pick (b, "azure", &n, NULL, "payg", &row), -1,
          "nothing has 64 vCPU");
  memset (&n, 0, sizeof n);
  snprintf (n.storage_tier, sizeof n.storage_tier, "HOT");
  cc_price_pick (b, "azure", &n, NULL, "payg", &row);
  is_str (b->row[row].sku, "az-hot-lrs", "tier hot, any redundancy: the cheapest hot sku");
  snprintf (n.redundancy, sizeof n.redundancy, "grs");
  cc_price_pick (b, "azure", &n, NULL, "payg", &row);
  is_str (b->row[row].sku, "az-hot-grs", "hot GRS");
  ok (!cc_price_meets (&b->row[5], &n), "a sku of unknown attributes meets no need");
  cc_price_book_free (b);
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

  /* Reservations, discounts, price changes, mixes (hand-computed). */
  is_int (cc_price_book_read (data ("terms.csv"), &b, &err), CC_OK,
          "terms book reads");
  if (b != NULL)
    {
      cc_price_terms t = { 0, 0, 0, 0, NULL };
      const char *skus[3] = { "hot", "cool", "archive" };
      double shares[3] = { 0.5, 0.3, 0.2 }, bad[3] = { 0.5, 0.3, 0.1 };

      cc_price_quantity (b, "hot", NULL, 1500, NULL, &cost, &err);
      is_rel (cost, 1000 * 0.02 + 500 * 0.01, 1e-15, "list price 1,500 GiB = 25");
      t.reserved_blocks = 2;
      t.term = "1y";
      cc_price_quantity (b, "hot", NULL, 1500, &t, &cost, &err);
      is_rel (cost, 2 * 500 * 0.015 + 500 * 0.02, 1e-15,
              "two 500 GiB reserved blocks + 500 GiB pay-as-you-go = 25");
      cc_price_quantity (b, "hot", NULL, 600, &t, &cost, &err);
      is_rel (cost, 2 * 500 * 0.015, 1e-15,
              "reserved blocks are paid even when not used");
      t.reserved_blocks = 0;
      t.discount = 0.2;
      t.annual_change = -0.05;
      t.year = 2;
      cc_price_quantity (b, "hot", NULL, 1500, &t, &cost, &err);
      is_rel (cost, 25 * 0.8 * 0.95 * 0.95, 1e-15,
              "20%% discount, -5%%/yr in year 3: 25 x 0.8 x 0.95^2");
      t.discount = 1.0;
      is_int (cc_price_quantity (b, "hot", NULL, 1, &t, &cost, &err), CC_EDATA,
              "a 100%% discount is refused");
      t.discount = 0;
      t.year = 0;
      t.annual_change = 0;
      t.reserved_blocks = 1;
      t.term = "3y";
      is_int (cc_price_quantity (b, "hot", NULL, 1, &t, &cost, &err), CC_EDATA,
              "a reservation term the book lacks is refused");
      has_str (err.msg, "sku 'hot' has no '3y' price; its terms: payg, 1y", "message names sku, term and the terms it has");
      cc_price_mix (b, skus, shares, 3, NULL, 2000, NULL, &cost, &err);
      is_rel (cost, 1000 * 0.02 + 600 * 0.01 + 400 * 0.002, 1e-15,
              "mix 50/30/20 of 2,000 GiB, each share through its tiers");
      is_int (cc_price_mix (b, skus, bad, 3, NULL, 2000, NULL, &cost, &err),
              CC_EDATA, "mix shares not summing to 1 refused");
      has_str (err.msg, "sum to 0.9", "message gives the sum");
      ok (!cc_price_row_unconfirmed (&b->row[0]), "confirmed row");
      ok (cc_price_row_unconfirmed (&b->row[4]), "UNCONFIRMED row flagged");
      is_int (cc_price_quantity (b, "hott", NULL, 1, NULL, &cost, &err), CC_EDATA,
              "unknown sku");
      has_str (err.msg, "closest: hot", "unknown sku names the closest");
      is_int (cc_price_book_add (b, data ("dup.csv"), &err), CC_EDATA,
              "a second book may not price the same sku again");
      has_str (err.msg, "dup.csv:2: sku 'hot' (region 'r1', term 'payg', effective 2026-01-01) already appeared on",
               "duplicate names both files");
      cc_price_book_free (b);
    }

  dated ();
  picked ();
  refused ("bad-unsorted.csv", "bad-unsorted.csv:4:6: tier_start 50 of sku 'k' is not above");
  refused ("bad-overlap.csv", "bad-overlap.csv:4:6: tier_start 100 of sku 'k' is not above");
  refused ("bad-negative.csv", "bad-negative.csv:2:7: unit_price '-0.02' is not a number >= 0");
  refused ("bad-currency.csv", "bad-currency.csv:2:8: empty currency");
  refused ("bad-first.csv", "bad-first.csv:2:6: the first tier of sku 'k' starts at 10");
  refused ("bad-split.csv", "bad-split.csv:4: sku 'k' (region 'r', term 'payg', effective 2026-01-01) already appeared on ");
  refused ("bad-dated-tiers.csv", "bad-dated-tiers.csv:4:6: the first tier of sku 'k' starts at 100");
  refused ("bad-header.csv", "bad-header.csv:1: price book header lacks column 'unit_price'");
  refused ("bad-price.csv", "bad-price.csv:2:7: unit_price 'abc'");
  return done_testing ();
}
