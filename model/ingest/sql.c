/* sql.c: ingest's aggregation as one SQL statement (sql.h).
 *
 * The statement has five levels, each a subquery of the next:
 *   a  the columns the format's roles read, as text ('' when absent);
 *   b  per row: period (NULL when the date is not read), labels, charge
 *      category, whether the row is consumption, the quantity pair;
 *   c  per row: quantity and cost as numbers, and ok (0: skipped);
 *   g  the raw groups (provider, service, category, meter, unit,
 *      currency, charge, dimensions, period), as ingest's table holds them;
 *   m  the groups mapped: family by the service-map rules in order, unit
 *      and factor by the unit table;
 * and the outer level sums the mapped groups into the series, ordered as
 * cc_ingest_write_series orders them.  Each dialect differs only in the
 * spellings of its dialect row below. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/timeutil.h"
#include "ingest/formats/format.h"
#include "ingest/sql.h"

/* One dialect's spellings; $1, $2, $3 are the arguments. */
typedef struct
{
  const char *name;
  char qopen, qclose;        /* identifier quotes */
  int backslash;             /* string literals take backslash escapes */
  const char *text;          /* a column as text, '' for NULL */
  const char *num;           /* text to DOUBLE, NULL when not a number */
  const char *trim;
  const char *match;         /* text $1 matches regular expression $2 */
  const char *extract;       /* $2's first group in $1 */
  const char *substr;        /* $1 from 1, $2 characters */
  const char *bytes;         /* $1's length in bytes */
  const char *integer;       /* number $1 as an integer */
  const char *replace;       /* $1 with every match of $2 replaced by $3 */
  const char *json;          /* tag $2 (a JSON path) of JSON text $1, or
                                NULL: a regular expression finds it */
  const char *csv, *parquet; /* file readers of literal $1, header $2 */
  const char *all;           /* the list of group 1 of every match of $2 in
                                $1, or NULL: the list is the column */
  const char *lsum;          /* the sum over list $1 of $2 (of x) */
  const char *lany;          /* whether $2 (of x) holds for one of list $1 */
} dialect;

static const dialect dialects[CC_SQL_NDIALECTS] = {
  { "duckdb", '"', '"', 0, "coalesce(CAST($1 AS VARCHAR), '')",
    "TRY_CAST($1 AS DOUBLE)", "trim($1)", "regexp_matches($1, $2)",
    "regexp_extract($1, $2, 1)", "substr($1, 1, $2)", "strlen($1)",
    "CAST($1 AS BIGINT)", "regexp_replace($1, $2, $3, 'g')",
    "CASE WHEN json_valid($1) THEN json_extract_string($1, $2) END",
    "read_csv($1, all_varchar = true, header = true, delim = ',', "
    "quote = '\"', escape = '\"', null_padding = true)", "read_parquet($1)",
    "regexp_extract_all($1, $2, 1)",
    "coalesce(list_sum(list_transform($1, x -> $2)), 0)",
    "len(list_filter($1, x -> $2)) > 0" },
  { "clickhouse", '`', '`', 1, "ifNull(toString($1), '')",
    "toFloat64OrNull($1)", "replaceRegexpAll($1, '^ +| +$', '')", "match($1, $2)",
    "extract($1, $2)", "substringUTF8($1, 1, $2)", "length($1)", "toInt64($1)",
    "replaceRegexpAll($1, $2, $3)", NULL,
    "file($1, 'CSVWithNames', $2)", NULL, "extractAll($1, $2)",
    "arraySum(arrayMap(x -> $2, $1))", "arrayExists(x -> $2, $1)" },
  { "trino", '"', '"', 0, "coalesce(CAST($1 AS VARCHAR), '')",
    "try(CAST($1 AS DOUBLE))", "trim($1)", "regexp_like($1, $2)",
    "regexp_extract($1, $2, 1)", "substr($1, 1, $2)", "length(to_utf8($1))",
    "CAST($1 AS BIGINT)", "regexp_replace($1, $2, $3)",
    "json_extract_scalar($1, $2)", NULL, NULL,
    "regexp_extract_all($1, $2, 1)", "reduce($1, 0e0, (s, x) -> s + $2, s -> s)",
    "cardinality(filter($1, x -> $2)) > 0" },
  { "bigquery", '`', '`', 1, "COALESCE(CAST($1 AS STRING), '')",
    "SAFE_CAST($1 AS FLOAT64)", "TRIM($1)", "REGEXP_CONTAINS($1, $2)",
    "REGEXP_EXTRACT($1, $2)", "SUBSTR($1, 1, $2)", "BYTE_LENGTH($1)",
    "CAST($1 AS INT64)", "REGEXP_REPLACE($1, $2, $3)", "JSON_VALUE($1, $2)",
    NULL, NULL, NULL, NULL, NULL },
  { "spark", '`', '`', 1, "coalesce(CAST($1 AS STRING), '')",
    "CAST($1 AS DOUBLE)", "trim($1)", "regexp_extract($1, $2, 0) <> ''",
    "regexp_extract($1, $2, 1)", "substr($1, 1, $2)", "octet_length($1)",
    "CAST($1 AS BIGINT)", "regexp_replace($1, $2, $3)",
    "get_json_object($1, $2)", NULL, "parquet.$3",
    "regexp_extract_all($1, $2, 1)",
    "aggregate($1, CAST(0 AS DOUBLE), (s, x) -> s + $2)", "exists($1, x -> $2)" },
};

int
cc_sql_dialect_find (const char *name)
{
  int i;
  for (i = 0; i < CC_SQL_NDIALECTS; i++)
    if (strcmp (name, dialects[i].name) == 0)
      return i;
  return -1;
}

const char *
cc_sql_dialect_name (int d)
{
  return d >= 0 && d < CC_SQL_NDIALECTS ? dialects[d].name : NULL;
}

/* ------------------------------------------------------------------ */
/* Strings: every piece of text built here is kept until the end. */

typedef struct
{
  const dialect *d;
  const cc_sql_options *o;
  filectx fc;
  cc_ingest_report rep;
  char **names;
  long n;
  int gcp;                   /* the GCP export's credits and labels */
  int nested;                /* BigQuery's export schema: dotted names are
                                fields, labels and credits are arrays */
  char **pool;
  size_t npool, cap;
  int oom;
} gen;

