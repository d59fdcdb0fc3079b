/* import_awsjson.c: price-book rows from the JSON forms of the AWS Price
 * List: an offer file ({"products": {SKU: product}, "terms": {"OnDemand":
 * {SKU: {TERM: term}}, "Reserved": ...}}), a GetProducts response whose
 * PriceList entries are price items written as JSON strings, or one
 * decoded price item ({"product", "terms": {"OnDemand": {TERM: term}}}).
 * A term's priceDimensions are its tiers; a Reserved term's "Upfront Fee"
 * dimension (unit Quantity) is folded into its hourly price.  The currency
 * is the one key of pricePerUnit (USD, or CNY in the China regions). */
#include <config.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "price/import.h"

typedef struct
{
  const cc_import_filter *flt;
  cc_import_rowset *rs;
  cc_import_stats *st;
  cc_import_item ic;
  char offer[64], pubdate[11];
} awsj;

/* A string attribute of O, or "" when absent or not a string. */
static const char *
opt_str (json_t *o, const char *key)
{
  const char *s = json_string_value (json_object_get (o, key));
  return s ? s : "";
}

/* The price and currency of a dimension: the one key of pricePerUnit. */
static int
awsj_price (awsj *a, json_t *dim, cc_import_row *r)
{
  json_t *ppu = json_object_get (dim, "pricePerUnit"), *v;
  const char *cur;
  if (!json_is_object (ppu) || json_object_size (ppu) == 0)
    return cc_import_missing (&a->ic, "pricePerUnit", "missing required");
  json_object_foreach (ppu, cur, v)
    {
      if (!json_is_string (v)
          || cc_num_parse (json_string_value (v), &r->unit_price) != 0
          || r->unit_price < 0)
        return cc_import_missing (&a->ic, "pricePerUnit",
                                  "not a number >= 0 in");
      cc_import_copy (r->currency, sizeof r->currency, cur);
      break;
    }
  return CC_OK;
}

/* The row common to every dimension of TERM of PRODUCT. */
/* A shared-tenancy Linux instance's size from its attributes: "vcpu"
   ("4") and "memory" ("16 GiB"); none for other products. */
static void
awsj_attributes (json_t *attrs, cc_import_row *r)
{
  double v;
  char *end;
  if (strcmp (opt_str (attrs, "operation"), "RunInstances") != 0
      || strcmp (opt_str (attrs, "tenancy"), "Shared") != 0
      || strcmp (opt_str (attrs, "operatingSystem"), "Linux") != 0
      || strcmp (opt_str (attrs, "preInstalledSw"), "NA") != 0)
    return;
  if (cc_num_parse (opt_str (attrs, "vcpu"), &v) == 0 && v > 0)
    r->vcpu = v;
  v = strtod (opt_str (attrs, "memory"), &end);
  if (v > 0 && strcmp (end, " GiB") == 0)
    r->memory_gib = v;
}

static int
awsj_base (awsj *a, const char *type, json_t *product, json_t *term,
           cc_import_row *r)
{
  json_t *attrs = json_object_get (product, "attributes");
  json_t *ta = json_object_get (term, "termAttributes");
  const char *sku, *eff;
  char name[256];
  int years, rc;

  memset (r, 0, sizeof *r);
  /* A lease makes a reserved term wherever an edited file filed it. */
  if (opt_str (ta, "LeaseContractLength")[0])
    type = "Reserved";
  if ((rc = cc_import_get_str (&a->ic, product, "sku", &sku)) != CC_OK
      || (rc = cc_import_get_str (&a->ic, term, "effectiveDate", &eff))
      != CC_OK)
    return rc;
  if (strlen (eff) < 10)
    return cc_import_missing (&a->ic, "effectiveDate", "no date in");
  if (cc_import_aws_term (type, opt_str (ta, "LeaseContractLength"),
                          opt_str (ta, "OfferingClass"),
                          opt_str (ta, "PurchaseOption"), r->term,
                          sizeof r->term, &years) != 0)
    return cc_import_missing (&a->ic, "LeaseContractLength",
                              "missing or unreadable");
  r->provider = "AWS";
  cc_import_copy (r->service, sizeof r->service,
                  opt_str (attrs, "servicename")[0]
                  ? opt_str (attrs, "servicename") : a->offer);
  snprintf (name, sizeof name, "%s %s %s", opt_str (attrs, "usagetype"),
            opt_str (attrs, "operation"), sku);
  cc_import_slug (r->sku, sizeof r->sku, name);
  cc_import_aws_region (r->region, sizeof r->region,
                        opt_str (attrs, "regionCode"),
                        opt_str (attrs, "location"));
  snprintf (r->ids, sizeof r->ids, "SKU=%.100s", sku);
  awsj_attributes (attrs, r);
  snprintf (r->effective, sizeof r->effective, "%.10s", eff);
  snprintf (r->catalog, sizeof r->catalog, "AWS Price List (%.30s)",
            a->offer);
  cc_import_copy (r->catalog_date, sizeof r->catalog_date,
                  a->pubdate[0] ? a->pubdate : r->effective);
  return CC_OK;
}

