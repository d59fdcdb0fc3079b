/* import.c: price-book rows from Azure Retail Prices pages and Google
 * Cloud Billing Catalog pages (JSON through jansson), and what the
 * importers share.  The AWS offer CSV is in import_aws.c. */
#define _GNU_SOURCE 1   /* strcasestr */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csvwrite.h"
#include "price/import.h"

int
cc_catalog_kind_find (const char *name)
{
  if (strcmp (name, "azure-retail") == 0)
    return CC_CATALOG_AZURE;
  if (strcmp (name, "aws-offer") == 0)
    return CC_CATALOG_AWS;
  if (strcmp (name, "gcp-catalog") == 0)
    return CC_CATALOG_GCP;
  return -1;
}

void
cc_import_header (FILE *out)
{
  fputs ("provider,service,sku,region,unit,tier_start,unit_price,currency,"
         "effective_date,source,term,min_quantity,note,catalog,catalog_ids,"
         "catalog_date,import_date,status,upfront_fee,vcpu,memory_gib,"
         "storage_tier,redundancy\n", out);
}

void
cc_import_number (char *buf, size_t n, double v)
{
  size_t k;
  snprintf (buf, n, "%.12g", v);
  if (strchr (buf, 'e') == NULL)
    return;
  /* Plain decimals, never an exponent: 12 significant digits. */
  snprintf (buf, n, "%.*f", v > 0 ? 12 - (int) floor (log10 (v)) - 1 : 1, v);
  k = strlen (buf);
  while (k > 1 && buf[k - 1] == '0' && strchr (buf, '.'))
    buf[--k] = '\0';
  if (k > 0 && buf[k - 1] == '.')
    buf[--k] = '\0';
}

void
cc_import_write (FILE *out, const cc_import_row *r,
                 const cc_import_filter *flt)
{
  char start[32], price[32], minq[32] = "", fee[32] = "";
  char vcpu[32] = "", mem[32] = "";
  snprintf (start, sizeof start, "%.15g", r->tier_start);
  cc_import_number (price, sizeof price, r->unit_price);
  if (r->has_min)
    snprintf (minq, sizeof minq, "%.15g", r->min_quantity);
  if (r->has_fee)
    snprintf (fee, sizeof fee, "%.10g", r->upfront_fee);
  if (r->vcpu > 0)
    snprintf (vcpu, sizeof vcpu, "%.10g", r->vcpu);
  if (r->memory_gib > 0)
    snprintf (mem, sizeof mem, "%.10g", r->memory_gib);
  {
    const char *const f[] = {
      r->provider, r->service, r->sku, r->region, r->unit, start, price,
      r->currency, r->effective, r->catalog, r->term, minq, "", r->catalog,
      r->ids, r->catalog_date, flt->import_date, "official", fee, vcpu, mem,
      r->storage_tier, r->redundancy
    };
    cc_csv_record (out, f, sizeof f / sizeof f[0]);
  }
}

void
cc_import_azure_attributes (cc_import_row *r, const char *service,
                            const char *product, const char *sku_name,
                            const char *meter, const char *arm_sku)
{
  size_t n = strlen (meter);
  const char *sp;
  if (strcmp (service, "Virtual Machines") == 0
      && strstr (product, "Windows") == NULL
      && strstr (product, "Cloud") == NULL
      && strstr (sku_name, "Spot") == NULL
      && strstr (sku_name, "Low Priority") == NULL
      && strncmp (arm_sku, "Standard_", 9) == 0)
    {
      const char *p = arm_sku + 9;
      char *end;
      long v;
      while (*p >= 'A' && *p <= 'Z')
        p++;
      v = strtol (p, &end, 10);
      if (end != p && *end == '-')      /* constrained: the active vCPUs */
        {
          p = end + 1;
          v = strtol (p, &end, 10);
        }
      if (end != p && v > 0)
        r->vcpu = (double) v;
    }
  if (n >= 11 && strcmp (meter + n - 11, "Data Stored") == 0
      && strstr (product, "Blob") != NULL
      && strstr (product, "Hierarchical") == NULL
      && (sp = strchr (sku_name, ' ')) != NULL && strchr (sp + 1, ' ') == NULL
      && (size_t) (sp - sku_name) < sizeof r->storage_tier
      && strlen (sp + 1) < sizeof r->redundancy)
    {
      size_t i;
      snprintf (r->storage_tier, sizeof r->storage_tier, "%.*s",
                (int) (sp - sku_name), sku_name);
      snprintf (r->redundancy, sizeof r->redundancy, "%s", sp + 1);
      for (i = 0; r->storage_tier[i]; i++)
        r->storage_tier[i] = (char) tolower ((unsigned char) r->storage_tier[i]);
      for (i = 0; r->redundancy[i]; i++)
        r->redundancy[i] = (char) tolower ((unsigned char) r->redundancy[i]);
    }
}