static char *
keep (gen *g, char *s)
{
  if (s == NULL || g->oom)
    {
      g->oom = 1;
      free (s);
      return (char *) "";
    }
  if (g->npool == g->cap)
    {
      size_t cap = g->cap ? 2 * g->cap : 256;
      char **p = realloc (g->pool, cap * sizeof *p);
      if (p == NULL)
        {
          g->oom = 1;
          free (s);
          return (char *) "";
        }
      g->pool = p;
      g->cap = cap;
    }
  return g->pool[g->npool++] = s;
}

/* The concatenation of the strings up to NULL. */
static const char *
cat (gen *g, ...)
{
  va_list ap;
  const char *s;
  size_t len = 0;
  char *r;
  va_start (ap, g);
  while ((s = va_arg (ap, const char *)) != NULL)
    len += strlen (s);
  va_end (ap);
  if ((r = malloc (len + 1)) == NULL)
    return keep (g, NULL);
  r[0] = '\0';
  len = 0;
  va_start (ap, g);
  while ((s = va_arg (ap, const char *)) != NULL)
    {
      size_t k = strlen (s);
      memcpy (r + len, s, k + 1);
      len += k;
    }
  va_end (ap);
  return keep (g, r);
}

/* Template T with $1, $2, $3 replaced by A, B, C. */
static const char *
tpl (gen *g, const char *t, const char *a, const char *b, const char *c)
{
  const char *arg[3];
  size_t len = strlen (t) + 1, i, j = 0;
  char *r;
  arg[0] = a, arg[1] = b ? b : "", arg[2] = c ? c : "";
  for (i = 0; i < 3; i++)
    len += strlen (arg[i]) * 4;
  if ((r = malloc (len)) == NULL)
    return keep (g, NULL);
  for (i = 0; t[i]; i++)
    if (t[i] == '$' && t[i + 1] >= '1' && t[i + 1] <= '3')
      {
        const char *s = arg[t[++i] - '1'];
        memcpy (r + j, s, strlen (s));
        j += strlen (s);
      }
    else
      r[j++] = t[i];
  r[j] = '\0';
  return keep (g, r);
}

/* S between quotes OPEN and CLOSE: CLOSE doubled inside, or, with
 * BACKSLASH, CLOSE and backslashes escaped by a backslash (the only way
 * BigQuery and Spark literals and BigQuery and ClickHouse backtick names
 * take them). */
static const char *
quote (gen *g, const char *s, char open, char close, int backslash)
{
  size_t i, j = 0;
  char *r = malloc (2 * strlen (s) + 3);
  if (r == NULL)
    return keep (g, NULL);
  r[j++] = open;
  for (i = 0; s[i]; i++)
    {
      if (backslash && (s[i] == close || s[i] == '\\'))
        r[j++] = '\\';
      else if (s[i] == close)
        r[j++] = s[i];
      r[j++] = s[i];
    }
  r[j++] = close;
  r[j] = '\0';
  return keep (g, r);
}

/* S as a string literal of the dialect. */
static const char *
lit (gen *g, const char *s)
{
  return quote (g, s, '\'', '\'', g->d->backslash);
}

/* NAME as a quoted identifier: backticks take backslash escapes in
 * ClickHouse and BigQuery, doubled backticks in Spark; double quotes are
 * doubled. */
static const char *
ident (gen *g, const char *name)
{
  return quote (g, name, g->d->qopen, g->d->qclose,
                g->d == &dialects[CC_SQL_CLICKHOUSE]
                  || g->d == &dialects[CC_SQL_BIGQUERY]);
}

/* Column NAME of the source; in BigQuery's GCP export a dotted name is
 * a field path (service.description), each part quoted. */
static const char *
column (gen *g, const char *name)
{
  const char *dot = strchr (name, '.'), *part;
  if (!g->nested || dot == NULL)
    return ident (g, name);
  part = keep (g, strndup (name, (size_t) (dot - name)));
  return cat (g, ident (g, part), ".", column (g, dot + 1), NULL);
}

/* ------------------------------------------------------------------ */
/* Expressions. */

/* Level a's column of ROLE, or '' when the file has none. */
static const char *
role (gen *g, int r)
{
  char name[16];
  if (g->fc.role_header[r] == NULL)
    return "''";
  snprintf (name, sizeof name, "r%d", r);
  return cat (g, name, NULL);
}

static int
has (const gen *g, int r)
{
  return g->fc.role_header[r] != NULL;
}

/* A label: "NULL" (any case) is empty, as ingest_is_null says; line
 * breaks and the key separators become spaces, as in ingest's keys. */
static const char *
label (gen *g, const char *e)
{
  return cat (g, "CASE WHEN upper(", e, ") = 'NULL' THEN '' ELSE ",
              tpl (g, g->d->replace, e, lit (g, "[\\r\\n\\x1e\\x1f]"), "' '"),
              " END", NULL);
}

/* Label E cut to 15 bytes on a character boundary, as ingest keeps a
 * currency code (a character takes at most 4 bytes). */
static const char *
cut15 (gen *g, const char *e)
{
  const char *c = cat (g, "CASE WHEN ", tpl (g, g->d->bytes, e, NULL, NULL),
                       " <= 15 THEN ", e, NULL);
  int k;
  if (g->d == &dialects[CC_SQL_CLICKHOUSE])
    {
      /* Its strings are bytes (and 18.16's substringUTF8 miscounts 4-byte
         characters): cut before the continuation bytes at the cut. */
      const char *cut = "CASE";
      for (k = 16; k > 13; k--)
        {
          char at[8];
          const char *b;
          snprintf (at, sizeof at, "%d", k);
          b = cat (g, "reinterpretAsUInt8(substring(", e, ", ", at, ", 1))",
                   NULL);
          snprintf (at, sizeof at, "%d", k - 1);
          cut = cat (g, cut, " WHEN NOT (", b, " >= 128 AND ", b,
                     " < 192) THEN ", at, NULL);
        }
      return cat (g, c, " ELSE substring(", e, ", 1, ", cut,
                  " ELSE 12 END) END", NULL);
    }
  for (k = 15; k > 3; k--)
    {
      char n[8];
      const char *sub;
      snprintf (n, sizeof n, "%d", k);
      sub = tpl (g, g->d->substr, e, n, NULL);
      c = cat (g, c, " WHEN ", tpl (g, g->d->bytes, sub, NULL, NULL),
               " <= 15 THEN ", sub, NULL);
    }
  return cat (g, c, " ELSE ", tpl (g, g->d->substr, e, "3", NULL), " END",
              NULL);
}

static const char *
lower_label (gen *g, const char *e)
{
  return cat (g, "lower(", label (g, e), ")", NULL);
}

