/* import_aws.c: price-book rows from an AWS Price List offer file, CSV
 * form, streamed one record at a time: memory holds one term's price
 * dimensions, never the file. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/num.h"
#include "price/import.h"

enum
{
  A_SKU, A_TERMCODE, A_RATECODE, A_TERMTYPE, A_EFFECTIVE, A_START, A_END,
  A_UNIT, A_PRICE, A_CURRENCY, NREQ_AWS,
  A_LEASE = NREQ_AWS, A_PURCHASE, A_CLASS, A_REGION, A_LOCATION, A_SERVICE,
  A_USAGETYPE, A_OPERATION, NAWS
};
static const char *const aws_col[NAWS] = {
  "SKU", "OfferTermCode", "RateCode", "TermType", "EffectiveDate",
  "StartingRange", "EndingRange", "Unit", "PricePerUnit", "Currency",
  "LeaseContractLength", "PurchaseOption", "OfferingClass", "Region Code",
  "Location", "serviceName", "usageType", "operation"
};

/* Dimensions of one term held at a time (more is bad data). */
#define MAX_DIM 64

typedef struct
{
  const char *path;
  const cc_import_filter *flt;
  FILE *out;
  cc_import_stats *st;
  char pubdate[11], offer[64];
  long col[NAWS];
  long header;              /* record number of the header, 0 before */
  char key[128];            /* SKU.OfferTermCode of the buffered term */
  cc_import_row dim[MAX_DIM];
  long dim_line[MAX_DIM];
  int ndim;
  double fee;
  int has_fee;
} aws_ctx;

const char *
cc_import_aws_unit (const char *u)
{
  if (strcmp (u, "Hrs") == 0 || strcmp (u, "Hours") == 0)
    return "hour";
  if (strcmp (u, "GB-Mo") == 0)
    return "GiB-month";
  if (strcmp (u, "GB") == 0)
    return "GiB";
  if (strcmp (u, "seconds") == 0)
    return "second";
  if (strcmp (u, "Unit") == 0 || strcmp (u, "Units") == 0)
    return "unit";
  if (strcmp (u, "Characters") == 0)
    return "character";
  return u;
}

void
cc_import_aws_region (char *d, size_t n, const char *code,
                      const char *location)
{
  static const char *const map[][2] = {
    { "US East (N. Virginia)", "us-east-1" }, { "US East (Ohio)", "us-east-2" },
    { "US West (N. California)", "us-west-1" },
    { "US West (Oregon)", "us-west-2" },
    { "AWS GovCloud (US-East)", "us-gov-east-1" },
    { "AWS GovCloud (US-West)", "us-gov-west-1" },
    { "Canada (Central)", "ca-central-1" },
    { "EU (Ireland)", "eu-west-1" }, { "EU (London)", "eu-west-2" },
    { "EU (Paris)", "eu-west-3" }, { "EU (Frankfurt)", "eu-central-1" },
    { "EU (Stockholm)", "eu-north-1" },
    { "Asia Pacific (Mumbai)", "ap-south-1" },
    { "Asia Pacific (Singapore)", "ap-southeast-1" },
    { "Asia Pacific (Sydney)", "ap-southeast-2" },
    { "Asia Pacific (Tokyo)", "ap-northeast-1" },
    { "Asia Pacific (Seoul)", "ap-northeast-2" },
    { "South America (Sao Paulo)", "sa-east-1" },
    { "China (Beijing)", "cn-north-1" }, { "China (Ningxia)", "cn-northwest-1" },
  };
  size_t i;
  if (code[0] == '\0')
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
      if (strcmp (location, map[i][0]) == 0)
        code = map[i][1];
  cc_import_slug (d, n, code[0] ? code : location);
}

