/* series.c: the series CSV and plain x,y readers (libcsv via csvread). */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/num.h"
#include "fit/series.h"
#include "core/timeutil.h"
#include "reported/reported.h"

cc_series_set *
cc_series_set_alloc (void)
{
  return calloc (1, sizeof (cc_series_set));
}

void
cc_series_init (cc_series *s, const char *key)
{
  memset (s, 0, sizeof *s);
  snprintf (s->key, sizeof s->key, "%s", key);
  s->first = -1;
}

void
cc_series_clear (cc_series *s)
{
  free (s->x);
  free (s->y);
  free (s->month);
  free (s->line);
  s->x = s->y = NULL;
  s->month = s->line = NULL;
  s->n = s->cap = 0;
}

void
cc_series_set_free (cc_series_set *set)
{
  size_t i;
  if (set == NULL)
    return;
  for (i = 0; i < set->n; i++)
    cc_series_clear (&set->s[i]);
  free (set->s);
  free (set);
}

int
cc_series_push (cc_series *s, double x, double y, long month, long line)
{
  if (s->n == s->cap)
    {
      size_t cap = s->cap ? 2 * s->cap : 64;
      double *nx = realloc (s->x, cap * sizeof *nx);
      if (nx == NULL)
        return -1;
      s->x = nx;
      double *ny = realloc (s->y, cap * sizeof *ny);
      if (ny == NULL)
        return -1;
      s->y = ny;
      long *nm = realloc (s->month, cap * sizeof *nm);
      if (nm == NULL)
        return -1;
      s->month = nm;
      long *nl = realloc (s->line, cap * sizeof *nl);
      if (nl == NULL)
        return -1;
      s->line = nl;
      s->cap = cap;
    }
  s->x[s->n] = x;
  s->y[s->n] = y;
  s->month[s->n] = month;
  s->line[s->n] = line;
  s->n++;
  return 0;
}

const char *
cc_series_where (const cc_series *s, size_t i, char *buf, size_t size)
{
  if (s->first >= 0 && i < s->n)
    cc_month_format (s->month[i], buf, size);
  else
    snprintf (buf, size, "line %ld", i < s->n ? s->line[i] : 0L);
  return buf;
}

static cc_series *
set_add (cc_series_set *set, const char *key)
{
  if (set->n == set->cap)
    {
      size_t cap = set->cap ? 2 * set->cap : 8;
      cc_series *p = realloc (set->s, cap * sizeof *p);
      if (p == NULL)
        return NULL;
      set->s = p;
      set->cap = cap;
    }
  cc_series_init (&set->s[set->n], key);
  return &set->s[set->n++];
}

/* The whole field as a number, with white space before it and blanks
   after it allowed. */
static int
parse_num (const char *f, double *v)
{
  size_t n;
  while (isspace ((unsigned char) *f))
    f++;
  n = strlen (f);
  while (n > 0 && f[n - 1] == ' ')
    n--;
  return cc_num_parse_n (f, n, v);
}

typedef struct
{
  const char *path;
  const char *want;   /* key filter or NULL */
  cc_measure measure;
  cc_series_set *set;
  long col[7];        /* period, provider, family, service, meter, unit, value */
  long ccur;          /* currency column (cost measure) */
  long ccharge;       /* charge column, -1 in a series of before it */
  long extra[16];     /* extra dimensions (account, region, tag:KEY) */
  char extra_name[16][80];
  /* The last row kept: its key, month and quantity unit. */
  char prev_key[256], prev_unit[64];
  long prev_m;
  int nextra;
  int header_seen;
  size_t nheader;      /* fields in the header: every row has as many */
} series_rd;

/* A row's series key: provider/family/service/meter, then /charge=NAME
 * for a charge other than usage, and /NAME=VALUE for each extra dimension
 * (account, region, tag:KEY).  Returns the length snprintf would write. */