/* Whether text E is a null number (blank, empty or NULL). */
static const char *
num_null (gen *g, const char *e)
{
  const char *t = tpl (g, g->d->trim, e, NULL, NULL);
  return cat (g, "(", t, " = '' OR upper(", t, ") = 'NULL')", NULL);
}

/* E as a number: 0 when null, NULL when not a number (or beyond the
 * cap). */
static const char *
num (gen *g, const char *e)
{
  const char *v = tpl (g, g->d->num, tpl (g, g->d->trim, e, NULL, NULL),
                       NULL, NULL);
  return cat (g, "(CASE WHEN ", num_null (g, e), " THEN 0 WHEN abs(", v,
              ") <= 1e30 THEN ", v, " END)", NULL);
}

/* Whether text E is not null and not a number: the row is skipped. */
static const char *
num_bad (gen *g, const char *e)
{
  return cat (g, "(", num (g, e), ") IS NULL", NULL);
}

static const char *
match (gen *g, const char *e, const char *re)
{
  return tpl (g, g->d->match, e, lit (g, re), NULL);
}

/* Group 1 of regular expression RE in E, '' when it does not match. */
static const char *
ext (gen *g, const char *e, const char *re)
{
  return cat (g, "coalesce(", tpl (g, g->d->extract, e, lit (g, re), NULL),
              ", '')", NULL);
}

/* Text E as a number, 0 when it is not one (E holds digits here). */
static const char *
digits (gen *g, const char *e)
{
  return cat (g, "coalesce(", tpl (g, g->d->num, e, NULL, NULL), ", 0)", NULL);
}

/* The date's text and form, levels d1 and d2 over level A (timeutil.c's
 * cc_billing_month_order): d_t the text without the blanks and tabs
 * around it; d_k 1 an ISO date (a time and zone may follow, and an
 * interval's end after '/'), 2 a month YYYY-MM, 3 a slashed date (a time
 * and zone may follow), 0 none. */
static const char *
date_form (gen *g, const char *a)
{
  static const char *const tz = "(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}"
    "(?:[.][0-9]+)?)?(?: [AP]M)?(?: ?(?:Z|UTC|[+-][0-9]{2}(?::?[0-9]{2})?))?)?";
  const char *t = cat (g, "SELECT *, ", ext (g, role (g, R_DATE),
                                             "^[ \\t]*(.*?)[ \\t]*$"),
                       " AS d_t\n  FROM (", a, ") a1", NULL);
  return cat (g, "SELECT *, CASE WHEN ",
              match (g, "d_t", cat (g, "^[0-9]{4}-[0-9]{2}-[0-9]{2}", tz,
                                    "(?:/.*)?$", NULL)),
              " THEN 1 WHEN ", match (g, "d_t", "^[0-9]{4}-[0-9]{2}$"),
              " THEN 2 WHEN ",
              match (g, "d_t", cat (g, "^[0-9]{1,2}/[0-9]{1,2}/"
                                    "(?:[0-9]{4}|[0-9]{2})", tz, "$", NULL)),
              " THEN 3 ELSE 0 END AS d_k\n  FROM (", t, ") a2", NULL);
}

/* Levels d3 and d4: the date's parts as numbers (year, month, day, hour,
 * minute, second, offset hours and minutes), A.M./P.M. and the offset's
 * sign as text. */
static const char *
date_parts (gen *g, const char *a)
{
  int dmy = g->o->ingest.date_order == CC_DATE_DMY;
  const char *first = "^([0-9]{1,2})/", *second = "^[0-9]{1,2}/([0-9]{1,2})/";
  const char *p = cat (g, "SELECT *, CASE WHEN d_k IN (1, 2) THEN ",
                       tpl (g, g->d->substr, "d_t", "4", NULL),
                       " WHEN d_k = 3 THEN ",
                       ext (g, "d_t", "^[0-9]{1,2}/[0-9]{1,2}/([0-9]+)"),
                       " ELSE '' END AS d_y,\n    CASE WHEN d_k IN (1, 2) THEN ",
                       ext (g, "d_t", "^[0-9]{4}-([0-9]{2})"),
                       " WHEN d_k = 3 THEN ",
                       ext (g, "d_t", dmy ? second : first),
                       " ELSE '' END AS d_m,\n    CASE WHEN d_k = 1 THEN ",
                       ext (g, "d_t", "^[0-9]{4}-[0-9]{2}-([0-9]{2})"),
                       " WHEN d_k = 2 THEN '1' WHEN d_k = 3 THEN ",
                       ext (g, "d_t", dmy ? first : second),
                       " ELSE '' END AS d_d,\n    CASE WHEN d_k = 1 THEN ",
                       ext (g, "d_t", "^[0-9]{4}-[0-9]{2}-[0-9]{2}([^/]*)"),
                       " WHEN d_k = 3 THEN ",
                       ext (g, "d_t", "^[0-9]{1,2}/[0-9]{1,2}/[0-9]+(.*)$"),
                       " ELSE '' END AS d_r\n  FROM (", a, ") a3", NULL);
  return cat (g, "SELECT *, ", digits (g, "d_y"), " + CASE WHEN length(d_y) "
              "= 2 THEN 2000 ELSE 0 END AS d_yn,\n    ", digits (g, "d_m"),
              " AS d_mn, ", digits (g, "d_d"), " AS d_dn,\n    ",
              digits (g, ext (g, "d_r", "^[T ]([0-9]{1,2}):")), " AS d_hh,\n    ",
              digits (g, ext (g, "d_r", "^[T ][0-9]{1,2}:([0-9]{2})")),
              " AS d_mi,\n    ",
              digits (g, ext (g, "d_r", "^[T ][0-9]{1,2}:[0-9]{2}:([0-9]{2})")),
              " AS d_ss,\n    ", ext (g, "d_r", "^[^AP]*([AP])M"), " AS d_ap,\n    ",
              ext (g, "d_r", "([+-])[0-9]{2}(?::?[0-9]{2})?$"), " AS d_sg,\n    ",
              digits (g, ext (g, "d_r", "[+-]([0-9]{2})(?::?[0-9]{2})?$")),
              " AS d_oh,\n    ",
              digits (g, ext (g, "d_r", "[+-][0-9]{2}:?([0-9]{2})$")),
              " AS d_om\n  FROM (", p, ") a4", NULL);
}

/* Levels d1 to d6 over level A: d_ok 1 when the date is one ingest reads
 * (the parts in range, the day within its month), d_i the index (year *
 * 12 + month - 1) of its month in UTC: a time with an offset is moved to
 * UTC first, which moves it at most one month. */