void
cc_import_slug (char *d, size_t n, const char *s)
{
  size_t k = 0;
  int dash = 0;
  for (; *s && k + 1 < n; s++)
    if (isalnum ((unsigned char) *s))
      {
        if (dash && k > 0 && k + 2 < n)
          d[k++] = '-';
        dash = 0;
        d[k++] = (char) tolower ((unsigned char) *s);
      }
    else if (*s == '.' && k > 0 && isdigit ((unsigned char) d[k - 1])
             && isdigit ((unsigned char) s[1]))
      d[k++] = '.';
    else
      dash = 1;
  d[k] = '\0';
}

int
cc_import_keep (const cc_import_row *r, const cc_import_filter *flt)
{
  if (flt->service && strcasestr (r->service, flt->service) == NULL)
    return 0;
  if (flt->region && strcmp (r->region, flt->region) != 0)
    return 0;
  if (flt->match && fnmatch (flt->match, r->sku, 0) != 0)
    return 0;
  return 1;
}

int
cc_import_push (cc_import_rowset *rs, const cc_import_row *r,
                cc_err *err)
{
  if (rs->n == rs->cap)
    {
      size_t cap = rs->cap ? 2 * rs->cap : 256;
      cc_import_row *nr = realloc (rs->row, cap * sizeof *nr);
      if (nr == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      rs->row = nr;
      rs->cap = cap;
    }
  rs->row[rs->n++] = *r;
  return CC_OK;
}

static int
row_cmp (const void *a_, const void *b_)
{
  const cc_import_row *a = a_, *b = b_;
  int c;
  if ((c = strcmp (a->service, b->service)) != 0
      || (c = strcmp (a->sku, b->sku)) != 0
      || (c = strcmp (a->region, b->region)) != 0
      || (c = strcmp (a->term, b->term)) != 0)
    return c;
  if (a->tier_start != b->tier_start)
    return (a->tier_start > b->tier_start) - (a->tier_start < b->tier_start);
  return a->secondary - b->secondary;
}

/* Same sku, region and term (its tiers). */
static int
same_sku (const cc_import_row *a, const cc_import_row *b)
{
  return strcmp (a->sku, b->sku) == 0 && strcmp (a->region, b->region) == 0
    && strcmp (a->term, b->term) == 0;
}

/* Sort the rows into tiers and write them; a second row with the same
   sku, region, term and tier start is a duplicate (the first is kept), and
   a sku whose tiers do not start at 0 is left out; both are counted. */
static void
rowset_write (cc_import_rowset *rs, const cc_import_filter *flt, FILE *out,
              cc_import_stats *st)
{
  size_t i, j;
  if (rs->n > 1)
    qsort (rs->row, rs->n, sizeof *rs->row, row_cmp);
  for (i = 0; i < rs->n; i = j)
    {
      for (j = i + 1; j < rs->n && same_sku (&rs->row[i], &rs->row[j]); j++)
        ;
      if (rs->row[i].tier_start != 0)
        {
          st->skipped += j - i;
          continue;
        }
      for (size_t k = i; k < j; k++)
        {
          if (k > i && rs->row[k].tier_start == rs->row[k - 1].tier_start)
            {
              st->skipped++;
              continue;
            }
          cc_import_write (out, &rs->row[k], flt);
          st->rows++;
        }
    }
}

/* --- JSON field access, naming the file, item and field when missing --- */

int
cc_import_missing (const cc_import_item *ic, const char *field,
                   const char *what)
{
  return cc_err_set (ic->err, CC_EDATA, ic->path, 0, 0,
                     "item %zu: %s field '%s'", ic->item, what, field);
}

int
cc_import_get_str (const cc_import_item *ic, json_t *o, const char *field,
                   const char **out)
{
  json_t *v = json_object_get (o, field);
  if (v == NULL || json_is_null (v))
    return cc_import_missing (ic, field, "missing required");
  if (!json_is_string (v))
    return cc_import_missing (ic, field, "not a string:");
  *out = json_string_value (v);
  return CC_OK;
}

int
cc_import_get_num (const cc_import_item *ic, json_t *o, const char *field,
                   double *out)
{
  json_t *v = json_object_get (o, field);
  if (v == NULL || json_is_null (v))
    return cc_import_missing (ic, field, "missing required");
  if (!json_is_number (v))
    return cc_import_missing (ic, field, "not a number:");
  *out = json_number_value (v);
  if (!isfinite (*out))
    return cc_import_missing (ic, field, "not finite:");
  return CC_OK;
}

void
cc_import_copy (char *d, size_t n, const char *s)
{
  size_t k = strlen (s);
  if (k >= n)
    k = n - 1;
  memcpy (d, s, k);
  d[k] = '\0';
}

/* --- Azure Retail Prices --- */

/* An Azure unitOfMeasure ("100 Hours", "1 GB/Month", "10K", "1/Month",
   "1") as a block size and a cloudcast unit.  Count blocks keep the block
   in the unit ("10K-operations"); hours, minutes and sizes are per one. */
/* The noun of a count unit, from the meter name. */
static const char *
azure_noun (const char *meter)
{
  if (strcasestr (meter, "token"))
    return "tokens";
  if (strcasestr (meter, "character"))
    return "characters";
  if (strcasestr (meter, "transaction"))
    return "transactions";
  if (strcasestr (meter, "operation") || strcasestr (meter, "write")
      || strcasestr (meter, "read") || strcasestr (meter, "list"))
    return "operations";
  return "units";
}

static const char *
azure_word (const char *w)
{
  if (strncasecmp (w, "Hour", 4) == 0)
    return "hour";
  if (strncasecmp (w, "Minute", 6) == 0)
    return "minute";
  if (strncasecmp (w, "Day", 3) == 0)
    return "day";
  if (strncasecmp (w, "Month", 5) == 0)
    return "month";
  if (strncasecmp (w, "Year", 4) == 0)
    return "year";
  if (strcmp (w, "GB") == 0 || strcmp (w, "GiB") == 0)
    return "GiB";
  if (strcmp (w, "TB") == 0 || strcmp (w, "TiB") == 0)
    return "TiB";
  return w;
}

/* An Azure unitOfMeasure ("100 Hours", "1 GB/Month", "10K", "1/Month",
   "1") as a block size and a cloudcast unit.  Count blocks keep the block
   in the unit ("10K-operations", price per block: *BLOCK = 1); hours,
   minutes and sizes are per one (*BLOCK = the block size). */
static void
azure_unit (const char *uom, const char *meter, double *block, char *unit,
            size_t n)
{
  char *end;
  double q = strtod (uom, &end);
  char rest[64], per[64] = "", *slash;
  if (end == uom || !(q > 0))
    q = 1;
  *block = q;
  if (*end == 'K' || *end == 'M')
    {
      snprintf (unit, n, "%.0f%c-%s%s", q, *end, azure_noun (meter),
                strstr (end, "/Month") ? "-month" : "");
      *block = 1;
      return;
    }
  while (*end == ' ')
    end++;
  cc_import_copy (rest, sizeof rest, end);
  if ((slash = strchr (rest, '/')) != NULL)
    {
      cc_import_copy (per, sizeof per, azure_word (slash + 1));
      *slash = '\0';
    }
  if (rest[0] == '\0' && per[0] == '\0')
    {
      /* A bare count: the real unit may be in the meter name. */
      if (strcasestr (meter, "minute"))
        cc_import_copy (rest, sizeof rest, "minute");
      else if (strcasestr (meter, "hour"))
        cc_import_copy (rest, sizeof rest, "hour");
      else if (q != 1)
        {
          snprintf (unit, n, "%.0f-%s", q, azure_noun (meter));
          *block = 1;
          return;
        }
      else
        cc_import_copy (rest, sizeof rest, azure_noun (meter));
    }
  {
    char w[64];
    cc_import_copy (w, sizeof w, azure_word (rest));
    snprintf (unit, n, "%.20s%s%.20s", w, w[0] && per[0] ? "-" : "", per);
  }
}

/* The reserved block of a storage reservation, from skuName ("Hot - 100 TB
   ZRS", "10 PB"), in GiB; 0 when it names none. */
static double
azure_block_gib (const char *sku_name)
{
  const char *p;
  for (p = sku_name; *p; p++)
    if (isdigit ((unsigned char) *p) && (p == sku_name || p[-1] == ' '))
      {
        char *end;
        double v = strtod (p, &end);
        while (*end == ' ')
          end++;
        if (strncmp (end, "TB", 2) == 0 || strncmp (end, "TiB", 3) == 0)
          return v * 1024;
        if (strncmp (end, "PB", 2) == 0 || strncmp (end, "PiB", 3) == 0)
          return v * 1024 * 1024;
      }
  return 0;
}

/* A reservation's whole-term price as the per-unit price of its block
   over the term (hours: 8,760 a year; months: 12 a year). */
static int
azure_reservation (const cc_import_item *ic, json_t *it, const char *sku_name,
                   cc_import_row *r)
{
  const char *term;
  int years;
  if (cc_import_get_str (ic, it, "reservationTerm", &term) != CC_OK)
    return ic->err->status;
  years = atoi (term);
  if (years < 1 || years > 10)
    return cc_import_missing (ic, "reservationTerm", "unreadable");
  snprintf (r->term, sizeof r->term, "%dy", years % 100);
  r->has_min = 1;
  if (strcmp (r->unit, "hour") == 0)
    {
      r->unit_price /= 8760.0 * years;
      r->min_quantity = 730;    /* one instance, a month of hours */
    }
  else if (strcmp (r->unit, "GiB-month") == 0)
    {
      double gib = azure_block_gib (sku_name);
      if (!(gib > 0))
        return cc_import_missing (ic, "skuName",
                                  "no reserved block (TB or PB) in");
      r->unit_price /= 12.0 * years * gib;
      r->min_quantity = gib;
    }
  else
    {
      r->unit_price /= 12.0 * years;
      r->min_quantity = 1;
    }
  return CC_OK;
}

/* The fields every Azure item must have, as a row (before the term). */
static int
azure_row (const cc_import_item *ic, json_t *it, cc_import_row *r,
           const char **type, const char **sku_name, double *block)
{
  const char *meter_id, *sku_id, *uom, *currency, *eff, *region, *service;
  const char *product, *meter, *arm;
  double price, tmin;
  char name[512];
  int rc;

  memset (r, 0, sizeof *r);
  if ((rc = cc_import_get_str (ic, it, "meterId", &meter_id)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "skuId", &sku_id)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "type", type)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "unitOfMeasure", &uom)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "currencyCode", &currency)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "effectiveStartDate", &eff)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "armRegionName", &region)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "serviceName", &service)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "productName", &product)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "skuName", sku_name)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "meterName", &meter)) != CC_OK
      || (rc = cc_import_get_num (ic, it, "retailPrice", &price)) != CC_OK
      || (rc = cc_import_get_num (ic, it, "tierMinimumUnits", &tmin)) != CC_OK)
    return rc;
  if (strlen (eff) < 10)
    return cc_import_missing (ic, "effectiveStartDate", "no date in");
  r->provider = "Azure";
  cc_import_copy (r->service, sizeof r->service, service);
  /* The meter name usually repeats the sku name: say it once. */
  if (strncmp (meter, *sku_name, strlen (*sku_name)) == 0)
    meter += strlen (*sku_name);
  snprintf (name, sizeof name, "%s %s %s", product, *sku_name, meter);
  cc_import_slug (r->sku, sizeof r->sku, name);
  cc_import_slug (r->region, sizeof r->region,
                  region[0] && strcasecmp (region, "Global") != 0
                  ? region : "global");
  azure_unit (uom, meter, block, r->unit, sizeof r->unit);
  r->unit_price = price / *block;
  r->tier_start = tmin * *block;
  cc_import_copy (r->currency, sizeof r->currency, currency);
  snprintf (r->effective, sizeof r->effective, "%.10s", eff);
  cc_import_copy (r->catalog_date, sizeof r->catalog_date, r->effective);
  cc_import_copy (r->catalog, sizeof r->catalog, "Azure Retail Prices API");
  snprintf (r->ids, sizeof r->ids, "meterId=%s;skuId=%s", meter_id, sku_id);
  arm = json_string_value (json_object_get (it, "armSkuName"));
  cc_import_azure_attributes (r, service, product, *sku_name, meter,
                              arm ? arm : "");
  return CC_OK;
}