/* One term of PRODUCT: a row per price dimension (its tiers), the
   upfront fee of a reserved term folded in. */
static int
awsj_term (awsj *a, const char *type, json_t *product, json_t *term)
{
  json_t *dims = json_object_get (term, "priceDimensions"), *dim;
  const char *key, *unit, *rate, *begin;
  double fee = 0, v;
  int has_fee = 0, rc, rows = 0;
  cc_import_row base, r;

  if (!json_is_object (dims))
    return cc_import_missing (&a->ic, "priceDimensions", "missing required");
  if ((rc = awsj_base (a, type, product, term, &base)) != CC_OK)
    return rc;
  json_object_foreach (dims, key, dim)
    {
      if ((rc = cc_import_get_str (&a->ic, dim, "unit", &unit)) != CC_OK)
        return rc;
      if (strcmp (unit, "Quantity") == 0 && strcmp (base.term, "payg") != 0)
        {
          if ((rc = awsj_price (a, dim, &r)) != CC_OK)
            return rc;
          fee += r.unit_price;     /* the Upfront Fee dimension */
          has_fee = 1;
        }
    }
  json_object_foreach (dims, key, dim)
    {
      unit = opt_str (dim, "unit");
      if (strcmp (unit, "Quantity") == 0 && strcmp (base.term, "payg") != 0)
        continue;
      a->st->items++;
      r = base;
      if ((rc = cc_import_get_str (&a->ic, dim, "rateCode", &rate)) != CC_OK
          || (rc = cc_import_get_str (&a->ic, dim, "beginRange", &begin))
          != CC_OK || (rc = awsj_price (a, dim, &r)) != CC_OK)
        return rc;
      if (cc_num_parse (begin, &v) != 0 || v < 0)
        return cc_import_missing (&a->ic, "beginRange", "not a number >= 0:");
      r.tier_start = v;
      cc_import_copy (r.unit, sizeof r.unit, cc_import_aws_unit (unit));
      snprintf (r.ids, sizeof r.ids, "%.100s;RateCode=%.80s", base.ids,
                rate);
      cc_import_aws_fold (&r, fee, has_fee);
      rows++;
      if (!cc_import_keep (&r, a->flt))
        a->st->filtered++;
      else if ((rc = cc_import_push (a->rs, &r, a->ic.err)) != CC_OK)
        return rc;
    }
  if (rows == 0)
    a->st->skipped++;     /* a fee without its hourly dimension */
  return CC_OK;
}

/* The terms of one price item: TERMS.TYPE.{TERMCODE: term}. */
static int
awsj_item (awsj *a, json_t *item)
{
  json_t *product = json_object_get (item, "product");
  json_t *terms = json_object_get (item, "terms"), *bytype, *term;
  const char *type, *code;
  int rc;

  if (!json_is_object (product))
    return cc_import_missing (&a->ic, "product", "missing required");
  if (!json_is_object (terms))
    return cc_import_missing (&a->ic, "terms", "missing required");
  snprintf (a->pubdate, sizeof a->pubdate, "%.10s",
            opt_str (item, "publicationDate"));
  if (opt_str (item, "serviceCode")[0])
    cc_import_copy (a->offer, sizeof a->offer, opt_str (item, "serviceCode"));
  json_object_foreach (terms, type, bytype)
    {
      if (strcmp (type, "OnDemand") != 0 && strcmp (type, "Reserved") != 0)
        {
          a->st->skipped++;
          continue;
        }
      json_object_foreach (bytype, code, term)
        if ((rc = awsj_term (a, type, product, term)) != CC_OK)
          return rc;
    }
  return CC_OK;
}

