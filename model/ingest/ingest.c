/* ingest.c: billing exports into monthly series, in parallel chunks. */
#include <config.h>

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "core/csvread.h"
#include "ingest/ingest.h"
#include "core/timeutil.h"
#include "core/units.h"

#define BLOCK (1 << 20)        /* read size per thread */
#define MAX_THREADS 64

/* ------------------------------------------------------------------ */
/* Compensated (Kahan-Neumaier) sums. */

typedef struct { double s, c; } nsum;

static inline void
nadd (nsum *a, double x)
{
  double t = a->s + x;
  if (fabs (a->s) >= fabs (x))
    a->c += (a->s - t) + x;
  else
    a->c += (x - t) + a->s;
  a->s = t;
}

static inline void
nmerge (nsum *a, const nsum *b)
{
  nadd (a, b->s);
  nadd (a, b->c);
}

static inline double
nval (const nsum *a)
{
  return a->s + a->c;
}

/* ------------------------------------------------------------------ */
/* Column roles and the formats' column names.  Header names are matched
 * after folding case and dropping everything but letters and digits, so
 * "lineItem/UsageStartDate" and "line_item_usage_start_date", or
 * "service.description" and "service_description", are the same column. */

enum
{
  R_DATE, R_COST, R_QTY, R_UNIT, R_QTY2, R_UNIT2, R_SERVICE, R_SERVICE2,
  R_CATEGORY, R_METER, R_METER2, R_CURRENCY, R_PROVIDER, R_LINETYPE,
  R_SPCOST, R_RICOST, R_SPTOTAL, R_SPUSED, R_RIUNUSEDUP, R_RIUNUSEDREC,
  R_RIARN, R_CREDITS, R_PRICE, R_NROLES
};

static const char *const role_name[R_NROLES] = {
  "period start", "cost", "quantity", "unit", "quantity", "unit", "service",
  "service", "category", "meter", "meter", "currency", "provider",
  "line item type", "savings plan effective cost",
  "reservation effective cost", "savings plan total commitment to date",
  "savings plan used commitment", "reservation unused amortized upfront fee",
  "reservation unused recurring fee", "reservation ARN", "credits", "price"
};

/* Candidate names per role, most specific first, "|"-separated. */
typedef struct
{
  const char *names[R_NROLES];
} colspec;

static const colspec focus_cols = { {
  [R_DATE] = "chargeperiodstart",
  [R_QTY] = "consumedquantity", [R_UNIT] = "consumedunit",
  [R_QTY2] = "pricingquantity", [R_UNIT2] = "pricingunit",
  [R_SERVICE] = "servicename", [R_CATEGORY] = "servicecategory",
  [R_METER] = "skumeter|xskumetername",
  [R_CURRENCY] = "billingcurrency",
  [R_PROVIDER] = "providername|serviceprovidername",
} };

static const colspec azure_cols = { {
  [R_DATE] = "date|usagedatetime",
  [R_QTY] = "quantity|usagequantity", [R_UNIT] = "unitofmeasure",
  [R_SERVICE] = "metercategory", [R_CATEGORY] = "servicefamily|consumedservice",
  [R_METER] = "metersubcategory", [R_METER2] = "metername",
  [R_CURRENCY] = "billingcurrencycode|billingcurrency|currency",
} };

static const colspec aws_cols = { {
  [R_DATE] = "lineitemusagestartdate",
  [R_QTY] = "lineitemusageamount", [R_UNIT] = "pricingunit",
  [R_SERVICE] = "lineitemproductcode", [R_SERVICE2] = "productservicecode",
  [R_CATEGORY] = "productproductfamily|productfamily",
  [R_METER] = "lineitemusagetype",
  [R_CURRENCY] = "lineitemcurrencycode",
  [R_LINETYPE] = "lineitemlineitemtype",
} };

static const colspec gcp_cols = { {
  [R_DATE] = "usagestarttime",
  [R_QTY] = "usageamountinpricingunits", [R_UNIT] = "usagepricingunit",
  [R_QTY2] = "usageamount", [R_UNIT2] = "usageunit",
  [R_SERVICE] = "servicedescription", [R_METER] = "skudescription",
  [R_CURRENCY] = "currency",
} };

static const colspec reported_cols = { {
  [R_DATE] = "date", [R_QTY] = "value", [R_UNIT] = "unit",
  [R_SERVICE] = "metric",
} };

/* ------------------------------------------------------------------ */
/* Group tables: open addressing on a key of joined strings. */

enum { K_PROVIDER, K_SERVICE, K_CATEGORY, K_METER, K_UNIT, K_CURRENCY, K_N };

typedef struct
{
  uint64_t hash;
  char *key;          /* K_N strings joined by '\x1f' */
  size_t keylen;
  long month;
  nsum cost, qty;
  long rows;
} group;

typedef struct
{
  group *g;           /* NULL key: empty slot */
  size_t n, cap;
} table;

static uint64_t
hash_key (const char *k, size_t n, long month)
{
  /* Eight bytes per step with a multiply-xorshift mix: the key is hashed
     once per row, so this is on the hot path. */
  const uint64_t m = 0x9FB21C651E98DF25ULL;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t) month * m) ^ n, w;
  while (n >= 8)
    {
      memcpy (&w, k, 8);
      h = (h ^ w) * m;
      h ^= h >> 32;
      k += 8;
      n -= 8;
    }
  if (n > 0)
    {
      w = 0;
      memcpy (&w, k, n);
      h = (h ^ w) * m;
    }
  h ^= h >> 29;
  h *= m;
  return h ^ (h >> 32);
}

static int
table_grow (table *t)
{
  size_t cap = t->cap ? 2 * t->cap : 256, i;
  group *g = calloc (cap, sizeof *g);
  if (g == NULL)
    return -1;
  for (i = 0; i < t->cap; i++)
    if (t->g[i].key != NULL)
      {
        size_t j = t->g[i].hash & (cap - 1);
        while (g[j].key != NULL)
          j = (j + 1) & (cap - 1);
        g[j] = t->g[i];
      }
  free (t->g);
  t->g = g;
  t->cap = cap;
  return 0;
}

/* The group for (key, month), created when new; NULL when out of memory. */
static group *
table_get (table *t, const char *key, size_t keylen, long month)
{
  uint64_t h = hash_key (key, keylen, month);
  size_t j;

  if (2 * (t->n + 1) > t->cap && table_grow (t) != 0)
    return NULL;
  j = h & (t->cap - 1);
  while (t->g[j].key != NULL)
    {
      group *g = &t->g[j];
      if (g->hash == h && g->month == month && g->keylen == keylen
          && memcmp (g->key, key, keylen) == 0)
        return g;
      j = (j + 1) & (t->cap - 1);
    }
  t->g[j].key = malloc (keylen + 1);
  if (t->g[j].key == NULL)
    return NULL;
  memcpy (t->g[j].key, key, keylen);
  t->g[j].key[keylen] = '\0';
  t->g[j].keylen = keylen;
  t->g[j].hash = h;
  t->g[j].month = month;
  t->n++;
  return &t->g[j];
}

static int
table_merge (table *dst, const table *src)
{
  size_t i;
  for (i = 0; i < src->cap; i++)
    {
      const group *s = &src->g[i];
      group *d;
      if (s->key == NULL)
        continue;
      d = table_get (dst, s->key, s->keylen, s->month);
      if (d == NULL)
        return -1;
      nmerge (&d->cost, &s->cost);
      nmerge (&d->qty, &s->qty);
      d->rows += s->rows;
    }
  return 0;
}

static void
table_clear (table *t)
{
  size_t i;
  for (i = 0; i < t->cap; i++)
    free (t->g[i].key);
  free (t->g);
  t->g = NULL;
  t->n = t->cap = 0;
}

/* Split a key into its K_N parts (in place: separators become NULs). */
static void
key_split (char *key, const char *part[K_N])
{
  int i;
  char *p = key;
  for (i = 0; i < K_N; i++)
    {
      char *sep = strchr (p, '\x1f');
      part[i] = p;
      if (sep != NULL)
        {
          *sep = '\0';
          p = sep + 1;
        }
      else
        p += strlen (p);
    }
}

/* ------------------------------------------------------------------ */
/* Per-file state shared by the workers (read-only while they run). */

typedef struct
{
  const cc_ingest_options *opt;
  const char *path;
  cc_ingest_format format;
  long ncols;
  int *col_slot;         /* header column -> slot, -1 when unused */
  int role_slot[R_NROLES];
  int role_col[R_NROLES];   /* 1-based column for messages, 0 if none */
  char *role_header[R_NROLES];
  int nslots;
  const char *const_provider;
  atomic_llong bytes_done;
} filectx;

/* A skipped row's location, relative to its chunk. */
typedef struct
{
  long line, col;
  int reason, role;
  char value[48];
} example;

typedef struct
{
  char code[16];
  nsum read, abs;
  long rows;
  nsum skipped;        /* cost of skipped rows whose cost column was a number */
  long skipped_rows;
} curtot;

typedef struct
{
  filectx *fc;
  struct csv_parser p;
  int parser_ok;

  /* The record being assembled: only the columns some role needs.  The
     column map is copied here so that on_field, called for every field,
     reaches it in one load. */
  const int *col_slot;
  long ncols;
  char **slot;
  size_t *slot_len, *slot_cap;
  unsigned char *slot_set;
  long nf;

  /* Header mode: the first record is kept whole. */
  int header_mode, header_done;
  char **hfield;
  size_t nh, hcap;

  long line;           /* newlines consumed in this chunk */
  long rec_line;       /* line (chunk-relative, 0-based) of the record */
  long long off, rec_off;   /* byte offsets (absolute) */
  int at_start;

  /* Results: groups go to *tp (the worker's own t, or its thread's). */
  table t, *tp;
  curtot cur[32];
  int ncur;
  long rows_read, rows_used, skipped[CC_SKIP_NREASONS];
  long rows_short, rows_long, null_cost, null_qty, neg_cost;
  example ex[CC_SKIP_NREASONS][CC_INGEST_EXAMPLES];
  int nex[CC_SKIP_NREASONS];

  int stop;            /* a strict error, a hard error or out of memory */
  int status;
  example strict_ex;
  char msg[512];       /* hard errors (chunk-relative line in hard_line) */
  long hard_line, hard_col;
  int csv_error;       /* libcsv refused the bytes: maybe a bad split */

  /* The keys of the current row. */
  char *kbuf;
  size_t kcap;

  /* The byte range of its chunk, the file, and whether it is the last. */
  long long start, end;
  int fd;
  int is_last;
} worker;

