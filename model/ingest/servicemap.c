/* servicemap.c: service-family rules (data/service-map.csv). */
#define _GNU_SOURCE 1   /* FNM_CASEFOLD */
#include <config.h>

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/families.h"
#include "ingest/servicemap.h"

enum { FIELD_SERVICE, FIELD_CATEGORY, FIELD_METER };

typedef struct
{
  char *provider, *pattern;
  int field;
  const char *family;
} rule;

struct cc_servicemap
{
  rule *r;
  size_t n, cap;
  long col[4];
  const char *path;
};

static int
on_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  static const char *const names[4] = { "provider", "field", "pattern", "family" };
  cc_servicemap *m = ctx;
  const char *v[4];
  rule *r;
  int i;

  if (row->record == 1)
    {
      for (i = 0; i < 4; i++)
        if ((m->col[i] = cc_csv_column (row, names[i])) < 0)
          return cc_err_set (err, CC_EDATA, m->path, row->line, 0,
                             "header must be provider,field,pattern,family");
      return CC_OK;
    }
  if (row->field[0][0] == '#' || (row->nfield == 1 && row->len[0] == 0))
    return CC_OK;
  for (i = 0; i < 4; i++)
    {
      if ((size_t) m->col[i] >= row->nfield)
        return cc_err_set (err, CC_EDATA, m->path, row->line, 0,
                           "expected 4 fields, found %zu", row->nfield);
      v[i] = row->field[m->col[i]];
    }
  if (m->n == m->cap)
    {
      size_t cap = m->cap ? 2 * m->cap : 64;
      rule *nr = realloc (m->r, cap * sizeof *nr);
      if (nr == NULL)
        return cc_err_set (err, CC_ESOFTWARE, m->path, 0, 0, "out of memory");
      m->r = nr;
      m->cap = cap;
    }
  r = &m->r[m->n];
  if (strcmp (v[1], "service") == 0)
    r->field = FIELD_SERVICE;
  else if (strcmp (v[1], "category") == 0)
    r->field = FIELD_CATEGORY;
  else if (strcmp (v[1], "meter") == 0)
    r->field = FIELD_METER;
  else
    return cc_err_set (err, CC_EDATA, m->path, row->line, m->col[1] + 1,
                       "field '%s' is not service, category or meter", v[1]);
  if ((r->family = cc_family_find (v[3])) == NULL)
    {
      char list[128];
      return cc_err_set (err, CC_EDATA, m->path, row->line, m->col[3] + 1,
                         "unknown family '%s' (%s)", v[3],
                         cc_family_list (list, sizeof list));
    }
  r->provider = strdup (v[0][0] ? v[0] : "*");
  r->pattern = strdup (v[2]);
  if (r->provider == NULL || r->pattern == NULL)
    {
      free (r->provider);
      free (r->pattern);
      return cc_err_set (err, CC_ESOFTWARE, m->path, 0, 0, "out of memory");
    }
  m->n++;
  return CC_OK;
}

int
cc_servicemap_load (const char *path, cc_servicemap **map, cc_err *err)
{
  cc_servicemap *m = calloc (1, sizeof *m);
  int rc;

  *map = NULL;
  if (m == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  m->path = path;
  rc = cc_csv_read (path, on_row, m, err);
  if (rc != CC_OK)
    {
      cc_servicemap_free (m);
      return rc;
    }
  m->path = NULL;
  *map = m;
  return CC_OK;
}

void
cc_servicemap_free (cc_servicemap *m)
{
  size_t i;
  if (m == NULL)
    return;
  for (i = 0; i < m->n; i++)
    {
      free (m->r[i].provider);
      free (m->r[i].pattern);
    }
  free (m->r);
  free (m);
}

const char *
cc_servicemap_family (const cc_servicemap *m, const char *provider,
                      const char *service, const char *category,
                      const char *meter)
{
  size_t i;
  if (m == NULL)
    return "other";
  for (i = 0; i < m->n; i++)
    {
      const rule *r = &m->r[i];
      const char *v = r->field == FIELD_SERVICE ? service
        : r->field == FIELD_CATEGORY ? category : meter;
      if (v[0] == '\0' && r->pattern[0] != '\0')
        continue;
      if (fnmatch (r->provider, provider, FNM_CASEFOLD) == 0
          && fnmatch (r->pattern, v, FNM_CASEFOLD) == 0)
        return r->family;
    }
  return "other";
}

unsigned long
cc_servicemap_count (const cc_servicemap *m)
{
  return m ? m->n : 0;
}

int
cc_servicemap_rule (const cc_servicemap *m, unsigned long i,
                    const char **provider, const char **field,
                    const char **pattern, const char **family)
{
  static const char *const fields[] = { "service", "category", "meter" };
  if (m == NULL || i >= m->n)
    return -1;
  *provider = m->r[i].provider;
  *field = fields[m->r[i].field];
  *pattern = m->r[i].pattern;
  *family = m->r[i].family;
  return 0;
}