/* One Azure item: its row, and its savings-plan rows. */
static int
azure_item (const cc_import_item *ic, json_t *it, const cc_import_filter *flt,
            cc_import_rowset *rs, cc_import_stats *st)
{
  cc_import_row r, sp;
  const char *type, *sku_name;
  double block = 1;
  json_t *plans, *p;
  size_t k;
  int rc;

  if (!json_is_object (it))
    return cc_err_set (ic->err, CC_EDATA, ic->path, 0, 0,
                       "item %zu is not a JSON object", ic->item);
  st->items++;
  if ((rc = azure_row (ic, it, &r, &type, &sku_name, &block)) != CC_OK)
    return rc;
  /* A meter shared from another region yields to the region's own. */
  r.secondary = json_is_false (json_object_get (it, "isPrimaryMeterRegion"));
  if (!cc_import_keep (&r, flt))
    {
      st->filtered++;
      return CC_OK;
    }
  if (strcmp (type, "Consumption") == 0)
    cc_import_copy (r.term, sizeof r.term, "payg");
  else if (strcmp (type, "DevTestConsumption") == 0)
    cc_import_copy (r.term, sizeof r.term, "devtest");
  else if (strcmp (type, "Reservation") == 0)
    {
      if ((rc = azure_reservation (ic, it, sku_name, &r)) != CC_OK)
        return rc;
    }
  else
    {
      st->skipped++;
      return CC_OK;
    }
  if ((rc = cc_import_push (rs, &r, ic->err)) != CC_OK)
    return rc;
  plans = json_object_get (it, "savingsPlan");
  json_array_foreach (plans, k, p)
    {
      const char *term;
      double price;
      if ((rc = cc_import_get_str (ic, p, "term", &term)) != CC_OK
          || (rc = cc_import_get_num (ic, p, "retailPrice", &price)) != CC_OK)
        return rc;
      sp = r;
      snprintf (sp.term, sizeof sp.term, "savings-%dy", atoi (term));
      sp.unit_price = price / block;
      if ((rc = cc_import_push (rs, &sp, ic->err)) != CC_OK)
        return rc;
    }
  return CC_OK;
}

