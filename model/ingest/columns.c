/* columns.c: the header: names folded for matching, the format (detected
 * or chosen), and the column map from roles to record slots.  Header names
 * are matched after folding case and dropping everything but letters and
 * digits, so "lineItem/UsageStartDate" and "line_item_usage_start_date",
 * or "service.description" and "service_description", are the same
 * column. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/timeutil.h"
#include "ingest/formats/format.h"

#define FOLDED_MAX 96

const char *const ingest_role_name[R_NROLES] = {
  "period start", "cost", "quantity", "unit", "quantity", "unit", "service",
  "service", "category", "meter", "meter", "currency", "provider",
  "line item type", "savings plan effective cost",
  "reservation effective cost", "savings plan total commitment to date",
  "savings plan used commitment", "reservation unused amortized upfront fee",
  "reservation unused recurring fee", "reservation ARN", "credits", "price",
  "charge category", "commitment discount status", "charge class",
  "charge subcategory", "account", "account", "region", "tags"
};

/* A localised Azure download writes each name as "Localised name
 * (EnglishName)": the English name in the closing parentheses, when it is
 * one word of letters, digits, '_', '/' or '.', counts.  Returns where
 * it starts (S itself otherwise) and its length through *N. */
static const char *
english_name (const char *s, size_t *n)
{
  size_t len = strlen (s), k;
  const char *open;
  *n = len;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
    len--;
  if (len < 4 || s[len - 1] != ')' || (open = memchr (s, '(', len)) == NULL
      || open == s || open[-1] != ' ')
    return s;
  for (k = 1; open + k < s + len - 1; k++)
    if (!isalnum ((unsigned char) open[k]) && strchr ("_/.", open[k]) == NULL)
      return s;
  if (k == 1 || !isalpha ((unsigned char) open[1]))
    return s;
  *n = k - 1;
  return open + 1;
}

static void
fold_name (const char *s, char *out, size_t size)
{
  size_t j = 0, n;
  const char *end;
  s = english_name (s, &n);
  end = s + n;
  for (; s < end && j + 1 < size; s++)
    if (isalnum ((unsigned char) *s))
      out[j++] = (char) tolower ((unsigned char) *s);
  out[j] = '\0';
}

long
ingest_header_find (const ingest_header *h, const char *names)
{
  char want[FOLDED_MAX];
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
      for (i = 0; i < h->n; i++)
        if (strcmp (h->folded[i], want) == 0)
          return i;
      p = bar ? bar + 1 : NULL;
    }
  return -1;
}

int
ingest_header_has (const ingest_header *h, const char *names)
{
  return ingest_header_find (h, names) >= 0;
}

int
ingest_preamble_line (filectx *fc, char *const *f, size_t n)
{
  static const char *const keys = "invoicenumber|invoicedate|duedate"
    "|billingid|billingaccountid|billingaccountname|currency"
    "|currencyexchangerate|totalamountdue|invoicemonth|invoicetotal";
  char key[FOLDED_MAX];
  const char *v;
  size_t len;
  if (n < 2 || n > 3 || (n == 3 && f[2][0] != '\0'))
    return 0;
  fold_name (f[0], key, sizeof key);
  if (!ingest_is_one_of (key, strlen (key), keys))
    return 0;
  v = f[1];
  len = strlen (v);
  if (strcmp (key, "currency") == 0 && len < sizeof fc->pre_currency)
    memcpy (fc->pre_currency, v, len + 1);
  else if (strcmp (key, "invoicedate") == 0)
    {
      long m;
      if (cc_billing_month_order (v, len, fc->opt->date_order, &m) == 0)
        fc->pre_month = m;
    }
  else if (strcmp (key, "invoicemonth") == 0 && len == 6
           && strspn (v, "0123456789") == 6)
    {
      int y = atoi (v) / 100, mo = atoi (v) % 100;
      if (mo >= 1 && mo <= 12)
        fc->pre_month = cc_month_index (y, mo);
    }
  return 1;
}

/* Whether the header has every name of one of F's signatures. */
static int
matches (const ingest_format *f, const ingest_header *h)
{
  int s, k;
  for (s = 0; s < INGEST_SIGNATURES && f->detect[s][0] != NULL; s++)
    {
      for (k = 0; k < INGEST_SIGNATURE_NAMES && f->detect[s][k] != NULL; k++)
        if (!ingest_header_has (h, f->detect[s][k]))
          break;
      if (k == INGEST_SIGNATURE_NAMES || f->detect[s][k] == NULL)
        return 1;
    }
  return 0;
}

/* The first format, in detection order, whose signature the header has;
 * NULL when none. */
static const ingest_format *
detect (const ingest_header *h)
{
  const ingest_format *best = NULL, *f;
  size_t i;
  for (i = 0; (f = ingest_format_at (i)) != NULL; i++)
    if ((best == NULL || f->detect_order < best->detect_order)
        && matches (f, h))
      best = f;
  return best;
}

