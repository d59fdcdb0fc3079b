/* pick.c: a sku chosen by what a driver needs (pick.h). */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "price/pick.h"

int
cc_price_needs_stated (const cc_price_needs *n)
{
  return n->vcpu > 0 || n->memory_gib > 0 || n->storage_tier[0] != '\0'
         || n->redundancy[0] != '\0' || n->feature[0] != '\0';
}

/* A word need WANT against the sku's attribute HAVE ("" = not known). */
static int
word_meets (const char *have, const char *want)
{
  return want[0] == '\0' || (have[0] != '\0' && strcasecmp (have, want) == 0);
}

int
cc_price_meets (const cc_price_row *r, const cc_price_needs *n)
{
  return (n->vcpu <= 0 || r->vcpu >= n->vcpu)
         && (n->memory_gib <= 0 || r->memory_gib >= n->memory_gib)
         && word_meets (r->storage_tier, n->storage_tier)
         && word_meets (r->redundancy, n->redundancy)
         && word_meets (r->feature, n->feature);
}

void
cc_price_needs_format (const cc_price_needs *n, char *buf, size_t len)
{
  size_t k = 0;
  buf[0] = '\0';
#define PART(...) \
  k += (size_t) snprintf (buf + k, k < len ? len - k : 0, __VA_ARGS__)
  if (n->vcpu > 0)
    PART ("%s%g vCPU", k ? ", " : "", n->vcpu);
  if (n->memory_gib > 0)
    PART ("%s%g GiB memory", k ? ", " : "", n->memory_gib);
  if (n->storage_tier[0])
    PART ("%stier %s", k ? ", " : "", n->storage_tier);
  if (n->redundancy[0])
    PART ("%sredundancy %s", k ? ", " : "", n->redundancy);
  if (n->feature[0])
    PART ("%sfeature %s", k ? ", " : "", n->feature);
#undef PART
}

/* What the first tier of row R costs, per byte for a capacity unit. */
static double
key_price (const cc_price_row *r)
{
  double ub = cc_price_unit_bytes (r->unit);
  return ub > 0 ? r->unit_price / ub : r->unit_price;
}

int
cc_price_pick (const cc_price_book *b, const char *provider,
               const cc_price_needs *n, const char *region, const char *term,
               size_t *row)
{
  size_t i, first, count, best = (size_t) -1;
  cc_err scratch;
  for (i = 0; i < b->n; i++)
    {
      const cc_price_row *r = &b->row[i];
      if (r->tier_start != 0 || strcasecmp (r->provider, provider) != 0
          || strcmp (r->term, term) != 0
          || (region != NULL && strcmp (r->region, region) != 0)
          || !cc_price_meets (r, n))
        continue;
      /* Only the newest table of the sku counts. */
      if (cc_price_find_term (b, r->sku, r->region, term, &first, &count,
                              &scratch) != CC_OK || first != i)
        continue;
      if (best == (size_t) -1 || key_price (r) < key_price (&b->row[best]))
        best = i;
    }
  if (best == (size_t) -1)
    return -1;
  *row = best;
  return 0;
}
