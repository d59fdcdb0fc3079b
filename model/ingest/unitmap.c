/* unitmap.c: billing unit spellings (data/units.csv). */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/num.h"
#include "ingest/unitmap.h"

typedef struct
{
  char *key;         /* lower case, spaces removed */
  char *canonical;
  double factor;
} entry;

struct cc_unitmap
{
  entry *e;
  size_t n, cap;
  long col_unit, col_canon, col_factor;
  const char *path;
};

/* The matching key of a spelling: lower case without blanks. */
static char *
unit_key (const char *s)
{
  size_t n = strlen (s), i, j = 0;
  char *k = malloc (n + 1);
  if (k == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    if (!isspace ((unsigned char) s[i]))
      k[j++] = (char) tolower ((unsigned char) s[i]);
  k[j] = '\0';
  return k;
}

static int
cmp_entry (const void *a, const void *b)
{
  return strcmp (((const entry *) a)->key, ((const entry *) b)->key);
}

static int
on_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  cc_unitmap *m = ctx;
  const char *u, *c, *f;
  double factor;

  if (row->record == 1)
    {
      m->col_unit = cc_csv_column (row, "unit");
      m->col_canon = cc_csv_column (row, "canonical");
      m->col_factor = cc_csv_column (row, "factor");
      if (m->col_unit < 0 || m->col_canon < 0 || m->col_factor < 0)
        return cc_err_set (err, CC_EDATA, m->path, row->line, 0,
                           "header must be unit,canonical,factor");
      return CC_OK;
    }
  if (row->nfield == 1 && row->len[0] == 0)
    return CC_OK;
  if (row->field[0][0] == '#')
    return CC_OK;   /* a comment line */
  if ((size_t) m->col_unit >= row->nfield || (size_t) m->col_canon >= row->nfield
      || (size_t) m->col_factor >= row->nfield)
    return cc_err_set (err, CC_EDATA, m->path, row->line, 0,
                       "expected 3 fields, found %zu", row->nfield);
  u = row->field[m->col_unit];
  c = row->field[m->col_canon];
  f = row->field[m->col_factor];
  if (cc_num_parse (f + strspn (f, " \t\n\v\f\r"), &factor) != 0
      || factor <= 0)
    return cc_err_set (err, CC_EDATA, m->path, row->line, m->col_factor + 1,
                       "factor '%s' is not a positive number", f);
  if (c[0] == '\0')
    return cc_err_set (err, CC_EDATA, m->path, row->line, m->col_canon + 1,
                       "empty canonical unit");
  if (m->n == m->cap)
    {
      size_t cap = m->cap ? 2 * m->cap : 64;
      entry *e = realloc (m->e, cap * sizeof *e);
      if (e == NULL)
        return cc_err_set (err, CC_ESOFTWARE, m->path, 0, 0, "out of memory");
      m->e = e;
      m->cap = cap;
    }
  m->e[m->n].key = unit_key (u);
  m->e[m->n].canonical = strdup (c);
  m->e[m->n].factor = factor;
  if (m->e[m->n].key == NULL || m->e[m->n].canonical == NULL)
    {
      free (m->e[m->n].key);
      free (m->e[m->n].canonical);
      return cc_err_set (err, CC_ESOFTWARE, m->path, 0, 0, "out of memory");
    }
  m->n++;
  return CC_OK;
}

int
cc_unitmap_load (const char *path, cc_unitmap **map, cc_err *err)
{
  cc_unitmap *m = calloc (1, sizeof *m);
  size_t i;
  int rc;

  *map = NULL;
  if (m == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  m->path = path;
  rc = cc_csv_read (path, on_row, m, err);
  if (rc != CC_OK)
    {
      cc_unitmap_free (m);
      return rc;
    }
  qsort (m->e, m->n, sizeof *m->e, cmp_entry);
  for (i = 1; i < m->n; i++)
    if (strcmp (m->e[i - 1].key, m->e[i].key) == 0)
      {
        rc = cc_err_set (err, CC_EDATA, path, 0, 0,
                         "unit spelling '%s' is listed twice", m->e[i].key);
        cc_unitmap_free (m);
        return rc;
      }
  m->path = NULL;
  *map = m;
  return CC_OK;
}

void
cc_unitmap_free (cc_unitmap *m)
{
  size_t i;
  if (m == NULL)
    return;
  for (i = 0; i < m->n; i++)
    {
      free (m->e[i].key);
      free (m->e[i].canonical);
    }
  free (m->e);
  free (m);
}

int
cc_unitmap_lookup (const cc_unitmap *m, const char *unit,
                   const char **canonical, double *factor)
{
  entry probe, *hit;
  char *k;

  *canonical = unit;
  *factor = 1.0;
  if (unit[0] == '\0')
    return 1;
  if (m == NULL || (k = unit_key (unit)) == NULL)
    return 0;
  probe.key = k;
  hit = bsearch (&probe, m->e, m->n, sizeof *m->e, cmp_entry);
  free (k);
  if (hit == NULL)
    return 0;
  *canonical = hit->canonical;
  *factor = hit->factor;
  return 1;
}

unsigned long
cc_unitmap_size (const cc_unitmap *m)
{
  return m ? m->n : 0;
}

int
cc_unitmap_entry (const cc_unitmap *m, unsigned long i, const char **key,
                  const char **canonical, double *factor)
{
  if (m == NULL || i >= m->n)
    return -1;
  *key = m->e[i].key;
  *canonical = m->e[i].canonical;
  *factor = m->e[i].factor;
  return 0;
}
