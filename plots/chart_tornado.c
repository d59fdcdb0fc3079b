/* chart_tornado.c: what moves the total (tornado.svg): each uncertain
 * assumption's term total at its P10 and P90, the rest at their medians. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

/* Bars drawn at most. */
#define MAX_BARS 12

void
cc_chart_tornado_draw (cc_gp *gp, const cc_chart_frame *fr,
                       const cc_chart_tornado *c)
{
  FILE *fp = cc_gp_stream (gp);
  size_t i, n = c->nbar < MAX_BARS ? c->nbar : MAX_BARS;
  static const char *const fixed[] = { "assumption at its P10",
                                       "assumption at its P90",
                                       "every assumption at its median" };
  const char **extra = calloc (n + 3, sizeof *extra);
  char axis[160];
  double max = c->median, div;

  if (extra == NULL)
    return;
  for (i = 0; i < n; i++)
    max = fmax (max, fmax (c->low[i], c->high[i]));
  div = cc_chart_money_axis (max, c->currency,
                             "term total, the rest at their medians", axis,
                             sizeof axis);
  for (i = 0; i < 3; i++)
    extra[i] = fixed[i];
  for (i = 0; i < n; i++)
    extra[3 + i] = c->name[i];
  cc_chart_labels (gp, fr, axis, extra, n + 3);
  free (extra);
  /* Row i (from the top): y, total at P10, total at P90. */
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < n; i++)
    fprintf (fp, " %zu %.17g %.17g\n", n - i, c->low[i] / div,
             c->high[i] / div);
  fputs ("EOD\n", fp);
  /* The reference line: a plotted line of its own, dashed in every
     format (an arrow in the border's colour joins the border's path in
     SVG and loses its dashes). */
  fprintf (fp, "$MED << EOD\n %.17g 0.3\n %.17g %zu.7\nEOD\n",
           c->median / div, c->median / div, n);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fputs ("unset grid\nset grid xtics lc rgb '" CC_RGB_GRID "'\n"
         "set format x '%g'\nset format y '%g'\nunset ylabel\n"
         "set xlabel $LBL[8][2:]\n"
         "set lmargin 34\nset style fill solid 0.85 noborder\n"
         "set key bottom right opaque box lc rgb '" CC_RGB_KEYBOX "'\n", fp);
  fprintf (fp, "set yrange [0.3:%zu.7]\nset ytics (", n);
  for (i = 0; i < n; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 12 + i, n - i);
  fputs (")\n", fp);
  fprintf (fp, "med = %.17g\n", c->median / div);
  cc_gp_render (gp,
                "plot $DATA using (($2+med)/2):1:(abs($2-med)/2):(0.35) "
                "with boxxyerror lc rgb '" CC_RGB_BLUE "' title $LBL[9][2:], "
                "$DATA using (($3+med)/2):1:(abs($3-med)/2):(0.35) "
                "with boxxyerror lc rgb '" CC_RGB_ORANGE "' title $LBL[10][2:], "
                "$MED using 1:2 with lines lw 1.5 dt (8,5) lc rgb '"
                CC_RGB_BORDER "' title $LBL[11][2:]", &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  const char *name[MAX_BARS];
  double low[MAX_BARS], high[MAX_BARS];
  cc_chart_tornado to;
} tornado_state;

static void
tornado_free (void *state)
{
  free (state);
}

static int
tornado_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *c = d->vc;
  const cc_value_result *r = d->vr;
  size_t i, n = r->nbar < MAX_BARS ? r->nbar : MAX_BARS;
  tornado_state *s;

  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  for (i = 0; i < n; i++)
    {
      s->name[i] = r->bar[i].label;
      s->low[i] = r->bar[i].total_low;
      s->high[i] = r->bar[i].total_high;
    }
  cc_label_printf (s->text.title, sizeof s->text.title, "%s: what moves the total",
            c->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle, "Each assumption at "
            "its P10 and P90, the rest at their medians (dashed line: all "
            "at medians)");
  cc_chart_value_source (c, &s->text);
  cc_chart_value_not_priced (c, &s->text);
  s->to.nbar = n;
  s->to.name = s->name;
  s->to.low = s->low;
  s->to.high = s->high;
  s->to.median = r->median_total;
  s->to.currency = c->currency;
  /* With no uncertain assumption there is no tornado to draw. */
  *draw = n > 0;
  return CC_OK;
}

static void
tornado_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const tornado_state *s = state;
  cc_chart_frame fr = cc_chart_frame_of (&s->text, o);
  cc_chart_tornado_draw (gp, &fr, &s->to);
}

static void
tornado_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_value_result *r = d->vr;
  char a[64];

  if (r->nbar == 0)
    return;
  cc_amount_words (r->bar[0].swing, a, sizeof a);
  fprintf (fp,
            "Tornado chart of %zu assumptions, each moved to its P10 and P90 "
            "with the rest at their medians. The largest swing is %s (%s), "
            "%s %s%s%s.", r->nbar, r->bar[0].label, r->bar[0].spec, a,
            d->vc->currency, r->nbar > 1 ? "; next is " : "",
            r->nbar > 1 ? r->bar[1].label : "");
}

const cc_chart_kind cc_chart_kind_tornado = {
  .stem = "tornado",
  .title = "What moves the total",
  .group = CC_CHARTS_VALUE,
  .preview = 0,
  .prepare = tornado_prepare,
  .draw = tornado_draw,
  .alt = tornado_alt,
  .free = tornado_free
};