/* A page ({"Items": [...]}) or newline-delimited items. */
static int
azure_file (const char *path, const cc_import_filter *flt,
            cc_import_rowset *rs,
            cc_import_stats *st, cc_err *err)
{
  json_error_t je;
  json_t *root = json_load_file (path, JSON_DISABLE_EOF_CHECK, &je);
  json_t *items, *it;
  cc_import_item ic = { path, 0, err };
  size_t k;
  int rc = CC_OK;

  if (root != NULL && json_is_object (root)
      && json_object_get (root, "Items") != NULL)
    {
      items = json_object_get (root, "Items");
      if (!json_is_array (items))
        rc = cc_err_set (err, CC_EDATA, path, 0, 0, "'Items' is not an array");
      json_array_foreach (items, k, it)
        {
          ic.item = k;
          if (rc == CC_OK)
            rc = azure_item (&ic, it, flt, rs, st);
        }
      json_decref (root);
      return rc;
    }
  json_decref (root);
  /* Newline-delimited items, one JSON object a line. */
  {
    FILE *fp = fopen (path, "r");
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    if (fp == NULL)
      return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot read: %s",
                         strerror (errno));
    while (rc == CC_OK && getline (&line, &cap, fp) != -1)
      {
        lineno++;
        if (strspn (line, " \t\r\n") == strlen (line))
          continue;
        it = json_loads (line, 0, &je);
        if (it == NULL)
          rc = cc_err_set (err, CC_EDATA, path, lineno, je.column,
                           "neither an Azure Retail Prices page nor an item "
                           "a line: %s", je.text);
        else
          rc = azure_item (&ic, it, flt, rs, st);
        json_decref (it);
        ic.item++;
      }
    free (line);
    fclose (fp);
  }
  return rc;
}

