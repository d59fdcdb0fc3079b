/* cmd_case.c: reported figures -> facts -> named scenarios. */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_case.h"
#include "core/timeutil.h"

int
cc_case_load (cc_case *c, const char *path, const char *metric, int months,
              double photo_mib, cc_err *err)
{
  /* Assumed caps for the logistic scenarios, in bytes (3, 5 and 10 PB). */
  static const double caps_bytes[] = { 3e15, 5e15, 1e16 };
  double caps[3];
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
    {
      /* Say where: the facts code knows numbers, not lines. */
      cc_err e = *err;
      return cc_err_set (err, rc, path, m->point[m->n - 1].line, 0,
                         "metric '%s': %s", m->metric, e.msg);
    }
  v->anchor_month = cc_month_index (m->point[m->n - 1].date.year,
                                    m->point[m->n - 1].date.month);
  for (i = 0; i < 3; i++)
    caps[i] = caps_bytes[i] / v->unit_bytes;
  v->nscn = cc_scenarios_default (c->scn, sizeof c->scn / sizeof c->scn[0],
                                  &v->facts, caps, 3, v->unit);
  v->scn = c->scn;
  c->proj = malloc (v->nscn * (size_t) months * sizeof *c->proj);
  if (c->proj == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  v->proj = c->proj;
  rc = cc_scenarios_project (c->scn, v->nscn, &v->facts, months, c->proj, err);
  if (rc != CC_OK)
    {
      cc_err e = *err;   /* say which file and metric grow that fast */
      return cc_err_set (err, rc, path, m->point[m->n - 1].line, 0,
                         "metric '%s': %s", m->metric, e.msg);
    }
  return CC_OK;
}

void
cc_case_free (cc_case *c)
{
  cc_reported_free (c->reported);
  free (c->proj);
  memset (c, 0, sizeof *c);
}

int
cc_case_parse_months (const char *cmd, const char *arg, int *months)
{
  long v;
  int rc = cc_cli_opt_long (cmd, "--months", arg, 1, CC_MAX_MONTHS, &v);
  if (rc == CC_OK)
    *months = (int) v;
  return rc;
}

int
cc_case_parse_photo (const char *cmd, const char *arg, double *mib)
{
  return cc_cli_opt_double_as (cmd, "--photo-mib", arg, DBL_TRUE_MIN, DBL_MAX,
                               "a positive number of MiB", mib);
}
