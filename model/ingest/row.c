/* row.c: one record of a billing file into its group: the period, the
 * quantity and unit, the cost on the chosen basis (with the format's row
 * hook), the group key; and the skipped rows with their reasons. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/num.h"
#include "core/textutil.h"
#include "core/timeutil.h"
#include "ingest/formats/format.h"

/* A number field: blanks around it are dropped, empty or NULL is null,
 * and the number itself is core/num.h's strict decimal; beyond the cap
 * (+-1e30), where sums could overflow, it is not a number.  Returns 0
 * with *V set, 1 for null, -1 when not a number. */
static int
parse_plain (const char *s, size_t n, double *v)
{
  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (ingest_is_null (s, n))
    return 1;
  if (cc_num_parse_n (s, n, v) != 0 || fabs (*v) > CC_INGEST_MAX_NUMBER)
    return -1;
  return 0;
}

/* A number of W's file: as parse_plain, and in a format that writes
 * thousands separators ("6,282.708"), with each comma between digits
 * dropped first. */
static int
parse_num (const worker *w, const char *s, size_t n, double *v)
{
  char buf[64];
  size_t i, j = 0;
  if (!w->fc->format->thousands || memchr (s, ',', n) == NULL)
    return parse_plain (s, n, v);
  if (n >= sizeof buf)
    return -1;
  for (i = 0; i < n; i++)
    if (s[i] != ',')
      buf[j++] = s[i];
    else if (i == 0 || i + 1 == n || !isdigit ((unsigned char) s[i - 1])
             || !isdigit ((unsigned char) s[i + 1]))
      return -1;
  return parse_plain (buf, j, v);
}

/* The currency of the row: its column, else the one the file's preamble
 * states (the GCP console's "Currency,USD"). */
static const char *
row_currency (const worker *w, size_t *n)
{
  const char *s = ingest_slot (w, R_CURRENCY, n);
  if (ingest_is_null (s, *n))
    {
      s = w->fc->pre_currency;
      *n = strlen (s);
    }
  return s;
}

/* A byte of a group key: the separator, NUL (keys are C strings) and line
 * breaks become spaces. */
static char
key_char (char c)
{
  return c == '\x1f' || c == '\x1e' || c == '\0' || c == '\n' || c == '\r'
    ? ' ' : c;
}

/* The currency code of the row, N bytes at CUR, as the key holds it: at
 * most 15 bytes cut on a character boundary, key characters mapped, bytes
 * that are not UTF-8 as U+FFFD.  Returns its length; *BAD says whether a
 * byte was replaced. */
static size_t
currency_code (const char *cur, size_t n, char code[16], int *bad)
{
  size_t i, o = 0, k;
  unsigned long cp;
  *bad = 0;
  for (i = 0; i < n; i += k)
    {
      const char *put = cur + i;
      k = 1;
      if ((unsigned char) cur[i] >= 0x80
          && (k = cc_utf8_decode (cur + i, n - i, &cp)) == 0)
        put = "\xef\xbf\xbd", k = 1, *bad = 1;
      if (o + (put == cur + i ? k : 3) > 15)
        break;
      if (put != cur + i)
        memcpy (code + o, put, 3), o += 3;
      else if (k == 1)
        code[o++] = key_char (cur[i]);
      else
        memcpy (code + o, put, k), o += k;
    }
  code[o] = '\0';
  return o;
}

