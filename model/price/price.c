/* price.c: price book reading and graduated tiers. */
#define _GNU_SOURCE 1   /* strcasestr */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/num.h"
#include "core/csvread.h"
#include "price/price.h"
#include "core/textutil.h"
#include "core/timeutil.h"
#include "core/units.h"

enum
{
  C_PROVIDER, C_SERVICE, C_SKU, C_REGION, C_UNIT, C_TIER_START, C_UNIT_PRICE,
  C_CURRENCY, C_EFFECTIVE, C_SOURCE, NREQ,
  C_TERM = NREQ, C_MIN_QTY, C_NOTE, C_CATALOG, C_CATALOG_IDS,
  C_CATALOG_DATE, C_IMPORT_DATE, C_STATUS, C_UPFRONT, C_VCPU, C_MEMORY,
  C_TIER, C_REDUNDANCY, C_FEATURE, NCOLS
};
static const char *const col_name[NCOLS] = {
  "provider", "service", "sku", "region", "unit", "tier_start", "unit_price",
  "currency", "effective_date", "source", "term", "min_quantity", "note",
  "catalog", "catalog_ids", "catalog_date", "import_date", "status",
  "upfront_fee", "vcpu", "memory_gib", "storage_tier", "redundancy",
  "feature"
};

typedef struct
{
  cc_price_book *b;
  const char *file;    /* the file being read (owned by b) */
  size_t first;        /* rows before this index came from earlier files */
  long col[NCOLS];
  size_t ncol;
  size_t *slot;        /* open-addressing set of each sku's first row + 1 */
  size_t nslot;        /* a power of two, at least twice the rows */
  size_t nkey;
} book_ctx;

/* FNV-1a over a tier table's key: sku, region, term and effective date. */
static size_t
key_hash (const char *sku, const char *region, const char *term,
          const char *date)
{
  const char *part[4] = { sku, region, term, date };
  size_t h = (size_t) 1469598103934665603ULL;
  for (int i = 0; i < 4; i++)
    {
      for (const unsigned char *p = (const unsigned char *) part[i]; *p; p++)
        h = (h ^ *p) * (size_t) 1099511628211ULL;
      h = (h ^ 0xff) * (size_t) 1099511628211ULL;
    }
  return h;
}

static int
key_same (const cc_price_row *r, const char *sku, const char *region,
          const char *term, const char *date)
{
  return strcmp (r->sku, sku) == 0 && strcmp (r->region, region) == 0
    && strcmp (r->term, term) == 0 && strcmp (r->effective_date, date) == 0;
}

/* Do rows A and B belong to one tier table? */
static int
row_same_table (const cc_price_row *a, const cc_price_row *b)
{
  return key_same (a, b->sku, b->region, b->term, b->effective_date);
}

/* The row where the sku (region, term, effective date) first appeared,
   or NULL. */
static const cc_price_row *
key_find (const book_ctx *ctx, const char *sku, const char *region,
          const char *term, const char *date)
{
  size_t i;
  if (ctx->nslot == 0)
    return NULL;
  for (i = key_hash (sku, region, term, date) & (ctx->nslot - 1);
       ctx->slot[i]; i = (i + 1) & (ctx->nslot - 1))
    if (key_same (&ctx->b->row[ctx->slot[i] - 1], sku, region, term, date))
      return &ctx->b->row[ctx->slot[i] - 1];
  return NULL;
}

/* Record row K as the first row of its sku; grows the set as it fills. */
static int
key_add (book_ctx *ctx, size_t k)
{
  const cc_price_row *r;
  size_t i;
  if (2 * (ctx->nkey + 1) > ctx->nslot)
    {
      size_t n = ctx->nslot ? 2 * ctx->nslot : 64, *slot, *old = ctx->slot;
      size_t nold = ctx->nslot;
      if ((slot = calloc (n, sizeof *slot)) == NULL)
        return -1;
      ctx->slot = slot;
      ctx->nslot = n;
      ctx->nkey = 0;
      for (i = 0; i < nold; i++)
        if (old[i] && key_add (ctx, old[i] - 1) != 0)
          return -1;
      free (old);
    }
  r = &ctx->b->row[k];
  for (i = key_hash (r->sku, r->region, r->term, r->effective_date)
           & (ctx->nslot - 1);
       ctx->slot[i]; i = (i + 1) & (ctx->nslot - 1))
    ;
  ctx->slot[i] = k + 1;
  ctx->nkey++;
  return 0;
}