static int
worker_init (worker *w, filectx *fc)
{
  memset (w, 0, sizeof *w);
  w->fc = fc;
  w->tp = &w->t;
  w->at_start = 1;
  if (csv_init (&w->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    return -1;
  w->parser_ok = 1;
  return 0;
}

static int
worker_slots (worker *w)
{
  int n = w->fc->nslots;
  w->col_slot = w->fc->col_slot;
  w->ncols = w->fc->ncols;
  w->slot = calloc ((size_t) n + 1, sizeof *w->slot);
  w->slot_len = calloc ((size_t) n + 1, sizeof *w->slot_len);
  w->slot_cap = calloc ((size_t) n + 1, sizeof *w->slot_cap);
  w->slot_set = calloc ((size_t) n + 1, 1);
  return w->slot && w->slot_len && w->slot_cap && w->slot_set ? 0 : -1;
}

static void
worker_free (worker *w)
{
  size_t i;
  if (w->parser_ok)
    csv_free (&w->p);
  if (w->slot)
    for (i = 0; i < (size_t) w->fc->nslots; i++)
      free (w->slot[i]);
  free (w->slot);
  free (w->slot_len);
  free (w->slot_cap);
  free (w->slot_set);
  for (i = 0; i < w->nh; i++)
    free (w->hfield[i]);
  free (w->hfield);
  free (w->kbuf);
  table_clear (&w->t);
}

static void hard_error (worker *w, int status, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static void
hard_error (worker *w, int status, const char *fmt, ...)
{
  va_list ap;
  if (w->stop)
    return;
  w->stop = 1;
  w->status = status;
  w->hard_line = w->rec_line;
  va_start (ap, fmt);
  vsnprintf (w->msg, sizeof w->msg, fmt, ap);
  va_end (ap);
}

/* ------------------------------------------------------------------ */
/* Format detection and the column map. */

static void
norm_name (const char *s, char *out, size_t size)
{
  size_t j = 0;
  for (; *s && j + 1 < size; s++)
    if (isalnum ((unsigned char) *s))
      out[j++] = (char) tolower ((unsigned char) *s);
  out[j] = '\0';
}

/* Index of the first header column whose folded name is one of NAMES
 * ("a|b|c"), or -1. */
static long
find_col (char *const *hdr_norm, long n, const char *names)
{
  char want[96];
  const char *p = names;
  while (p && *p)
    {
      const char *bar = strchr (p, '|');
      size_t len = bar ? (size_t) (bar - p) : strlen (p);
      long i;
      if (len >= sizeof want)
        len = sizeof want - 1;
      memcpy (want, p, len);
      want[len] = '\0';
      for (i = 0; i < n; i++)
        if (strcmp (hdr_norm[i], want) == 0)
          return i;
      p = bar ? bar + 1 : NULL;
    }
  return -1;
}

static int
has (char *const *hn, long n, const char *names)
{
  return find_col (hn, n, names) >= 0;
}

static cc_ingest_format
detect (char *const *hn, long n)
{
  if (has (hn, n, "billedcost") && has (hn, n, "chargeperiodstart"))
    return CC_FMT_FOCUS;
  if (has (hn, n, "lineitemunblendedcost") && has (hn, n, "lineitemusagestartdate"))
    return CC_FMT_AWS_CUR;
  if (has (hn, n, "servicedescription") && has (hn, n, "usagestarttime")
      && has (hn, n, "cost"))
    return CC_FMT_GCP;
  if (has (hn, n, "usagedatetime") && has (hn, n, "pretaxcost"))
    return CC_FMT_AZURE;
  if (has (hn, n, "date") && has (hn, n, "metercategory")
      && has (hn, n, "costinbillingcurrency|cost|pretaxcost"))
    return CC_FMT_AZURE;
  if (has (hn, n, "date") && has (hn, n, "metric") && has (hn, n, "value")
      && has (hn, n, "unit"))
    return CC_FMT_REPORTED;
  return CC_FMT_AUTO;
}

/* Build the column map of fc from the header in w.  Returns CC_OK or an
 * error with err set. */
static int
build_map (filectx *fc, cc_ingest_report *rep, char **hdr, long n,
           cc_err *err)
{
  char **hn = calloc ((size_t) n + 1, sizeof *hn);
  const colspec *spec;
  const char *cost_names = NULL, *missing = NULL;
  const char *cost_shown = NULL, *date_shown = NULL, *service_shown = NULL;
  int price_times_qty = 0;   /* list cost as PayGPrice x Quantity */
  const cc_ingest_options *opt = fc->opt;
  cc_ingest_format f;
  long i;
  int r, rc = CC_OK;

  if (hn == NULL)
    return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
  for (i = 0; i < n; i++)
    {
      hn[i] = malloc (96);
      if (hn[i] == NULL)
        {
          rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
          goto out;
        }
      norm_name (hdr[i], hn[i], 96);
    }

  f = opt->format != CC_FMT_AUTO ? opt->format : detect (hn, n);
  if (f == CC_FMT_AUTO)
    {
      char first[256] = "";
      size_t len = 0;
      for (i = 0; i < n && i < 6 && len < sizeof first; i++)
        len += (size_t) snprintf (first + len, len < sizeof first ? sizeof first - len : 0,
                                  "%s%s", i ? "," : "", hdr[i]);
      if (len >= sizeof first)
        strcpy (first + sizeof first - 4, "...");
      rc = cc_err_set (err, CC_EDATA, fc->path, 1, 0,
                       "format not recognised (tried focus, azure, aws-cur, "
                       "gcp, reported); the header starts: %s%s",
                       first, n > 6 ? ",..." : "");
      goto out;
    }
  fc->format = f;

  for (r = 0; r < R_NROLES; r++)
    fc->role_slot[r] = -1, fc->role_col[r] = 0;

  switch (f)
    {
    case CC_FMT_FOCUS:
      spec = &focus_cols;
      cost_names = opt->cost == CC_COST_EFFECTIVE ? "effectivecost"
        : opt->cost == CC_COST_LIST ? "listcost" : "billedcost";
      cost_shown = opt->cost == CC_COST_EFFECTIVE ? "EffectiveCost"
        : opt->cost == CC_COST_LIST ? "ListCost" : "BilledCost";
      date_shown = "ChargePeriodStart";
      service_shown = "ServiceName";
      if (has (hn, n, "billingaccounttype|invoiceid|pricingcurrency|subaccounttype"
               "|pricingcurrencyeffectivecost"))
        strcpy (rep->version, "1.2");
      else if (has (hn, n, "capacityreservationid|commitmentdiscountquantity"
                    "|servicesubcategory|skumeter|skupricedetails"))
        strcpy (rep->version, "1.1");
      else
        strcpy (rep->version, "1.0");
      break;
    case CC_FMT_AZURE:
      spec = &azure_cols;
      fc->const_provider = "Microsoft";
      cost_names = opt->cost == CC_COST_LIST ? "paygcostinbillingcurrency"
        : "costinbillingcurrency|cost|pretaxcost";
      cost_shown = "CostInBillingCurrency, Cost or PreTaxCost";
      date_shown = "Date or UsageDateTime";
      service_shown = "MeterCategory";
      {
        long c = find_col (hn, n, "costinbillingcurrency|cost|pretaxcost");
        if (has (hn, n, "usagedatetime"))
          strcpy (rep->version, "legacy usage export (PreTaxCost)");
        else if (c >= 0 && strcmp (hn[c], "costinbillingcurrency") == 0
                 && islower ((unsigned char) hdr[c][0]))
          strcpy (rep->version, "MCA (camelCase)");
        else if (c >= 0 && strcmp (hn[c], "costinbillingcurrency") == 0)
          strcpy (rep->version, "EA (CostInBillingCurrency layout)");
        else
          strcpy (rep->version, "EA (Cost/Product layout)");
        if (opt->cost == CC_COST_LIST && !has (hn, n, cost_names))
          {
            cost_names = "paygprice";
            price_times_qty = 1;
          }
      }
      break;
    case CC_FMT_AWS_CUR:
      spec = &aws_cols;
      fc->const_provider = "AWS";
      cost_names = opt->cost == CC_COST_LIST ? "pricingpublicondemandcost"
        : "lineitemunblendedcost";
      cost_shown = opt->cost == CC_COST_LIST ? "pricing/publicOnDemandCost (for --cost list)"
        : "lineItem/UnblendedCost";
      date_shown = "lineItem/UsageStartDate";
      service_shown = "lineItem/ProductCode";
      {
        int legacy = 0;
        for (i = 0; i < n; i++)
          if (strchr (hdr[i], '/') != NULL)
            legacy = 1;
        strcpy (rep->version, legacy ? "legacy CUR" : "CUR 2.0");
      }
      break;
    case CC_FMT_GCP:
      spec = &gcp_cols;
      fc->const_provider = "Google Cloud";
      cost_names = opt->cost == CC_COST_LIST ? "costatlist" : "cost";
      cost_shown = opt->cost == CC_COST_LIST ? "cost_at_list (for --cost list)" : "cost";
      date_shown = "usage_start_time";
      service_shown = "service.description";
      strcpy (rep->version, has (hn, n, "resourcename")
              ? "detailed (resource-level) export" : "standard export");
      break;
    default:
      spec = &reported_cols;
      fc->const_provider = "reported";
      date_shown = "date";
      cost_names = NULL;
      strcpy (rep->version, "date,metric,value,unit");
      break;
    }

  /* Resolve the roles to header columns. */
  {
    long col[R_NROLES];
    for (r = 0; r < R_NROLES; r++)
      col[r] = spec->names[r] ? find_col (hn, n, spec->names[r]) : -1;
    col[R_COST] = -1;
    col[R_PRICE] = -1;
    if (cost_names != NULL)
      {
        long c = find_col (hn, n, cost_names);
        if (price_times_qty)
          {
            col[R_PRICE] = c;
            if (c < 0)
              missing = "PayGPrice or paygCostInBillingCurrency (for --cost list)";
          }
        else
          {
            col[R_COST] = c;
            if (c < 0)
              missing = cost_shown;
          }
      }
    if (f == CC_FMT_AWS_CUR && opt->cost == CC_COST_EFFECTIVE)
      {
        col[R_SPCOST] = find_col (hn, n, "savingsplansavingsplaneffectivecost");
        col[R_RICOST] = find_col (hn, n, "reservationeffectivecost");
        col[R_SPTOTAL] = find_col (hn, n, "savingsplantotalcommitmenttodate");
        col[R_SPUSED] = find_col (hn, n, "savingsplanusedcommitment");
        col[R_RIUNUSEDUP] = find_col (hn, n,
                                      "reservationunusedamortizedupfrontfeeforbillingperiod");
        col[R_RIUNUSEDREC] = find_col (hn, n, "reservationunusedrecurringfee");
        col[R_RIARN] = find_col (hn, n, "reservationreservationarn");
      }
    if (f == CC_FMT_GCP && opt->cost == CC_COST_EFFECTIVE)
      {
        col[R_CREDITS] = find_col (hn, n, "credits");
        if (col[R_CREDITS] < 0)
          missing = "credits (for --cost effective)";
      }
    /* Name the most basic missing column. */
    if (col[R_SERVICE] < 0 && col[R_SERVICE2] < 0 && f != CC_FMT_REPORTED)
      missing = service_shown;
    if (col[R_DATE] < 0)
      missing = date_shown;
    if (missing != NULL)
      {
        rc = cc_err_set (err, CC_EDATA, fc->path, 1, 0,
                         "the header has no %s column, which the %s format "
                         "needs", missing, cc_ingest_format_name (f));
        goto out;
      }

    fc->ncols = n;
    fc->col_slot = malloc ((size_t) n * sizeof *fc->col_slot);
    if (fc->col_slot == NULL)
      {
        rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
        goto out;
      }
    for (i = 0; i < n; i++)
      fc->col_slot[i] = -1;
    fc->nslots = 0;
    for (r = 0; r < R_NROLES; r++)
      if (col[r] >= 0)
        {
          if (fc->col_slot[col[r]] < 0)
            fc->col_slot[col[r]] = fc->nslots++;
          fc->role_slot[r] = fc->col_slot[col[r]];
          fc->role_col[r] = (int) col[r] + 1;
          fc->role_header[r] = strdup (hdr[col[r]]);
        }
  }
  rep->format = cc_ingest_format_name (f);

out:
  for (i = 0; i < n; i++)
    free (hn[i]);
  free (hn);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Rows. */

static int
is_null (const char *s, size_t n)
{
  return n == 0 || (n == 4 && strncasecmp (s, "NULL", 4) == 0);
}

/* Parse a number the way FOCUS allows it (plain or E notation).  Returns
 * 0 with *v set, 1 for null, -1 when not a number. */
static int
parse_num (const char *s, size_t n, double *v)
{
  char *end;
  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (is_null (s, n))
    return 1;
  /* Fast path for plain decimals of up to 15 digits: the digits and the
     power of ten are exact doubles, so one division rounds correctly
     (Clinger).  Anything else goes to strtod. */
  {
    static const double p10[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    size_t i = s[0] == '-';
    int nd = 0, frac = -1;
    int64_t m = 0;
    for (; i < n && nd <= 15; i++)
      {
        if (s[i] >= '0' && s[i] <= '9')
          {
            m = m * 10 + (s[i] - '0');
            nd++;
            if (frac >= 0)
              frac++;
          }
        else if (s[i] == '.' && frac < 0)
          frac = 0;
        else
          break;
      }
    if (i == n && nd > 0 && nd <= 15)
      {
        double v0 = (double) m / p10[frac > 0 ? frac : 0];
        *v = s[0] == '-' ? -v0 : v0;
        return 0;
      }
  }
  /* strtod would also take hex, inf and nan; billing numbers are decimal. */
  if (!(isdigit ((unsigned char) s[0]) || s[0] == '-' || s[0] == '+' || s[0] == '.'))
    return -1;
  errno = 0;
  *v = strtod (s, &end);
  if (end != s + n || errno == ERANGE || !isfinite (*v)
      || memchr (s, 'x', n) || memchr (s, 'X', n))
    return -1;
  /* Beyond the cap, sums could overflow to inf. */
  if (fabs (*v) > CC_INGEST_MAX_NUMBER)
    return -1;
  return 0;
}

/* Sum the amounts in a GCP credits list, written as JSON or as a Python
 * literal: [{'name': ..., 'amount': -5e-06, ...}].  Returns 0 or -1. */
static int
parse_credits (const char *s, double *sum)
{
  const char *p = s;
  *sum = 0;
  while ((p = strstr (p, "amount")) != NULL)
    {
      char *end;
      double v;
      p += 6;
      if (*p == '\'' || *p == '"')
        p++;
      while (*p == ' ')
        p++;
      if (*p != ':')
        continue;
      p++;
      while (*p == ' ')
        p++;
      v = strtod (p, &end);
      if (end == p || !isfinite (v))
        return -1;
      *sum += v;
      p = end;
    }
  return 0;
}

static const char *
slot_str (const worker *w, int role, size_t *len)
{
  int s = w->fc->role_slot[role];
  if (s < 0 || !w->slot_set[s])
    {
      *len = 0;
      return "";
    }
  *len = w->slot_len[s];
  return w->slot[s];
}

static int find_currency (worker *w, const char *code);
static char key_char (char c);

/* Keep the cost a skipped row carries, when its cost column is a number,
 * so that the report accounts for every unit of cost in the file. */
static void
note_skipped_cost (worker *w)
{
  size_t n, nc;
  const char *s, *cur;
  char code[16];
  double v;
  int i;

  if (w->fc->role_slot[R_COST] < 0)
    return;
  s = slot_str (w, R_COST, &n);
  if (parse_num (s, n, &v) != 0)
    return;
  cur = slot_str (w, R_CURRENCY, &nc);
  if (is_null (cur, nc))
    nc = 0;
  if (nc >= sizeof code)
    nc = sizeof code - 1;
  for (i = 0; i < (int) nc; i++)
    code[i] = key_char (cur[i]);
  code[nc] = '\0';
  if ((i = find_currency (w, code)) < 0)
    return;
  nadd (&w->cur[i].skipped, v);
  w->cur[i].skipped_rows++;
}

/* Record a skipped row; returns 1 when the run must stop (strict). */
static int
skip_row (worker *w, int reason, int role, const char *value)
{
  example *e;
  w->skipped[reason]++;
  note_skipped_cost (w);
  if (w->nex[reason] < CC_INGEST_EXAMPLES)
    e = &w->ex[reason][w->nex[reason]++];
  else if (w->fc->opt->strict)
    e = &w->strict_ex;
  else
    return 0;
  e->line = w->rec_line;
  e->col = w->fc->role_col[role];
  e->reason = reason;
  e->role = role;
  snprintf (e->value, sizeof e->value, "%s", value);
  if (w->fc->opt->strict)
    {
      w->strict_ex = *e;
      w->stop = 1;
      w->status = CC_EDATA;
      return 1;
    }
  return 0;
}

/* The index of currency CODE in w->cur, added when new; -1 when full. */
static int
find_currency (worker *w, const char *code)
{
  int i;
  for (i = 0; i < w->ncur; i++)
    if (strcmp (w->cur[i].code, code) == 0)
      return i;
  if (w->ncur == (int) (sizeof w->cur / sizeof w->cur[0]))
    return -1;
  memset (&w->cur[i], 0, sizeof w->cur[i]);
  snprintf (w->cur[i].code, sizeof w->cur[i].code, "%s", code);
  w->ncur++;
  return i;
}

static int
add_currency (worker *w, const char *code, double cost)
{
  int i = find_currency (w, code);
  if (i < 0)
    return -1;
  nadd (&w->cur[i].read, cost);
  nadd (&w->cur[i].abs, fabs (cost));
  w->cur[i].rows++;
  return 0;
}

/* A byte of a group key: the separator, NUL (keys are C strings) and line
 * breaks become spaces. */
static char
key_char (char c)
{
  return c == '\x1f' || c == '\0' || c == '\n' || c == '\r' ? ' ' : c;
}

static int
key_append (worker *w, size_t *at, const char *s, size_t n, int last)
{
  size_t need = *at + n + 2;
  size_t i;
  if (need > w->kcap)
    {
      size_t cap = w->kcap ? w->kcap : 256;
      char *k;
      while (cap < need)
        cap *= 2;
      k = realloc (w->kbuf, cap);
      if (k == NULL)
        return -1;
      w->kbuf = k;
      w->kcap = cap;
    }
  /* The separator, NUL and line breaks cannot appear inside a part. */
  for (i = 0; i < n; i++)
    w->kbuf[*at + i] = key_char (s[i]);
  *at += n;
  if (!last)
    w->kbuf[(*at)++] = '\x1f';
  return 0;
}

/* The number in ROLE's column; a missing column or a null counts 0.
 * Returns 0, or -1 after skipping the row. */
static int
role_num (worker *w, int role, double *v)
{
  size_t n;
  const char *s = slot_str (w, role, &n);
  int rc = parse_num (s, n, v);
  if (rc < 0)
    {
      skip_row (w, CC_SKIP_COST_BAD, role, s);
      return -1;
    }
  if (rc == 1)
    *v = 0;
  return 0;
}

static int
linetype_is (const char *lt, size_t n, const char *name)
{
  return n == strlen (name) && strncasecmp (lt, name, n) == 0;
}

/* AWS's amortized cost (the formula of AWS's CUR query library): covered
 * usage at its effective cost, the unused part of savings plans and
 * reservations, and the fees and negations that pay for used commitment
 * out.  *COST holds the unblended cost on entry.  Returns 0, or -1 after
 * skipping the row. */
static int
aws_amortized (worker *w, double *cost)
{
  size_t nt, na;
  const char *lt = slot_str (w, R_LINETYPE, &nt);
  double a, b;

  if (linetype_is (lt, nt, "SavingsPlanCoveredUsage"))
    return role_num (w, R_SPCOST, cost);
  if (linetype_is (lt, nt, "DiscountedUsage"))
    return role_num (w, R_RICOST, cost);
  if (linetype_is (lt, nt, "SavingsPlanRecurringFee"))
    {
      if (role_num (w, R_SPTOTAL, &a) || role_num (w, R_SPUSED, &b))
        return -1;
      *cost = a - b;
    }
  else if (linetype_is (lt, nt, "RIFee"))
    {
      if (role_num (w, R_RIUNUSEDUP, &a) || role_num (w, R_RIUNUSEDREC, &b))
        return -1;
      *cost = a + b;
    }
  else if (linetype_is (lt, nt, "SavingsPlanNegation")
           || linetype_is (lt, nt, "SavingsPlanUpfrontFee"))
    *cost = 0;
  else if (linetype_is (lt, nt, "Fee"))
    {
      const char *arn = slot_str (w, R_RIARN, &na);
      if (!is_null (arn, na))
        *cost = 0;   /* a reservation's upfront fee, amortized in DiscountedUsage */
    }
  return 0;
}

static void
process_row (worker *w)
{
  const filectx *fc = w->fc;
  const cc_ingest_options *opt = fc->opt;
  size_t n, nunit, nprov, nsvc, ncat, nmeter, ncur;
  const char *s, *unit, *prov, *svc, *cat, *meter, *cur;
  long month;
  double cost = 0, qty = 0;
  int rc;
  size_t at = 0;
  group *g;

  w->rows_read++;
  if (w->nf < fc->ncols)
    w->rows_short++;
  else if (w->nf > fc->ncols)
    w->rows_long++;

  s = slot_str (w, R_DATE, &n);
  if (is_null (s, n))
    {
      skip_row (w, CC_SKIP_DATE_MISSING, R_DATE, s);
      return;
    }
  if (cc_billing_month (s, n, &month) != 0)
    {
      skip_row (w, CC_SKIP_DATE_BAD, R_DATE, s);
      return;
    }

  /* Quantity and unit: the first pair whose unit is given. */
  s = slot_str (w, R_QTY, &n);
  unit = slot_str (w, R_UNIT, &nunit);
  if (fc->role_slot[R_QTY2] >= 0 && is_null (unit, nunit))
    {
      size_t n2, nu2;
      const char *s2 = slot_str (w, R_QTY2, &n2);
      const char *u2 = slot_str (w, R_UNIT2, &nu2);
      if (!is_null (u2, nu2) || is_null (s, n))
        {
          s = s2, n = n2, unit = u2, nunit = nu2;
          rc = parse_num (s, n, &qty);
          if (rc < 0)
            {
              skip_row (w, CC_SKIP_QUANTITY_BAD, R_QTY2, s);
              return;
            }
          goto have_qty;
        }
    }
  rc = parse_num (s, n, &qty);
  if (rc < 0)
    {
      skip_row (w, CC_SKIP_QUANTITY_BAD, R_QTY, s);
      return;
    }
have_qty:
  if (rc == 1)
    {
      qty = 0;
      w->null_qty++;
    }
  if (is_null (unit, nunit))
    nunit = 0;

  /* Cost on the chosen basis. */
  if (fc->role_slot[R_PRICE] >= 0)
    {
      double price;
      s = slot_str (w, R_PRICE, &n);
      rc = parse_num (s, n, &price);
      if (rc < 0)
        {
          skip_row (w, CC_SKIP_COST_BAD, R_PRICE, s);
          return;
        }
      cost = rc == 1 ? 0 : price * qty;
      if (rc == 1)
        w->null_cost++;
    }
  else if (fc->role_slot[R_COST] >= 0)
    {
      s = slot_str (w, R_COST, &n);
      rc = parse_num (s, n, &cost);
      if (rc < 0)
        {
          skip_row (w, CC_SKIP_COST_BAD, R_COST, s);
          return;
        }
      if (rc == 1)
        {
          cost = 0;
          w->null_cost++;
        }
      if (fc->format == CC_FMT_AWS_CUR && opt->cost == CC_COST_EFFECTIVE
          && aws_amortized (w, &cost) != 0)
        return;
      if (fc->role_slot[R_CREDITS] >= 0)
        {
          double credits;
          s = slot_str (w, R_CREDITS, &n);
          if (!is_null (s, n))
            {
              if (parse_credits (s, &credits) != 0)
                {
                  skip_row (w, CC_SKIP_COST_BAD, R_CREDITS, s);
                  return;
                }
              cost += credits;
            }
        }
    }
  if (cost < 0)
    w->neg_cost++;

  /* The group key.  Categorical values keep their spelling; families and
     units are mapped once per group at the end. */
  if (fc->const_provider)
    prov = fc->const_provider, nprov = strlen (prov);
  else
    prov = slot_str (w, R_PROVIDER, &nprov);
  svc = slot_str (w, R_SERVICE, &nsvc);
  if (is_null (svc, nsvc))
    svc = slot_str (w, R_SERVICE2, &nsvc);
  cat = slot_str (w, R_CATEGORY, &ncat);
  meter = slot_str (w, R_METER, &nmeter);
  if (is_null (meter, nmeter))
    meter = slot_str (w, R_METER2, &nmeter);
  cur = slot_str (w, R_CURRENCY, &ncur);
  if (is_null (prov, nprov)) nprov = 0;
  if (is_null (svc, nsvc)) nsvc = 0;
  if (is_null (cat, ncat)) ncat = 0;
  if (is_null (meter, nmeter)) nmeter = 0;
  if (is_null (cur, ncur)) ncur = 0;
  if (ncur >= sizeof w->cur[0].code)
    ncur = sizeof w->cur[0].code - 1;

  if (nprov + nsvc + ncat + nmeter + nunit > CC_INGEST_MAX_LABELS)
    {
      hard_error (w, CC_EDATA, "provider, service, category, meter and unit "
                  "together longer than %d bytes (the cap)",
                  CC_INGEST_MAX_LABELS);
      return;
    }
  if (key_append (w, &at, prov, nprov, 0) || key_append (w, &at, svc, nsvc, 0)
      || key_append (w, &at, cat, ncat, 0) || key_append (w, &at, meter, nmeter, 0)
      || key_append (w, &at, unit, nunit, 0) || key_append (w, &at, cur, ncur, 1)
      || (g = table_get (w->tp, w->kbuf, at, month)) == NULL)
    {
      hard_error (w, CC_ESOFTWARE, "out of memory");
      return;
    }
  if (w->tp->n > CC_INGEST_MAX_GROUPS)
    {
      hard_error (w, CC_EDATA, "more than %d groups (distinct provider, "
                  "service, meter, unit, currency and month; the cap)",
                  CC_INGEST_MAX_GROUPS);
      return;
    }
  nadd (&g->cost, cost);
  nadd (&g->qty, qty);
  g->rows++;
  {
    char code[16];
    /* As written in the key, so that the reconciliation finds it. */
    memcpy (code, w->kbuf + at - ncur, ncur);
    code[ncur] = '\0';
    if (add_currency (w, code, cost) != 0)
      {
        hard_error (w, CC_EDATA, "more than 32 currencies in one file "
                    "(at '%s')", code);
        return;
      }
  }
  w->rows_used++;
}

/* libcsv callbacks. */
static void
on_field (void *data, size_t len, void *w_)
{
  worker *w = w_;
  long i = w->nf++;

  if (__builtin_expect (w->stop | w->header_mode, 0))
    {
      char *f;
      if (w->stop)
        return;
      if (i >= CC_CSV_MAX_FIELDS)
        {
          hard_error (w, CC_EDATA, "more than %d columns in the header (the "
                      "cap)", CC_CSV_MAX_FIELDS);
          return;
        }
      if ((size_t) i >= w->hcap)
        {
          size_t cap = w->hcap ? 2 * w->hcap : 64;
          char **h = realloc (w->hfield, cap * sizeof *h);
          if (h == NULL)
            {
              hard_error (w, CC_ESOFTWARE, "out of memory");
              return;
            }
          w->hfield = h;
          w->hcap = cap;
        }
      f = malloc (len + 1);
      if (f == NULL)
        {
          hard_error (w, CC_ESOFTWARE, "out of memory");
          return;
        }
      memcpy (f, data, len);
      f[len] = '\0';
      w->hfield[w->nh++] = f;
      return;
    }
  if (i < w->ncols)
    {
      int s = w->col_slot[i];
      if (s >= 0)
        {
          if (len + 1 > w->slot_cap[s])
            {
              size_t cap = w->slot_cap[s] ? w->slot_cap[s] : 32;
              char *p;
              while (cap < len + 1)
                cap *= 2;
              p = realloc (w->slot[s], cap);
              if (p == NULL)
                {
                  hard_error (w, CC_ESOFTWARE, "out of memory");
                  return;
                }
              w->slot[s] = p;
              w->slot_cap[s] = cap;
            }
          memcpy (w->slot[s], data, len);
          w->slot[s][len] = '\0';
          w->slot_len[s] = len;
          w->slot_set[s] = 1;
        }
    }
}

static void
on_record (int c, void *w_)
{
  worker *w = w_;
  (void) c;
  if (!w->stop)
    {
      if (w->header_mode)
        {
          w->header_mode = 0;
          w->header_done = 1;
        }
      else if (w->col_slot == NULL)
        /* A safety net: the header path maps the columns before any data
           record can arrive. */
        hard_error (w, CC_EDATA, "a record arrived before the header's "
                    "columns were mapped");
      else
        {
          process_row (w);
          memset (w->slot_set, 0, (size_t) w->fc->nslots);
        }
    }
  w->nf = 0;
  w->at_start = 1;
}

/* Feed bytes at absolute offset OFF, one line at a time so that every
 * record knows the line it starts on.  Stops after the header when
 * STOP_AFTER_HEADER; returns the bytes consumed then. */
static size_t
feed (worker *w, const char *s, size_t n, int stop_after_header)
{
  size_t done = 0;
  while (done < n && !w->stop)
    {
      const char *p = s + done;
      const char *nl = memchr (p, '\n', n - done);
      size_t piece = nl ? (size_t) (nl - p) + 1 : n - done;
      if (stop_after_header)
        {
          /* libcsv also ends a record at a lone CR: stop the header there,
             before the record after it reaches a worker without slots. */
          const char *cr = memchr (p, '\r', piece);
          if (cr != NULL && (size_t) (cr - p) + 1 < piece)
            {
              piece = (size_t) (cr - p) + 1;
              nl = NULL;
            }
        }
      if (w->at_start)
        {
          size_t k;
          for (k = 0; k < piece && (p[k] == '\n' || p[k] == '\r'); k++)
            ;
          if (k < piece)
            {
              w->at_start = 0;
              w->rec_line = w->line;
              w->rec_off = w->off + (long long) k;
            }
        }
      if (csv_parse (&w->p, p, piece, on_field, on_record, w) != piece)
        {
          if (!w->stop)
            {
              w->csv_error = 1;
              if (csv_error (&w->p) == CSV_EPARSE)
                hard_error (w, CC_EDATA, "malformed CSV: a quote inside an "
                            "unquoted field, or text after a closing quote");
              else
                hard_error (w, CC_EDATA, "malformed CSV (%s)",
                            csv_strerror (csv_error (&w->p)));
              w->hard_line = w->line;
              w->hard_col = w->nf + 1;
            }
          return done;
        }
      if (w->p.entry_pos > (size_t) CC_CSV_MAX_FIELD && !w->stop)
        {
          hard_error (w, CC_EDATA, "field longer than %ld bytes (the cap)%s",
                      CC_CSV_MAX_FIELD, w->rec_line < w->line
                      ? "; an unterminated quote?" : "");
          w->hard_col = w->nf + 1;
          return done;
        }
      done += piece;
      w->off += (long long) piece;
      if (nl)
        w->line++;
      if (stop_after_header && w->header_done)
        break;
    }
  return done;
}

/* The end of the input: flush a last record without a line break. */
static int
finish (worker *w)
{
  if (w->stop)
    return 0;
  if (csv_fini (&w->p, on_field, on_record, w) != 0)
    {
      w->csv_error = 2;
      w->stop = 1;
      w->status = CC_EDATA;
      w->hard_line = w->rec_line;
      snprintf (w->msg, sizeof w->msg,
                "file ends inside a quoted field (the record starts at byte "
                "offset %lld)", w->rec_off);
      return -1;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* The workspace. */

struct cc_ingest
{
  cc_ingest_options opt;
  const cc_servicemap *services;
  const cc_unitmap *units;
  table raw;                  /* all files, before mapping */
  cc_ingest_report *rep;
  size_t nrep;
  /* After finish. */
  table out;
  cc_series_row *rows;
  size_t nrows;
  char **unknown;
  size_t nunknown;
  int finished;
};

cc_ingest *
cc_ingest_alloc (const cc_ingest_options *opt, const cc_servicemap *services,
                 const cc_unitmap *units)
{
  cc_ingest *in = calloc (1, sizeof *in);
  if (in == NULL)
    return NULL;
  if (opt)
    in->opt = *opt;
  if (in->opt.min_chunk <= 0)
    in->opt.min_chunk = 8LL << 20;
  in->services = services;
  in->units = units;
  return in;
}

static void
free_report (cc_ingest_report *r)
{
  size_t i;
  free (r->path);
  free (r->currency);
  for (i = 0; i < r->nunknown_unit; i++)
    free (r->unknown_unit[i]);
  free (r->unknown_unit);
}

void
cc_ingest_free (cc_ingest *in)
{
  size_t i;
  if (in == NULL)
    return;
  table_clear (&in->raw);
  table_clear (&in->out);
  for (i = 0; i < in->nrep; i++)
    free_report (&in->rep[i]);
  free (in->rep);
  free (in->rows);
  for (i = 0; i < in->nunknown; i++)
    free (in->unknown[i]);
  free (in->unknown);
  free (in);
}

const char *
cc_ingest_format_name (cc_ingest_format f)
{
  switch (f)
    {
    case CC_FMT_FOCUS: return "focus";
    case CC_FMT_AZURE: return "azure";
    case CC_FMT_AWS_CUR: return "aws-cur";
    case CC_FMT_GCP: return "gcp";
    case CC_FMT_REPORTED: return "reported";
    default: return "auto";
    }
}

const char *
cc_ingest_skip_name (int reason)
{
  static const char *const names[CC_SKIP_NREASONS] = {
    "missing_date", "bad_date", "bad_cost", "bad_quantity"
  };
  return reason >= 0 && reason < CC_SKIP_NREASONS ? names[reason] : "?";
}

static const char *
skip_text (int reason)
{
  static const char *const t[CC_SKIP_NREASONS] = {
    "no period start", "period start in no known date form",
    "cost is not a number", "quantity is not a number"
  };
  return t[reason];
}

static int
add_unknown (char ***list, size_t *n, const char *u)
{
  size_t i;
  char **l;
  for (i = 0; i < *n; i++)
    if (strcmp ((*list)[i], u) == 0)
      return 0;
  l = realloc (*list, (*n + 1) * sizeof *l);
  if (l == NULL)
    return -1;
  *list = l;
  if ((l[*n] = strdup (u)) == NULL)
    return -1;
  (*n)++;
  return 0;
}

/* Map a unit: size units for reported usage (a stock held for the month,
 * in billing GB of 2^30 bytes like the providers' GB-month), units.csv for
 * everything else.  Returns 1 when known. */
static int
map_unit (const cc_ingest *in, const char *provider, const char *unit,
          const char **canon, double *factor)
{
  if (strcmp (provider, "reported") == 0)
    {
      const cc_size_unit *su = cc_size_unit_find (unit);
      if (su != NULL)
        {
          *canon = "GB-month";
          *factor = su->bytes / 1073741824.0;
          return 1;
        }
    }
  return cc_unitmap_lookup (in->units, unit, canon, factor);
}

/* ------------------------------------------------------------------ */
/* Reading a file. */

/* Chunks are many more than threads (8 per thread) and threads take the
 * next one when done, so a thread slowed by other work on a shared CPU
 * does not hold the others up. */
typedef struct
{
  worker *w;               /* one per chunk, in file order */
  int nchunks;
  int count_quotes;        /* phase 1: quote parity of each chunk's range */
  unsigned char *parity;
  table *tables;           /* phase 2: one group table per thread */
  atomic_int next;         /* the next chunk to take */
  atomic_int stop_at;      /* the first chunk that stopped */
  atomic_int finished;     /* threads done */
  atomic_llong done;       /* bytes parsed, for progress */
} pool;

typedef struct
{
  pool *p;
  int id;
} pool_arg;

/* The parity of the number of '"' bytes in S, eight bytes at a time: a
 * byte of x is zero exactly where S has a quote, and the high bit of t is
 * clear exactly there; XOR keeps the parity of every bit position. */
static int
quote_parity (const char *s, size_t n)
{
  const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL, q = 0x2222222222222222ULL;
  uint64_t acc = 0;
  size_t i = 0;
  int par = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w, x, t;
      memcpy (&w, s + i, 8);
      x = w ^ q;
      t = ((x & lo7) + lo7) | x;
      acc ^= ~t & ~lo7;
    }
  for (; i < n; i++)
    par ^= s[i] == '"';
  return par ^ __builtin_parityll (acc);
}

/* Read chunk I of the pool with pread and feed it (or take its quote
 * parity), using BUF and the group table of thread ID. */
static void
run_chunk (pool *p, int i, char *buf, int id)
{
  worker *w = &p->w[i];
  long long pos = w->start;
  int par = 0;

  if (!p->count_quotes)
    w->tp = &p->tables[id];
  w->off = pos;
  while (pos < w->end && !w->stop)
    {
      size_t want = (size_t) (w->end - pos < BLOCK ? w->end - pos : BLOCK);
      ssize_t got = pread (w->fd, buf, want, pos);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          hard_error (w, got < 0 ? CC_EIO : CC_EDATA, "read error: %s",
                      got < 0 ? strerror (errno) : "file shrank while read");
          break;
        }
      if (p->count_quotes)
        par ^= quote_parity (buf, (size_t) got);
      else
        {
          feed (w, buf, (size_t) got, 0);
          atomic_fetch_add (&p->done, (long long) got);
        }
      pos += got;
    }
  if (p->count_quotes)
    p->parity[i] = (unsigned char) par;
  else if (!w->stop && w->is_last)
    finish (w);
  else if (!w->stop)
    {
      /* A chunk ends on a line break outside quotes; anything pending means
         the split guessed wrong. */
      if (csv_fini (&w->p, on_field, on_record, w) != 0)
        {
          w->csv_error = 2;
          w->stop = 1;
          w->status = CC_EDATA;
        }
    }
  if (w->stop)
    {
      int cur = atomic_load (&p->stop_at);
      while (i < cur && !atomic_compare_exchange_weak (&p->stop_at, &cur, i))
        ;
    }
}

static void *
pool_thread (void *arg)
{
  pool_arg *a = arg;
  pool *p = a->p;
  char *buf = malloc (BLOCK);
  int i;

  while ((i = atomic_fetch_add (&p->next, 1)) < p->nchunks)
    {
      if (buf == NULL)
        {
          hard_error (&p->w[i], CC_ESOFTWARE, "out of memory");
          continue;
        }
      /* After a stop, later chunks cannot matter. */
      if (!p->count_quotes && i > atomic_load (&p->stop_at))
        continue;
      run_chunk (p, i, buf, a->id);
    }
  free (buf);
  atomic_fetch_add (&p->finished, 1);
  return NULL;
}

/* Where to end the chunk that nominally ends at POS: after the first line
 * break outside quotes at or after POS, given the quote parity at POS. */
static long long
safe_boundary (int fd, long long pos, long long end, int inside)
{
  char buf[1 << 16];
  while (pos < end)
    {
      size_t want = (size_t) (end - pos < (long long) sizeof buf ? end - pos
                              : (long long) sizeof buf);
      ssize_t got = pread (fd, buf, want, pos), i;
      if (got <= 0)
        return end;
      for (i = 0; i < got; i++)
        {
          if (buf[i] == '"')
            inside = !inside;
          else if (buf[i] == '\n' && !inside)
            return pos + i + 1;
        }
      pos += got;
    }
  return end;
}

static void
sleep_ms (long ms)
{
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
  nanosleep (&ts, NULL);
}

/* Run the pool on NTHREADS threads; this thread reports progress. */
static void
run_pool (cc_ingest *in, pool *p, int nthreads, const char *path,
          long long total)
{
  pthread_t tid[MAX_THREADS];
  pool_arg arg[MAX_THREADS];
  int i, started = 0;

  atomic_init (&p->next, 0);
  atomic_init (&p->stop_at, p->nchunks);
  atomic_init (&p->finished, 0);
  atomic_init (&p->done, 0);
  for (i = 0; i < nthreads; i++)
    {
      arg[i].p = p;
      arg[i].id = i;
    }
  if (nthreads > 1 || (in->opt.progress != NULL && !p->count_quotes))
    for (i = 0; i < nthreads; i++)
      if (pthread_create (&tid[started], NULL, pool_thread, &arg[started]) == 0)
        started++;
  if (started == 0)
    {
      /* One thread, or none could be started: do it here. */
      pool_thread (&arg[0]);
      return;
    }
  if (in->opt.progress != NULL && !p->count_quotes)
    while (atomic_load (&p->finished) < started)
      {
        sleep_ms (250);
        in->opt.progress (in->opt.progress_ctx, path, atomic_load (&p->done),
                          total);
      }
  for (i = 0; i < started; i++)
    pthread_join (tid[i], NULL);
}

/* Fill the report from finished workers (chunk order) and merge their
 * groups into the file table.  FIRST_LINE[i] is the 1-based line on which
 * chunk i starts.  Returns the index of the first stopped worker, or -1. */
static int
collect (worker *w, int n, const long *first_line, cc_ingest_report *rep,
         table *ft, curtot *ct, int *nct)
{
  int i, k, r, stopped = -1;
  for (i = 0; i < n; i++)
    {
      rep->rows_read += w[i].rows_read;
      rep->rows_used += w[i].rows_used;
      rep->rows_short += w[i].rows_short;
      rep->rows_long += w[i].rows_long;
      rep->null_cost += w[i].null_cost;
      rep->null_quantity += w[i].null_qty;
      rep->negative_cost += w[i].neg_cost;
      for (r = 0; r < CC_SKIP_NREASONS; r++)
        {
          rep->skipped[r] += w[i].skipped[r];
          rep->rows_skipped += w[i].skipped[r];
          for (k = 0; k < w[i].nex[r] && rep->nexample[r] < CC_INGEST_EXAMPLES; k++)
            {
              rep->example_line[r][rep->nexample[r]] = first_line[i] + w[i].ex[r][k].line;
              rep->example_col[r][rep->nexample[r]] = w[i].ex[r][k].col;
              rep->nexample[r]++;
            }
        }
      if (table_merge (ft, &w[i].t) != 0)
        return -2;
      for (k = 0; k < w[i].ncur; k++)
        {
          int c;
          for (c = 0; c < *nct; c++)
            if (strcmp (ct[c].code, w[i].cur[k].code) == 0)
              break;
          if (c == *nct)
            {
              if (*nct == 32)
                return -3;
              memset (&ct[c], 0, sizeof ct[c]);
              strcpy (ct[c].code, w[i].cur[k].code);
              (*nct)++;
            }
          nmerge (&ct[c].read, &w[i].cur[k].read);
          nmerge (&ct[c].abs, &w[i].cur[k].abs);
          ct[c].rows += w[i].cur[k].rows;
          nmerge (&ct[c].skipped, &w[i].cur[k].skipped);
          ct[c].skipped_rows += w[i].cur[k].skipped_rows;
        }
      if (w[i].stop && stopped < 0)
        stopped = i;
    }
  return stopped;
}

/* The message of a stopped worker, with absolute lines. */
static int
worker_error (const worker *w, const filectx *fc, long first_line, cc_err *err)
{
  if (w->status == CC_EDATA && w->msg[0] == '\0')
    {
      const example *e = &w->strict_ex;
      const char *h = fc->role_header[e->role];
      return cc_err_set (err, CC_EDATA, fc->path, first_line + e->line, e->col,
                         "%s: '%s' in column %s (--strict stops at the first "
                         "bad row)", skip_text (e->reason), e->value,
                         h ? h : role_name[e->role]);
    }
  return cc_err_set (err, w->status, fc->path, first_line + w->hard_line,
                     w->hard_col,
                     "%s", w->msg);
}

static void
filectx_free (filectx *fc)
{
  int r;
  free (fc->col_slot);
  for (r = 0; r < R_NROLES; r++)
    free (fc->role_header[r]);
}

/* Check the series against the row-level totals, per currency. */
static int
reconcile (cc_ingest_report *rep, table *ft, curtot *ct, int nct, cc_err *err)
{
  nsum ser[32];
  int c;
  size_t i;

  memset (ser, 0, sizeof ser);
  for (i = 0; i < ft->cap; i++)
    if (ft->g[i].key != NULL)
      {
        const char *cur = strrchr (ft->g[i].key, '\x1f') + 1;
        for (c = 0; c < nct; c++)
          if (strcmp (ct[c].code, cur) == 0)
            break;
        if (c == nct)
          return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                             "reconciliation: currency '%s' in the series was "
                             "never read", cur);
        nmerge (&ser[c], &ft->g[i].cost);
      }
  rep->currency = calloc ((size_t) nct + 1, sizeof *rep->currency);
  if (rep->currency == NULL)
    return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0, "out of memory");
  rep->ncurrency = (size_t) nct;
  for (c = 0; c < nct; c++)
    {
      cc_ingest_currency *o = &rep->currency[c];
      strcpy (o->code, ct[c].code);
      o->read = nval (&ct[c].read);
      o->series = nval (&ser[c]);
      o->abs_read = nval (&ct[c].abs);
      o->rows = ct[c].rows;
      o->skipped = nval (&ct[c].skipped);
      o->skipped_rows = ct[c].skipped_rows;
      if (fabs (o->read - o->series) > 1e-9 * o->abs_read)
        return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                           "reconciliation failed for currency '%s': read "
                           "%.17g, series %.17g", o->code, o->read, o->series);
    }
  return CC_OK;
}

static int
open_input (const char *path, int *fd, cc_err *err)
{
  if (strcmp (path, "-") == 0)
    *fd = dup (STDIN_FILENO);
  else
    *fd = open (path, O_RDONLY);
  if (*fd < 0)
    return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno));
  {
    struct stat st;
    if (fstat (*fd, &st) == 0 && S_ISDIR (st.st_mode))
      {
        close (*fd);
        *fd = -1;
        return cc_err_set (err, CC_ENOINPUT, path, 0, 0,
                           "cannot open: %s", strerror (EISDIR));
      }
  }
  return CC_OK;
}

