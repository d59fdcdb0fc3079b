/* cmd_run.c: cloudcast run [SCENARIO.ini]: the whole pipeline.
 *
 * scenario -> (reported storage -> facts -> named scenarios -> cost) and
 * (drivers -> Monte Carlo contract value) -> tables -> charts (one gnuplot
 * process) -> report.md, report.html, alt text.  Every table is written
 * before gnuplot is started, and the documents are written whatever
 * gnuplot does, so a failing chart never costs the numbers. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/charts.h"
#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "cli/cmd_fitcharts.h"
#include "cli/cmd_valueio.h"
#include "core/output.h"
#include "price/price.h"
#include "report/report_doc.h"
#include "report/report_value.h"

typedef struct
{
  const cc_case_view *v;        /* NULL: no storage from reported figures */
  const double *cost;
  const char *currency;
  const cc_valuecase *vc;
  const cc_value_result *vr;
  const cc_doc *doc;
  const char *alt;
} run_arg;

static int
write_facts (FILE *fp, const void *arg)
{
  const run_arg *a = arg;
  if (a->v != NULL && cc_report_facts (fp, a->v) != 0)
    return -1;
  return cc_report_value_facts (fp, a->vc, a->vr);
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

static int
write_storage_json (FILE *fp, const void *arg)
{
  const run_arg *a = arg;
  return cc_report_storage_json (fp, a->v, a->cost, a->currency);
}

static int
write_md (FILE *fp, const void *arg)
{
  return cc_report_md (fp, ((const run_arg *) arg)->doc);
}

static int
write_html (FILE *fp, const void *arg)
{
  return cc_report_html (fp, ((const run_arg *) arg)->doc);
}

static int
write_alt (FILE *fp, const void *arg)
{
  fprintf (fp, "%s\n", ((const run_arg *) arg)->alt);
  return ferror (fp) ? -1 : 0;
}

/* Monthly cost of every scenario month of the storage driver D. */
static int
price_scenarios (const cc_case_view *v, const cc_valuecase *vc, size_t d,
                 double *cost, const char **currency, cc_err *err)
{
  const cc_driver_price *dp = &vc->model.driver[d].price[0];
  const char *skus[CC_MAX_MIX], *region = dp->region[0] ? dp->region : NULL;
  size_t first, count, i;
  double unit_bytes;
  int h, rc;

  if ((rc = cc_price_find (vc->book, dp->sku[0], region, &first, &count, err))
      != CC_OK)
    return rc;
  unit_bytes = cc_price_unit_bytes (vc->book->row[first].unit);
  if (unit_bytes <= 0)
    return cc_err_set (err, CC_EDATA, vc->book->row[first].file,
                       vc->book->row[first].line, 0,
                       "sku '%s' is priced per '%s', not a capacity unit "
                       "such as GiB-month", dp->sku[0],
                       vc->book->row[first].unit);
  *currency = vc->book->row[first].currency;
  for (i = 0; i < dp->nsku; i++)
    skus[i] = dp->sku[i];
  for (i = 0; i < v->nscn; i++)
    for (h = 0; h < v->months; h++)
      {
        size_t k = i * (size_t) v->months + (size_t) h;
        double q = v->proj[k] * v->unit_bytes / unit_bytes;
        if ((rc = cc_price_mix (vc->book, skus, dp->share, dp->nsku, region,
                                q, NULL, &cost[k], err)) != CC_OK)
          return rc;
      }
  return CC_OK;
}

/* The storage chart's inputs, kept alive until gnuplot has read them. */
typedef struct
{
  char title[256], sub[512], source[1024], source2[512], note[128];
  double *ht, *hy;
  const char **labels;
  cc_chart_usage ch;
} storage_chart;

static int
storage_chart_init (storage_chart *s, const cc_case_view *v,
                    const cc_valuecase *vc, size_t d, cc_err *err)
{
  const cc_reported_metric *m = v->metric;
  const cc_driver_price *dp = &vc->model.driver[d].price[0];
  size_t i;

  memset (s, 0, sizeof *s);
  s->ht = malloc (m->n * sizeof *s->ht);
  s->hy = malloc (m->n * sizeof *s->hy);
  s->labels = malloc (v->nscn * sizeof *s->labels);
  if (s->ht == NULL || s->hy == NULL || s->labels == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < m->n; i++)
    {
      s->ht[i] = m->point[i].months;
      s->hy[i] = m->point[i].bytes / v->unit_bytes;
    }
  for (i = 0; i < v->nscn; i++)
    s->labels[i] = v->scn[i].label;
  snprintf (s->title, sizeof s->title,
            "%s: reported figures and growth scenarios", m->metric);
  snprintf (s->sub, sizeof s->sub,
            "\u00d7%.3g in %.3g months (%.1f%%/month). Beyond the last figure "
            "every line is an assumption, not a forecast.",
            v->facts.multiple, v->facts.dt, 100 * v->facts.rate_disc);
  snprintf (s->source, sizeof s->source, "Source: %s.",
            m->point[m->n - 1].source);
  snprintf (s->source2, sizeof s->source2,
            "Costs (in cost.csv): %s list prices%s%s. Chart: cloudcast.",
            dp->sku[0], dp->region[0] ? ", " : "", dp->region);
  snprintf (s->note, sizeof s->note, "\u00d7%.3g in %.3g months",
            v->facts.multiple, v->facts.dt);
  s->ch.title = s->title;
  s->ch.subtitle = s->sub;
  s->ch.source = s->source;
  s->ch.source2 = s->source2;
  s->ch.unit = v->unit;
  s->ch.annotation = s->note;
  s->ch.nhist = m->n;
  s->ch.hist_t = s->ht;
  s->ch.hist_y = s->hy;
  s->ch.nscn = v->nscn;
  s->ch.scn_label = s->labels;
  s->ch.scn_y = v->proj;
  s->ch.months = v->months;
  s->ch.anchor_t = m->point[m->n - 1].months;
  s->ch.anchor_y = s->hy[m->n - 1];
  return CC_OK;
}

static void
storage_chart_free (storage_chart *s)
{
  free (s->ht);
  free (s->hy);
  free (s->labels);
}

int
cc_cmd_run (int argc, char **argv)
{
  cc_opts go;
  const char *dir = "cloudcast-out", *currency = "USD", *path;
  char def[4096];
  int months = CC_DEFAULT_MONTHS, c, rc, chart_rc = CC_OK, preview = 0;
  long draws = 0;
  int want[4];
  double photo = CC_DEFAULT_PHOTO_MIB, *cost = NULL;
  size_t d, i, sd = 0;
  cc_valuecase *vc = NULL;
  cc_value_result *vr = NULL;
  cc_case cs;
  int have_storage = 0;
  cc_cli_chartset storage_set, sets[CC_VALUE_NCHART], fit_sets[2];
  cc_fitcharts fc;
  cc_gp_outputs storage_out;
  storage_chart sc;
  cc_doc doc;
  cc_gp *gp = NULL;
  run_arg ra;
  cc_err err, cerr;

  memset (&cs, 0, sizeof cs);
  memset (&sc, 0, sizeof sc);
  memset (&storage_set, 0, sizeof storage_set);
  memset (fit_sets, 0, sizeof fit_sets);
  memset (&fc, 0, sizeof fc);
  memset (sets, 0, sizeof sets);
  cc_opts_init (&go, "run");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'o':
        dir = optarg;
        break;
      case 'm':
        if ((rc = cc_case_parse_months ("run", optarg, &months)) != CC_OK)
          return rc;
        break;
      case 'p':
        if ((rc = cc_case_parse_photo ("run", optarg, &photo)) != CC_OK)
          return rc;
        break;
      case 'n':
        if ((rc = cc_value_parse_draws ("run", optarg, &draws)) != CC_OK)
          return rc;
        break;
      case 'P':
        preview = 1;
        break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("run: bad option");
      }
  if (argc - optind > 1)
    return cc_cli_usage ("run: one SCENARIO at most");
  if (dir[0] == '\0')
    return cc_cli_usage ("run: --output needs a directory name");
  path = optind < argc ? argv[optind]
                       : cc_cli_datafile (def, sizeof def, "scenarios/default.ini");

  cc_err_clear (&err);
  rc = cc_valuecase_load (path, &vc, &err);
  if (rc == CC_OK && draws > 0
      && (rc = cc_value_set_draws (vc, draws)) != CC_OK)
    {
      cc_valuecase_free (vc);
      return rc;
    }
  /* The first driver grown from reported figures gets the storage story. */
  for (d = 0; rc == CC_OK && d < vc->model.ndriver; d++)
    if (vc->model.driver[d].facts != NULL)
      {
        sd = d;
        have_storage = 1;
        rc = cc_case_load (&cs, vc->reported[d]->path, vc->metric[d]->metric,
                           months, photo, &err);
        if (rc == CC_OK)
          {
            cost = malloc (cs.view.nscn * (size_t) months * sizeof *cost);
            rc = cost == NULL
                   ? cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory")
                   : price_scenarios (&cs.view, vc, d, cost, &currency, &err);
          }
        break;
      }
  if (rc == CC_OK
      && (rc = cc_value_run (&vc->model, vc->book, &vr, &err)) != CC_OK)
    {
      cc_err e = err;   /* the model knows drivers, not files */
      rc = cc_err_set (&err, rc, vc->file->path, 0, 0, "%s", e.msg);
    }
  if (rc == CC_OK)
    rc = cc_fitcharts_prepare (&fc, vc, &err);
  if (rc == CC_OK)
    rc = cc_outdir_make (dir, &err);

  memset (&ra, 0, sizeof ra);
  ra.v = have_storage ? &cs.view : NULL;
  ra.cost = cost;
  ra.currency = currency;
  ra.vc = vc;
  ra.vr = vr;

  /* 1. Tables. */
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "facts.txt", write_facts, &ra, &err);
  if (rc == CC_OK && have_storage)
    rc = cc_cli_write (dir, "projection.csv", write_projection, &ra, &err);
  if (rc == CC_OK && have_storage)
    rc = cc_cli_write (dir, "cost.csv", write_cost, &ra, &err);
  if (rc == CC_OK && have_storage)
    rc = cc_cli_write (dir, "storage.json", write_storage_json, &ra, &err);
  if (rc == CC_OK)
    rc = cc_value_tables (dir, vc, vr, &err);
  if (rc != CC_OK)
    goto done;

  /* 2. Charts, all in one gnuplot process.  SVG is always drawn: the HTML
     report embeds it. */
  memset (&doc, 0, sizeof doc);
  cc_err_clear (&cerr);
  memcpy (want, vc->formats, sizeof want);
  want[CC_GP_SVG] = 1;
  want[CC_GP_DUMB] = 0;
  chart_rc = CC_OK;
  if (have_storage)
    {
      int swant[4];
      memcpy (swant, want, sizeof swant);
      swant[CC_GP_DUMB] = preview;
      chart_rc = cc_cli_chartset_reserve (dir, "storage", swant, &storage_set,
                                          &cerr);
    }
  if (chart_rc == CC_OK)
    chart_rc = cc_value_charts_reserve (dir, want, sets, &cerr);
  if (chart_rc == CC_OK && fc.present)
    chart_rc = cc_cli_chartset_reserve (dir, "usage", want, &fit_sets[0], &cerr);
  if (chart_rc == CC_OK && fc.present)
    chart_rc = cc_cli_chartset_reserve (dir, "models", want, &fit_sets[1], &cerr);
  if (chart_rc == CC_OK && have_storage)
    chart_rc = storage_chart_init (&sc, &cs.view, vc, sd, &cerr);
  if (chart_rc == CC_OK)
    chart_rc = cc_gp_open (&gp, &cerr);
  if (chart_rc == CC_OK)
    {
      if (have_storage)
        {
          for (i = 0; i < CC_GP_NFMT; i++)
            storage_out.path[i] = storage_set.file[i].tmp;
          cc_chart_usage_draw (gp, &sc.ch, &storage_out);
        }
      if (fc.present)
        cc_fitcharts_draw (&fc, gp, fit_sets);
      chart_rc = cc_value_charts_draw (gp, vc, vr, sets, &cerr);
      i = (size_t) cc_gp_close (gp, chart_rc == CC_OK ? &cerr : NULL);
      if (chart_rc == CC_OK)
        chart_rc = (int) i;
    }
  /* Which charts exist, before the names are freed. */
  {
    static const char *const titles[5] = {
      "Reported storage and growth scenarios", "Monthly spend by family",
      "Cumulative contract value", "What moves the total",
      "The same usage on each provider"
    };
    for (i = 0; i < 5; i++)
      {
        cc_doc_chart *ch = &doc.chart[doc.nchart];
        if (i == 0 && !have_storage)
          continue;
        ch->name = i == 0 ? "storage" : cc_value_chart_names[i - 1];
        ch->title = titles[i];
        ch->drawn = chart_rc == CC_OK
                    && (i == 0 ? storage_set.file[CC_GP_SVG].tmp
                               : sets[i - 1].file[CC_GP_SVG].tmp) != NULL;
        doc.nchart++;
      }
    for (i = 0; fc.present && i < 2; i++)
      {
        cc_doc_chart *ch = &doc.chart[doc.nchart++];
        ch->name = i == 0 ? "usage" : "models";
        ch->title = fc.title[i];
        ch->drawn = chart_rc == CC_OK && fit_sets[i].file[CC_GP_SVG].tmp != NULL;
      }
  }
  {
    /* The preview is printed, not kept. */
    char *txt = storage_set.file[CC_GP_DUMB].path
                  ? strdup (storage_set.file[CC_GP_DUMB].path) : NULL;
    chart_rc = cc_cli_charts_finish (storage_set.file, 4, chart_rc, &cerr);
    if (txt != NULL)
      {
        FILE *fp = chart_rc == CC_OK ? fopen (txt, "r") : NULL;
        char line[512];
        if (fp != NULL)
          {
            while (fgets (line, sizeof line, fp) != NULL)
              fputs (line, stdout);
            fclose (fp);
          }
        remove (txt);
        free (txt);
      }
  }
  chart_rc = cc_value_charts_finish (sets, chart_rc, &cerr);
  for (i = 0; i < 2; i++)
    chart_rc = cc_cli_charts_finish (fit_sets[i].file, 4, chart_rc, &cerr);
  storage_chart_free (&sc);

  /* 3. Documents, whatever gnuplot did. */
  doc.storage = ra.v;
  doc.storage_cost = cost;
  doc.vc = vc;
  doc.vr = vr;
  doc.dir = dir;
  doc.chart_note = chart_rc == CC_OK ? NULL : cerr.msg;
  cc_doc_alt (&doc);
  for (i = 0; i < doc.nchart; i++)
    if (fc.present && (strcmp (doc.chart[i].name, "usage") == 0
                       || strcmp (doc.chart[i].name, "models") == 0))
      snprintf (doc.chart[i].alt, sizeof doc.chart[i].alt, "%s",
                fc.alt[doc.chart[i].name[0] == 'u' ? 0 : 1]);
  ra.doc = &doc;
  for (i = 0; rc == CC_OK && i < doc.nchart; i++)
    {
      char name[64];
      snprintf (name, sizeof name, "%s.alt.txt", doc.chart[i].name);
      ra.alt = doc.chart[i].alt;
      rc = cc_cli_write (dir, name, write_alt, &ra, &err);
    }
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "report.md", write_md, &ra, &err);
  if (rc == CC_OK)
    rc = cc_cli_write (dir, "report.html", write_html, &ra, &err);
  if (rc == CC_OK && chart_rc != CC_OK)
    {
      rc = chart_rc;
      err = cerr;
    }

done:
  if (rc != CC_OK)
    cc_cli_fail (&err);
  free (cost);
  cc_fitcharts_free (&fc);
  cc_case_free (&cs);
  cc_value_result_free (vr);
  cc_valuecase_free (vc);
  return rc;
}