static int
series_key (const series_rd *rd, const cc_csv_row *row, char *key,
            size_t size)
{
  int len = snprintf (key, size, "%s/%s/%s/%s", row->field[rd->col[1]],
                      row->field[rd->col[2]], row->field[rd->col[3]],
                      row->field[rd->col[4]]);
  const char *charge = rd->ccharge >= 0 ? row->field[rd->ccharge] : "";
  int i;
  if (charge[0] != '\0' && strcmp (charge, "usage") != 0 && len >= 0)
    len += snprintf (key + ((size_t) len < size ? (size_t) len : size),
                     (size_t) len < size ? size - (size_t) len : 0,
                     "/charge=%s", charge);
  for (i = 0; i < rd->nextra && len >= 0; i++)
    len += snprintf (key + ((size_t) len < size ? (size_t) len : size),
                     (size_t) len < size ? size - (size_t) len : 0,
                     "/%s=%s", rd->extra_name[i],
                     row->field[rd->extra[i]]);
  return len;
}

/* The header: the columns of the key, the value and the currency, the
 * charge and the extra dimensions (both absent in files of before). */
static int
series_header (series_rd *rd, const cc_csv_row *row, cc_err *err)
{
  static const char *names[6]
    = { "period", "provider", "family", "service", "meter", "unit" };
  size_t i;
  for (i = 0; i < 6; i++)
    if ((rd->col[i] = cc_csv_column (row, names[i])) < 0)
      return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                         "not a series CSV: no '%s' column", names[i]);
  rd->col[6] = cc_csv_column (row, rd->measure == CC_MEASURE_COST
                                      ? "cost" : "quantity");
  if (rd->col[6] < 0)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "not a series CSV: no '%s' column",
                       rd->measure == CC_MEASURE_COST ? "cost"
                                                      : "quantity");
  rd->ccur = cc_csv_column (row, "currency");
  rd->ccharge = cc_csv_column (row, "charge");
  for (i = 0; i < row->nfield; i++)
    if ((strcmp (row->field[i], "account") == 0
         || strcmp (row->field[i], "region") == 0
         || strncmp (row->field[i], "tag:", 4) == 0)
        && rd->nextra < (int) (sizeof rd->extra / sizeof rd->extra[0]))
      {
        snprintf (rd->extra_name[rd->nextra], sizeof rd->extra_name[0],
                  "%s", row->field[i]);
        rd->extra[rd->nextra++] = (long) i;
      }
  rd->nheader = row->nfield;
  rd->header_seen = 1;
  return CC_OK;
}

