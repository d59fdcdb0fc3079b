/* cmd_run.c: cloudcast run: the default scenario end to end.
 *
 * reported figures -> facts -> named scenarios -> monthly cost from the
 * price book -> facts.txt, projection.csv, cost.csv -> storage.png/.svg.
 * The tables are written before the chart, so a failing gnuplot never
 * costs the numbers. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "cli.h"
#include "cmd_case.h"
#include "output.h"
#include "price.h"

typedef struct
{
  const cc_case_view *v;
  const double *cost;
  const char *currency;
} run_arg;

static int
write_facts (FILE *fp, const void *arg)
{
  return cc_report_facts (fp, ((const run_arg *) arg)->v);
}

static int
write_projection (FILE *fp, const void *arg)
{
  return cc_report_projection_csv (fp, ((const run_arg *) arg)->v);
}

static int
write_cost (FILE *fp, const void *arg)
{
  const run_arg *a = arg;
  return cc_report_cost_csv (fp, a->v, a->cost, a->currency);
}

/* Monthly cost of every scenario month from the sku's graduated tiers. */
static int
price_scenarios (const cc_case_view *v, const cc_price_book *book,
                 const char *sku, double *cost, const char **currency,
                 cc_err *err)
{
  size_t first, count, i;
  double unit_bytes;
  int h, rc;

  if ((rc = cc_price_find (book, sku, NULL, &first, &count, err)) != CC_OK)
    return rc;
  unit_bytes = cc_price_unit_bytes (book->row[first].unit);
  if (unit_bytes <= 0)
    return cc_err_set (err, CC_EDATA, book->path, book->row[first].line, 0,
                       "sku '%s' is priced per '%s', not a capacity unit "
                       "such as GiB-month", sku, book->row[first].unit);
  *currency = book->row[first].currency;
  for (i = 0; i < v->nscn; i++)
    for (h = 0; h < v->months; h++)
      {
        size_t k = i * (size_t) v->months + (size_t) h;
        double q = v->proj[k] * v->unit_bytes / unit_bytes;
        if ((rc = cc_price_tiered (book, first, count, q, &cost[k], NULL, err))
            != CC_OK)
          return rc;
      }
  return CC_OK;
}

static int
draw_chart (const char *dir, const cc_case_view *v, const cc_price_book *book,
            const char *sku, cc_err *err)
{
  const cc_reported_metric *m = v->metric;
  static const char *const names[2] = { "storage.png", "storage.svg" };
  cc_cli_chart out[2];
  char title[256], sub[512], source[1024], source2[512], note[128];
  double *ht = NULL, *hy = NULL;
  const char **labels = NULL;
  cc_chart_usage ch;
  cc_gp *gp = NULL;
  size_t i, first = 0, count = 0;
  int rc = CC_OK;

  memset (&ch, 0, sizeof ch);
  ht = malloc (m->n * sizeof *ht);
  hy = malloc (m->n * sizeof *hy);
  labels = malloc (v->nscn * sizeof *labels);
  if (ht == NULL || hy == NULL || labels == NULL)
    {
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto done;
    }
  for (i = 0; i < m->n; i++)
    {
      ht[i] = m->point[i].months;
      hy[i] = m->point[i].bytes / v->unit_bytes;
    }
  for (i = 0; i < v->nscn; i++)
    labels[i] = v->scn[i].label;
  cc_price_find (book, sku, NULL, &first, &count, NULL);
  snprintf (title, sizeof title, "%s: reported figures and growth scenarios",
            m->metric);
  snprintf (sub, sizeof sub,
            "\u00d7%.3g in %.3g months (%.1f%%/month). Beyond the last "
            "figure every line is an assumption, not a forecast.",
            v->facts.multiple, v->facts.dt, 100 * v->facts.rate_disc);
  snprintf (source, sizeof source, "Source: %s.", m->point[m->n - 1].source);
  snprintf (source2, sizeof source2,
            "Costs (in cost.csv): %s %s %s list prices, %s, %s. Chart: "
            "cloudcast.", book->row[first].provider, book->row[first].service,
            book->row[first].sku, book->row[first].region,
            book->row[first].effective_date);
  snprintf (note, sizeof note, "\u00d7%.3g in %.3g months", v->facts.multiple,
            v->facts.dt);
  ch.title = title;
  ch.subtitle = sub;
  ch.source = source;
  ch.source2 = source2;
  ch.unit = v->unit;
  ch.annotation = note;
  ch.nhist = m->n;
  ch.hist_t = ht;
  ch.hist_y = hy;
  ch.nscn = v->nscn;
  ch.scn_label = labels;
  ch.scn_y = v->proj;
  ch.months = v->months;
  ch.anchor_t = m->point[m->n - 1].months;
  ch.anchor_y = hy[m->n - 1];

  if ((rc = cc_cli_charts_reserve (dir, names, 2, out, err)) != CC_OK)
    goto done;
  rc = cc_gp_open (&gp, err);
  if (rc == CC_OK)
    {
      cc_chart_usage_draw (gp, &ch, out[0].tmp, out[1].tmp);
      rc = cc_gp_close (gp, err);
    }
  rc = cc_cli_charts_finish (out, 2, rc, err);

done:
  free (ht);
  free (hy);
  free (labels);
  return rc;
}