static const char *
date_levels (gen *g, const char *a)
{
  const char *p = date_parts (g, date_form (g, a));
  const char *leap = "((d_yn / 4 = floor(d_yn / 4) AND d_yn / 100 <> "
    "floor(d_yn / 100)) OR d_yn / 400 = floor(d_yn / 400))";
  const char *v = cat (g, "SELECT *, CASE WHEN d_mn = 2 THEN CASE WHEN ", leap,
                       " THEN 29 ELSE 28 END WHEN d_mn IN (4, 6, 9, 11) THEN 30 "
                       "ELSE 31 END AS d_dim,\n    CASE WHEN d_ap = '' THEN "
                       "d_hh WHEN d_hh = 12 THEN 0 ELSE d_hh END + CASE WHEN "
                       "d_ap = 'P' THEN 12 ELSE 0 END AS d_h24,\n    CASE WHEN "
                       "d_sg = '-' THEN -1 ELSE 1 END * (d_oh * 60 + d_om) AS "
                       "d_off\n  FROM (", p, ") a5", NULL);
  return cat (g, "SELECT *, CASE WHEN d_k > 0 AND d_yn >= 1900 AND d_mn >= 1 "
              "AND d_mn <= 12 AND d_dn >= 1 AND d_dn <= d_dim AND (d_ap = '' "
              "OR (d_hh >= 1 AND d_hh <= 12)) AND d_h24 <= 24 AND d_mi <= 59 "
              "AND d_ss <= 60 AND NOT (d_h24 = 24 AND (d_mi > 0 OR d_ss > 0)) "
              "AND d_oh <= 18 AND d_om <= 59 THEN 1 ELSE 0 END AS d_ok,\n    "
              "d_yn * 12 + d_mn - 1 + CASE WHEN d_dn * 1440 + d_h24 * 60 + d_mi "
              "- d_off < 1440 THEN -1 WHEN d_dn * 1440 + d_h24 * 60 + d_mi - "
              "d_off >= (d_dim + 1) * 1440 THEN 1 ELSE 0 END AS d_i\n  FROM (",
              v, ") a6", NULL);
}

/* The period (YYYY-MM) of level d6's month, NULL when the date is not
 * one ingest reads. */
static const char *
period (gen *g)
{
  const char *y = tpl (g, g->d->integer, "floor(d_i / 12)", NULL, NULL);
  const char *m = tpl (g, g->d->integer, "d_i - 12 * floor(d_i / 12) + 1",
                       NULL, NULL);
  return cat (g, "CASE WHEN d_ok = 1 THEN concat(",
              tpl (g, g->d->text, y, NULL, NULL), ", '-', CASE WHEN ", m,
              " < 10 THEN '0' ELSE '' END, ", tpl (g, g->d->text, m, NULL, NULL),
              ") END", NULL);
}

/* A label with a fallback role when it is empty. */
static const char *
label2 (gen *g, int r, int fallback)
{
  const char *a = label (g, role (g, r));
  if (!has (g, fallback))
    return a;
  return cat (g, "CASE WHEN ", a, " = '' THEN ", label (g, role (g, fallback)),
              " ELSE ", a, " END", NULL);
}

/* The charge category of a row: the CUR's line item types. */
static const char *
charge_cur (gen *g)
{
  const char *lt = lower_label (g, role (g, R_LINETYPE));
  return cat (g, "CASE WHEN ", lt, " IN ('', 'usage', 'discountedusage', "
              "'savingsplancoveredusage', 'savingsplannegation') THEN 'usage' "
              "WHEN ", lt, " IN ('rifee', 'savingsplanrecurringfee') THEN ",
              g->o->ingest.cost == CC_COST_EFFECTIVE ? "'usage'" : "'purchase'",
              " WHEN ", lt, " IN ('fee', 'savingsplanupfrontfee') THEN "
              "'purchase' WHEN ", lt, " = 'tax' THEN 'tax' WHEN ", lt,
              " IN ('credit', 'bundleddiscount', 'edpdiscount', "
              "'privateratediscount', 'sppdiscount', 'distributordiscount') "
              "THEN 'credit' WHEN ", lt, " = 'refund' THEN 'refund' "
              "ELSE 'adjustment' END", NULL);
}

/* The charge category of a row: the charge column's words (FOCUS
 * ChargeCategory with ChargeClass and 0.5's ChargeSubcategory, Azure
 * ChargeType), as ingest_row_charge reads them. */
static const char *
charge_words (gen *g)
{
  const char *w, *c;
  if (!has (g, R_CHARGE))
    return "'usage'";
  w = lower_label (g, role (g, R_CHARGE));
  c = cat (g, "CASE WHEN ", w, " IN ('', 'usage', 'regular', "
           "'unusedreservation', 'unusedsavingsplan') THEN 'usage' WHEN ", w,
           " IN ('purchase', 'tax', 'credit', 'refund') THEN ", w,
           " ELSE 'adjustment' END", NULL);
  if (has (g, R_CHARGECLASS))
    c = cat (g, "CASE WHEN ", w, " <> 'credit' AND ",
             lower_label (g, role (g, R_CHARGECLASS)),
             " = 'correction' THEN 'adjustment' ELSE ", c, " END", NULL);
  if (has (g, R_CHARGESUB))
    {
      const char *s = lower_label (g, role (g, R_CHARGESUB));
      c = cat (g, "CASE WHEN ", s, " = 'refund' THEN 'refund' WHEN ", s,
               " = 'credit' THEN 'credit' ELSE ", c, " END", NULL);
    }
  return c;
}

/* Whether a usage row is consumption (row.c's consumption): 1 or 0. */
static const char *
consumption (gen *g, int cur)
{
  const char *c = "ch = 'usage'";
  if (has (g, R_CHARGE) && !cur)
    c = cat (g, c, " AND ", lower_label (g, role (g, R_CHARGE)),
             " IN ('', 'usage', 'regular')", NULL);
  if (has (g, R_LINETYPE))
    c = cat (g, c, " AND ", lower_label (g, role (g, R_LINETYPE)),
             " IN ('', 'usage', 'discountedusage', "
             "'savingsplancoveredusage')", NULL);
  if (has (g, R_COMMITSTATUS))
    c = cat (g, c, " AND ", lower_label (g, role (g, R_COMMITSTATUS)),
             " <> 'unused'", NULL);
  return cat (g, "CASE WHEN ", c, " THEN 1 ELSE 0 END", NULL);
}

