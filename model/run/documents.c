/* documents.c: what a run ends in: every chart's alt text (STEM.alt.txt),
 * report.md and report.html (model/report/report_doc.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_doc.h"
#include "run/run.h"

int
cc_run_write_alt (FILE *fp, const void *arg)
{
  fprintf (fp, "%s\n", (const char *) arg);
  return ferror (fp) ? -1 : 0;
}

static int
write_md (FILE *fp, const void *arg)
{
  return cc_report_md (fp, arg);
}

static int
write_html (FILE *fp, const void *arg)
{
  return cc_report_html (fp, arg);
}

int
cc_run_documents (const cc_run_result *r, const char *chart_note,
                  const cc_output *out, cc_err *err)
{
  const cc_chartset *set = &r->charts;
  cc_doc_chart *charts = calloc (set->n + 1, sizeof *charts);
  cc_doc doc;
  char name[256];
  size_t i;
  int rc = CC_OK;

  if (charts == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < set->n; i++)
    {
      const cc_chart *c = &set->chart[i];
      charts[i].name = c->kind->stem;
      charts[i].title = c->kind->title;
      charts[i].alt = c->alt;
      charts[i].drawn = c->drawn;
      charts[i].storage = c->kind->group == CC_CHARTS_STORAGE;
    }
  for (i = 0; rc == CC_OK && i < set->n; i++)
    {
      snprintf (name, sizeof name, "%s.alt.txt", charts[i].name);
      rc = cc_output_file (out, name, cc_run_write_alt, charts[i].alt, err);
    }
  memset (&doc, 0, sizeof doc);
  doc.storage = r->has_storage ? &r->storage.view : NULL;
  doc.vc = r->vc;
  doc.vr = r->vr;
  doc.dir = out->dir;
  doc.nchart = set->n;
  doc.chart = charts;
  doc.chart_note = chart_note;
  if (rc == CC_OK)
    rc = cc_output_file (out, "report.md", write_md, &doc, err);
  if (rc == CC_OK)
    rc = cc_output_file (out, "report.html", write_html, &doc, err);
  free (charts);
  return rc;
}