/* --- Google Cloud Billing Catalog --- */

static const char *
gcp_unit (const char *u)
{
  static const char *const map[][2] = {
    { "h", "hour" }, { "mo", "month" }, { "min", "minute" }, { "s", "second" },
    { "GiBy", "GiB" }, { "GiBy.h", "GiB-hour" }, { "GiBy.mo", "GiB-month" },
    { "GiBy.d", "GiB-day" }, { "TiBy", "TiB" }, { "TiBy.mo", "TiB-month" },
    { "count", "count" },
  };
  size_t i;
  for (i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp (u, map[i][0]) == 0)
      return map[i][1];
  return u;
}

static const char *
gcp_term (const char *usage_type)
{
  if (strcmp (usage_type, "OnDemand") == 0)
    return "payg";
  if (strcmp (usage_type, "Preemptible") == 0)
    return "preemptible";
  if (strcmp (usage_type, "Commit1Yr") == 0)
    return "commit-1y";
  if (strcmp (usage_type, "Commit3Yr") == 0)
    return "commit-3y";
  return NULL;
}

/* Money as units (an int64 written as a string) + nanos. */
static int
gcp_money (const cc_import_item *ic, json_t *m, const char **currency,
           double *v)
{
  json_t *u = json_object_get (m, "units"), *n = json_object_get (m, "nanos");
  double units = 0;
  if (cc_import_get_str (ic, m, "currencyCode", currency) != CC_OK)
    return ic->err->status;
  if (u != NULL && json_is_string (u))
    {
      char *end;
      units = strtod (json_string_value (u), &end);
      if (*end != '\0' || end == json_string_value (u))
        return cc_import_missing (ic, "units", "not an integer string:");
    }
  else if (u != NULL && json_is_integer (u))
    units = (double) json_integer_value (u);
  else if (u != NULL)
    return cc_import_missing (ic, "units", "not an integer string:");
  if (n != NULL && !json_is_integer (n))
    return cc_import_missing (ic, "nanos", "not an integer:");
  *v = units + (n ? (double) json_integer_value (n) : 0) * 1e-9;
  return CC_OK;
}

