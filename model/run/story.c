/* story.c: the reporter's path (story.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "plots/registry.h"
#include "report/mdtext.h"
#include "report/report.h"
#include "reported/case.h"
#include "run/story.h"

typedef struct
{
  const cc_case_view *v;
  const double *cost;
  const char *currency;
  const char *title, *alt;
  const char *dir;              /* where the chart files are */
  int chart;                    /* the chart files are in place */
} story_doc;

static int
write_facts (FILE *fp, const void *arg)
{
  return cc_report_facts (fp, ((const story_doc *) arg)->v);
}

static int
write_projection (FILE *fp, const void *arg)
{
  return cc_report_projection_csv (fp, ((const story_doc *) arg)->v);
}

static int
write_cost (FILE *fp, const void *arg)
{
  const story_doc *d = arg;
  return cc_report_cost_csv (fp, d->v, d->cost, d->currency);
}

static int
write_alt (FILE *fp, const void *arg)
{
  fprintf (fp, "%s\n", ((const story_doc *) arg)->alt);
  return ferror (fp) ? -1 : 0;
}

/* The page's Markdown: the title, the chart with its alt text, the facts. */
static int
story_md (FILE *fp, const void *arg)
{
  const story_doc *d = arg;
  char *facts = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&facts, &len);
  if (m == NULL)
    return -1;
  cc_report_facts (m, d->v);
  fclose (m);
  fputs ("# ", fp);
  cc_md_text (fp, d->title);
  fputs ("\n\n", fp);
  if (d->chart)
    {
      fputs ("![", fp);
      cc_md_text (fp, d->alt);
      fputs ("](storage.png)\n\n", fp);
    }
  else
    fputs ("The chart could not be drawn (gnuplot missing or failed); "
           "the figures are below.\n\n", fp);
  fputs ("## The facts\n\n", fp);
  cc_md_code_block (fp, facts ? facts : "");
  free (facts);
  return ferror (fp) ? -1 : 0;
}

/* story.html: that Markdown as a page, the chart embedded. */
static int
write_page (FILE *fp, const void *arg)
{
  const story_doc *d = arg;
  cc_md_html_opts o = { NULL, d->dir };
  return cc_md_html_page_of (fp, d->title, story_md, d, &o,
                             "from the reported figures alone");
}

/* The chart: the storage kind of the registry, drawn as SVG and PNG. */
static int
story_chart (const cc_case_view *v, const cc_driver_price *dp,
             const char *title, const cc_output *out, char **alt,
             cc_err *err)
{
  cc_chart_data d;
  cc_chartset set;
  int want[CC_GP_NFMT] = { 0 }, rc;
  size_t i;

  memset (&d, 0, sizeof d);
  memset (&set, 0, sizeof set);
  d.storage = v;
  d.storage_price = dp;
  d.storage_title = title;
  rc = cc_charts_prepare (&set, &d, CC_CHARTS_STORAGE, err);
  for (i = 0; rc == CC_OK && i < set.n; i++)
    if (set.chart[i].alt != NULL && *alt == NULL)
      *alt = strdup (set.chart[i].alt);
  want[CC_GP_SVG] = want[CC_GP_PNG] = 1;
  if (rc == CC_OK)
    rc = cc_charts_draw (&set, out, want, 0, err);
  cc_charts_free (&set);
  return rc;
}

static int
story_cost (const cc_story_opts *o, const cc_case_view *v, double **cost,
            const char **currency, cc_err *err)
{
  const char *skus[1] = { o->sku };
  double share[1] = { 1 };
  *cost = malloc (v->nscn * (size_t) v->months * sizeof **cost + 1);
  if (*cost == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  return cc_case_cost (v, o->book, skus, share, 1, o->region, *cost,
                       currency, err);
}

int
cc_story (const cc_story_opts *o, char *title, size_t size, cc_err *err)
{
  cc_output out = { o->dir, o->notify, o->notify_ctx, -1 };
  cc_driver_price dp;
  story_doc doc;
  cc_case cs;
  cc_err cerr;
  char *alt = NULL, name[256];
  int rc, chart_rc = CC_OK;

  memset (&doc, 0, sizeof doc);
  memset (&dp, 0, sizeof dp);
  rc = cc_case_load (&cs, o->figures, o->metric, o->months, o->photo_mib,
                     err);
  if (rc == CC_OK && o->sku != NULL)
    {
      snprintf (dp.sku[0], sizeof dp.sku[0], "%s", o->sku);
      snprintf (dp.region, sizeof dp.region, "%s", o->region ? o->region : "");
      dp.nsku = 1;
      rc = story_cost (o, &cs.view, (double **) &doc.cost, &doc.currency, err);
    }
  if (rc == CC_OK)
    {
      const cc_reported_metric *m = cs.view.metric;
      cc_reported_title (m->metric, m->point[m->n - 1].source, title, size);
      cc_reported_title (m->metric, NULL, name, sizeof name);
      doc.v = &cs.view;
      doc.title = title;
      doc.dir = o->dir;
      rc = cc_outdir_open (&out, 1, err);
    }
  if (rc == CC_OK)
    {
      cc_err_clear (&cerr);
      chart_rc = story_chart (&cs.view, &dp, name, &out, &alt, &cerr);
      doc.chart = chart_rc == CC_OK;
      doc.alt = alt ? alt : "";
      rc = cc_output_file (&out, "facts.txt", write_facts, &doc, err);
    }
  if (rc == CC_OK)
    rc = cc_output_file (&out, "projection.csv", write_projection, &doc, err);
  if (rc == CC_OK && doc.cost != NULL)
    rc = cc_output_file (&out, "cost.csv", write_cost, &doc, err);
  if (rc == CC_OK && alt != NULL)
    rc = cc_output_file (&out, "storage.alt.txt", write_alt, &doc, err);
  if (rc == CC_OK)
    rc = cc_output_file (&out, "story.html", write_page, &doc, err);
  cc_outdir_close (&out);
  if (rc == CC_OK && chart_rc != CC_OK)
    {
      *err = cerr;
      rc = chart_rc;
    }
  free (alt);
  free ((double *) doc.cost);
  cc_case_free (&cs);
  return rc;
}
