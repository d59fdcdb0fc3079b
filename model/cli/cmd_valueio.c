/* cmd_valueio.c: writing a contract value's tables and charts, shared by
 * the value and run commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/charts.h"
#include "core/textutil.h"
#include "cli/cli.h"
#include "cli/cmd_valueio.h"
#include "core/output.h"
#include "report/report_value.h"

typedef struct
{
  const cc_valuecase *c;
  const cc_value_result *r;
  int (*fn) (FILE *, const cc_valuecase *, const cc_value_result *);
} value_arg;

static int
write_value (FILE *fp, const void *arg)
{
  const value_arg *a = arg;
  return a->fn (fp, a->c, a->r);
}

const char *const cc_value_chart_names[CC_VALUE_NCHART] = {
  "spend", "value", "tornado", "crosscloud"
};

int
cc_value_charts_reserve (const char *dir, const int *want,
                         cc_cli_chartset *sets, cc_err *err)
{
  size_t i;
  int rc = CC_OK;
  memset (sets, 0, CC_VALUE_NCHART * sizeof *sets);
  for (i = 0; rc == CC_OK && i < CC_VALUE_NCHART; i++)
    rc = cc_cli_chartset_reserve (dir, cc_value_chart_names[i], want, &sets[i],
                                  err);
  if (rc != CC_OK)
    cc_value_charts_finish (sets, rc, err);
  return rc;
}

int
cc_value_charts_finish (cc_cli_chartset *sets, int status, cc_err *err)
{
  size_t i;
  for (i = 0; i < CC_VALUE_NCHART; i++)
    status = cc_cli_charts_finish (sets[i].file, 4, status, err);
  return status;
}

int
cc_value_charts_draw (cc_gp *gp, const cc_valuecase *c,
                      const cc_value_result *r, cc_cli_chartset *sets,
                      cc_err *err)
{
  const cc_value_model *m = &c->model;
  size_t F = r->nfamily + 1, f, i, n = r->nbar < 12 ? r->nbar : 12;
  const char *fam[8], *bar_names[12], *prov[CC_MAX_PROVIDERS];
  double *p50 = NULL, *c10 = NULL, *c50 = NULL, *c90 = NULL;
  double lo[12], hi[12];
  char title[4][256], sub[4][256], src[640], a[64], b[64], d[64];
  cc_chart_frame fr[4];
  cc_chart_spend sp;
  cc_chart_cumulative cu;
  cc_chart_tornado to;
  cc_chart_cross cr;
  int mo, rc = CC_OK;

  p50 = malloc ((size_t) r->months * r->nfamily * sizeof *p50);
  c10 = malloc ((size_t) r->months * sizeof *c10);
  c50 = malloc ((size_t) r->months * sizeof *c50);
  c90 = malloc ((size_t) r->months * sizeof *c90);
  if (!p50 || !c10 || !c50 || !c90)
    {
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto done;
    }
  for (mo = 0; mo < r->months; mo++)
    {
      for (f = 0; f < r->nfamily; f++)
        p50[(size_t) mo * r->nfamily + f] = r->monthly[(size_t) mo * F + f].p50;
      c10[mo] = r->cumulative[mo].p10;
      c50[mo] = r->cumulative[mo].p50;
      c90[mo] = r->cumulative[mo].p90;
    }
  for (f = 0; f < r->nfamily; f++)
    fam[f] = r->family[f];
  for (i = 0; i < n; i++)
    {
      bar_names[i] = r->bar[i].assumption;
      lo[i] = r->bar[i].total_low;
      hi[i] = r->bar[i].total_high;
    }
  for (i = 0; i < m->nprovider; i++)
    prov[i] = m->provider[i];

  snprintf (src, sizeof src, "Source: %s. List prices from the price books "
            "named in the scenario. Chart: cloudcast.",
            c->source[0] ? c->source : c->name);
  cc_group_digits (r->total.p10, 0, a, sizeof a);
  cc_group_digits (r->total.p50, 0, b, sizeof b);
  cc_group_digits (r->total.p90, 0, d, sizeof d);
  snprintf (title[0], sizeof title[0], "%s: monthly spend by family", c->title);
  snprintf (sub[0], sizeof sub[0], "Median of %zu draws; %s, %s provider "
            "list prices less discounts", m->draws, c->currency, m->provider[0]);
  snprintf (title[1], sizeof title[1], "%s: cumulative contract value", c->title);
  snprintf (sub[1], sizeof sub[1], "%d months: P10 %s, P50 %s, P90 %s %s",
            r->months, a, b, d, c->currency);
  snprintf (title[2], sizeof title[2], "%s: what moves the total", c->title);
  snprintf (sub[2], sizeof sub[2], "Each assumption at its P10 and P90, the "
            "rest at their medians (dashed line: all at medians)");
  snprintf (title[3], sizeof title[3], "%s: the same usage on each provider",
            c->title);
  snprintf (sub[3], sizeof sub[3], "%d-month total at median assumptions, "
            "the %zu drivers every provider prices", r->months, r->ncommon);
  for (i = 0; i < 4; i++)
    {
      fr[i].title = title[i];
      fr[i].subtitle = sub[i];
      fr[i].source = src;
    }

  for (i = 0; i < 4; i++)
    {
      size_t fmt;
      for (fmt = 0; fmt < CC_GP_NFMT; fmt++)
        fr[i].out.path[fmt] = sets[i].file[fmt].tmp;
    }
  sp.start_month = m->start_month;
  sp.months = r->months;
  sp.nfamily = r->nfamily;
  sp.family = fam;
  sp.p50 = p50;
  sp.currency = c->currency;
  cu.start_month = m->start_month;
  cu.months = r->months;
  cu.p10 = c10;
  cu.p50 = c50;
  cu.p90 = c90;
  cu.currency = c->currency;
  to.nbar = n;
  to.name = bar_names;
  to.low = lo;
  to.high = hi;
  to.median = r->median_total;
  to.currency = c->currency;
  cr.nprovider = m->nprovider;
  cr.provider = prov;
  cr.total = r->cross_common;
  cr.currency = c->currency;
  cc_chart_spend_draw (gp, &fr[0], &sp);
  cc_chart_cumulative_draw (gp, &fr[1], &cu);
  /* With no uncertain assumption there is no tornado to draw. */
  if (n > 0)
    cc_chart_tornado_draw (gp, &fr[2], &to);
  else
    cc_cli_charts_finish (sets[2].file, 4, CC_EDATA, NULL);
  cc_chart_cross_draw (gp, &fr[3], &cr);