/* A stream (gzip or a pipe) is decompressed and read on a second thread
 * while this one parses: inflate and libcsv cost about the same per byte,
 * so the two stages nearly halve the time.  A ring of a few blocks between
 * them keeps memory bounded. */
#define NRING 4

typedef struct
{
  gzFile gz;
  char *buf[NRING];
  int len[NRING];
  long long zoff[NRING];    /* compressed bytes read after each block */
  int head, tail, count;
  int eof, zerr, err_no, failed;
  char zmsg[256];
  int cancel;
  pthread_mutex_t mu;
  pthread_cond_t not_full, not_empty;
} ring;

/* Read one block into the ring's next free slot (there must be one).
 * Returns 1 to go on, 0 at the end of the stream or on an error. */
static int
ring_step (ring *r)
{
  int slot, n, zerr = Z_OK;
  const char *m = NULL;

  pthread_mutex_lock (&r->mu);
  slot = r->head;
  pthread_mutex_unlock (&r->mu);
  n = gzread (r->gz, r->buf[slot], BLOCK);
  if (n <= 0)
    m = gzerror (r->gz, &zerr);
  pthread_mutex_lock (&r->mu);
  if (n > 0)
    {
      r->len[slot] = n;
      r->zoff[slot] = (long long) gzoffset (r->gz);
      r->head = (slot + 1) % NRING;
      r->count++;
    }
  else
    {
      r->eof = 1;
      r->failed = n < 0;
      r->zerr = zerr;
      r->err_no = errno;
      snprintf (r->zmsg, sizeof r->zmsg, "%s", m ? m : "");
    }
  pthread_cond_signal (&r->not_empty);
  pthread_mutex_unlock (&r->mu);
  return n > 0;
}