static int
series_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  series_rd *rd = ctx;
  char key[256], buf[16];
  cc_series *s = NULL;
  cc_date d;
  double v;
  long m;
  size_t i;

  if (!rd->header_seen)
    return series_header (rd, row, err);
  if (row->nfield == 1 && row->len[0] == 0)
    return CC_OK;   /* blank line */
  if (row->nfield != rd->nheader)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "%zu fields under a header of %zu; every row needs "
                       "the header's fields", row->nfield, rd->nheader);
  if (series_key (rd, row, key, sizeof key) > CC_SERIES_MAX_KEY)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "series key provider/family/service/meter longer "
                       "than %d bytes (the cap)", CC_SERIES_MAX_KEY);
  if (rd->want != NULL && strcmp (rd->want, key) != 0)
    return CC_OK;
  const char *period = row->field[rd->col[0]];
  if (cc_date_parse_ym (period, &d) != 0 || d.day != 0)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "%s: period '%s' is not YYYY-MM", key, period);
  if (parse_num (row->field[rd->col[6]], &v) != 0)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "%s %s: value '%s' is not a finite number", key,
                       period, row->field[rd->col[6]]);
  m = cc_month_index (d.year, d.month);
  /* A row without a unit carries no quantity (a charge other than usage,
     an unused commitment): quantity series leave it out. */
  if (rd->measure == CC_MEASURE_QUANTITY && row->field[rd->col[5]][0] == '\0'
      && v == 0)
    return CC_OK;

  /* Series are few; a linear search keeps the reader simple. */
  for (i = 0; i < rd->set->n; i++)
    if (strcmp (rd->set->s[i].key, key) == 0)
      {
        s = &rd->set->s[i];
        break;
      }
  if (s == NULL)
    {
      if (rd->set->n >= CC_SERIES_MAX)
        return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                           "more than %d series (the cap)", CC_SERIES_MAX);
      if ((s = set_add (rd->set, key)) == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      s->path = rd->path;
      s->first = m;
      if (rd->measure == CC_MEASURE_COST && rd->ccur >= 0
          && (size_t) rd->ccur < row->nfield)
        snprintf (s->unit, sizeof s->unit, "%s", row->field[rd->ccur]);
      else
        snprintf (s->unit, sizeof s->unit, "%s", row->field[rd->col[5]]);
    }
  else if (rd->measure == CC_MEASURE_COST && m == rd->prev_m
           && strcmp (key, rd->prev_key) == 0
           && strcmp (row->field[rd->col[5]], rd->prev_unit) != 0)
    {
      /* The same key and month in another quantity unit (the rows of
         usage with and without quantity): one cost. */
      s->y[s->n - 1] += v;
      snprintf (rd->prev_unit, sizeof rd->prev_unit, "%s",
                row->field[rd->col[5]]);
      return CC_OK;
    }
  else
    {
      long last = s->month[s->n - 1];
      const char *u = rd->measure == CC_MEASURE_COST && rd->ccur >= 0
                          && (size_t) rd->ccur < row->nfield
                        ? row->field[rd->ccur] : row->field[rd->col[5]];
      if (m == last)
        return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                           "%s %s: duplicate period (first on line %ld)",
                           key, period, s->line[s->n - 1]);
      if (m < last)
        return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                           "%s %s: period not sorted (after %s)", key, period,
                           cc_series_where (s, s->n - 1, buf, sizeof buf));
      if (strcmp (u, s->unit) != 0)
        return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                           "%s %s: unit '%s' differs from '%s'", key, period,
                           u, s->unit);
    }
  if (s->n >= CC_SERIES_MAX_POINTS)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "%s: more than %d points (the cap)", key,
                       CC_SERIES_MAX_POINTS);
  if (cc_series_push (s, (double) (m - s->first + 1), v, m, row->line) != 0)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  rd->prev_m = m;
  snprintf (rd->prev_key, sizeof rd->prev_key, "%s", key);
  snprintf (rd->prev_unit, sizeof rd->prev_unit, "%s", row->field[rd->col[5]]);
  return CC_OK;
}

int
cc_series_read (const char *path, const char *key, cc_measure measure,
                cc_series_set *set, cc_err *err)
{
  series_rd rd;
  int rc;
  memset (&rd, 0, sizeof rd);
  rd.path = path;
  rd.want = key;
  rd.measure = measure;
  rd.set = set;
  rc = cc_csv_read (path, series_row, &rd, err);
  if (rc != CC_OK)
    return rc;
  if (!rd.header_seen)
    return cc_err_set (err, CC_EDATA, path, 0, 0, "empty file");
  if (set->n == 0)
    return key ? cc_err_set (err, CC_EDATA, path, 0, 0,
                             "no series with key '%s'", key)
               : cc_err_set (err, CC_EDATA, path, 0, 0, "no data rows");
  return CC_OK;
}

typedef struct
{
  const char *path;
  cc_series *s;
  int first;
} xy_rd;

static int
xy_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  xy_rd *rd = ctx;
  double x, y;
  int first = rd->first;
  rd->first = 0;
  if (row->nfield == 1 && row->len[0] == 0)
    return CC_OK;
  if (row->nfield < 2)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "expected two fields x,y");
  if (parse_num (row->field[0], &x) != 0 || parse_num (row->field[1], &y) != 0)
    {
      if (first)
        return CC_OK;   /* a header row */
      return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                         "'%s,%s' is not a pair of finite numbers",
                         row->field[0], row->field[1]);
    }
  if (rd->s->n >= CC_SERIES_MAX_POINTS)
    return cc_err_set (err, CC_EDATA, rd->path, row->line, 0,
                       "more than %d points (the cap)", CC_SERIES_MAX_POINTS);
  if (cc_series_push (rd->s, x, y, -1, row->line) != 0)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  return CC_OK;
}