/* A JSON path to KEY in the dialect's path syntax. */
static const char *
json_path (gen *g, const char *key)
{
  if (g->d == &dialects[CC_SQL_SPARK])
    return lit (g, cat (g, "$['", key, "']", NULL));
  if (g->d == &dialects[CC_SQL_TRINO])
    return lit (g, cat (g, "$[\"", key, "\"]", NULL));
  return lit (g, cat (g, "$.\"", key, "\"", NULL));
}

/* A quoted value V with its escapes undone as ingest undoes them: \n, \r
 * and \t as a space, any other backslash dropped (\uXXXX is not decoded);
 * an escaped backslash is kept aside (as byte 1) meanwhile.
 * Trino and Spark name a group $1 in the replacement, the others \1. */
static const char *
unescape (gen *g, const char *v)
{
  int java = g->d == &dialects[CC_SQL_TRINO] || g->d == &dialects[CC_SQL_SPARK];
  v = tpl (g, g->d->replace, v, lit (g, "\\\\\\\\"), lit (g, "\x01"));
  v = tpl (g, g->d->replace, v, lit (g, "\\\\[nrt]"), "' '");
  v = tpl (g, g->d->replace, v, lit (g, "\\\\(.)"),
           lit (g, java ? "$1" : "\\1"));
  return tpl (g, g->d->replace, v, lit (g, "\x01"), lit (g, "\\\\"));
}

/* Tag KEY (exactly) in tags text E; NULL when absent. */
static const char *
tag_one (gen *g, const char *e, const char *key)
{
  const char *obj;
  size_t i;
  char re[4 * CC_INGEST_MAX_TAG_KEY + 64], *p = re;
  if (g->d->json != NULL)
    {
      /* Real Azure exports leave the braces out.  A raw line break
         inside a value is not JSON: it becomes the space ingest makes
         of it (and is a blank outside the values). */
      e = tpl (g, g->d->replace, e, lit (g, "[\\r\\n\\x1e\\x1f]"), "' '");
      obj = cat (g, "CASE WHEN ", match (g, e, "^\\s*[{]"), " THEN ", e,
                 " ELSE concat('{', ", e, ", '}') END", NULL);
      return tpl (g, g->d->replace, tpl (g, g->d->json, obj,
                                         json_path (g, key), NULL),
                  lit (g, "\\t"), "' '");
    }
  p += sprintf (p, "\"");
  for (i = 0; key[i]; i++)
    p += sprintf (p, isalnum ((unsigned char) key[i]) ? "%c" : "[%c]",
                  key[i]);
  sprintf (p, "\"\\s*:\\s*\"([^\"]*)\"");
  return cat (g, "nullIf(", unescape (g, tpl (g, g->d->extract, e, lit (g, re),
                                               NULL)), ", '')", NULL);
}

/* The value of KEY in a GCP labels list E: text of {key, value} objects
 * in JSON or Python-literal quoting (either order), '' when absent; in
 * BigQuery's export the array of STRUCT<key, value> itself. */
static const char *
tag_kv (gen *g, const char *e, const char *key)
{
  static const char *const q = "['\"]";
  const char *k, *v, *kv, *vk;
  size_t i;
  char re[4 * CC_INGEST_MAX_TAG_KEY + 8], *p = re;
  if (g->nested)
    return cat (g, "(SELECT l.value FROM UNNEST(", e, ") AS l WHERE l.key = ",
                lit (g, key), " LIMIT 1)", NULL);
  for (i = 0; key[i]; i++)
    p += sprintf (p, isalnum ((unsigned char) key[i]) ? "%c" : "[%c]",
                  key[i]);
  *p = '\0';
  k = cat (g, q, "key", q, "\\s*:\\s*", q, re, q, NULL);
  v = cat (g, q, "value", q, "\\s*:\\s*", q, "([^'\"]*)", q, NULL);
  kv = tpl (g, g->d->extract, e, lit (g, cat (g, "[{]\\s*", k, "\\s*,\\s*",
                                               v, "\\s*[}]", NULL)), NULL);
  vk = tpl (g, g->d->extract, e, lit (g, cat (g, "[{]\\s*", v, "\\s*,\\s*",
                                               k, "\\s*[}]", NULL)), NULL);
  return unescape (g, cat (g, "CASE WHEN coalesce(", kv, ", '') <> '' THEN ",
                          kv, " ELSE coalesce(", vk, ", '') END", NULL));
}

/* Dimension D's value: account, region, then the tags, as ingest orders
 * them. */
static const char *
dim_value (gen *g, int d)
{
  const char *key = g->fc.dim[d].key;
  char name[16];
  if (key == NULL && d == 0 && g->o->ingest.by_account)
    return label2 (g, R_ACCOUNT, R_ACCOUNT2);
  if (key == NULL)
    return label (g, role (g, R_REGION));
  if (g->fc.dim[d].slot >= 0)
    {
      snprintf (name, sizeof name, "t%d", d);
      return label (g, cat (g, name, NULL));
    }
  if (has (g, R_TAGS) && g->gcp)
    return label (g, cat (g, "coalesce(", tag_kv (g, role (g, R_TAGS), key),
                          ", '')", NULL));
  if (has (g, R_TAGS))
    {
      const char *e = role (g, R_TAGS), *v = tag_one (g, e, key);
      if (g->fc.format->tag_user_prefix)
        v = cat (g, "coalesce(", v, ", ",
                 tag_one (g, e, cat (g, "user_", key, NULL)), ", ",
                 tag_one (g, e, cat (g, "user:", key, NULL)), ")", NULL);
      return label (g, cat (g, "coalesce(", v, ", '')", NULL));
    }
  return "''";
}

/* The amounts of the GCP credits list: the text's numbers after each
 * "amount" key, as gcp.c reads them (BigQuery's export: the array of
 * STRUCT<name, amount, ...>). */
static const char *
credit_list (gen *g)
{
  return tpl (g, g->d->all, role (g, R_CREDITS),
              lit (g, "amount['\"]? *: *([^,}\\]\\s]*)"), NULL);
}

/* The sum of the row's GCP credits, from level b. */
static const char *
credits (gen *g)
{
  if (g->nested)
    return cat (g, "coalesce((SELECT SUM(cr.amount) FROM UNNEST(",
                role (g, R_CREDITS), ") AS cr), 0)", NULL);
  return tpl (g, g->d->lsum, credit_list (g),
              cat (g, "coalesce(", tpl (g, g->d->num, "x", NULL, NULL),
                   ", 0)", NULL), NULL);
}