/* An offer file: TERMS.TYPE.SKU.{TERMCODE: term}, products by SKU. */
static int
awsj_offer (awsj *a, json_t *root)
{
  json_t *products = json_object_get (root, "products");
  json_t *terms = json_object_get (root, "terms"), *bytype, *bysku, *term;
  const char *type, *sku, *code;
  int rc;

  if (!json_is_object (terms))
    return cc_err_set (a->ic.err, CC_EDATA, a->ic.path, 0, 0,
                       "AWS offer file without a 'terms' object");
  cc_import_copy (a->offer, sizeof a->offer, opt_str (root, "offerCode"));
  snprintf (a->pubdate, sizeof a->pubdate, "%.10s",
            opt_str (root, "publicationDate"));
  a->ic.item = 0;
  json_object_foreach (terms, type, bytype)
    {
      if ((strcmp (type, "OnDemand") != 0 && strcmp (type, "Reserved") != 0)
          || !json_is_object (bytype))
        continue;     /* FlatRate, or an attributesList left by editing */
      json_object_foreach (bytype, sku, bysku)
        {
          json_t *product = json_object_get (products, sku);
          if (!json_is_object (product))
            return cc_err_set (a->ic.err, CC_EDATA, a->ic.path, 0, 0,
                               "item %zu: terms.%s names sku '%s', which is "
                               "not in 'products'", a->ic.item, type, sku);
          json_object_foreach (bysku, code, term)
            {
              if ((rc = awsj_term (a, type, product, term)) != CC_OK)
                return rc;
              a->ic.item++;
            }
        }
    }
  return CC_OK;
}

/* A GetProducts response: each PriceList entry is a JSON string. */
static int
awsj_getproducts (awsj *a, json_t *list)
{
  json_t *s, *item;
  json_error_t je;
  size_t k;
  int rc;

  json_array_foreach (list, k, s)
    {
      a->ic.item = k;
      if (!json_is_string (s))
        return cc_import_missing (&a->ic, "PriceList",
                                  "not a JSON string: entry of");
      item = json_loads (json_string_value (s), 0, &je);
      if (item == NULL)
        return cc_err_set (a->ic.err, CC_EDATA, a->ic.path, 0, 0,
                           "item %zu: PriceList entry is not JSON: %s "
                           "(column %d)", k, je.text, je.column);
      rc = awsj_item (a, item);
      json_decref (item);
      if (rc != CC_OK)
        return rc;
    }
  return CC_OK;
}

int
cc_import_aws_json (const char *path, const cc_import_filter *flt,
                    cc_import_rowset *rs, cc_import_stats *st, cc_err *err)
{
  json_error_t je;
  json_t *root = json_load_file (path, 0, &je), *list;
  awsj a;
  int rc;

  if (root == NULL)
    return cc_err_set (err, je.line < 1 ? CC_ENOINPUT : CC_EDATA, path,
                       je.line, je.column, "%s", je.text);
  memset (&a, 0, sizeof a);
  a.flt = flt;
  a.rs = rs;
  a.st = st;
  a.ic.path = path;
  a.ic.err = err;
  list = json_object_get (root, "PriceList");
  if (json_is_array (list))
    rc = awsj_getproducts (&a, list);
  else if (json_object_get (root, "products") != NULL)
    rc = awsj_offer (&a, root);
  else if (json_object_get (root, "product") != NULL)
    rc = awsj_item (&a, root);
  else
    rc = cc_err_set (err, CC_EDATA, path, 0, 0,
                     "not an AWS price list: no 'products' (offer file), "
                     "'PriceList' (GetProducts) or 'product' (price item)");
  json_decref (root);
  return rc;
}