static void
row_free (cc_price_row *r)
{
  free (r->provider); free (r->service); free (r->sku); free (r->region);
  free (r->unit); free (r->currency); free (r->effective_date);
  free (r->source); free (r->term); free (r->note);
  free (r->catalog); free (r->catalog_ids); free (r->catalog_date);
  free (r->import_date); free (r->status);
  free (r->storage_tier); free (r->redundancy); free (r->feature);
}

/* The header: where each column is; the required ones must be there. */
static int
read_header (book_ctx *ctx, const cc_csv_row *row, cc_err *err)
{
  int i;
  for (i = 0; i < NCOLS; i++)
    {
      ctx->col[i] = cc_csv_column (row, col_name[i]);
      if (ctx->col[i] < 0 && i < NREQ)
        return cc_err_set (err, CC_EDATA, ctx->file, row->line, 0,
                           "price book header lacks column '%s'",
                           col_name[i]);
    }
  ctx->ncol = row->nfield;
  return CC_OK;
}

/* The sku attributes a driver's needs are matched against: vcpu and
   memory_gib are numbers > 0 when given. */
static int
read_attributes (const book_ctx *ctx, const cc_csv_row *row, const char **f,
                 cc_price_row *r, cc_err *err)
{
  static const int col[2] = { C_VCPU, C_MEMORY };
  double *v[2];
  int i;
  v[0] = &r->vcpu;
  v[1] = &r->memory_gib;
  for (i = 0; i < 2; i++)
    if (f[col[i]][0] != '\0'
        && (cc_num_parse (f[col[i]], v[i]) != 0 || !(*v[i] > 0)
            || *v[i] > CC_PRICE_MAX_QUANTITY))
      return cc_err_set (err, CC_EDATA, ctx->file, row->line,
                         ctx->col[col[i]] + 1,
                         "%s '%s' is not a number > 0 (at most %g)",
                         col_name[col[i]], f[col[i]], CC_PRICE_MAX_QUANTITY);
  return CC_OK;
}

/* The provenance columns: a status of official, assumed or unconfirmed
   (absent: unconfirmed when the note starts with UNCONFIRMED, else
   assumed); an official row names its catalog and catalog date; dates are
   YYYY-MM-DD; the upfront fee is a number >= 0. */
static int
read_provenance (const book_ctx *ctx, const cc_csv_row *row, const char **f,
                 cc_price_row *r, cc_err *err)
{
  const char *path = ctx->file;
  cc_date d;
  int i;

  if (f[C_STATUS][0] == '\0')
    f[C_STATUS] = strncmp (f[C_NOTE], "UNCONFIRMED", 11) == 0
      ? "unconfirmed" : "assumed";
  if (strcmp (f[C_STATUS], "official") != 0
      && strcmp (f[C_STATUS], "assumed") != 0
      && strcmp (f[C_STATUS], "unconfirmed") != 0)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_STATUS] + 1,
                       "status '%s' is not official, assumed or unconfirmed",
                       f[C_STATUS]);
  if (strcmp (f[C_STATUS], "official") == 0
      && (f[C_CATALOG][0] == '\0' || f[C_CATALOG_DATE][0] == '\0'))
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_STATUS] + 1,
                       "an official price needs its catalog and catalog_date");
  for (i = C_CATALOG_DATE; i <= C_IMPORT_DATE; i++)
    if (f[i][0] != '\0' && (cc_date_parse_ym (f[i], &d) != 0 || d.day == 0))
      return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[i] + 1,
                         "%s '%s' is not YYYY-MM-DD", col_name[i], f[i]);
  if (f[C_UPFRONT][0] != '\0'
      && (cc_num_parse (f[C_UPFRONT], &r->upfront_fee) != 0
          || r->upfront_fee < 0))
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_UPFRONT] + 1,
                       "upfront_fee '%s' is not a number >= 0", f[C_UPFRONT]);
  return read_attributes (ctx, row, f, r, err);
}

/* Put ROW's fields in F (column order, "" for absent optional columns) and
   its numbers in R; every required field but the region must be filled. */
