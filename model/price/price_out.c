/* price_out.c: the price listing (CSV) and a charge's breakdown (JSON,
 * text). */
#define _GNU_SOURCE 1   /* strcasestr */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "price/price_out.h"
#include "core/csvwrite.h"
#include "core/json.h"
#include "core/textutil.h"

int
cc_price_list_csv (FILE *fp, const cc_price_book *b, const char *provider,
                   const char *service, size_t *shown, size_t *unconfirmed)
{
  size_t i;

  *shown = *unconfirmed = 0;
  fputs ("provider,service,sku,region,term,unit,tier_start,unit_price,"
         "currency,effective_date,status\n", fp);
  for (i = 0; i < b->n; i++)
    {
      const cc_price_row *r = &b->row[i];
      int unconf = cc_price_row_unconfirmed (r);
      char start[32], price[32];
      if ((provider && strcasecmp (r->provider, provider) != 0)
          || (service && strcasestr (r->service, service) == NULL))
        continue;
      snprintf (start, sizeof start, "%.10g", r->tier_start);
      snprintf (price, sizeof price, "%.10g", r->unit_price);
      cc_csv_field (fp, r->provider);
      putc (',', fp);
      /* The service has always been written quoted. */
      cc_csv_field_quoted (fp, r->service);
      putc (',', fp);
      {
        const char *const rest[] = { r->sku, r->region, r->term, r->unit,
                                     start, price, r->currency,
                                     r->effective_date,
                                     unconf ? "UNCONFIRMED" : "confirmed" };
        cc_csv_record (fp, rest, 9);
      }
      ++*shown;
      *unconfirmed += unconf != 0;
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_price_charge_json (FILE *fp, const cc_price_charge *c)
{
  const cc_price_row *r = c->row;
  json_t *root = json_object (), *tiers = json_array ();
  size_t i;
  int rc;

  cc_json_set (root, "sku", cc_json_str (r->sku));
  cc_json_set (root, "region", cc_json_str (r->region));
  cc_json_set (root, "term", cc_json_str (r->term));
  cc_json_set (root, "unit", cc_json_str (r->unit));
  cc_json_set (root, "currency", cc_json_str (r->currency));
  cc_json_set (root, "effective_date", cc_json_str (r->effective_date));
  cc_json_set (root, "source", cc_json_str (r->source));
  cc_json_set (root, "note", cc_json_str (r->note));
  cc_json_set (root, "status", cc_json_str (r->status));
  cc_json_set (root, "catalog", cc_json_str (r->catalog));
  cc_json_set (root, "catalog_ids", cc_json_str (r->catalog_ids));
  cc_json_set (root, "catalog_date", cc_json_str (r->catalog_date));
  cc_json_set (root, "import_date", cc_json_str (r->import_date));
  cc_json_set (root, "quantity", cc_json_num (c->quantity, 10));
  cc_json_set (root, "cost", cc_json_fixed (c->cost, 6));
  cc_json_set (root, "unconfirmed",
               json_boolean (cc_price_row_unconfirmed (r)));
  for (i = 0; i < c->ntier; i++)
    {
      const cc_tier_charge *t = &c->tier[i];
      json_t *o = json_object ();
      cc_json_set (o, "from", cc_json_num (t->from, 10));
      cc_json_set (o, "to", cc_json_num (t->to, 10));   /* inf: null */
      cc_json_set (o, "quantity", cc_json_num (t->quantity, 10));
      cc_json_set (o, "unit_price", cc_json_num (t->unit_price, 10));
      cc_json_set (o, "cost", cc_json_fixed (t->cost, 6));
      cc_json_push (tiers, o);
    }
  cc_json_set (root, "tiers", tiers);
  rc = cc_json_dump (fp, root, 15);
  json_decref (root);
  return rc != 0 || ferror (fp) ? -1 : 0;
}

int
cc_price_charge_text (FILE *fp, const cc_price_charge *c)
{
  const cc_price_row *r = c->row;
  char a[CC_GROUP_MAX];
  size_t i;

  cc_group_digits (c->quantity, 2, a, sizeof a);
  fprintf (fp, "%s %s (%s, %s): %s %s a month\n", r->provider, r->sku,
           r->region, r->term, a, r->unit);
  for (i = 0; i < c->ntier; i++)
    {
      const cc_tier_charge *t = &c->tier[i];
      char from[CC_GROUP_MAX], to[CC_GROUP_MAX], qq[CC_GROUP_MAX];
      cc_group_digits (t->from, 0, from, sizeof from);
      if (isinf (t->to))
        snprintf (to, sizeof to, "and up");
      else
        cc_group_digits (t->to, 0, to, sizeof to);
      cc_group_digits (t->quantity, 2, qq, sizeof qq);
      cc_group_digits (t->cost, 2, a, sizeof a);
      fprintf (fp, "  tier %s to %s: %s x %.6g = %s %s\n", from, to, qq,
               t->unit_price, a, r->currency);
    }
  cc_group_digits (c->cost, 2, a, sizeof a);
  fprintf (fp, "  total: %s %s a month (list price, %s, effective %s)\n", a,
           r->currency, r->term, r->effective_date);
  if (r->catalog[0] != '\0')
    fprintf (fp, "  catalog: %s, %s, dated %s%s%s\n", r->catalog,
             r->catalog_ids, r->catalog_date,
             r->import_date[0] ? ", imported " : "", r->import_date);
  else
    fprintf (fp, "  source: %s\n", r->source);
  if (cc_price_row_unconfirmed (r))
    fprintf (fp, "  UNCONFIRMED: %s\n", r->note);
  return ferror (fp) ? -1 : 0;
}