/* Whether one of the row's GCP credits is not a number (within the cap). */
static const char *
credits_bad (gen *g)
{
  if (g->nested)
    return "1 = 0";
  return tpl (g, g->d->lany, credit_list (g),
              cat (g, "coalesce(abs(", tpl (g, g->d->num, "x", NULL, NULL),
                   ") <= 1e30, 1 = 0) = (1 = 0)", NULL), NULL);
}

/* The cost of a row on the chosen basis (row_cost with the CUR's
 * amortization), from level b; q is the row's quantity. */
static const char *
cost (gen *g, int cur)
{
  const char *base;
  if (has (g, R_PRICE))
    return cat (g, num (g, role (g, R_PRICE)), " * q", NULL);
  if (!has (g, R_COST))
    return "0";
  base = num (g, role (g, R_COST));
  if (has (g, R_CREDITS))
    return cat (g, base, " + ", credits (g), NULL);
  if (cur && g->o->ingest.cost == CC_COST_EFFECTIVE)
    {
      const char *lt = lower_label (g, role (g, R_LINETYPE));
      const char *is = cat (g, " WHEN ", lt, " = ", NULL);
      return cat (g, "CASE", is, "'savingsplancoveredusage' THEN ",
                  num (g, role (g, R_SPCOST)), is, "'discountedusage' THEN ",
                  num (g, role (g, R_RICOST)), is,
                  "'savingsplanrecurringfee' THEN ",
                  num (g, role (g, R_SPTOTAL)), " - ",
                  num (g, role (g, R_SPUSED)), is, "'rifee' THEN ",
                  num (g, role (g, R_RIUNUSEDUP)), " + ",
                  num (g, role (g, R_RIUNUSEDREC)), is,
                  "'savingsplannegation' THEN 0", is,
                  "'savingsplanupfrontfee' THEN 0", is, "'fee' THEN CASE "
                  "WHEN ", label (g, role (g, R_RIARN)), " <> '' THEN 0 ELSE ",
                  base, " END ELSE ", base, " END", NULL);
    }
  return base;
}

/* Whether the cost columns of a row cannot be read (it is skipped). */
static const char *
cost_bad (gen *g, int cur)
{
  const char *b;
  if (has (g, R_PRICE))
    return num_bad (g, role (g, R_PRICE));
  if (!has (g, R_COST))
    return "1 = 0";
  b = num_bad (g, role (g, R_COST));
  if (has (g, R_CREDITS))
    return cat (g, "(", b, " OR ", credits_bad (g), ")", NULL);
  if (cur && g->o->ingest.cost == CC_COST_EFFECTIVE)
    {
      const char *lt = lower_label (g, role (g, R_LINETYPE));
      b = cat (g, "(", b, " OR (", lt, " = 'savingsplancoveredusage' AND ",
               num_bad (g, role (g, R_SPCOST)), ") OR (", lt,
               " = 'discountedusage' AND ", num_bad (g, role (g, R_RICOST)),
               ") OR (", lt, " = 'savingsplanrecurringfee' AND (",
               num_bad (g, role (g, R_SPTOTAL)), " OR ",
               num_bad (g, role (g, R_SPUSED)), ")) OR (", lt,
               " = 'rifee' AND (", num_bad (g, role (g, R_RIUNUSEDUP)), " OR ",
               num_bad (g, role (g, R_RIUNUSEDREC)), ")))", NULL);
    }
  return b;
}

/* A glob of fnmatch (no flags but case folding) as an anchored regular
 * expression that ignores case ((?i) alone: every engine's syntax has it). */
static const char *
glob_re (gen *g, const char *glob)
{
  size_t i, j = 0;
  char *r = malloc (4 * strlen (glob) + 16);
  if (r == NULL)
    return keep (g, NULL);
  j += (size_t) sprintf (r, "(?i)^");
  for (i = 0; glob[i]; i++)
    {
      char c = glob[i];
      const char *close;
      if (c == '*')
        r[j++] = '.', r[j++] = '*';
      else if (c == '?')
        r[j++] = '.';
      else if (c == '[' && glob[i + 1] != '\0' && glob[i + 2] != '\0'
               && (close = strchr (glob + i + 2, ']')) != NULL)
        {
          r[j++] = '[';
          i++;
          if (glob[i] == '!' || glob[i] == '^')
            r[j++] = '^', i++;
          while (glob + i < close)
            r[j++] = glob[i++];
          r[j++] = ']';
        }
      else
        {
          if (c == '\\' && glob[i + 1] != '\0')
            c = glob[++i];
          if (!isalnum ((unsigned char) c) && c != ' ' && c != '_'
              && (unsigned char) c < 0x80)
            r[j++] = '\\';
          r[j++] = c;
        }
    }
  r[j++] = '$';
  r[j] = '\0';
  return keep (g, r);
}

/* The family of a raw group: the service-map rules in order. */
static const char *
family (gen *g, const cc_servicemap *sm)
{
  const char *c = "CASE", *prov, *field, *pat, *fam;
  unsigned long i;
  for (i = 0; cc_servicemap_rule (sm, i, &prov, &field, &pat, &fam) == 0; i++)
    {
      const char *col = strcmp (field, "service") == 0 ? "sv"
        : strcmp (field, "category") == 0 ? "ct" : "mt";
      const char *cond = match (g, col, glob_re (g, pat));
      if (pat[0] != '\0')
        cond = cat (g, col, " <> '' AND ", cond, NULL);
      if (strcmp (prov, "*") != 0)
        cond = cat (g, match (g, "pv", glob_re (g, prov)), " AND ", cond,
                    NULL);
      c = cat (g, c, "\n      WHEN ", cond, " THEN ", lit (g, fam), NULL);
    }
  return cat (g, c, "\n      ELSE 'other' END", NULL);
}

/* The canonical unit (FACTOR 0) or the factor (1) of a raw group's unit
 * by the unit table. */
static const char *
unit_map (gen *g, const cc_unitmap *um, int factor)
{
  const char *c = cat (g, "CASE lower(", tpl (g, g->d->replace, "un",
                                             lit (g, "[ \\t\\n\\v\\f\\r]"),
                                             "''"), ")", NULL), *key, *canon;
  char fs[40];
  double f;
  unsigned long i;
  int any = 0;
  for (i = 0; cc_unitmap_entry (um, i, &key, &canon, &f) == 0; i++)
    {
      if (factor && f == 1.0)
        continue;
      snprintf (fs, sizeof fs, "%.17g", f);
      c = cat (g, c, "\n      WHEN ", lit (g, key), " THEN ",
               factor ? fs : lit (g, canon), NULL);
      any = 1;
    }
  if (!any)
    return factor ? "1" : "un";
  return cat (g, c, "\n      ELSE ", factor ? "1" : "un", " END", NULL);
}