/* "format not recognised", with the formats tried and the header's start. */
static int
unrecognised (const filectx *fc, char *const *hdr, long n, cc_err *err)
{
  char tried[256] = "", first[256] = "";
  size_t len = 0, i;
  long c;
  const ingest_format *f;

  for (i = 0; (f = ingest_format_at (i)) != NULL; i++)
    len += (size_t) snprintf (tried + len, len < sizeof tried
                              ? sizeof tried - len : 0, "%s%s", i ? ", " : "",
                              f->info.name);
  len = 0;
  for (c = 0; c < n && c < 6 && len < sizeof first; c++)
    len += (size_t) snprintf (first + len, len < sizeof first
                              ? sizeof first - len : 0, "%s%s", c ? "," : "",
                              hdr[c]);
  if (len >= sizeof first)
    strcpy (first + sizeof first - 4, "...");
  /* Never raw bytes of a binary file on the terminal. */
  for (len = 0; first[len]; len++)
    if ((unsigned char) first[len] < 0x20 || first[len] == 0x7f)
      first[len] = '?';
  return cc_err_set (err, CC_EDATA, fc->path, 1, 0, "format not recognised "
                     "(tried %s); the header starts: %s%s", tried, first,
                     n > 6 ? ",..." : "");
}

/* The format to read: the one the options name, or the header's. */
static int
pick_format (filectx *fc, const ingest_header *h, cc_err *err)
{
  cc_ingest_format chosen = fc->opt->format;
  if (chosen == CC_FMT_AUTO)
    {
      fc->format = detect (h);
      return fc->format != NULL ? CC_OK : unrecognised (fc, h->name, h->n, err);
    }
  fc->format = chosen > 0 ? ingest_format_at ((size_t) chosen - 1) : NULL;
  if (fc->format == NULL)
    return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0,
                       "no billing format number %d", chosen);
  return CC_OK;
}

/* Find the column of every role the format and the cost basis read; COL
 * gets -1 for a role without one.  Returns the name of the most basic
 * column that is needed and missing, or NULL. */
static const char *
find_columns (const ingest_format *f, const ingest_basis *b,
              const cc_ingest_options *opt, const ingest_header *h,
              long col[R_NROLES])
{
  const char *missing = NULL;
  int r;

  for (r = 0; r < R_NROLES; r++)
    col[r] = f->cols.names[r] ? ingest_header_find (h, f->cols.names[r]) : -1;
  col[R_COST] = -1;
  col[R_PRICE] = -1;
  if (b->cost != NULL || b->price != NULL)
    {
      long c = b->cost != NULL ? ingest_header_find (h, b->cost) : -1;
      if (c < 0 && b->price != NULL)
        {
          /* No cost column: the unit price times the quantity. */
          col[R_PRICE] = ingest_header_find (h, b->price);
          if (col[R_PRICE] < 0)
            missing = b->price_shown;
        }
      else if ((col[R_COST] = c) < 0)
        missing = b->cost_shown;
    }
  for (r = 0; r < R_NROLES; r++)
    if (b->more.names[r] != NULL)
      {
        col[r] = ingest_header_find (h, b->more.names[r]);
        if (col[r] < 0 && b->more_shown != NULL)
          missing = b->more_shown;
      }
  /* The extra dimensions' columns, only when --by asks for them. */
  for (r = R_ACCOUNT; r <= R_TAGS; r++)
    if (f->dims.names[r] != NULL
        && (r == R_REGION ? opt->by_region : r == R_TAGS ? opt->ntag > 0
            : opt->by_account))
      col[r] = ingest_header_find (h, f->dims.names[r]);
  if (col[R_SERVICE] < 0 && col[R_SERVICE2] < 0 && f->service_shown != NULL)
    missing = f->service_shown;
  if (col[R_DATE] < 0)
    missing = f->date_shown;
  return missing;
}

/* Give each used column a slot of the record, and each role its slot. */
static int
assign_slots (filectx *fc, char *const *hdr, long n, const long col[R_NROLES])
{
  long i;
  int r;
  fc->ncols = n;
  fc->col_slot = malloc ((size_t) n * sizeof *fc->col_slot);
  if (fc->col_slot == NULL)
    return -1;
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
  return 0;
}

/* The column of a tag KEY of its own (CUR's resourceTags/user:KEY): the
 * first header name, as written, that one of F's templates gives; -1. */