static int
gcp_tiers (const cc_import_item *ic, json_t *rates, cc_import_row *r,
           const cc_import_filter *flt, json_t *regions, cc_import_rowset *rs,
           cc_import_stats *st)
{
  size_t k, g;
  json_t *t, *reg;
  int rc, kept = 0;

  json_array_foreach (regions, g, reg)
    {
      if (!json_is_string (reg))
        return cc_import_missing (ic, "serviceRegions",
                                  "a non-string entry in");
      cc_import_slug (r->region, sizeof r->region, json_string_value (reg));
      if (!cc_import_keep (r, flt))
        continue;
      kept = 1;
      json_array_foreach (rates, k, t)
        {
          const char *cur;
          if ((rc = cc_import_get_num (ic, t, "startUsageAmount",
                                       &r->tier_start)) != CC_OK
              || (rc = gcp_money (ic, json_object_get (t, "unitPrice"), &cur,
                                  &r->unit_price)) != CC_OK)
            return json_object_get (t, "unitPrice") == NULL
              ? cc_import_missing (ic, "unitPrice", "missing required") : rc;
          cc_import_copy (r->currency, sizeof r->currency, cur);
          if ((rc = cc_import_push (rs, r, ic->err)) != CC_OK)
            return rc;
        }
    }
  if (!kept)
    st->filtered++;
  return CC_OK;
}

static int
gcp_item (const cc_import_item *ic, json_t *it, const cc_import_filter *flt,
          cc_import_rowset *rs, cc_import_stats *st)
{
  const char *sku_id, *desc, *usage, *eff, *uunit, *svc, *term;
  json_t *cat, *pi, *pe, *rates, *regions;
  cc_import_row r;
  int rc;

  st->items++;
  memset (&r, 0, sizeof r);
  cat = json_object_get (it, "category");
  pi = json_array_get (json_object_get (it, "pricingInfo"), 0);
  if ((rc = cc_import_get_str (ic, it, "skuId", &sku_id)) != CC_OK
      || (rc = cc_import_get_str (ic, it, "description", &desc)) != CC_OK)
    return rc;
  if (!json_is_object (cat))
    return cc_import_missing (ic, "category", "missing required");
  if (!json_is_object (pi))
    return cc_import_missing (ic, "pricingInfo", "missing required");
  pe = json_object_get (pi, "pricingExpression");
  if (!json_is_object (pe))
    return cc_import_missing (ic, "pricingExpression", "missing required");
  regions = json_object_get (it, "serviceRegions");
  rates = json_object_get (pe, "tieredRates");
  if (!json_is_array (regions))
    return cc_import_missing (ic, "serviceRegions", "missing required");
  if (!json_is_array (rates) || json_array_size (rates) == 0)
    return cc_import_missing (ic, "tieredRates", "missing required");
  if ((rc = cc_import_get_str (ic, cat, "usageType", &usage)) != CC_OK
      || (rc = cc_import_get_str (ic, cat, "serviceDisplayName", &svc))
      != CC_OK
      || (rc = cc_import_get_str (ic, pi, "effectiveTime", &eff)) != CC_OK
      || (rc = cc_import_get_str (ic, pe, "usageUnit", &uunit)) != CC_OK)
    return rc;
  if (strlen (eff) < 10)
    return cc_import_missing (ic, "effectiveTime", "no date in");
  if ((term = gcp_term (usage)) == NULL)
    {
      st->skipped++;
      return CC_OK;
    }
  r.provider = "GCP";
  cc_import_copy (r.service, sizeof r.service, svc);
  cc_import_slug (r.sku, sizeof r.sku, desc);
  cc_import_copy (r.term, sizeof r.term, term);
  cc_import_copy (r.unit, sizeof r.unit, gcp_unit (uunit));
  snprintf (r.effective, sizeof r.effective, "%.10s", eff);
  cc_import_copy (r.catalog_date, sizeof r.catalog_date, r.effective);
  cc_import_copy (r.catalog, sizeof r.catalog,
                  "Google Cloud Billing Catalog API");
  snprintf (r.ids, sizeof r.ids, "skuId=%s", sku_id);
  return gcp_tiers (ic, rates, &r, flt, regions, rs, st);
}