static void *
ring_reader (void *arg)
{
  ring *r = arg;
  for (;;)
    {
      int cancel;
      pthread_mutex_lock (&r->mu);
      while (r->count == NRING && !r->cancel)
        pthread_cond_wait (&r->not_full, &r->mu);
      cancel = r->cancel;
      pthread_mutex_unlock (&r->mu);
      if (cancel || !ring_step (r))
        break;
    }
  return NULL;
}

/* Parse one block of the stream. */
static int
stream_block (filectx *fc, cc_ingest_report *rep, worker *w, const char *s,
              size_t len, int first, cc_err *err)
{
  static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
  int rc;
  if (first && len >= 3 && memcmp (s, bom, 3) == 0)
    {
      s += 3;
      len -= 3;
      w->off = 3;
    }
  while (len > 0 && !w->stop)
    {
      size_t used = feed (w, s, len, w->header_mode);
      s += used;
      len -= used;
      if (w->header_done && fc->col_slot == NULL)
        {
          rc = build_map (fc, rep, w->hfield, (long) w->nh, err);
          if (rc == CC_OK && worker_slots (w) != 0)
            rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
          if (rc != CC_OK)
            return rc;
        }
    }
  return CC_OK;
}

/* A whole stream: gzip (any file), a pipe or standard input. */
static int
read_stream (cc_ingest *in, filectx *fc, cc_ingest_report *rep, int fd,
             worker *w, cc_err *err)
{
  ring r;
  pthread_t tid;
  int i, first = 1, rc = CC_OK, started = 0, nbuf = 0;
  long long consumed = 0, next_progress = 8LL << 20;
  struct stat st;
  long long total = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) ? st.st_size : -1;

  memset (&r, 0, sizeof r);
  r.gz = gzdopen (fd, "rb");
  if (r.gz == NULL)
    {
      close (fd);
      return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
    }
  gzbuffer (r.gz, 1 << 17);
  for (nbuf = 0; nbuf < NRING; nbuf++)
    if ((r.buf[nbuf] = malloc (BLOCK)) == NULL)
      {
        rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
        goto out;
      }
  pthread_mutex_init (&r.mu, NULL);
  pthread_cond_init (&r.not_full, NULL);
  pthread_cond_init (&r.not_empty, NULL);
  w->header_mode = 1;

  if (pthread_create (&tid, NULL, ring_reader, &r) == 0)
    started = 1;
  for (;;)
    {
      int slot;
      long long zoff;
      if (!started && r.count == 0 && !r.eof)
        ring_step (&r);   /* no second thread: read here */
      pthread_mutex_lock (&r.mu);
      while (r.count == 0 && !r.eof)
        pthread_cond_wait (&r.not_empty, &r.mu);
      if (r.count == 0)
        {
          pthread_mutex_unlock (&r.mu);
          break;
        }
      slot = r.tail;
      zoff = r.zoff[slot];
      pthread_mutex_unlock (&r.mu);

      rc = stream_block (fc, rep, w, r.buf[slot], (size_t) r.len[slot], first, err);
      first = 0;
      consumed += r.len[slot];

      pthread_mutex_lock (&r.mu);
      r.tail = (slot + 1) % NRING;
      r.count--;
      pthread_cond_signal (&r.not_full);
      pthread_mutex_unlock (&r.mu);

      if (rc != CC_OK)
        goto out;
      if (in->opt.progress && consumed >= next_progress)
        {
          in->opt.progress (in->opt.progress_ctx, fc->path, zoff, total);
          next_progress += 8LL << 20;
        }
      if (w->stop)
        break;
    }
  if (!w->stop)
    {
      if (r.failed)
        {
          rc = cc_err_set (err, r.zerr == Z_ERRNO ? CC_EIO : CC_EDATA, fc->path,
                           0, 0, "read error after byte %lld of uncompressed "
                           "data: %s", consumed,
                           r.zerr == Z_ERRNO ? strerror (r.err_no)
                           /* zlib names a gzdopen'ed file "<fd:N>": drop it */
                           : strncmp (r.zmsg, "<fd:", 4) == 0
                             && strstr (r.zmsg, ": ") != NULL
                           ? strstr (r.zmsg, ": ") + 2 : r.zmsg);
          goto out;
        }
      if (r.zerr != Z_OK)
        {
          rc = cc_err_set (err, CC_EDATA, fc->path, 0, 0,
                           "truncated or corrupt gzip stream after byte %lld "
                           "of uncompressed data", consumed);
          goto out;
        }
      finish (w);
      if (w->header_done && fc->col_slot == NULL)
        {
          rc = build_map (fc, rep, w->hfield, (long) w->nh, err);
          if (rc != CC_OK)
            goto out;
        }
    }
  if (!w->header_done && !w->stop)
    rc = cc_err_set (err, CC_EDATA, fc->path, 0, 0, "empty file: no header");
