/* diff.c: rows added, removed and repriced between two price books. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "price/diff.h"

/* Compare provider, sku, region and term. */
static int
sku_cmp (const cc_price_row *a, const cc_price_row *b)
{
  int c;
  if ((c = strcmp (a->provider, b->provider)) != 0
      || (c = strcmp (a->sku, b->sku)) != 0
      || (c = strcmp (a->region, b->region)) != 0)
    return c;
  return strcmp (a->term, b->term);
}

static int
key_cmp (const cc_price_row *a, const cc_price_row *b)
{
  int c;
  if ((c = sku_cmp (a, b)) != 0)
    return c;
  return (a->tier_start > b->tier_start) - (a->tier_start < b->tier_start);
}

/* The sku, its newest effective_date first, then the tier. */
static int
ptr_cmp (const void *a_, const void *b_)
{
  const cc_price_row *a = *(const cc_price_row *const *) a_;
  const cc_price_row *b = *(const cc_price_row *const *) b_;
  int c;
  if ((c = sku_cmp (a, b)) != 0
      || (c = strcmp (b->effective_date, a->effective_date)) != 0)
    return c;
  return key_cmp (a, b);
}

/* B's rows in key order, each sku's newest tier table only (a book may
   hold a sku's older prices too): *N of them. */
static const cc_price_row **
sorted (const cc_price_book *b, size_t *n)
{
  const cc_price_row **p = malloc ((b->n ? b->n : 1) * sizeof *p);
  size_t i, k = 0;
  if (p == NULL)
    return NULL;
  for (i = 0; i < b->n; i++)
    p[i] = &b->row[i];
  qsort (p, b->n, sizeof *p, ptr_cmp);
  for (i = 0; i < b->n; i++)
    if (k == 0 || sku_cmp (p[k - 1], p[i]) != 0
        || strcmp (p[k - 1]->effective_date, p[i]->effective_date) == 0)
      p[k++] = p[i];
  *n = k;
  return p;
}

static void
record (FILE *out, const char *change, const cc_price_row *o,
        const cc_price_row *n)
{
  const cc_price_row *r = n ? n : o;
  char start[32], op[32] = "", np[32] = "", pct[32] = "";
  snprintf (start, sizeof start, "%.15g", r->tier_start);
  if (o)
    snprintf (op, sizeof op, "%.12g", o->unit_price);
  if (n)
    snprintf (np, sizeof np, "%.12g", n->unit_price);
  if (o && n && o->unit_price > 0 && strcmp (o->unit, n->unit) == 0
      && strcmp (o->currency, n->currency) == 0)
    snprintf (pct, sizeof pct, "%.2f",
              100.0 * (n->unit_price - o->unit_price) / o->unit_price);
  {
    const char *const f[] = { change, r->provider, r->service, r->sku,
                              r->region, r->term, start, r->unit,
                              r->currency, op, np, pct };
    cc_csv_record (out, f, sizeof f / sizeof f[0]);
  }
}

int
cc_price_diff (FILE *out, const cc_price_book *old_b,
               const cc_price_book *new_b, cc_price_diff_stats *st)
{
  size_t na = 0, nb = 0, i = 0, j = 0;
  const cc_price_row **a = sorted (old_b, &na), **b = sorted (new_b, &nb);

  memset (st, 0, sizeof *st);
  if (a == NULL || b == NULL)
    {
      free (a);
      free (b);
      return -1;
    }
  fputs ("change,provider,service,sku,region,term,tier_start,unit,currency,"
         "old_price,new_price,change_pct\n", out);
  while (i < na || j < nb)
    {
      int c = i == na ? 1 : j == nb ? -1 : key_cmp (a[i], b[j]);
      if (c < 0)
        {
          record (out, "removed", a[i++], NULL);
          st->removed++;
        }
      else if (c > 0)
        {
          record (out, "added", NULL, b[j++]);
          st->added++;
        }
      else
        {
          if (a[i]->unit_price != b[j]->unit_price
              || strcmp (a[i]->unit, b[j]->unit) != 0
              || strcmp (a[i]->currency, b[j]->currency) != 0)
            {
              record (out, "repriced", a[i], b[j]);
              st->repriced++;
            }
          else
            st->same++;
          i++;
          j++;
        }
    }
  free (a);
  free (b);
  return ferror (out) ? -1 : 0;
}