static int
gcp_file (const char *path, const cc_import_filter *flt, cc_import_rowset *rs,
          cc_import_stats *st, cc_err *err)
{
  json_error_t je;
  json_t *root = json_load_file (path, 0, &je), *skus, *it;
  cc_import_item ic = { path, 0, err };
  size_t k;
  int rc = CC_OK;

  if (root == NULL)
    return cc_err_set (err, je.line < 1 ? CC_ENOINPUT : CC_EDATA, path,
                       je.line, je.column, "%s", je.text);
  skus = json_object_get (root, "skus");
  if (!json_is_array (skus))
    rc = cc_err_set (err, CC_EDATA, path, 0, 0,
                     "not a skus.list page: no 'skus' array");
  json_array_foreach (skus, k, it)
    {
      ic.item = k;
      if (rc == CC_OK)
        rc = gcp_item (&ic, it, flt, rs, st);
    }
  json_decref (root);
  return rc;
}

/* Does PATH start (after blanks) with '{': a JSON document? */
static int
json_file (const char *path)
{
  FILE *fp = fopen (path, "r");
  int ch = EOF;
  if (fp == NULL)
    return 0;
  while ((ch = getc (fp)) != EOF && isspace (ch))
    ;
  fclose (fp);
  return ch == '{';
}

int
cc_price_import (cc_catalog_kind kind, const char *const *files, size_t n,
                 const cc_import_filter *flt, FILE *out, cc_import_stats *st,
                 cc_err *err)
{
  cc_import_rowset rs = { NULL, 0, 0 };
  size_t i;
  int rc = CC_OK;

  memset (st, 0, sizeof *st);
  cc_import_header (out);
  for (i = 0; rc == CC_OK && i < n; i++)
    {
      FILE *probe = fopen (files[i], "r");
      if (probe == NULL)
        rc = cc_err_set (err, CC_ENOINPUT, files[i], 0, 0, "cannot read: %s",
                         strerror (errno));
      else
        fclose (probe);
      if (rc != CC_OK)
        break;
      if (kind == CC_CATALOG_AWS && json_file (files[i]))
        rc = cc_import_aws_json (files[i], flt, &rs, st, err);
      else if (kind == CC_CATALOG_AWS)
        rc = cc_import_aws_csv (files[i], flt, out, st, err);
      else if (kind == CC_CATALOG_AZURE)
        rc = azure_file (files[i], flt, &rs, st, err);
      else
        rc = gcp_file (files[i], flt, &rs, st, err);
    }
  if (rc == CC_OK)
    rowset_write (&rs, flt, out, st);
  free (rs.row);
  if (rc == CC_OK && st->rows == 0)
    rc = cc_err_set (err, CC_EDATA, files[0], 0, 0,
                     "no price rows: %zu catalog items, %zu left out by the "
                     "filter, %zu not priced", st->items, st->filtered,
                     st->skipped);
  if (rc == CC_OK && ferror (out))
    rc = cc_err_set (err, CC_EIO, NULL, 0, 0, "cannot write the price book");
  return rc;
}