static int
read_fields (const book_ctx *ctx, const cc_csv_row *row, const char **f,
             cc_price_row *r, cc_err *err)
{
  const char *path = ctx->file;
  cc_date d;
  int i;

  if (row->nfield != ctx->ncol)
    return cc_err_set (err, CC_EDATA, path, row->line, 0,
                       "%zu fields, but the header has %zu", row->nfield,
                       ctx->ncol);
  for (i = 0; i < NCOLS; i++)
    f[i] = ctx->col[i] >= 0 ? row->field[ctx->col[i]] : "";
  if (f[C_TERM][0] == '\0')
    f[C_TERM] = "payg";     /* no term: pay-as-you-go list price */
  memset (r, 0, sizeof *r);
  r->line = row->line;
  for (i = 0; i < NREQ; i++)
    if (f[i][0] == '\0' && i != C_REGION)
      return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[i] + 1,
                         "empty %s", col_name[i]);
  if (ctx->b->n >= CC_PRICE_MAX_ROWS)
    return cc_err_set (err, CC_EDATA, path, row->line, 0,
                       "more than %d price rows (the cap)", CC_PRICE_MAX_ROWS);
  if (cc_date_parse_ym (f[C_EFFECTIVE], &d) != 0 || d.day == 0)
    return cc_err_set (err, CC_EDATA, path, row->line,
                       ctx->col[C_EFFECTIVE] + 1,
                       "effective_date '%s' is not YYYY-MM-DD", f[C_EFFECTIVE]);
  if (cc_num_parse (f[C_TIER_START], &r->tier_start) != 0 || r->tier_start < 0
      || r->tier_start > CC_PRICE_MAX_QUANTITY)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_TIER_START] + 1,
                       "tier_start '%s' is not a number >= 0 (at most %g)",
                       f[C_TIER_START], CC_PRICE_MAX_QUANTITY);
  if (cc_num_parse (f[C_UNIT_PRICE], &r->unit_price) != 0 || r->unit_price < 0
      || r->unit_price > CC_PRICE_MAX_UNIT_PRICE)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_UNIT_PRICE] + 1,
                       "unit_price '%s' is not a number >= 0 (at most %g)",
                       f[C_UNIT_PRICE], CC_PRICE_MAX_UNIT_PRICE);
  if (f[C_MIN_QTY][0] != '\0'
      && (cc_num_parse (f[C_MIN_QTY], &r->min_quantity) != 0
          || r->min_quantity < 0 || r->min_quantity > CC_PRICE_MAX_QUANTITY))
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[C_MIN_QTY] + 1,
                       "min_quantity '%s' is not a number >= 0 (at most %g)",
                       f[C_MIN_QTY], CC_PRICE_MAX_QUANTITY);
  return read_provenance (ctx, row, f, r, err);
}

/* A sku's tiers: contiguous, rising from 0, one unit and currency. */
static int
check_tier (const book_ctx *ctx, const char *const *f, const cc_price_row *r,
            cc_err *err)
{
  const cc_price_book *b = ctx->b;
  const char *path = ctx->file;
  const cc_price_row *prev = b->n > ctx->first ? &b->row[b->n - 1] : NULL;
  const cc_price_row *seen;

  if (prev != NULL
      && key_same (prev, f[C_SKU], f[C_REGION], f[C_TERM], f[C_EFFECTIVE]))
    {
      /* Another tier of the same sku. */
      if (r->tier_start <= prev->tier_start)
        return cc_err_set (err, CC_EDATA, path, r->line,
                           ctx->col[C_TIER_START] + 1,
                           "tier_start %g of sku '%s' is not above the "
                           "previous tier's %g (line %ld); list tiers in "
                           "increasing order without overlap", r->tier_start,
                           f[C_SKU], prev->tier_start, prev->line);
      if (strcmp (prev->unit, f[C_UNIT]) != 0
          || strcmp (prev->currency, f[C_CURRENCY]) != 0)
        return cc_err_set (err, CC_EDATA, path, r->line, 0,
                           "sku '%s' changes unit or currency between tiers",
                           f[C_SKU]);
      return CC_OK;
    }
  if ((seen = key_find (ctx, f[C_SKU], f[C_REGION], f[C_TERM],
                       f[C_EFFECTIVE])) != NULL)
    return cc_err_set (err, CC_EDATA, path, r->line, 0,
                       "sku '%s' (region '%s', term '%s', effective %s) "
                       "already appeared on %s:%ld; keep a sku's tiers "
                       "together", f[C_SKU], f[C_REGION], f[C_TERM],
                       f[C_EFFECTIVE], seen->file, seen->line);
  if (r->tier_start != 0)
    return cc_err_set (err, CC_EDATA, path, r->line,
                       ctx->col[C_TIER_START] + 1,
                       "the first tier of sku '%s' starts at %g, not 0",
                       f[C_SKU], r->tier_start);
  return CC_OK;
}

