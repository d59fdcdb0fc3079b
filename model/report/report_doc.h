/* report_doc.h: the documents a run ends in: report.md, report.html (one
 * self-contained file: charts inlined as data: URIs with alt text, no
 * external requests), the alt text of every chart, and the value facts a
 * reporter can quote. */
#ifndef CC_REPORT_DOC_H
#define CC_REPORT_DOC_H

#include <stdio.h>

#include "report/report.h"
#include "value/value.h"
#include "value/valuecase.h"

typedef struct
{
  const char *name;        /* file stem: "storage" -> storage.png, .svg */
  const char *title;
  char alt[768];
  int drawn;               /* the chart files exist */
} cc_doc_chart;

typedef struct
{
  const cc_case_view *storage;   /* NULL when no driver has reported data */
  const double *storage_cost;    /* nscn x months */
  const char *storage_sku;
  const cc_valuecase *vc;
  const cc_value_result *vr;
  const char *dir;               /* output directory (SVGs for the HTML) */
  size_t nchart;
  cc_doc_chart chart[8];
  const char *chart_note;        /* why charts are missing, or NULL */
} cc_doc;

/* Fill the alt text of every chart in DOC from the numbers. */
void cc_doc_alt (cc_doc *doc);

/* The value sentences for facts.txt. */
int cc_report_value_facts (FILE *fp, const cc_valuecase *c,
                           const cc_value_result *r);

int cc_report_md (FILE *fp, const cc_doc *doc);
int cc_report_html (FILE *fp, const cc_doc *doc);

#endif
