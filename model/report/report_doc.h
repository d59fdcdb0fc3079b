/* report_doc.h: the documents a run ends in: report.md, report.html (one
 * self-contained file: charts inlined as data: URIs with alt text, no
 * external requests), and the value facts a reporter can quote.  The
 * charts' alt text comes from their kinds (plots/registry.h). */
#ifndef CC_REPORT_DOC_H
#define CC_REPORT_DOC_H

#include <stdio.h>

#include "report/report.h"
#include "value/value.h"
#include "value/valuecase.h"

/* A chart the documents show (the run fills these from plots/registry.h). */
typedef struct
{
  const char *name;        /* file stem: "storage" -> storage.png, .svg */
  const char *title;
  const char *alt;         /* its alt text */
  int drawn;               /* the chart files exist */
  int storage;             /* illustrates reported storage, not the value */
} cc_doc_chart;

typedef struct
{
  const cc_case_view *storage;   /* NULL when no driver has reported data */
  const cc_valuecase *vc;
  const cc_value_result *vr;
  const char *dir;               /* output directory (SVGs for the HTML) */
  size_t nchart;
  const cc_doc_chart *chart;     /* in the order shown */
  const char *chart_note;        /* why charts are missing, or NULL */
} cc_doc;

/* The value sentences for facts.txt. */
int cc_report_value_facts (FILE *fp, const cc_valuecase *c,
                           const cc_value_result *r);

int cc_report_md (FILE *fp, const cc_doc *doc);
int cc_report_html (FILE *fp, const cc_doc *doc);

#endif