/* Append R, with copies of its text fields F, to the book. */
static int
store_row (book_ctx *ctx, const char *const *f, cc_price_row *r, cc_err *err)
{
  cc_price_book *b = ctx->b;
  if (b->n == b->cap)
    {
      size_t cap = b->cap ? 2 * b->cap : 64;
      cc_price_row *nr = realloc (b->row, cap * sizeof *nr);
      if (nr == NULL)
        return cc_err_set (err, CC_ESOFTWARE, ctx->file, r->line, 0,
                           "out of memory");
      b->row = nr;
      b->cap = cap;
    }
  r->file = ctx->file;
  r->provider = strdup (f[C_PROVIDER]);
  r->service = strdup (f[C_SERVICE]);
  r->sku = strdup (f[C_SKU]);
  r->region = strdup (f[C_REGION]);
  r->unit = strdup (f[C_UNIT]);
  r->currency = strdup (f[C_CURRENCY]);
  r->effective_date = strdup (f[C_EFFECTIVE]);
  r->source = strdup (f[C_SOURCE]);
  r->term = strdup (f[C_TERM]);
  r->note = strdup (f[C_NOTE]);
  r->catalog = strdup (f[C_CATALOG]);
  r->catalog_ids = strdup (f[C_CATALOG_IDS]);
  r->catalog_date = strdup (f[C_CATALOG_DATE]);
  r->import_date = strdup (f[C_IMPORT_DATE]);
  r->status = strdup (f[C_STATUS]);
  r->storage_tier = strdup (f[C_TIER]);
  r->redundancy = strdup (f[C_REDUNDANCY]);
  r->feature = strdup (f[C_FEATURE]);
  if (!r->storage_tier || !r->redundancy || !r->feature)
    {
      row_free (r);
      return cc_err_set (err, CC_ESOFTWARE, ctx->file, r->line, 0,
                         "out of memory");
    }
  if (!r->provider || !r->service || !r->sku || !r->region || !r->unit
      || !r->currency || !r->effective_date || !r->source || !r->term
      || !r->note || !r->catalog || !r->catalog_ids || !r->catalog_date
      || !r->import_date || !r->status)
    {
      row_free (r);
      return cc_err_set (err, CC_ESOFTWARE, ctx->file, r->line, 0,
                         "out of memory");
    }
  b->row[b->n++] = *r;
  if ((b->n == ctx->first + 1
       || !row_same_table (&b->row[b->n - 2], &b->row[b->n - 1]))
      && key_add (ctx, b->n - 1) != 0)
    return cc_err_set (err, CC_ESOFTWARE, ctx->file, r->line, 0,
                       "out of memory");
  return CC_OK;
}

static int
on_row (const cc_csv_row *row, void *ctx_, cc_err *err)
{
  book_ctx *ctx = ctx_;
  const char *f[NCOLS];
  cc_price_row r;
  int rc;

  if (row->record == 1)
    return read_header (ctx, row, err);
  if ((rc = read_fields (ctx, row, f, &r, err)) != CC_OK
      || (rc = check_tier (ctx, f, &r, err)) != CC_OK)
    return rc;
  return store_row (ctx, f, &r, err);
}