/* ------------------------------------------------------------------ */
/* The statement. */

/* Level a's source: the table, or the engine's reader of the files. */
static int
source (gen *g, const char **src, cc_err *err)
{
  const char *files = g->o->files;
  size_t n;
  int parquet;
  if (g->o->table != NULL)
    {
      *src = g->o->table;
      return CC_OK;
    }
  n = strlen (files);
  parquet = (n > 8 && strcmp (files + n - 8, ".parquet") == 0)
    || (n > 5 && strcmp (files + n - 5, ".parq") == 0);
  if ((parquet ? g->d->parquet : g->d->csv) == NULL)
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0, "%s reads %s files "
                       "through a table: create an external table over "
                       "them and give --table NAME", g->d->name,
                       parquet ? "Parquet" : "CSV");
  {
    /* ClickHouse's file() needs the columns: every one as text. */
    const char *structure = "";
    long i;
    for (i = 0; i < g->n; i++)
      structure = cat (g, structure, i ? ", " : "", ident (g, g->names[i]),
                       " String", NULL);
    *src = tpl (g, parquet ? g->d->parquet : g->d->csv, lit (g, files),
                lit (g, structure), ident (g, files));
  }
  return CC_OK;
}

/* Levels a to c: one row per billing row with ok, q, c and the labels. */
static const char *
rows (gen *g, const char *src, int cur)
{
  const char *a = "SELECT ", *b, *c, *cons;
  int r, d, first = 1;
  char name[16];
  for (r = 0; r < R_NROLES; r++)
    if (has (g, r))
      {
        snprintf (name, sizeof name, "r%d", r);
        const char *col = column (g, g->fc.role_header[r]);
        if (!(g->nested && (r == R_TAGS || r == R_CREDITS)))
          col = tpl (g, g->d->text, col, NULL, NULL);
        a = cat (g, a, first ? "" : ",\n         ", col, " AS ", name, NULL);
        first = 0;
      }
  for (d = 0; d < g->fc.ndim; d++)
    if (g->fc.dim[d].key != NULL && g->fc.dim[d].slot >= 0)
      {
        snprintf (name, sizeof name, "t%d", d);
        a = cat (g, a, ",\n         ",
                 tpl (g, g->d->text, ident (g, g->rep.dim_column[d]), NULL,
                      NULL), " AS ", name, NULL);
      }
  a = cat (g, a, "\n       FROM ", src, NULL);
  /* b: the quantity pair is the first whose unit is given. */
  {
    const char *qs = role (g, R_QTY), *us = label (g, role (g, R_UNIT));
    if (has (g, R_QTY2))
      {
        const char *pick = cat (g, us, " = '' AND (",
                                label (g, role (g, R_UNIT2)), " <> '' OR ",
                                label (g, role (g, R_QTY)), " = '')", NULL);
        qs = cat (g, "CASE WHEN ", pick, " THEN ", role (g, R_QTY2), " ELSE ",
                  qs, " END", NULL);
        us = cat (g, "CASE WHEN ", pick, " THEN ", label (g, role (g, R_UNIT2)),
                  " ELSE ", us, " END", NULL);
      }
    b = cat (g, "SELECT *,\n       ", period (g),
             " AS pd,\n       ",
             g->fc.const_provider ? lit (g, g->fc.const_provider)
             : label (g, role (g, R_PROVIDER)), " AS pv,\n       ",
             label2 (g, R_SERVICE, R_SERVICE2), " AS sv,\n       ",
             label (g, role (g, R_CATEGORY)), " AS ct,\n       ",
             label2 (g, R_METER, R_METER2), " AS mt,\n       ",
             label (g, role (g, R_CURRENCY)), " AS cu0,\n       ",
             cur ? charge_cur (g) : charge_words (g), " AS ch,\n       ",
             qs, " AS qs,\n       ", us, " AS us", NULL);
  }
  for (d = 0; d < g->fc.ndim; d++)
    {
      snprintf (name, sizeof name, "d%d", d);
      b = cat (g, b, ",\n       ", dim_value (g, d), " AS ", name, NULL);
    }
  b = cat (g, b, "\n  FROM (", date_levels (g, a), ") a", NULL);
  cons = consumption (g, cur);
  /* c: the quantity counts only for consumption; cost may use it. */
  c = cat (g, "SELECT *, ", cut15 (g, "cu0"), " AS cu,\n       "
           "CASE WHEN ", cons, " = 1 THEN ", num (g, "qs"),
           " ELSE 0 END AS q,\n       CASE WHEN ", cons,
           " = 1 THEN us ELSE '' END AS un,\n       CASE WHEN pd IS NULL OR ",
           num_bad (g, "qs"), " THEN 0 ELSE 1 END AS ok0\n  FROM (", b,
           ") b", NULL);
  return cat (g, "SELECT *, ", cost (g, cur), " AS c,\n       CASE WHEN ok0 "
              "= 1 AND NOT ", cost_bad (g, cur), " THEN 1 ELSE 0 END AS ok\n"
              "  FROM (", c, ") c", NULL);
}

/* The dimensions' columns, each after SEP: "d0, d1", or with OUTPUT
 * named as the series names them (account, region, tag:KEY). */
static const char *
dims (gen *g, const char *sep, int output)
{
  const char *s = "", *col;
  char name[16];
  int d;
  for (d = 0; d < g->fc.ndim; d++)
    {
      snprintf (name, sizeof name, "d%d", d);
      col = g->fc.dim[d].key != NULL ? cat (g, "tag:", g->fc.dim[d].key, NULL)
        : d == 0 && g->o->ingest.by_account ? "account" : "region";
      s = cat (g, s, sep, name, output ? " AS " : "",
               output ? ident (g, col) : "", NULL);
    }
  return s;
}