out:
  if (started)
    {
      pthread_mutex_lock (&r.mu);
      r.cancel = 1;
      pthread_cond_signal (&r.not_full);
      pthread_mutex_unlock (&r.mu);
      pthread_join (tid, NULL);
    }
  if (nbuf == NRING)
    {
      pthread_mutex_destroy (&r.mu);
      pthread_cond_destroy (&r.not_full);
      pthread_cond_destroy (&r.not_empty);
    }
  rep->bytes = consumed;
  gzclose (r.gz);
  for (i = 0; i < nbuf; i++)
    free (r.buf[i]);
  return rc;
}

int
cc_ingest_file (cc_ingest *in, const char *path, cc_err *err)
{
  filectx fc;
  cc_ingest_report *rep, *reps;
  worker hw, *w = NULL;
  table *tables = NULL;
  long *first_line = NULL;
  long long *bounds = NULL;
  int fd = -1, rc, nw = 0, ntables = 0, i, nct = 0, stopped;
  struct stat st;
  unsigned char magic[3];
  table ft = { 0 };
  curtot ct[32];
  int parallel;

  cc_err_clear (err);
  if (in->finished)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "ingest already finished");
  reps = realloc (in->rep, (in->nrep + 1) * sizeof *reps);
  if (reps == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  in->rep = reps;
  rep = &in->rep[in->nrep++];
  memset (rep, 0, sizeof *rep);
  rep->path = strdup (path);
  rep->format = "unknown";
  rep->threads = 1;
  rep->chunks = 1;
  memset (&fc, 0, sizeof fc);
  fc.opt = &in->opt;
  fc.path = path;
  atomic_init (&fc.bytes_done, 0);
  if (worker_init (&hw, &fc) != 0)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");

  if ((rc = open_input (path, &fd, err)) != CC_OK)
    goto done;
  parallel = fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
    && pread (fd, magic, 2, 0) == 2 && !(magic[0] == 0x1f && magic[1] == 0x8b);
  if (!parallel)
    {
      rc = read_stream (in, &fc, rep, fd, &hw, err);
      fd = -1;   /* gzclose closed it */
      if (rc != CC_OK)
        goto done;
      nw = 0;
      {
        long one = 1;
        stopped = collect (&hw, 1, &one, rep, &ft, ct, &nct);
        rep->counted = 1;
        if (stopped == 0)
          {
            rc = worker_error (&hw, &fc, 1, err);
            goto done;
          }
        if (stopped < -1)
          {
            rc = cc_err_set (err, stopped == -3 ? CC_EDATA : CC_ESOFTWARE, path,
                             0, 0, stopped == -3 ? "more than 32 currencies"
                             : "out of memory");
            goto done;
          }
      }
    }
  else
    {
      /* The header on this thread, then the data in chunks. */
      long long size = st.st_size, hdr_end = 0, data;
      long hdr_lines;
      char buf[1 << 16];
      int nchunks, nthreads, retry;

      hw.header_mode = 1;
      hw.fd = fd;
      if (pread (fd, magic, 3, 0) == 3 && magic[0] == 0xEF && magic[1] == 0xBB
          && magic[2] == 0xBF)
        hdr_end = 3;
      hw.off = hdr_end;
      while (!hw.header_done && !hw.stop && hdr_end < size)
        {
          ssize_t got = pread (fd, buf, sizeof buf, hdr_end);
          if (got <= 0)
            break;
          hdr_end += (long long) feed (&hw, buf, (size_t) got, 1);
        }
      if (!hw.header_done && !hw.stop)
        finish (&hw);
      if (hw.stop)
        {
          rc = worker_error (&hw, &fc, 1, err);
          goto done;
        }
      if (!hw.header_done)
        {
          rc = cc_err_set (err, CC_EDATA, path, 0, 0, "empty file: no header");
          goto done;
        }
      if ((rc = build_map (&fc, rep, hw.hfield, (long) hw.nh, err)) != CC_OK)
        goto done;
      hdr_lines = hw.line;
      rep->bytes = size;
      data = size - hdr_end;
      nthreads = in->opt.threads > 0 ? in->opt.threads
        : (int) sysconf (_SC_NPROCESSORS_ONLN);
      if (nthreads < 1)
        nthreads = 1;
      if (nthreads > MAX_THREADS)
        nthreads = MAX_THREADS;
      nchunks = nthreads == 1 ? 1 : 8 * nthreads;
      if (nchunks > data / in->opt.min_chunk)
        nchunks = data / in->opt.min_chunk > 0 ? (int) (data / in->opt.min_chunk) : 1;
      if (nthreads > nchunks)
        nthreads = nchunks;

      for (retry = 0; retry < 2; retry++)
        {
          pool pl;
          int bad_split = 0;

          memset (&pl, 0, sizeof pl);
          w = calloc ((size_t) nchunks, sizeof *w);
          first_line = calloc ((size_t) nchunks, sizeof *first_line);
          bounds = calloc ((size_t) nchunks + 1, sizeof *bounds);
          pl.parity = calloc ((size_t) nchunks, 1);
          tables = calloc ((size_t) nthreads, sizeof *tables);
          if (w == NULL || first_line == NULL || bounds == NULL
              || pl.parity == NULL || tables == NULL)
            {
              free (pl.parity);
              rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
              goto done;
            }
          ntables = nthreads;
          nw = nchunks;
          for (i = 0; i < nchunks; i++)
            {
              if (worker_init (&w[i], &fc) != 0 || worker_slots (&w[i]) != 0)
                {
                  free (pl.parity);
                  rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
                  goto done;
                }
              w[i].fd = fd;
            }
          pl.w = w;
          pl.nchunks = nchunks;
          pl.tables = tables;
          bounds[0] = hdr_end;
          bounds[nchunks] = size;
          if (nchunks > 1)
            {
              /* Phase 1: the quote parity of each nominal range, in
                 parallel; a split point then moves to the first line break
                 after it that is outside quotes. */
              int q = 0;
              for (i = 0; i < nchunks; i++)
                {
                  w[i].start = hdr_end + data / nchunks * i;
                  w[i].end = i == nchunks - 1 ? size : hdr_end + data / nchunks * (i + 1);
                }
              pl.count_quotes = 1;
              run_pool (in, &pl, nthreads, path, size);
              for (i = 0; i < nchunks; i++)
                if (w[i].stop)
                  {
                    free (pl.parity);
                    rc = worker_error (&w[i], &fc, 0, err);
                    goto done;
                  }
              for (i = 1; i < nchunks; i++)
                {
                  q ^= pl.parity[i - 1];
                  bounds[i] = safe_boundary (fd, w[i].start, size, q);
                  if (bounds[i] < bounds[i - 1])
                    bounds[i] = bounds[i - 1];
                }
            }
          free (pl.parity);
          pl.parity = NULL;
          for (i = 0; i < nchunks; i++)
            {
              w[i].start = bounds[i];
              w[i].end = bounds[i + 1];
              w[i].is_last = i == nchunks - 1;
            }
          pl.count_quotes = 0;
          run_pool (in, &pl, nthreads, path, size);

          /* A chunk libcsv refused may only mean the parity guess was
             wrong (stray quotes): parse the file again in one piece.  (A
             chunk that starts right after one that ended cleanly starts
             on a record boundary, so a clean run is exact.) */
          for (i = 0; i < nchunks; i++)
            if (w[i].csv_error && !(w[i].is_last && w[i].csv_error == 2)
                && nchunks > 1)
              bad_split = 1;
          if (!bad_split)
            break;
          for (i = 0; i < nw; i++)
            worker_free (&w[i]);
          for (i = 0; i < ntables; i++)
            table_clear (&tables[i]);
          free (w);
          free (first_line);
          free (bounds);
          free (tables);
          w = NULL, first_line = NULL, bounds = NULL, tables = NULL;
          nw = ntables = 0;
          nchunks = nthreads = 1;
        }
      rep->threads = nthreads;
      rep->chunks = nchunks;
      first_line[0] = hdr_lines + 1;
      for (i = 1; i < nchunks; i++)
        first_line[i] = first_line[i - 1] + w[i - 1].line;
      stopped = collect (w, nchunks, first_line, rep, &ft, ct, &nct);
      rep->counted = 1;
      for (i = 0; i < ntables && stopped >= -1; i++)
        if (table_merge (&ft, &tables[i]) != 0)
          stopped = -2;
      if (stopped >= 0)
        {
          rc = worker_error (&w[stopped], &fc, first_line[stopped], err);
          goto done;
        }
      if (stopped < -1)
        {
          rc = cc_err_set (err, stopped == -3 ? CC_EDATA : CC_ESOFTWARE, path,
                           0, 0, stopped == -3 ? "more than 32 currencies"
                           : "out of memory");
          goto done;
        }
    }

  /* Units this file uses that units.csv does not know. */
  for (i = 0; (size_t) i < ft.cap; i++)
    if (ft.g[i].key != NULL)
      {
        const char *part[K_N], *canon;
        char *k = strdup (ft.g[i].key);
        double f;
        if (k == NULL)
          {
            rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
            goto done;
          }
        key_split (k, part);
        if (!map_unit (in, part[K_PROVIDER], part[K_UNIT], &canon, &f)
            && add_unknown (&rep->unknown_unit, &rep->nunknown_unit,
                            part[K_UNIT]) != 0)
          rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
        free (k);
        if (rc != CC_OK)
          goto done;
      }
  if ((rc = reconcile (rep, &ft, ct, nct, err)) != CC_OK)
    goto done;
  if (table_merge (&in->raw, &ft) != 0)
    rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  else if (in->raw.n > CC_INGEST_MAX_GROUPS)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "more than %d groups in "
                     "the files read so far (the cap)", CC_INGEST_MAX_GROUPS);