int
cc_price_book_add (cc_price_book *b, const char *path, cc_err *err)
{
  book_ctx ctx;
  char **files, *copy;
  int rc;

  files = realloc (b->file, (b->nfile + 1) * sizeof *files);
  if (files == NULL || (copy = strdup (path)) == NULL)
    {
      if (files != NULL)
        b->file = files;
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  b->file = files;
  b->file[b->nfile++] = copy;
  memset (&ctx, 0, sizeof ctx);
  ctx.b = b;
  ctx.file = copy;
  ctx.first = b->n;
  for (size_t k = 0; k < b->n; k++)
    if ((k == 0 || !row_same_table (&b->row[k - 1], &b->row[k]))
        && key_add (&ctx, k) != 0)
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  rc = cc_csv_read (path, on_row, &ctx, err);
  free (ctx.slot);
  if (rc == CC_OK && ctx.ncol == 0)
    rc = cc_err_set (err, CC_EDATA, path, 1, 0, "empty price book");
  if (rc == CC_OK && b->n == ctx.first)
    rc = cc_err_set (err, CC_EDATA, path, 2, 0,
                     "price book has a header but no price rows");
  return rc;
}

static int
is_csv (const struct dirent *e)
{
  size_t n = strlen (e->d_name);
  return n > 4 && strcmp (e->d_name + n - 4, ".csv") == 0 && e->d_name[0] != '.';
}

int
cc_price_books_load (const char *const *paths, size_t n, const char *dir,
                     cc_price_book **out, cc_err *err)
{
  cc_price_book *b;
  struct dirent **ent = NULL;
  char path[8192];
  int nent, i, rc = CC_OK;

  *out = b = calloc (1, sizeof *b);
  if (b == NULL || (b->path = strdup (n > 0 ? paths[0] : dir)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (n > 0)
    {
      for (i = 0; rc == CC_OK && (size_t) i < n; i++)
        rc = cc_price_book_add (b, paths[i], err);
      return rc;
    }
  nent = scandir (dir, &ent, is_csv, alphasort);
  if (nent < 0)
    return cc_err_set (err, CC_ENOINPUT, dir, 0, 0, "cannot read: %s",
                       strerror (errno));
  for (i = 0; i < nent; i++)
    {
      snprintf (path, sizeof path, "%s/%s", dir, ent[i]->d_name);
      if (rc == CC_OK)
        rc = cc_price_book_add (b, path, err);
      free (ent[i]);
    }
  free (ent);
  return rc;
}

int
cc_price_book_read (const char *path, cc_price_book **out, cc_err *err)
{
  cc_price_book *b;
  int rc;

  *out = NULL;
  b = calloc (1, sizeof *b);
  if (b == NULL || (b->path = strdup (path)) == NULL)
    {
      free (b);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  if ((rc = cc_price_book_add (b, path, err)) != CC_OK)
    {
      cc_price_book_free (b);
      return rc;
    }
  *out = b;
  return CC_OK;
}

int
cc_price_row_unconfirmed (const cc_price_row *r)
{
  return strcmp (r->status, "unconfirmed") == 0;
}

void
cc_price_book_free (cc_price_book *b)
{
  size_t i;
  if (b == NULL)
    return;
  for (i = 0; i < b->n; i++)
    row_free (&b->row[i]);
  for (i = 0; i < b->nfile; i++)
    free (b->file[i]);
  free (b->file);
  free (b->row);
  free (b->path);
  free (b);
}

/* How near row R is to a mistyped or partial sku Q, before edit
   distance: 0 the sku starts with Q, 1 the sku holds Q, 2 the provider,
   service or unit holds Q, 3 none. */
static int
near_tier (const cc_price_row *r, const char *q)
{
  if (strncasecmp (r->sku, q, strlen (q)) == 0)
    return 0;
  if (strcasestr (r->sku, q) != NULL)
    return 1;
  if (strcasecmp (r->provider, q) == 0 || strcasestr (r->service, q) != NULL
      || strcasecmp (r->unit, q) == 0)
    return 2;
  return 3;
}

/* The up to three closest sku names, for "did you mean" messages, ranked
   by near_tier and then by edit distance, into BUF ("" when the book is
   empty). */
static void
closest_skus (const cc_price_book *b, const char *sku, char *buf,
              size_t size)
{
  const char *best[3] = { NULL, NULL, NULL };
  size_t key[3] = { (size_t) -1, (size_t) -1, (size_t) -1 };
  size_t i, k, len = 0;
  for (i = 0; i < b->n; i++)
    {
      const char *name = b->row[i].sku;
      size_t d = (size_t) near_tier (&b->row[i], sku) * 100000
                 + cc_edit_distance (sku, name);
      for (k = 0; k < 3 && (best[k] == NULL || strcmp (best[k], name)); k++)
        ;
      if (k < 3)
        continue;               /* already listed */
      for (k = 3; k > 0 && d < key[k - 1]; k--)
        if (k < 3)
          {
            key[k] = key[k - 1];
            best[k] = best[k - 1];
          }
      if (k < 3)
        {
          key[k] = d;
          best[k] = name;
        }
    }
  buf[0] = '\0';
  for (k = 0; k < 3 && best[k] != NULL && len < size; k++)
    len += (size_t) snprintf (buf + len, size - len, "%s%s", k ? ", " : "",
                              best[k]);
}

/* The regions sku SKU has (under TERM), comma-separated, into BUF. */
static void
sku_regions (const cc_price_book *b, const char *sku, const char *term,
             char *buf, size_t size)
{
  size_t i, len = 0;
  buf[0] = '\0';
  for (i = 0; i < b->n && len < size; i++)
    {
      const char *rg = b->row[i].region, *p = buf;
      size_t rl = strlen (rg);
      int seen = 0;
      if (strcmp (b->row[i].sku, sku) != 0
          || (term != NULL && strcmp (b->row[i].term, term) != 0))
        continue;
      while (!seen && (p = strstr (p, rg)) != NULL)
        {
          seen = (p == buf || p[-1] == ' ') && (p[rl] == ',' || p[rl] == '\0');
          p += rl > 0 ? rl : 1;
        }
      if (!seen)
        len += (size_t) snprintf (buf + len, size - len, "%s%s",
                                  len ? ", " : "", rg);
    }
}

const char *
cc_price_only_term (const cc_price_book *b, const char *sku,
                    const char *region)
{
  const char *only = NULL;
  size_t i;
  for (i = 0; i < b->n; i++)
    if (strcmp (b->row[i].sku, sku) == 0
        && (region == NULL || strcmp (b->row[i].region, region) == 0))
      {
        if (only != NULL && strcmp (only, b->row[i].term) != 0)
          return NULL;
        only = b->row[i].term;
      }
  return only;
}

/* The "no sku" message, naming the terms the sku has, the regions it has
   when the region was the trouble, or the closest sku names. */
static int
not_found (const cc_price_book *b, const char *sku, const char *region,
           const char *term, cc_err *err)
{
  char terms[128] = "", near[512], regions[1024];
  size_t i;
  /* The sku may exist under other terms: say which. */
  for (i = 0; i < b->n; i++)
    if (strcmp (b->row[i].sku, sku) == 0
        && (region == NULL || strcmp (b->row[i].region, region) == 0)
        && strstr (terms, b->row[i].term) == NULL)
      {
        size_t k = strlen (terms);
        snprintf (terms + k, sizeof terms - k, "%s%s", k ? ", " : "",
                  b->row[i].term);
      }
  if (terms[0] != '\0')
    return cc_err_set (err, CC_EDATA, b->path, 0, 0,
                       "sku '%s' has no '%s' price; its terms: %s", sku,
                       term, terms);
  /* The sku exists elsewhere: name its regions, not another sku. */
  sku_regions (b, sku, NULL, regions, sizeof regions);
  if (region != NULL && regions[0] != '\0')
    return cc_err_set (err, CC_EDATA, b->path, 0, 0,
                       "sku '%s' has no price in region '%s'; its regions: "
                       "%s", sku, region, regions);
  closest_skus (b, sku, near, sizeof near);
  return cc_err_set (err, CC_EDATA, b->path, 0, 0,
                     "no sku '%s'%s%s%s%s%s%s%s%s", sku,
                     region ? " in region '" : "", region ? region : "",
                     region ? "'" : "", strcmp (term, "payg") ? " with term '" : "",
                     strcmp (term, "payg") ? term : "",
                     strcmp (term, "payg") ? "'" : "",
                     near[0] ? "; closest: " : "", near);
}

/* Insert table T into OUT[0..*N) kept in effective-date order. */
static int
table_insert (const cc_price_book *b, cc_price_table *out, size_t max,
              size_t *n, const cc_price_table *t, cc_err *err)
{
  const cc_price_row *r = &b->row[t->first], *r0;
  size_t k;
  if (*n > 0)
    {
      r0 = &b->row[out[0].first];
      if (strcmp (r0->unit, r->unit) != 0
          || strcmp (r0->currency, r->currency) != 0)
        return cc_err_set (err, CC_EDATA, r->file, r->line, 0,
                           "sku '%s' is priced per %s %s from %s but per %s "
                           "%s from %s (%s:%ld); a sku keeps its unit and "
                           "currency over time", r->sku, r->unit, r->currency,
                           r->effective_date, r0->unit, r0->currency,
                           r0->effective_date, r0->file, r0->line);
    }
  if (*n == max)
    return cc_err_set (err, CC_EDATA, r->file, r->line, 0,
                       "sku '%s' has more than %zu effective dates (the cap)",
                       r->sku, max);
  for (k = *n; k > 0 && strcmp (b->row[out[k - 1].first].effective_date,
                                r->effective_date) > 0; k--)
    out[k] = out[k - 1];
  out[k] = *t;
  (*n)++;
  return CC_OK;
}

int
cc_price_tables (const cc_price_book *b, const char *sku, const char *region,
                 const char *term, cc_price_table *out, size_t max, size_t *n,
                 cc_err *err)
{
  size_t i, found = b->n;
  cc_price_table t = { 0, 0, 0 };
  int rc;

  *n = 0;
  for (i = 0; i < b->n; i++)
    {
      const cc_price_row *r = &b->row[i];
      cc_date d;
      if (strcmp (r->sku, sku) != 0
          || (region != NULL && strcmp (r->region, region) != 0)
          || strcmp (r->term, term) != 0)
        continue;
      if (found == b->n)
        found = i;
      else if (strcmp (b->row[found].region, r->region) != 0)
        return cc_err_set (err, CC_EDATA, b->path, 0, 0,
                           "sku '%s' is priced in regions '%s' and '%s'; "
                           "name the region", sku, b->row[found].region,
                           r->region);
      /* A book's tier tables are contiguous: a new one starts at a row
         that is not the next tier of the previous row. */
      if (t.count > 0 && i == t.first + t.count
          && row_same_table (&b->row[t.first], r))
        {
          t.count++;
          continue;
        }
      if (t.count > 0 && (rc = table_insert (b, out, max, n, &t, err)) != CC_OK)
        return rc;
      cc_date_parse_ym (r->effective_date, &d);
      t.first = i;
      t.count = 1;
      t.month = cc_month_index (d.year, d.month);
    }
  if (found == b->n)
    return not_found (b, sku, region, term, err);
  return table_insert (b, out, max, n, &t, err);
}

long
cc_price_table_pick (const cc_price_table *t, size_t n, long month)
{
  long k;
  for (k = (long) n - 1; k >= 0 && t[k].month > month; k--)
    ;
  return k;
}

int
cc_price_find_at (const cc_price_book *b, const char *sku, const char *region,
                  const char *term, long month, size_t *first, size_t *count,
                  cc_err *err)
{
  cc_price_table t[CC_PRICE_MAX_DATES];
  size_t n;
  long k;
  int rc;

  if ((rc = cc_price_tables (b, sku, region, term, t, CC_PRICE_MAX_DATES, &n,
                             err)) != CC_OK)
    return rc;
  if ((k = cc_price_table_pick (t, n, month)) < 0)
    {
      const cc_price_row *r = &b->row[t[0].first];
      char ym[16];
      cc_month_format (month, ym, sizeof ym);
      return cc_err_set (err, CC_EDATA, r->file, r->line, 0,
                         "sku '%s' (term %s) has no price in force in %s: "
                         "its earliest row is effective %s", sku, term, ym,
                         r->effective_date);
    }
  *first = t[k].first;
  *count = t[k].count;
  return CC_OK;
}

int
cc_price_find_term (const cc_price_book *b, const char *sku, const char *region,
           const char *term, size_t *first, size_t *count, cc_err *err)
{
  return cc_price_find_at (b, sku, region, term, CC_PRICE_NEWEST, first,
                           count, err);
}

int
cc_price_find (const cc_price_book *b, const char *sku, const char *region,
               size_t *first, size_t *count, cc_err *err)
{
  return cc_price_find_term (b, sku, region, "payg", first, count, err);
}

int
cc_price_lock_parse (const char *s, cc_price_lock *out)
{
  long n;
  if (strcmp (s, "none") == 0 || strcmp (s, "term") == 0)
    {
      out->kind = s[0] == 'n' ? CC_LOCK_NONE : CC_LOCK_TERM;
      out->months = 0;
      return 0;
    }
  if (strncmp (s, "renewal:", 8) != 0
      || cc_num_parse_long (s + 8, 1, 1200, &n) != 0)
    return -1;
  out->kind = CC_LOCK_RENEWAL;
  out->months = (int) n;
  return 0;
}

void
cc_price_lock_format (const cc_price_lock *l, char *buf, size_t n)
{
  if (l->kind == CC_LOCK_RENEWAL)
    snprintf (buf, n, "renewal:%d", l->months);
  else
    snprintf (buf, n, "%s", l->kind == CC_LOCK_TERM ? "term" : "none");
}

long
cc_price_lock_month (const cc_price_lock *l, long start, int mo)
{
  switch (l->kind)
    {
    case CC_LOCK_TERM:
      return start;
    case CC_LOCK_RENEWAL:
      return start + (long) l->months * ((mo - 1) / l->months);
    default:
      return start + mo - 1;
    }
}

int
cc_price_tiered (const cc_price_book *b, size_t first, size_t count,
                 double quantity, double *cost, cc_tier_charge *parts,
                 cc_err *err)
{
  size_t i;
  double total = 0;

  if (!(quantity >= 0) || !isfinite (quantity))
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "quantity %g is not a finite number >= 0", quantity);
  for (i = 0; i < count; i++)
    {
      const cc_price_row *r = &b->row[first + i];
      double from = r->tier_start;
      double to = i + 1 < count ? b->row[first + i + 1].tier_start : INFINITY;
      double q = quantity > from ? fmin (quantity, to) - from : 0.0;
      double c = q * r->unit_price;
      total += c;
      if (!isfinite (total))
        return cc_err_set (err, CC_EDATA, r->file, r->line, 0,
                           "the cost of %g units at %g (price row of sku "
                           "'%s') is beyond what a double can hold",
                           quantity, r->unit_price, r->sku);
      if (parts != NULL)
        {
          parts[i].from = from;
          parts[i].to = to;
          parts[i].quantity = q;
          parts[i].unit_price = r->unit_price;
          parts[i].cost = c;
          parts[i].row = r;
        }
    }
  *cost = total;
  return CC_OK;
}

int
cc_price_quantity (const cc_price_book *b, const char *sku,
                   const char *region, double quantity,
                   const cc_price_terms *terms, double *cost, cc_err *err)
{
  size_t first, count, rf, rn;
  double reserved = 0, rest = quantity, c, factor = 1;
  int rc;

  if ((rc = cc_price_find (b, sku, region, &first, &count, err)) != CC_OK)
    return rc;
  if (terms != NULL && terms->reserved_blocks > 0)
    {
      const cc_price_row *r;
      if (terms->term == NULL
          || (rc = cc_price_find_term (b, sku, region, terms->term, &rf, &rn, err)) != CC_OK)
        return terms->term == NULL
          ? cc_err_set (err, CC_EDATA, NULL, 0, 0,
                        "reserved blocks of '%s' need a term", sku)
          : rc;
      r = &b->row[rf];
      if (!(r->min_quantity > 0))
        return cc_err_set (err, CC_EDATA, r->file, r->line, 0,
                           "reservation of sku '%s' (term %s) has no "
                           "min_quantity (block size)", sku, r->term);
      reserved = terms->reserved_blocks * r->min_quantity * r->unit_price;
      rest = fmax (0.0, quantity - terms->reserved_blocks * r->min_quantity);
    }
  if ((rc = cc_price_tiered (b, first, count, rest, &c, NULL, err)) != CC_OK)
    return rc;
  if (terms != NULL)
    {
      if (!(terms->discount >= 0 && terms->discount < 1))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "discount %g for '%s' is not in [0, 1)",
                           terms->discount, sku);
      if (!(terms->annual_change > -1))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "annual price change %g for '%s' is not above -1",
                           terms->annual_change, sku);
      factor = (1 - terms->discount) * pow (1 + terms->annual_change, terms->year);
    }
  *cost = (reserved + c) * factor;
  return CC_OK;
}

int
cc_price_mix (const cc_price_book *b, const char *const *skus,
              const double *shares, size_t n, const char *region,
              double quantity, const cc_price_terms *terms, double *cost,
              cc_err *err)
{
  double sum = 0, total = 0, c;
  size_t i;
  int rc;

  for (i = 0; i < n; i++)
    {
      if (!(shares[i] >= 0) || !isfinite (shares[i]))
        return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                           "mix share %g of '%s' is not a number >= 0",
                           shares[i], skus[i]);
      sum += shares[i];
    }
  if (n == 0 || fabs (sum - 1) > 1e-9)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "storage mix shares sum to %.12g, not 1", sum);
  for (i = 0; i < n; i++)
    {
      if ((rc = cc_price_quantity (b, skus[i], region, quantity * shares[i],
                                   terms, &c, err)) != CC_OK)
        return rc;
      total += c;
    }
  *cost = total;
  return CC_OK;
}