static const char *
statement (gen *g, const char *src, int cur, const cc_servicemap *sm,
           const cc_unitmap *um)
{
  const char *r = rows (g, src, cur), *grp, *map;
  int by = g->o->ingest.by;
  if (g->o->reconcile)
    return cat (g, "-- cloudcast sql --reconcile: per currency, the rows used "
                "and their cost, and the rows skipped\nSELECT cu AS ",
                ident (g, "currency"), ",\n  sum(ok) AS ", ident (g, "rows"),
                ",\n  sum(CASE WHEN ok = 1 THEN c ELSE 0 END) AS ",
                ident (g, "cost"), ",\n  sum(1 - ok) AS ",
                ident (g, "skipped_rows"), "\nFROM (", r,
                ") r\nGROUP BY cu\nORDER BY cu", NULL);
  grp = cat (g, "SELECT pd, pv, sv, ct, mt, un, cu, ch", dims (g, ", ", 0),
             ", sum(q) AS q1, sum(c) AS c1, count(*) AS n1\n  FROM (", r,
             ") r\n  WHERE ok = 1\n  GROUP BY pd, pv, sv, ct, mt, un, cu, ch",
             dims (g, ", ", 0), NULL);
  map = cat (g, "SELECT pd, pv, ", family (g, sm), " AS fm,\n    ch, ",
             by >= CC_BY_SERVICE ? "sv" : "''", " AS sv2, ",
             by >= CC_BY_METER ? "mt" : "''", " AS mt2", dims (g, ", ", 0),
             ",\n    ", unit_map (g, um, 0), " AS un2,\n    q1 * ",
             unit_map (g, um, 1), " AS q2, c1, cu, n1\n  FROM (", grp,
             ") g", NULL);
  return cat (g, "SELECT pd AS ", ident (g, "period"), ", pv AS ",
              ident (g, "provider"), ", fm AS ", ident (g, "family"),
              ", ch AS ", ident (g, "charge"), ", sv2 AS ",
              ident (g, "service"), ", mt2 AS ", ident (g, "meter"),
              dims (g, ", ", 1), ",\n  un2 AS ", ident (g, "unit"),
              ", sum(q2) AS ", ident (g, "quantity"), ", sum(c1) AS ",
              ident (g, "cost"), ", cu AS ", ident (g, "currency"),
              ", sum(n1) AS ", ident (g, "rows"), "\nFROM (", map,
              ") m\nGROUP BY pd, pv, fm, ch, sv2, mt2", dims (g, ", ", 0),
              ", un2, cu\nORDER BY pd, pv, fm, ch, sv2, mt2",
              dims (g, ", ", 0), ", un2, cu", NULL);
}

/* The first dimension whose tag key has a character outside the set a
 * JSON path, a regular expression and a column name carry alike in every
 * dialect; g->fc.ndim when none has. */
static int
bad_tag_key (const gen *g)
{
  int d;
  for (d = 0; d < g->fc.ndim; d++)
    {
      const char *k = g->fc.dim[d].key;
      if (k != NULL && (k[0] == '\0'
                        || k[strspn (k, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "abcdefghijklmnopqrstuvwxyz"
                                        "0123456789 _.:/@+=-")] != '\0'))
        return d;
    }
  return g->fc.ndim;
}

int
cc_sql_write (FILE *f, const cc_sql_options *o, char **names, long n,
              const char *header_path, const cc_servicemap *services,
              const cc_unitmap *units, cc_err *err)
{
  gen g;
  const char *src = NULL, *name;
  int rc, cur, bad;
  size_t i;

  memset (&g, 0, sizeof g);
  g.d = &dialects[o->dialect];
  g.o = o;
  g.names = names;
  g.n = n;
  g.fc.opt = &o->ingest;
  g.fc.path = header_path;
  g.fc.pre_month = -1;
  rc = ingest_build_map (&g.fc, &g.rep, names, n, err);
  if (rc == CC_OK)
    {
      name = g.fc.format->info.name;
      cur = strcmp (name, "aws-cur") == 0;
      g.gcp = strcmp (name, "gcp") == 0;
      g.nested = g.gcp && o->dialect == CC_SQL_BIGQUERY;
      if ((bad = bad_tag_key (&g)) < g.fc.ndim)
        rc = cc_err_set (err, CC_EUSAGE, NULL, 0, 0, "--by tag:%s: a tag key "
                         "in a statement may hold letters, digits, blanks "
                         "and _ . : / @ + = - only (other characters cannot "
                         "be carried the same way in every dialect); "
                         "cloudcast ingest takes any key", g.fc.dim[bad].key);
      else if (!cur && !g.gcp && strcmp (name, "focus") != 0
               && strcmp (name, "azure") != 0)
        rc = cc_err_set (err, CC_EDATA, header_path, 1, 0, "the %s format "
                         "has no SQL form (focus, aws-cur, azure and gcp "
                         "have); use cloudcast ingest", name);
      else if ((rc = source (&g, &src, err)) == CC_OK)
        {
          const char *s = statement (&g, src, cur, services, units);
          if (g.oom)
            rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
          else if (fprintf (f, "-- cloudcast sql --dialect %s --format %s "
                            "(%s)\n%s;\n", g.d->name, name,
                            g.rep.version, s) < 0)
            rc = cc_err_set (err, CC_EIO, NULL, 0, 0, "write error");
        }
    }
  for (i = 0; i < g.npool; i++)
    free (g.pool[i]);
  free (g.pool);
  free (g.fc.col_slot);
  for (i = 0; i < R_NROLES; i++)
    free (g.fc.role_header[i]);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Headers. */

typedef struct
{
  char **names;
  long n;
} header;

#define HEADER_DONE 1000   /* stops the reader after the header */

static int
on_header (const cc_csv_row *row, void *ctx, cc_err *err)
{
  header *h = ctx;
  size_t i;
  if ((h->names = calloc (row->nfield + 1, sizeof *h->names)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < row->nfield; i++)
    if ((h->names[h->n++] = strdup (row->field[i])) == NULL)
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  return HEADER_DONE;
}

void
cc_sql_header_free (char **names, long n)
{
  long i;
  for (i = 0; i < n; i++)
    free (names[i]);
  free (names);
}

int
cc_sql_header (const char *path, char ***names, long *n, cc_err *err)
{
  header h = { NULL, 0 };
  int rc = ingest_parquet_columns (path, &h.names, &h.n, err);
  if (rc == CC_EUSAGE)   /* not a Parquet file: a CSV one */
    {
      rc = cc_csv_read (path, on_header, &h, err);
      if (rc == HEADER_DONE)
        rc = CC_OK;
      else if (rc == CC_OK)
        rc = cc_err_set (err, CC_EDATA, path, 0, 0, "empty file: no header");
    }
  if (rc != CC_OK)
    {
      cc_sql_header_free (h.names, h.n);
      return rc;
    }
  *names = h.names;
  *n = h.n;
  return CC_OK;
}