static long
tag_column (const ingest_format *f, const ingest_header *h, const char *key)
{
  const char *p = f->tag_columns;
  char want[256], tmpl[128];
  long i;
  while (p != NULL && *p)
    {
      size_t len = strcspn (p, "|");
      snprintf (tmpl, sizeof tmpl, "%.*s", (int) len, p);
      if (strstr (tmpl, "%s") != NULL)
        {
          /* The template's one %s is the key. */
          const char *at = strstr (tmpl, "%s");
          snprintf (want, sizeof want, "%.*s%s%s", (int) (at - tmpl), tmpl,
                    key, at + 2);
          for (i = 0; i < h->n; i++)
            if (strcmp (h->name[i], want) == 0)
              return i;
        }
      p += len + (p[len] == '|');
    }
  return -1;
}

/* The slot of header column COL, given one when it has none. */
static int
column_slot (filectx *fc, long col)
{
  if (fc->col_slot[col] < 0)
    fc->col_slot[col] = fc->nslots++;
  return fc->col_slot[col];
}

/* The extra dimensions --by asks for: where each is read, and the column
 * the report names for it. */
static void
map_dims (filectx *fc, cc_ingest_report *rep, const ingest_header *h)
{
  const cc_ingest_options *o = fc->opt;
  int d = 0, t;
  fc->ndim = 0;
  for (d = 0; d < CC_INGEST_MAX_DIMS; d++)
    fc->dim[d].slot = fc->dim[d].slot2 = fc->dim[d].tags = -1,
      fc->dim[d].key = NULL;
  d = 0;
  if (o->by_account)
    {
      fc->dim[d].slot = fc->role_slot[R_ACCOUNT];
      fc->dim[d].slot2 = fc->role_slot[R_ACCOUNT2];
      snprintf (rep->dim_column[d], sizeof rep->dim_column[d], "%s",
                fc->role_header[R_ACCOUNT] ? fc->role_header[R_ACCOUNT]
                : fc->role_header[R_ACCOUNT2] ? fc->role_header[R_ACCOUNT2]
                : "");
      d++;
    }
  if (o->by_region)
    {
      fc->dim[d].slot = fc->role_slot[R_REGION];
      snprintf (rep->dim_column[d], sizeof rep->dim_column[d], "%s",
                fc->role_header[R_REGION] ? fc->role_header[R_REGION] : "");
      d++;
    }
  for (t = 0; t < o->ntag && d < CC_INGEST_MAX_DIMS; t++, d++)
    {
      long c = tag_column (fc->format, h, o->tag[t]);
      fc->dim[d].key = o->tag[t];
      if (c >= 0)
        {
          fc->dim[d].slot = column_slot (fc, c);
          snprintf (rep->dim_column[d], sizeof rep->dim_column[d], "%s",
                    h->name[c]);
        }
      else if (fc->role_slot[R_TAGS] >= 0)
        {
          fc->dim[d].tags = fc->role_slot[R_TAGS];
          snprintf (rep->dim_column[d], sizeof rep->dim_column[d], "%s",
                    fc->role_header[R_TAGS]);
        }
    }
  fc->ndim = d;
  rep->ndim = d;
}

/* Map the header's columns for format FC->format. */
static int
map_columns (filectx *fc, cc_ingest_report *rep, const ingest_header *h,
             cc_err *err)
{
  const ingest_format *f = fc->format;
  const ingest_basis *b = &f->basis[fc->opt->cost];
  long col[R_NROLES];
  const char *missing;
  int r;

  snprintf (rep->version, sizeof rep->version, "%s", f->version (h));
  fc->const_provider = f->provider;
  fc->row_hook = b->row;
  for (r = 0; r < R_NROLES; r++)
    fc->role_slot[r] = -1, fc->role_col[r] = 0;
  if ((missing = find_columns (f, b, fc->opt, h, col)) != NULL)
    return cc_err_set (err, CC_EDATA, fc->path, 1, 0,
                       "the header has no %s column, which the %s format "
                       "needs", missing, f->info.name);
  if (assign_slots (fc, h->name, h->n, col) != 0)
    return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
  map_dims (fc, rep, h);
  rep->format = f->info.name;
  return CC_OK;
}

int
ingest_build_map (filectx *fc, cc_ingest_report *rep, char **hdr, long n,
                  cc_err *err)
{
  char **folded = calloc ((size_t) n + 1, sizeof *folded);
  ingest_header h;
  long i;
  int rc = CC_OK;

  if (folded == NULL)
    return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
  for (i = 0; i < n && rc == CC_OK; i++)
    if ((folded[i] = malloc (FOLDED_MAX)) == NULL)
      rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
    else
      fold_name (hdr[i], folded[i], FOLDED_MAX);
  h.name = hdr;
  h.folded = folded;
  h.n = n;
  if (rc == CC_OK)
    rc = pick_format (fc, &h, err);
  if (rc == CC_OK)
    rc = map_columns (fc, rep, &h, err);
  for (i = 0; i < n; i++)
    free (folded[i]);
  free (folded);
  return rc;
}