/* The index of currency CODE in w->cur, added when new; -1 when full. */
static int
find_currency (worker *w, const char *code)
{
  int i;
  for (i = 0; i < w->ncur; i++)
    if (strcmp (w->cur[i].code, code) == 0)
      return i;
  if (w->ncur == INGEST_MAX_CURRENCIES)
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

/* Keep the cost a skipped row carries, when its cost column is a number,
 * so that the report accounts for every unit of cost in the file. */
static void
note_skipped_cost (worker *w)
{
  size_t n, nc;
  const char *s, *cur;
  char code[16];
  double v;
  int i, bad;

  if (w->fc->role_slot[R_COST] < 0)
    return;
  s = ingest_slot (w, R_COST, &n);
  if (parse_num (w, s, n, &v) != 0)
    return;
  cur = row_currency (w, &nc);
  if (ingest_is_null (cur, nc))
    nc = 0;
  currency_code (cur, nc, code, &bad);
  if ((i = find_currency (w, code)) < 0)
    return;
  nadd (&w->cur[i].skipped, v);
  nadd (&w->cur[i].skipped_abs, fabs (v));
  w->cur[i].skipped_rows++;
}

int
ingest_skip_row (worker *w, int reason, int role, const char *value)
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

int
ingest_role_num (worker *w, int role, double *v)
{
  size_t n;
  const char *s = ingest_slot (w, role, &n);
  int rc = parse_num (w, s, n, v);
  if (rc < 0)
    {
      ingest_skip_row (w, CC_SKIP_COST_BAD, role, s);
      return -1;
    }
  if (rc == 1)
    *v = 0;
  return 0;
}

/* Append N bytes of S to the key being built, then the part separator
 * SEP (none when 0).  Bytes that are not UTF-8 become U+FFFD and mark the
 * row (w->row_not_utf8), so that the report counts it. */
static int
key_append (worker *w, size_t *at, const char *s, size_t n, char sep)
{
  size_t need = *at + 3 * n + 2;
  size_t i, k;
  unsigned long cp;
  if (need > w->kcap)
    {
      size_t cap = w->kcap ? w->kcap : 256;
      char *kb;
      while (cap < need)
        cap *= 2;
      kb = realloc (w->kbuf, cap);
      if (kb == NULL)
        return -1;
      w->kbuf = kb;
      w->kcap = cap;
    }
  /* The separator, NUL and line breaks cannot appear inside a part. */
  for (i = 0; i < n; i++)
    if ((unsigned char) s[i] < 0x80)
      w->kbuf[(*at)++] = key_char (s[i]);
    else if ((k = cc_utf8_decode (s + i, n - i, &cp)) > 0)
      {
        memcpy (w->kbuf + *at, s + i, k);
        *at += k;
        i += k - 1;
      }
    else
      {
        memcpy (w->kbuf + *at, "\xef\xbf\xbd", 3);
        *at += 3;
        w->row_not_utf8 = 1;
      }
  if (sep)
    w->kbuf[(*at)++] = sep;
  return 0;
}

/* The month of the period start.  Returns 0, or -1 after skipping. */
static int
row_month (worker *w, long *month)
{
  size_t n;
  const char *s = ingest_slot (w, R_DATE, &n);
  if (ingest_is_null (s, n) && w->fc->pre_month >= 0)
    {
      /* No date on the row (the GCP console's rounding error): the
         invoice month its preamble states. */
      *month = w->fc->pre_month;
      return 0;
    }
  if (ingest_is_null (s, n))
    {
      ingest_skip_row (w, CC_SKIP_DATE_MISSING, R_DATE, s);
      return -1;
    }
  if (cc_billing_month_order (s, n, w->fc->opt->date_order, month) != 0)
    {
      ingest_skip_row (w, CC_SKIP_DATE_BAD, R_DATE, s);
      return -1;
    }
  return 0;
}

/* Whether the row is consumption, whose quantity counts: a usage charge
 * (FOCUS ChargeCategory Usage, Azure ChargeType Usage, GCP cost_type
 * regular, CUR line item types of usage) that is not an unused
 * commitment.  Purchases, tax, credits, refunds, adjustments and unused
 * commitments add cost and rows but no quantity.  A file without these
 * columns is all consumption. */
static int
consumption (const worker *w, int charge)
{
  size_t n;
  const char *s;
  if (charge != CC_CHARGE_USAGE)
    return 0;
  if (w->fc->role_slot[R_CHARGE] >= 0 && w->fc->format->charge == NULL)
    {
      s = ingest_slot (w, R_CHARGE, &n);
      if (!ingest_is_null (s, n) && !ingest_is_one_of (s, n, "usage|regular"))
        return 0;
    }
  if (w->fc->role_slot[R_LINETYPE] >= 0)
    {
      s = ingest_slot (w, R_LINETYPE, &n);
      if (!ingest_is_null (s, n)
          && !ingest_is_one_of (s, n, "usage|discountedusage|savingsplancoveredusage"))
        return 0;
    }
  if (w->fc->role_slot[R_COMMITSTATUS] >= 0)
    {
      s = ingest_slot (w, R_COMMITSTATUS, &n);
      if (ingest_is_one_of (s, n, "unused"))
        return 0;
    }
  return 1;
}

/* Quantity and unit: the first pair whose unit is given.  Returns 0, or
 * -1 after skipping the row. */
static int
row_quantity (worker *w, int charge, double *qty, const char **unit,
              size_t *nunit)
{
  size_t n;
  const char *s = ingest_slot (w, R_QTY, &n);
  int role = R_QTY, rc;

  *unit = ingest_slot (w, R_UNIT, nunit);
  if (w->fc->role_slot[R_QTY2] >= 0 && ingest_is_null (*unit, *nunit))
    {
      size_t n2, nu2;
      const char *s2 = ingest_slot (w, R_QTY2, &n2);
      const char *u2 = ingest_slot (w, R_UNIT2, &nu2);
      if (!ingest_is_null (u2, nu2) || ingest_is_null (s, n))
        s = s2, n = n2, *unit = u2, *nunit = nu2, role = R_QTY2;
    }
  rc = parse_num (w, s, n, qty);
  if (rc < 0)
    {
      ingest_skip_row (w, CC_SKIP_QUANTITY_BAD, role, s);
      return -1;
    }
  if (rc == 1)
    {
      *qty = 0;
      w->null_qty++;
    }
  if (ingest_is_null (*unit, *nunit))
    *nunit = 0;
  /* Not consumption: no quantity, and no unit, so that its cost never
     sits in a usage group as if it had been consumed. */
  if (!consumption (w, charge))
    *qty = 0, *nunit = 0;
  return 0;
}

/* Cost on the chosen basis: a unit price times QTY, or the cost column
 * through the format's row hook.  Returns 0, or -1 after skipping. */
static int
row_cost (worker *w, double qty, double *cost)
{
  const filectx *fc = w->fc;
  size_t n;
  const char *s;
  int rc;

  *cost = 0;
  if (fc->role_slot[R_PRICE] >= 0)
    {
      double price;
      s = ingest_slot (w, R_PRICE, &n);
      rc = parse_num (w, s, n, &price);
      if (rc < 0)
        {
          ingest_skip_row (w, CC_SKIP_COST_BAD, R_PRICE, s);
          return -1;
        }
      *cost = rc == 1 ? 0 : price * qty;
      if (rc == 1)
        w->null_cost++;
    }
  else if (fc->role_slot[R_COST] >= 0)
    {
      s = ingest_slot (w, R_COST, &n);
      rc = parse_num (w, s, n, cost);
      if (rc < 0)
        {
          ingest_skip_row (w, CC_SKIP_COST_BAD, R_COST, s);
          return -1;
        }
      if (rc == 1)
        {
          *cost = 0;
          w->null_cost++;
        }
      if (fc->row_hook != NULL && fc->row_hook (w, cost) != 0)
        return -1;
    }
  if (*cost < 0)
    w->neg_cost++;
  return 0;
}

/* A label of the group key: the role's text, or FALLBACK's when null. */
static inline const char *
label (const worker *w, int role, int fallback, size_t *n)
{
  const char *s = ingest_slot (w, role, n);
  if (fallback >= 0 && ingest_is_null (s, *n))
    s = ingest_slot (w, fallback, n);
  if (ingest_is_null (s, *n))
    *n = 0;
  return s;
}

/* Append the extra dimensions' values (--by account, region, tag:KEY),
 * each followed by '\x1e', and count the empty ones in EMPTY.  Returns
 * 0, or -1 after a hard error. */
static int
key_dims (worker *w, size_t *at, size_t *total, long *empty)
{
  const filectx *fc = w->fc;
  int d;
  for (d = 0; d < fc->ndim; d++)
    {
      const char *s = "";
      size_t n = 0;
      int sl = fc->dim[d].slot, s2 = fc->dim[d].slot2;
      if (sl >= 0 && w->slot_set[sl])
        s = w->slot[sl], n = w->slot_len[sl];
      if (ingest_is_null (s, n) && s2 >= 0 && w->slot_set[s2])
        s = w->slot[s2], n = w->slot_len[s2];
      if (fc->dim[d].tags >= 0 && fc->dim[d].key != NULL && sl < 0
          && w->slot_set[fc->dim[d].tags])
        {
          long v = ingest_tag_value (w->slot[fc->dim[d].tags],
                                     w->slot_len[fc->dim[d].tags],
                                     fc->dim[d].key,
                                     fc->format->tag_user_prefix, w->tagval,
                                     sizeof w->tagval);
          if (v == -2)
            {
              ingest_hard_error (w, CC_EDATA, "the value of tag '%s' is "
                                 "longer than %d bytes (the cap)",
                                 fc->dim[d].key, CC_INGEST_MAX_LABELS - 1);
              return -1;
            }
          s = w->tagval, n = v < 0 ? 0 : (size_t) v;
        }
      if (ingest_is_null (s, n))
        n = 0, empty[d]++;
      *total += n;
      if (key_append (w, at, s, n, '\x1e') != 0)
        {
          ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
          return -1;
        }
    }
  return 0;
}

/* Add the row to the group of its key and month, and its cost to its
 * currency's total. */
static void
row_add (worker *w, int chg, long month, double qty, double cost,
         const char *unit, size_t nunit)
{
  const filectx *fc = w->fc;
  size_t nprov, nsvc, ncat, nmeter, ncur, at = 0, total;
  const char *prov, *svc, *cat, *meter, *cur, *charge;
  long empty[CC_INGEST_MAX_DIMS] = { 0 };
  char code[16];
  group *g;
  int d;

  /* Categorical values keep their spelling; families and units are mapped
     once per group at the end. */
  if (fc->const_provider)
    prov = fc->const_provider, nprov = strlen (prov);
  else
    prov = label (w, R_PROVIDER, -1, &nprov);
  svc = label (w, R_SERVICE, R_SERVICE2, &nsvc);
  cat = label (w, R_CATEGORY, -1, &ncat);
  meter = label (w, R_METER, R_METER2, &nmeter);
  cur = row_currency (w, &ncur);
  charge = cc_ingest_charge_name (chg);
  w->row_not_utf8 = 0;
  /* The currency as the key holds it, so that the reconciliation finds
     it. */
  ncur = currency_code (cur, ncur, code, &w->row_not_utf8);
  cur = code;

  total = nprov + nsvc + ncat + nmeter + nunit;
  if (key_append (w, &at, prov, nprov, '\x1f')
      || key_append (w, &at, svc, nsvc, '\x1f')
      || key_append (w, &at, cat, ncat, '\x1f')
      || key_append (w, &at, meter, nmeter, '\x1f')
      || key_append (w, &at, unit, nunit, '\x1f')
      || key_append (w, &at, cur, ncur, '\x1f')
      || key_append (w, &at, charge, strlen (charge), '\x1f'))
    {
      ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
      return;
    }
  if (fc->ndim > 0 && key_dims (w, &at, &total, empty) != 0)
    return;
  if (total > CC_INGEST_MAX_LABELS)
    {
      ingest_hard_error (w, CC_EDATA, "provider, service, category, meter, "
                         "unit and the --by dimensions together longer "
                         "than %d bytes (the cap)", CC_INGEST_MAX_LABELS);
      return;
    }
  if ((g = ingest_table_get (w->tp, w->kbuf, at, month)) == NULL)
    {
      ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
      return;
    }
  if (w->tp->n > CC_INGEST_MAX_GROUPS)
    {
      ingest_hard_error (w, CC_EDATA, "more than %d groups (distinct "
                         "provider, service, meter, unit, currency, charge, "
                         "--by dimensions and month; the cap)",
                         CC_INGEST_MAX_GROUPS);
      return;
    }
  if (g->rows == 0 || w->chunk < g->chunk
      || (w->chunk == g->chunk && w->rec_line < g->line))
    g->chunk = w->chunk, g->line = w->rec_line;
  nadd (&g->cost, cost);
  nadd (&g->qty, qty);
  g->rows++;
  for (d = 0; d < fc->ndim; d++)
    w->dim_empty[d] += empty[d];
  if (w->row_not_utf8 && w->not_utf8++ == 0)
    w->not_utf8_line = w->rec_line;
  if (add_currency (w, code, cost) != 0)
    {
      ingest_hard_error (w, CC_EDATA, "more than %d currencies in one file "
                         "(at '%s')", INGEST_MAX_CURRENCIES, code);
      return;
    }
  w->rows_used++;
}

void
ingest_process_row (worker *w)
{
  const char *unit;
  size_t nunit;
  double qty, cost;
  long month;
  int charge;

  if (w->fc->format->summary_row != NULL && w->fc->format->summary_row (w))
    {
      w->rows_summary++;   /* a total of the rows above: not a charge */
      return;
    }
  w->rows_read++;
  if (w->nf < w->fc->ncols)
    w->rows_short++;
  else if (w->nf > w->fc->ncols)
    w->rows_long++;
  charge = ingest_row_charge (w);
  if (row_month (w, &month) != 0
      || row_quantity (w, charge, &qty, &unit, &nunit) != 0
      || row_cost (w, qty, &cost) != 0)
    return;
  row_add (w, charge, month, qty, cost, unit, nunit);
}