int
cc_cmd_run (int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "months", required_argument, NULL, 'm' },
    { "photo-mib", required_argument, NULL, 'p' },
    { "metric", required_argument, NULL, 'M' },
    { NULL, 0, NULL, 0 }
  };
  const char *dir = "cloudcast-out", *metric = NULL, *currency = "USD";
  char reported[4096], prices[4096];
  int months = CC_DEFAULT_MONTHS, c, rc;
  double photo = CC_DEFAULT_PHOTO_MIB, *cost = NULL;
  cc_price_book *book = NULL;
  run_arg ra;
  cc_case cs;
  cc_err err;

  while ((c = getopt_long (argc, argv, "o:m:p:", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'm':
        if ((rc = cc_case_parse_months (optarg, &months)) != CC_OK)
          return rc;
        break;
      case 'p':
        if ((rc = cc_case_parse_photo (optarg, &photo)) != CC_OK)
          return rc;
        break;
      case 'M':
        metric = optarg;
        break;
      default:
        return cc_cli_usage ("run: bad option");
      }
  if (optind < argc)
    return cc_cli_usage ("run: scenario files are not supported yet ('%s')",
                         argv[optind]);
  if (dir[0] == '\0')
    return cc_cli_usage ("run: --output needs a directory name");

  cc_err_clear (&err);
  cc_cli_datafile (reported, sizeof reported, CC_DEFAULT_REPORTED);
  cc_cli_datafile (prices, sizeof prices, CC_DEFAULT_PRICES);
  rc = cc_case_load (&cs, reported, metric, months, photo, &err);
  if (rc == CC_OK)
    rc = cc_price_book_read (prices, &book, &err);
  if (rc == CC_OK)
    {
      cost = malloc (cs.view.nscn * (size_t) months * sizeof *cost);
      rc = cost == NULL ? cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0,
                                      "out of memory")
                        : price_scenarios (&cs.view, book, CC_DEFAULT_SKU,
                                           cost, &currency, &err);
    }
  if (rc == CC_OK)
    rc = cc_outdir_make (dir, &err);
  ra.v = &cs.view;
  ra.cost = cost;
  ra.currency = currency;
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "facts.txt", write_facts, &ra, &err);
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "projection.csv", write_projection, &ra, &err);
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "cost.csv", write_cost, &ra, &err);
  if (rc == CC_OK)
    rc = draw_chart (dir, &cs.view, book, CC_DEFAULT_SKU, &err);
  if (rc != CC_OK)
    cc_cli_fail (&err);
  free (cost);
  cc_price_book_free (book);
  cc_case_free (&cs);
  return rc;
}
