/* registry.h: every chart cloudcast draws, one entry per kind, and the
 * set of charts one command draws.
 *
 * A kind knows its file stem, its title, how to prepare its numbers and
 * words from a run's results, how to draw them (one gnuplot process draws
 * every chart of a run) and how to describe them in alt text.  Adding a
 * chart is one file plots/chart_NAME.c defining cc_chart_kind_NAME and one
 * line in CC_CHART_KINDS (plots/registry.c).  The report documents list
 * the charts in registry order. */
#ifndef CC_REGISTRY_H
#define CC_REGISTRY_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "core/output.h"
#include "plots/charts.h"
#include "plots/gnuplot.h"
#include "reported/case.h"
#include "value/value.h"
#include "value/valuecase.h"

/* What the charts are drawn from: a run's results. */
typedef struct
{
  const cc_case_view *storage;          /* NULL: no storage story */
  const cc_driver_price *storage_price; /* the storage driver's pricing */
  const char *storage_title;            /* the storage driver's title */
  const unsigned char *storage_shown;   /* per named scenario: drawn */
  int storage_scale;                    /* CC_AXIS_ (value/valuecase.h) */
  const cc_valuecase *vc;
  const cc_value_result *vr;
  const cc_chart_compare *compare;      /* cloudcast compare; else NULL */
} cc_chart_data;

/* Which charts a command draws (a kind belongs to one group). */
enum
{
  CC_CHARTS_STORAGE = 1,   /* the storage story (report: reported storage) */
  CC_CHARTS_VALUE = 2,     /* the contract value (report: contract value) */
  CC_CHARTS_FIT = 4,       /* a fitted driver (report: contract value) */
  CC_CHARTS_ALL = 7,
  CC_CHARTS_COMPARE = 8    /* scenarios side by side (cloudcast compare) */
};

typedef struct
{
  const char *stem;    /* file stem: "storage" -> storage.svg, .alt.txt */
  const char *title;   /* what it shows, in a few words */
  unsigned group;      /* one of the CC_CHARTS_ bits */
  int preview;         /* run --preview prints it as text */
  /* Prepare the chart from D into *STATE, the kind's own struct.  CC_OK
     with *STATE NULL: this run has no such chart.  *DRAW 0: the chart is
     listed (its alt text written) but has nothing to draw. */
  int (*prepare) (const cc_chart_data *d, void **state, int *draw,
                  cc_err *err);
  /* Send the chart to GP, rendering it to O. */
  void (*draw) (cc_gp *gp, const void *state, const cc_gp_outputs *o);
  /* Its alt text from the numbers, into BUF. */
  void (*alt) (const cc_chart_data *d, const void *state, FILE *fp);
  void (*free) (void *state);
} cc_chart_kind;

/* Every kind, in report order. */
extern const cc_chart_kind *const cc_chart_registry[];
extern const size_t cc_chart_nkind;

/* One chart of a set. */
typedef struct
{
  const cc_chart_kind *kind;
  void *state;
  int draw;                     /* it has something to draw */
  int drawn;                    /* its files are in place */
  char *alt;                    /* whole, however long its labels */
  char *svg_title;              /* the SVG's <title>: "SCENARIO TITLE:
                                   kind title", not gnuplot's "Gnuplot" */
  cc_outfile file[CC_GP_NFMT];  /* while drawing; tmp NULL: not wanted */
} cc_chart;

/* The charts one command draws. */
typedef struct
{
  size_t n;
  cc_chart *chart;        /* registry order */
  char *preview;          /* the preview chart as text (cc_charts_draw) */
} cc_chartset;

/* Prepare the charts of GROUPS that D has, with their alt text. */
int cc_charts_prepare (cc_chartset *set, const cc_chart_data *d,
                       unsigned groups, cc_err *err);

/* Draw every chart that has something to draw into OUT->dir as STEM.EXT,
 * in the formats WANT[CC_GP_PNG .. CC_GP_PDF], all in one gnuplot process;
 * with PREVIEW also the preview kind as text into set->preview (no file
 * kept).  Files appear only after gnuplot has finished well (OUT's
 * notifier is told of each, in registry order); otherwise none does, and
 * CC_EUNAVAIL (gnuplot missing or failing) or the error is returned. */
int cc_charts_draw (cc_chartset *set, const cc_output *out, const int *want,
                    int preview, cc_err *err);

void cc_charts_free (cc_chartset *set);

/* ---- for the kinds (plots/chart_*.c) ---------------------------------- */

/* A chart's own words, kept in its prepared state. */
typedef struct
{
  char title[256], subtitle[512], source[1024];
} cc_chart_text;

/* The frame of T rendered to O. */
cc_chart_frame cc_chart_frame_of (const cc_chart_text *t,
                                  const cc_gp_outputs *o);

/* The value charts' source line: the scenario's source and price books. */
void cc_chart_value_source (const cc_valuecase *c, cc_chart_text *t);

/* The value charts' subtitle, when the valued provider cannot price a
   driver (so it is not in the charts' figures): "; not priced: Virtual
   machines" appended to T's subtitle. */
void cc_chart_value_not_priced (const cc_valuecase *c, cc_chart_text *t);

/* The first driver with fitted growth (growth = fit), or -1. */
long cc_chart_fitted_driver (const cc_valuecase *c);

#endif