done:
  if (fd >= 0)
    close (fd);
  for (i = 0; i < nw; i++)
    worker_free (&w[i]);
  for (i = 0; i < ntables; i++)
    table_clear (&tables[i]);
  free (w);
  free (tables);
  free (first_line);
  free (bounds);
  worker_free (&hw);
  filectx_free (&fc);
  table_clear (&ft);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Mapping, merging and sorting. */

static int
cmp_row (const void *a_, const void *b_)
{
  const cc_series_row *a = a_, *b = b_;
  int c;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if ((c = strcmp (a->provider, b->provider)) != 0) return c;
  if ((c = strcmp (a->family, b->family)) != 0) return c;
  if ((c = strcmp (a->service, b->service)) != 0) return c;
  if ((c = strcmp (a->meter, b->meter)) != 0) return c;
  if ((c = strcmp (a->unit, b->unit)) != 0) return c;
  return strcmp (a->currency, b->currency);
}

int
cc_ingest_finish (cc_ingest *in, cc_err *err)
{
  size_t i, j;
  cc_err_clear (err);
  if (in->finished)
    return CC_OK;
  in->finished = 1;
  for (i = 0; i < in->raw.cap; i++)
    {
      const group *g = &in->raw.g[i];
      const char *part[K_N], *canon, *family;
      char *k, *okey;
      size_t len;
      double factor;
      group *o;
      nsum q = { 0, 0 };

      if (g->key == NULL)
        continue;
      if ((k = strdup (g->key)) == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      key_split (k, part);
      if (!map_unit (in, part[K_PROVIDER], part[K_UNIT], &canon, &factor)
          && add_unknown (&in->unknown, &in->nunknown, part[K_UNIT]) != 0)
        {
          free (k);
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        }
      family = cc_servicemap_family (in->services, part[K_PROVIDER],
                                     part[K_SERVICE], part[K_CATEGORY],
                                     part[K_METER]);
      len = strlen (part[K_PROVIDER]) + strlen (family) + strlen (part[K_SERVICE])
        + strlen (part[K_METER]) + strlen (canon) + strlen (part[K_CURRENCY]) + 8;
      okey = malloc (len);
      if (okey == NULL)
        {
          free (k);
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        }
      /* The output key: provider, family, service, meter, unit, currency. */
      len = (size_t) snprintf (okey, len, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                               part[K_PROVIDER], family,
                               in->opt.by >= CC_BY_SERVICE ? part[K_SERVICE] : "",
                               in->opt.by >= CC_BY_METER ? part[K_METER] : "",
                               canon, part[K_CURRENCY]);
      o = table_get (&in->out, okey, len, g->month);
      free (okey);
      free (k);
      if (o == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      nmerge (&o->cost, &g->cost);
      /* Units convert linearly, so the factor applies to the sum. */
      nadd (&q, g->qty.s * factor);
      nadd (&q, g->qty.c * factor);
      nmerge (&o->qty, &q);
      o->rows += g->rows;
    }
  in->rows = calloc (in->out.n + 1, sizeof *in->rows);
  if (in->rows == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0, j = 0; i < in->out.cap; i++)
    {
      group *g = &in->out.g[i];
      const char *part[K_N];
      cc_series_row *r;
      if (g->key == NULL)
        continue;
      /* The output key has the same six parts; reuse key_split's slots. */
      key_split (g->key, part);
      r = &in->rows[j++];
      r->month = g->month;
      r->provider = part[0];
      r->family = part[1];
      r->service = part[2];
      r->meter = part[3];
      r->unit = part[4];
      r->currency = part[5];
      r->cost = nval (&g->cost);
      r->quantity = nval (&g->qty);
      r->rows = g->rows;
    }
  in->nrows = j;
  qsort (in->rows, in->nrows, sizeof *in->rows, cmp_row);
  return CC_OK;
}

size_t cc_ingest_nrows (const cc_ingest *in) { return in->nrows; }

const cc_series_row *
cc_ingest_row (const cc_ingest *in, size_t i)
{
  return i < in->nrows ? &in->rows[i] : NULL;
}

size_t cc_ingest_nfiles (const cc_ingest *in) { return in->nrep; }

const cc_ingest_report *
cc_ingest_file_report (const cc_ingest *in, size_t i)
{
  return i < in->nrep ? &in->rep[i] : NULL;
}

size_t cc_ingest_nunknown_units (const cc_ingest *in) { return in->nunknown; }

const char *
cc_ingest_unknown_unit (const cc_ingest *in, size_t i)
{
  return i < in->nunknown ? in->unknown[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Writers. */

/* The writers use the shared CSV and JSON layers only; their includes sit
   here, with the writers. */
#include "core/csvwrite.h"
#include "core/json.h"

int
cc_ingest_write_series (const cc_ingest *in, FILE *f)
{
  static const char *const header[] = {
    "period", "provider", "family", "service", "meter", "unit", "quantity",
    "cost", "currency", "rows"
  };
  size_t i;
  cc_csv_record (f, header, sizeof header / sizeof header[0]);
  for (i = 0; i < in->nrows; i++)
    {
      const cc_series_row *r = &in->rows[i];
      char period[16], quantity[32], cost[32], rows[32];
      cc_month_format (r->month, period, sizeof period);
      /* 15 significant digits: exact for every decimal the exports carry
         up to that precision, and no binary noise. */
      snprintf (quantity, sizeof quantity, "%.15g", r->quantity + 0.0);
      snprintf (cost, sizeof cost, "%.15g", r->cost + 0.0);
      snprintf (rows, sizeof rows, "%ld", r->rows);
      {
        const char *const field[] = { period, r->provider, r->family,
                                      r->service, r->meter, r->unit,
                                      quantity, cost, r->currency, rows };
        cc_csv_record (f, field, 10);
      }
    }
  return ferror (f) ? CC_EIO : CC_OK;
}

/* The rows skipped for each reason, with the first places. */
static json_t *
report_skipped (const cc_ingest_report *p)
{
  json_t *skipped = json_object ();
  int r, e;
  for (r = 0; r < CC_SKIP_NREASONS; r++)
    {
      json_t *reason = json_object (), *first = json_array ();
      cc_json_set (reason, "rows", json_integer (p->skipped[r]));
      for (e = 0; e < p->nexample[r]; e++)
        {
          json_t *at = json_object ();
          cc_json_set (at, "line", json_integer (p->example_line[r][e]));
          cc_json_set (at, "column", json_integer (p->example_col[r][e]));
          cc_json_push (first, at);
        }
      cc_json_set (reason, "first", first);
      cc_json_set (skipped, cc_ingest_skip_name (r), reason);
    }
  return skipped;
}

/* One currency's reconciliation; *BALANCED is cleared when the cost read
   and the series cost differ.  Sums keep all 17 digits. */
static json_t *
report_currency (const cc_ingest_currency *c, int *balanced)
{
  json_t *o = json_object ();
  int ok = fabs (c->read - c->series) <= 1e-9 * c->abs_read;
  *balanced &= ok;
  cc_json_set (o, "currency", cc_json_str (c->code));
  cc_json_set (o, "rows", json_integer (c->rows));
  cc_json_set (o, "cost_read", cc_json_num (c->read, 17));
  cc_json_set (o, "cost_series", cc_json_num (c->series, 17));
  cc_json_set (o, "equal", json_boolean (ok));
  cc_json_set (o, "skipped_rows_with_cost", json_integer (c->skipped_rows));
  cc_json_set (o, "cost_skipped", cc_json_num (c->skipped, 17));
  return o;
}

static json_t *
report_file (const cc_ingest_report *p)
{
  json_t *o = json_object (), *cur = json_array (), *units = json_array ();
  size_t k;
  int balanced = 1;

  cc_json_set (o, "path", cc_json_str (p->path ? p->path : ""));
  cc_json_set (o, "format", cc_json_str (p->format));
  cc_json_set (o, "version", cc_json_str (p->version));
  cc_json_set (o, "bytes", json_integer (p->bytes));
  cc_json_set (o, "threads", json_integer (p->threads));
  cc_json_set (o, "chunks", json_integer (p->chunks));
  cc_json_set (o, "rows_read", json_integer (p->rows_read));
  cc_json_set (o, "rows_used", json_integer (p->rows_used));
  cc_json_set (o, "rows_skipped", json_integer (p->rows_skipped));
  cc_json_set (o, "skipped", report_skipped (p));
  cc_json_set (o, "rows_short", json_integer (p->rows_short));
  cc_json_set (o, "rows_long", json_integer (p->rows_long));
  cc_json_set (o, "null_cost", json_integer (p->null_cost));
  cc_json_set (o, "null_quantity", json_integer (p->null_quantity));
  cc_json_set (o, "negative_cost", json_integer (p->negative_cost));
  for (k = 0; k < p->ncurrency; k++)
    cc_json_push (cur, report_currency (&p->currency[k], &balanced));
  cc_json_set (o, "currencies", cur);
  for (k = 0; k < p->nunknown_unit; k++)
    cc_json_push (units, cc_json_str (p->unknown_unit[k]));
  cc_json_set (o, "unknown_units", units);
  cc_json_set (o, "balanced", json_boolean (balanced));
  return o;
}

int
cc_ingest_write_report (const cc_ingest *in, FILE *f)
{
  static const char *const basis[] = { "billed", "effective", "list" };
  static const char *const by[] = { "family", "service", "meter" };
  json_t *root = json_object (), *files = json_array (), *units = json_array ();
  size_t i;
  int rc;

  cc_json_set (root, "cost_basis", cc_json_str (basis[in->opt.cost]));
  cc_json_set (root, "group_by", cc_json_str (by[in->opt.by]));
  cc_json_set (root, "strict", json_boolean (in->opt.strict));
  for (i = 0; i < in->nrep; i++)
    cc_json_push (files, report_file (&in->rep[i]));
  cc_json_set (root, "files", files);
  cc_json_set (root, "series_rows", json_integer ((json_int_t) in->nrows));
  for (i = 0; i < in->nunknown; i++)
    cc_json_push (units, cc_json_str (in->unknown[i]));
  cc_json_set (root, "unknown_units", units);
  rc = cc_json_dump (f, root, 17);
  json_decref (root);
  return rc != 0 || ferror (f) ? CC_EIO : CC_OK;
}

int
cc_ingest_write_summary (const cc_ingest *in, FILE *f)
{
  size_t i, k;
  int r;
  for (i = 0; i < in->nrep; i++)
    {
      const cc_ingest_report *p = &in->rep[i];
      if (!p->counted)
        continue;   /* it failed before its rows were counted */
      fprintf (f, "cloudcast: %s: %s %s: %ld rows read, %ld used, %ld skipped",
               p->path, p->format, p->version, p->rows_read, p->rows_used,
               p->rows_skipped);
      if (p->rows_short)
        fprintf (f, ", %ld short (missing fields empty)", p->rows_short);
      fputc ('\n', f);
      for (r = 0; r < CC_SKIP_NREASONS; r++)
        if (p->skipped[r])
          {
            int e;
            fprintf (f, "cloudcast:   skipped %ld: %s (first at", p->skipped[r],
                     skip_text (r));
            for (e = 0; e < p->nexample[r]; e++)
              fprintf (f, "%s %s:%ld:%ld", e ? "," : "", p->path,
                       p->example_line[r][e], p->example_col[r][e]);
            fputs (")\n", f);
          }
      for (k = 0; k < p->ncurrency; k++)
        {
          const cc_ingest_currency *c = &p->currency[k];
          fprintf (f, "cloudcast:   cost %s: read %.10g, series %.10g (%s)",
                   c->code[0] ? c->code : "(no currency)", c->read, c->series,
                   fabs (c->read - c->series) <= 1e-9 * c->abs_read
                   ? "equal" : "NOT EQUAL");
          if (c->skipped_rows)
            fprintf (f, "; %ld skipped rows carried %.10g", c->skipped_rows,
                     c->skipped);
          fputc ('\n', f);
        }
      for (k = 0; k < p->nunknown_unit; k++)
        fprintf (f, "cloudcast:   unknown unit passed through: '%s'\n",
                 p->unknown_unit[k]);
    }
  return ferror (f) ? CC_EIO : CC_OK;
}