int
cc_series_read_xy (const char *path, cc_series_set *set, cc_err *err)
{
  xy_rd rd;
  int rc;
  cc_series *s = set_add (set, path);
  if (s == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  s->path = path;
  rd.path = path;
  rd.s = s;
  rd.first = 1;
  rc = cc_csv_read (path, xy_row, &rd, err);
  if (rc != CC_OK)
    return rc;
  if (s->n == 0)
    return cc_err_set (err, CC_EDATA, path, 0, 0, "no data rows");
  return CC_OK;
}

int
cc_series_check (const cc_series *s, size_t min_n, int log, cc_err *err)
{
  char buf[32];
  size_t i;
  if (s->n < min_n)
    return cc_err_set (err, CC_EDATA, s->path, 0, 0,
                       "%s: %zu points, fewer than the %zu parameters "
                       "needed", s->key, s->n, min_n);
  for (i = 0; i < s->n; i++)
    {
      if (!isfinite (s->y[i]) || !isfinite (s->x[i]))
        return cc_err_set (err, CC_EDATA, s->path, s->line[i], 0,
                           "%s %s: value is not finite", s->key,
                           cc_series_where (s, i, buf, sizeof buf));
      if (log && !(s->y[i] > 0))
        return cc_err_set (err, CC_EDATA, s->path, s->line[i], 0,
                           "%s %s: value %g is not positive; the log scale "
                           "needs y > 0 (use --scale level)", s->key,
                           cc_series_where (s, i, buf, sizeof buf), s->y[i]);
    }
  return CC_OK;
}

int
cc_series_from_reported (const cc_reported_metric *rm, cc_series *ser,
                         cc_err *err)
{
  long first = cc_month_index (rm->point[0].date.year,
                               rm->point[0].date.month);
  size_t i;
  cc_series_init (ser, rm->metric);
  snprintf (ser->unit, sizeof ser->unit, "%s", rm->unit->name);
  ser->first = first;
  for (i = 0; i < rm->n; i++)
    {
      long mi = cc_month_index (rm->point[i].date.year,
                                rm->point[i].date.month);
      if (cc_series_push (ser, (double) (mi - first + 1),
                          rm->point[i].bytes / rm->unit->bytes, mi,
                          rm->point[i].line) != 0)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  return CC_OK;
}

int
cc_series_is_reported (const char *path)
{
  char line[256];
  FILE *fp = fopen (path, "r");
  const char *p = line;
  int yes = 0;
  if (fp == NULL)
    return 0;
  if (fgets (line, sizeof line, fp) != NULL)
    {
      if (strncmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;   /* a UTF-8 byte order mark */
      yes = strncmp (p, "date,metric,value,unit", 22) == 0;
    }
  fclose (fp);
  return yes;
}

int
cc_series_read_reported (const char *path, const char *key,
                         cc_series_set *set, cc_err *err)
{
  cc_reported *r = NULL;
  size_t i;
  int rc = cc_reported_read (path, &r, err);
  for (i = 0; rc == CC_OK && i < r->nmetric; i++)
    {
      cc_series *s;
      if (key != NULL && strcmp (key, r->metric[i].metric) != 0)
        continue;
      if ((s = set_add (set, r->metric[i].metric)) == NULL)
        rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      else
        {
          /* set_add initialised it; fill it in place. */
          rc = cc_series_from_reported (&r->metric[i], s, err);
          s->path = path;
        }
    }
  if (rc == CC_OK && set->n == 0)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, key ? "no metric '%s'"
                     : "no metrics%s", key ? key : "");
  cc_reported_free (r);
  return rc;
}
