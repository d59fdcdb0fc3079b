/* case.c: reported figures -> facts -> named scenarios -> monthly cost. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "core/timeutil.h"
#include "reported/case.h"

/* Assumed caps for the logistic scenarios, in bytes (3, 5 and 10 PB). */
static const double caps_bytes[] = { 3e15, 5e15, 1e16 };
#define NCAPS (sizeof caps_bytes / sizeof caps_bytes[0])

/* Say where: the growth code knows numbers, not files and lines. */
static int
located (cc_err *err, int rc, const char *path, const cc_reported_metric *m)
{
  cc_err e = *err;
  return cc_err_set (err, rc, path, m->point[m->n - 1].line, 0,
                     "metric '%s': %s", m->metric, e.msg);
}

int
cc_case_load (cc_case *c, const char *path, const char *metric, int months,
              double photo_mib, cc_err *err)
{
  double caps[NCAPS];
  const cc_reported_metric *m;
  cc_case_view *v = &c->view;
  size_t i;
  int rc;

  memset (c, 0, sizeof *c);
  if ((rc = cc_reported_read (path, &c->reported, err)) != CC_OK)
    return rc;
  m = cc_reported_find (c->reported, metric);
  if (m == NULL)
    return cc_err_set (err, CC_EDATA, path, 0, 0, "no metric '%s' in the file",
                       metric);
  v->metric = m;
  v->unit = m->unit->name;
  v->unit_bytes = m->unit->bytes;
  v->photo_mib = photo_mib;
  v->months = months;
  rc = cc_growth_facts_two_point (m->point[0].months,
                                  m->point[0].bytes / v->unit_bytes,
                                  m->point[m->n - 1].months,
                                  m->point[m->n - 1].bytes / v->unit_bytes,
                                  &v->facts, err);
  if (rc != CC_OK)
    return located (err, rc, path, m);
  v->anchor_month = cc_month_index (m->point[m->n - 1].date.year,
                                    m->point[m->n - 1].date.month);
  for (i = 0; i < NCAPS; i++)
    caps[i] = caps_bytes[i] / v->unit_bytes;
  v->nscn = cc_scenarios_default (c->scn, sizeof c->scn / sizeof c->scn[0],
                                  &v->facts, caps, NCAPS, v->unit);
  v->scn = c->scn;
  c->proj = malloc (v->nscn * (size_t) months * sizeof *c->proj);
  if (c->proj == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  v->proj = c->proj;
  rc = cc_scenarios_project (c->scn, v->nscn, &v->facts, months, c->proj, err);
  if (rc != CC_OK)
    return located (err, rc, path, m);   /* which file grows that fast */
  return CC_OK;
}

int
cc_case_own (cc_case *c, cc_scenario_kind kind, const double *param,
             size_t nparam, cc_err *err)
{
  static const char *const pname[3] = { "P10", "P50", "P90" };
  cc_case_view *v = &c->view;
  size_t i, n = nparam == 3 ? 3 : 1;
  char num[32];

  for (i = 0; i < n; i++)
    {
      cc_scenario *s = &c->own[i];
      const char *p = n == 3 ? pname[i] : "path";
      memset (s, 0, sizeof *s);
      s->kind = kind;
      s->param = nparam > 0 ? param[n == 3 ? i : 0] : 0;
      snprintf (s->name, sizeof s->name, "scenario-%s",
                n == 3 ? (i == 0 ? "p10" : i == 1 ? "p50" : "p90") : "path");
      if (kind == CC_SCN_DECAY)
        snprintf (s->label, sizeof s->label, "this scenario's %s (growth "
                  "rate falls by phi %.3g a month)", p, s->param);
      else if (kind == CC_SCN_LOGISTIC)
        {
          cc_sig_number (s->param, 3, num, sizeof num);
          snprintf (s->label, sizeof s->label, "this scenario's %s "
                    "(logistic, cap %s %s)", p, num, v->unit);
        }
      else
        snprintf (s->label, sizeof s->label, "this scenario's %s growth",
                  kind == CC_SCN_LINEAR ? "linear" : "exponential");
    }
  free (c->own_proj);
  c->own_proj = malloc (n * (size_t) v->months * sizeof *c->own_proj);
  if (c->own_proj == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  v->nown = n;
  v->own = c->own;
  v->own_proj = c->own_proj;
  return cc_scenarios_project (c->own, n, &v->facts, v->months, c->own_proj,
                               err);
}

void
cc_case_free (cc_case *c)
{
  cc_reported_free (c->reported);
  free (c->proj);
  free (c->own_proj);
  memset (c, 0, sizeof *c);
}

int
cc_case_cost (const cc_case_view *v, const cc_price_book *book,
              const char *const *skus, const double *share, size_t n,
              const char *region, double *cost, const char **currency,
              cc_err *err)
{
  const cc_price_row *row;
  size_t first, count, i;
  double unit_bytes;
  int h, rc;

  if ((rc = cc_price_find (book, skus[0], region, &first, &count, err))
      != CC_OK)
    return rc;
  row = &book->row[first];
  unit_bytes = cc_price_unit_bytes (row->unit);
  if (unit_bytes <= 0)
    return cc_err_set (err, CC_EDATA, row->file, row->line, 0,
                       "sku '%s' is priced per '%s', not a capacity unit "
                       "such as GiB-month", skus[0], row->unit);
  *currency = row->currency;
  for (i = 0; i < v->nscn; i++)
    for (h = 0; h < v->months; h++)
      {
        size_t k = i * (size_t) v->months + (size_t) h;
        double q = v->proj[k] * v->unit_bytes / unit_bytes;
        if ((rc = cc_price_mix (book, skus, share, n, region, q, NULL,
                                &cost[k], err)) != CC_OK)
          return rc;
      }
  return CC_OK;
}
