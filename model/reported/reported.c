/* reported.c: reading and validating reported-usage figures. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/csvread.h"
#include "reported/reported.h"
#include "core/textutil.h"

enum { COL_DATE, COL_METRIC, COL_VALUE, COL_UNIT, COL_SOURCE, NCOL };
static const char *const col_name[NCOL] = { "date", "metric", "value", "unit",
                                            "source" };

typedef struct
{
  cc_reported *r;
  long col[NCOL];
  size_t ncol;        /* fields in the header */
} read_ctx;



static cc_reported_metric *
metric_get (cc_reported *r, const char *name)
{
  size_t i;
  cc_reported_metric *m;
  for (i = 0; i < r->nmetric; i++)
    if (strcmp (r->metric[i].metric, name) == 0)
      return &r->metric[i];
  m = realloc (r->metric, (r->nmetric + 1) * sizeof *m);
  if (m == NULL)
    return NULL;
  r->metric = m;
  m = &r->metric[r->nmetric];
  memset (m, 0, sizeof *m);
  m->metric = strdup (name);
  if (m->metric == NULL)
    return NULL;
  r->nmetric++;
  return m;
}

static int
on_row (const cc_csv_row *row, void *ctx_, cc_err *err)
{
  read_ctx *ctx = ctx_;
  cc_reported *r = ctx->r;
  const char *path = r->path;
  cc_reported_metric *m;
  cc_reported_point *p;
  const cc_size_unit *u;
  cc_date d;
  double v;
  const char *f[NCOL];
  int i;

  if (row->record == 1)
    {
      for (i = 0; i < NCOL; i++)
        {
          ctx->col[i] = cc_csv_column (row, col_name[i]);
          if (ctx->col[i] < 0)
            return cc_err_set (err, CC_EDATA, path, row->line, 0,
                               "header must be date,metric,value,unit,source "
                               "(column '%s' is missing)", col_name[i]);
        }
      ctx->ncol = row->nfield;
      return CC_OK;
    }
  if (row->nfield != ctx->ncol)
    return cc_err_set (err, CC_EDATA, path, row->line, 0,
                       "%zu fields, but the header has %zu", row->nfield,
                       ctx->ncol);
  for (i = 0; i < NCOL; i++)
    f[i] = row->field[ctx->col[i]];

  if (cc_date_parse_ym (f[COL_DATE], &d) != 0)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_DATE] + 1,
                       "date '%s' is not YYYY-MM or YYYY-MM-DD",
                       f[COL_DATE]);
  if (f[COL_METRIC][0] == '\0')
    return cc_err_set (err, CC_EDATA, path, row->line,
                       ctx->col[COL_METRIC] + 1, "empty metric name");
  if (cc_num_parse (f[COL_VALUE], &v) != 0)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_VALUE] + 1,
                       "value '%s' is not a number", f[COL_VALUE]);
  if (v < 0 || (v == 0 && signbit (v)))
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_VALUE] + 1,
                       "value %s is negative", f[COL_VALUE]);
  u = cc_size_unit_find (f[COL_UNIT]);
  if (u == NULL)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_UNIT] + 1,
                       "unknown unit '%s' (known: %s)", f[COL_UNIT],
                       cc_size_unit_names ());

  if (!isfinite (v * u->bytes))
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_VALUE] + 1,
                       "value %s %s is too large (more bytes than a double "
                       "holds)", f[COL_VALUE], u->name);
  if (r->nmetric >= CC_REPORTED_MAX_METRICS
      && cc_reported_find (r, f[COL_METRIC]) == NULL)
    return cc_err_set (err, CC_EDATA, path, row->line,
                       ctx->col[COL_METRIC] + 1,
                       "more than %d metrics (the cap)",
                       CC_REPORTED_MAX_METRICS);
  m = metric_get (r, f[COL_METRIC]);
  if (m == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, row->line, 0, "out of memory");
  if (m->unit == NULL)
    m->unit = u;
  else if (u->system != m->unit->system && strcmp (u->name, "B") != 0
           && strcmp (m->unit->name, "B") != 0)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_UNIT] + 1,
                       "unit %s is %s but metric '%s' started in %s (%s); "
                       "write one metric in one unit system",
                       u->name, u->system == CC_UNIT_BINARY ? "binary" : "decimal",
                       m->metric, m->unit->name,
                       m->unit->system == CC_UNIT_BINARY ? "binary" : "decimal");
  if (m->n > 0 && cc_date_months (&d) <= m->point[m->n - 1].months)
    return cc_err_set (err, CC_EDATA, path, row->line, ctx->col[COL_DATE] + 1,
                       "date %s of metric '%s' is not after %s on line %ld; "
                       "list each metric's figures in date order",
                       f[COL_DATE], m->metric, "the previous date",
                       m->point[m->n - 1].line);

  p = realloc (m->point, (m->n + 1) * sizeof *p);
  if (p == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, row->line, 0, "out of memory");
  m->point = p;
  p = &m->point[m->n];
  p->date = d;
  p->months = cc_date_months (&d);
  p->bytes = v * u->bytes;
  p->line = row->line;
  p->source = strdup (f[COL_SOURCE]);
  if (p->source == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, row->line, 0, "out of memory");
  m->n++;
  return CC_OK;
}