done:
  free (p50);
  free (c10);
  free (c50);
  free (c90);
  return rc;
}


int
cc_value_tables (const char *dir, const cc_valuecase *vc,
                 const cc_value_result *res, cc_err *err)
{
  static const struct
  {
    const char *name;
    int (*fn) (FILE *, const cc_valuecase *, const cc_value_result *);
  } files[] = {
    { "value-summary.csv", cc_report_value_summary_csv },
    { "value-monthly.csv", cc_report_value_monthly_csv },
    { "value-drivers.csv", cc_report_value_drivers_csv },
    { "value-drivers-monthly.csv", cc_report_value_driver_monthly_csv },
    { "tornado.csv", cc_report_value_tornado_csv },
    { "crosscloud.csv", cc_report_value_cross_csv },
    { "value.json", cc_report_value_json },
  };
  value_arg va;
  size_t i;
  int rc = CC_OK;

  va.c = vc;
  va.r = res;
  for (i = 0; rc == CC_OK && i < sizeof files / sizeof files[0]; i++)
    {
      va.fn = files[i].fn;
      rc = cc_cli_write (dir, files[i].name, write_value, &va, err);
    }
  return rc;
}

int
cc_value_parse_draws (const char *cmd, const char *arg, long *n)
{
  return cc_cli_opt_long (cmd, "--draws", arg, 1, 1000000, n);
}

int
cc_value_set_draws (cc_valuecase *vc, long n)
{
  if ((double) n * vc->model.months > CC_MAX_DRAW_MONTHS)
    return cc_cli_usage ("--draws %ld x horizon %d months is above the "
                         "cap of %d draw-months", n, vc->model.months,
                         CC_MAX_DRAW_MONTHS);
  vc->model.draws = (size_t) n;
  return CC_OK;
}