int
cc_import_aws_term (const char *type, const char *lease, const char *cls,
                    const char *purchase, char *term, size_t n, int *years)
{
  char buf[40], *p;
  if (strcmp (type, "OnDemand") == 0)
    {
      snprintf (term, n, "payg");
      *years = 0;
      return 0;
    }
  *years = atoi (lease);
  if (*years < 1 || *years > 10)
    return -1;
  snprintf (buf, sizeof buf, "%dy-%.14s-%.18s", *years % 100, cls, purchase);
  for (p = buf; *p; p++)
    *p = *p == ' ' ? '-' : (char) (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  snprintf (term, n, "%.39s", buf);
  return 0;
}

void
cc_import_aws_fold (cc_import_row *r, double fee, int has_fee)
{
  if (has_fee)
    {
      int years = atoi (r->term);
      r->unit_price += fee / (8760.0 * years);
      r->upfront_fee = fee;
      r->has_fee = 1;
    }
  if (strcmp (r->term, "payg") != 0 && strcmp (r->unit, "hour") == 0)
    {
      r->min_quantity = 730;    /* one instance, a month of hours */
      r->has_min = 1;
    }
}

/* The term of a row: "payg", or "1y-standard-partial-upfront". */
static int
aws_term (aws_ctx *c, const char **f, char *term, size_t n, long line,
          cc_err *err)
{
  int years;
  if (cc_import_aws_term (f[A_TERMTYPE], f[A_LEASE], f[A_CLASS],
                          f[A_PURCHASE], term, n, &years) != 0)
    return cc_err_set (err, CC_EDATA, c->path, line, c->col[A_LEASE] + 1,
                       "Reserved row without a LeaseContractLength ('%s')",
                       f[A_LEASE]);
  return CC_OK;
}

/* Write the buffered term: on-demand tiers as they are; a reserved term
   as one hourly row with its upfront fee spread over the term's hours. */
static void
aws_flush (aws_ctx *c)
{
  int i;
  for (i = 0; i < c->ndim; i++)
    {
      cc_import_row *r = &c->dim[i];
      cc_import_aws_fold (r, c->fee, c->has_fee);
      if (cc_import_keep (r, c->flt))
        {
          cc_import_write (c->out, r, c->flt);
          c->st->rows++;
        }
      else
        c->st->filtered++;
    }
  c->ndim = 0;
  c->has_fee = 0;
  c->fee = 0;
  c->key[0] = '\0';
}

static int
aws_header (aws_ctx *c, const cc_csv_row *row, cc_err *err)
{
  int i;
  for (i = 0; i < NAWS; i++)
    {
      c->col[i] = cc_csv_column (row, aws_col[i]);
      if (c->col[i] < 0 && i < NREQ_AWS)
        return cc_err_set (err, CC_EDATA, c->path, row->line, 0,
                           "offer file header lacks column '%s'", aws_col[i]);
    }
  if (c->col[A_REGION] < 0 && c->col[A_LOCATION] < 0)
    return cc_err_set (err, CC_EDATA, c->path, row->line, 0,
                       "offer file header lacks column 'Region Code'");
  c->header = row->record;
  return CC_OK;
}

/* The metadata lines before the header. */
static int
aws_meta (aws_ctx *c, const cc_csv_row *row, cc_err *err)
{
  const char *k = row->field[0], *v = row->nfield > 1 ? row->field[1] : "";
  if (strcmp (k, "SKU") == 0)
    return aws_header (c, row, err);
  if (row->record > 5 || row->nfield != 2)
    return cc_err_set (err, CC_EDATA, c->path, row->line, 0,
                       "not an AWS offer file: expected five metadata lines "
                       "(FormatVersion ... OfferCode) and the header");
  if (strcmp (k, "Publication Date") == 0)
    snprintf (c->pubdate, sizeof c->pubdate, "%.10s", v);
  else if (strcmp (k, "OfferCode") == 0)
    snprintf (c->offer, sizeof c->offer, "%s", v);
  return CC_OK;
}

static int
aws_fields (aws_ctx *c, const cc_csv_row *row, const char **f, cc_err *err)
{
  int i;
  for (i = 0; i < NAWS; i++)
    {
      f[i] = c->col[i] >= 0 && (size_t) c->col[i] < row->nfield
        ? row->field[c->col[i]] : "";
      if (i < NREQ_AWS && f[i][0] == '\0' && i != A_END)
        return cc_err_set (err, CC_EDATA, c->path, row->line,
                           c->col[i] + 1, "item %ld: missing required field "
                           "'%s'", row->record - c->header - 1, aws_col[i]);
    }
  return CC_OK;
}

static int
aws_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  aws_ctx *c = ctx;
  const char *f[NAWS];
  cc_import_row r;
  char key[128], name[256];
  int rc;

  if (c->header == 0)
    return aws_meta (c, row, err);
  if ((rc = aws_fields (c, row, f, err)) != CC_OK)
    return rc;
  c->st->items++;
  if (strcmp (f[A_TERMTYPE], "OnDemand") != 0
      && strcmp (f[A_TERMTYPE], "Reserved") != 0)
    {
      c->st->skipped++;
      return CC_OK;
    }
  snprintf (key, sizeof key, "%s.%s", f[A_SKU], f[A_TERMCODE]);
  if (strcmp (key, c->key) != 0)
    {
      aws_flush (c);
      snprintf (c->key, sizeof c->key, "%s", key);
    }
  memset (&r, 0, sizeof r);
  if (cc_num_parse (f[A_PRICE], &r.unit_price) != 0 || r.unit_price < 0)
    return cc_err_set (err, CC_EDATA, c->path, row->line, c->col[A_PRICE] + 1,
                       "PricePerUnit '%s' is not a number >= 0", f[A_PRICE]);
  if (strcmp (f[A_UNIT], "Quantity") == 0
      && strcmp (f[A_TERMTYPE], "Reserved") == 0)
    {
      c->fee += r.unit_price;     /* the Upfront Fee dimension */
      c->has_fee = 1;
      return CC_OK;
    }
  if (cc_num_parse (f[A_START], &r.tier_start) != 0 || r.tier_start < 0)
    return cc_err_set (err, CC_EDATA, c->path, row->line, c->col[A_START] + 1,
                       "StartingRange '%s' is not a number >= 0", f[A_START]);
  if ((rc = aws_term (c, f, r.term, sizeof r.term, row->line, err)) != CC_OK)
    return rc;
  if (c->ndim == MAX_DIM)
    return cc_err_set (err, CC_EDATA, c->path, row->line, 0,
                       "more than %d price dimensions in term %s", MAX_DIM,
                       key);
  r.provider = "AWS";
  snprintf (r.service, sizeof r.service, "%s",
            f[A_SERVICE][0] ? f[A_SERVICE] : c->offer);
  snprintf (name, sizeof name, "%s %s %s", f[A_USAGETYPE], f[A_OPERATION],
            f[A_SKU]);
  cc_import_slug (r.sku, sizeof r.sku, name);
  cc_import_aws_region (r.region, sizeof r.region, f[A_REGION],
                        f[A_LOCATION]);
  snprintf (r.unit, sizeof r.unit, "%s", cc_import_aws_unit (f[A_UNIT]));
  snprintf (r.currency, sizeof r.currency, "%s", f[A_CURRENCY]);
  snprintf (r.effective, sizeof r.effective, "%.10s", f[A_EFFECTIVE]);
  snprintf (r.catalog, sizeof r.catalog, "AWS Price List (%.30s)", c->offer);
  snprintf (r.catalog_date, sizeof r.catalog_date, "%s",
            c->pubdate[0] ? c->pubdate : r.effective);
  snprintf (r.ids, sizeof r.ids, "SKU=%s;RateCode=%s", f[A_SKU],
            f[A_RATECODE]);
  c->dim_line[c->ndim] = row->line;
  c->dim[c->ndim++] = r;
  return CC_OK;
}

int
cc_import_aws_csv (const char *path, const cc_import_filter *flt, FILE *out,
                   cc_import_stats *st, cc_err *err)
{
  aws_ctx *c = calloc (1, sizeof *c);
  int rc;
  if (c == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  c->path = path;
  c->flt = flt;
  c->out = out;
  c->st = st;
  rc = cc_csv_read (path, aws_row, c, err);
  if (rc == CC_OK && c->header == 0)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0,
                     "not an AWS offer file: no header line starting with SKU");
  if (rc == CC_OK)
    aws_flush (c);
  free (c);
  return rc;
}