int
cc_reported_read (const char *path, cc_reported **out, cc_err *err)
{
  read_ctx ctx;
  cc_reported *r;
  size_t i;
  int rc;

  *out = NULL;
  r = calloc (1, sizeof *r);
  if (r == NULL || (r->path = strdup (path)) == NULL)
    {
      free (r);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  memset (&ctx, 0, sizeof ctx);
  ctx.r = r;
  rc = cc_csv_read (path, on_row, &ctx, err);
  if (rc == CC_OK && ctx.ncol == 0)
    rc = cc_err_set (err, CC_EDATA, path, 1, 0,
                     "empty file; expected the header "
                     "date,metric,value,unit,source");
  if (rc == CC_OK && r->nmetric == 0)
    rc = cc_err_set (err, CC_EDATA, path, 2, 0, "no figures after the header");
  for (i = 0; rc == CC_OK && i < r->nmetric; i++)
    if (r->metric[i].n < 2)
      rc = cc_err_set (err, CC_EDATA, path, r->metric[i].point[0].line, 0,
                       "metric '%s' has only one figure; growth needs at "
                       "least two", r->metric[i].metric);
  if (rc != CC_OK)
    {
      cc_reported_free (r);
      return rc;
    }
  *out = r;
  return CC_OK;
}

void
cc_reported_free (cc_reported *r)
{
  size_t i, j;
  if (r == NULL)
    return;
  for (i = 0; i < r->nmetric; i++)
    {
      for (j = 0; j < r->metric[i].n; j++)
        free (r->metric[i].point[j].source);
      free (r->metric[i].point);
      free (r->metric[i].metric);
    }
  free (r->metric);
  free (r->path);
  free (r);
}

const cc_reported_metric *
cc_reported_find (const cc_reported *r, const char *name)
{
  size_t i;
  if (r->nmetric == 0)
    return NULL;
  if (name == NULL)
    return &r->metric[0];
  for (i = 0; i < r->nmetric; i++)
    if (strcmp (r->metric[i].metric, name) == 0)
      return &r->metric[i];
  return NULL;
}

void
cc_reported_title (const char *metric, const char *source, char *buf,
                   size_t size)
{
  size_t i, n = 0;
  const char *comma = source ? strchr (source, ',') : NULL;
  size_t slen = source ? (comma ? (size_t) (comma - source) : strlen (source))
                       : 0;
  for (i = 0; metric[i] != '\0' && n + 1 < size; i++)
    {
      char ch = metric[i] == '-' || metric[i] == '_' || metric[i] == '.'
                  ? ' ' : metric[i];
      buf[n] = n == 0 ? (char) toupper ((unsigned char) ch) : ch;
      n++;
    }
  buf[n] = '\0';
  if (slen > 0 && n + 1 < size)
    snprintf (buf + n, size - n, ", as reported by %.*s", (int) slen, source);
}