double
cc_price_unit_bytes (const char *unit)
{
  char head[16];
  const char *dash = strchr (unit, '-');
  const cc_size_unit *u;
  size_t n;

  if (dash == NULL || strcmp (dash, "-month") != 0)
    return 0;
  n = (size_t) (dash - unit);
  if (n == 0 || n >= sizeof head)
    return 0;
  memcpy (head, unit, n);
  head[n] = '\0';
  u = cc_size_unit_find (head);
  return u ? u->bytes : 0;
}

int
cc_price_convert (double q, const char *unit, const char *sku_unit,
                  double *out)
{
  const cc_size_unit *u;
  char head[16];
  const char *dash;
  double to = cc_price_unit_bytes (sku_unit);
  if (strcmp (unit, sku_unit) == 0)
    {
      *out = q;
      return 0;
    }
  if (to <= 0)
    return -1;
  /* "TB" or "TB-month" against a capacity unit such as "GiB-month". */
  dash = strchr (unit, '-');
  if (dash != NULL && strcmp (dash, "-month") != 0)
    return -1;
  snprintf (head, sizeof head, "%.*s", dash ? (int) (dash - unit) : 15, unit);
  u = cc_size_unit_find (head);
  if (u == NULL)
    return -1;
  *out = q * u->bytes / to;
  return 0;
}
