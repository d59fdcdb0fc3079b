/* chart_quantities.c: usage by contract year (quantities.svg), small
 * multiples: one panel per driver, its quantity in its own unit in the last
 * month of each contract year, the P50 as a line over the P10 to P90 band. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

/* Panels drawn at most (four rows of three). */
#define MAX_PANELS 12

typedef struct
{
  cc_chart_text text;
  size_t npanel, ndriver;
  int nyears;
  const cc_value_result *r;
  const cc_valuecase *c;
} quantities_state;

/* The panels' grid: COLS x ROWS for N panels. */
static void
grid (size_t n, size_t *cols, size_t *rows)
{
  *cols = n <= 1 ? 1 : n <= 4 ? 2 : 3;
  *rows = (n + *cols - 1) / *cols;
}

/* Panel D's numbers as datablock $Q<D>: year, P10, P50, P90; returns the
   largest P90. */
static double
put_panel (FILE *fp, const quantities_state *s, size_t d)
{
  double max = 0;
  int y;
  fprintf (fp, "$Q%zu << EOD\n", d);
  for (y = 0; y < s->nyears; y++)
    {
      const cc_range *q = &s->r->driver_yearly_qty[(size_t) y * s->ndriver
                                                   + d];
      fprintf (fp, " %d %.17g %.17g %.17g\n", y + 1, q->p10, q->p50, q->p90);
      if (q->p90 > max)
        max = q->p90;
    }
  fputs ("EOD\n", fp);
  return max;
}

static void
quantities_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const quantities_state *s = state;
  cc_chart_frame fr = cc_chart_frame_of (&s->text, o);
  FILE *fp = cc_gp_stream (gp), *pl;
  const char **extra = calloc (2 * s->npanel, sizeof *extra);
  char *plot = NULL;
  size_t len = 0, d, cols, rows;

  if (extra == NULL)
    return;
  /* Every word that comes from the scenario goes through $LBL: panel D's
     title is label 9 + 2D, its unit 10 + 2D. */
  for (d = 0; d < s->npanel; d++)
    {
      extra[2 * d] = s->c->model.driver[d].title;
      extra[2 * d + 1] = s->r->quantity_unit[d];
    }
  cc_chart_labels (gp, &fr, "contract year", extra, 2 * s->npanel);
  free (extra);
  if ((pl = open_memstream (&plot, &len)) == NULL)
    return;
  grid (s->npanel, &cols, &rows);
  fprintf (pl, "set multiplot layout %zu,%zu title $LBL[1][2:].\"\\n\"."
           "$LBL[2][2:] font ',13' margins 0.07,0.98,0.13,0.88 "
           "spacing 0.07,0.11\n", rows, cols);
  for (d = 0; d < s->npanel; d++)
    {
      double max = put_panel (fp, s, d);
      fprintf (pl, "set title $LBL[%zu][2:] font ',10'\n"
               "set ylabel $LBL[%zu][2:] font ',9'\n"
               "set yrange [0:%s]\n", 9 + 2 * d, 10 + 2 * d,
               max > 0 ? "*" : "1");
      fprintf (pl, "plot $Q%zu using 1:2:4 with filledcurves lc rgb '"
               CC_RGB_SKY "' notitle, $Q%zu using 1:3 with linespoints lw 2 "
               "pt 7 ps 0.6 lc rgb '" CC_RGB_BLUE "' notitle\n", d, d);
      /* The source line once, under the first panel's drawing. */
      if (d == 0)
        fputs ("unset label 91\nunset label 92\n", pl);
    }
  fputs ("unset multiplot", pl);
  fclose (pl);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fprintf (fp, "unset title\nset key off\nset xrange [0.8:%d.2]\n"
           "set xtics 1 font ',8' format 'year %%g'\nset ytics font ',8'\nset format y '%%.1s%%c'\n"
           "set style fill transparent solid 0.35 noborder\n",
           s->nyears);
  if (plot != NULL)
    cc_gp_render (gp, plot, &fr.out);
  free (plot);
}

static void
quantities_free (void *state)
{
  free (state);
}

static int
quantities_prepare (const cc_chart_data *d, void **state, int *draw,
                    cc_err *err)
{
  const cc_valuecase *c = d->vc;
  const cc_value_result *r = d->vr;
  quantities_state *s;

  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  s->c = c;
  s->r = r;
  s->ndriver = c->model.ndriver;
  s->npanel = s->ndriver < MAX_PANELS ? s->ndriver : MAX_PANELS;
  s->nyears = r->nyears;
  cc_label_printf (s->text.title, sizeof s->text.title,
                   "%s: usage by contract year", c->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle,
                   "Each driver's quantity in the last month of each year: "
                   "P50 line, P10 to P90 band%s",
                   s->npanel < s->ndriver ? " (the first 12 drivers)" : "");
  cc_chart_value_source (c, &s->text);
  *draw = s->npanel > 0 && s->nyears > 0;
  return CC_OK;
}

static void
quantities_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const quantities_state *s = state;
  size_t i, D = d->vc->model.ndriver;
  int last = d->vr->nyears - 1;

  if (last == 0)
    fprintf (fp, "Small multiples of %zu drivers' usage at the end of the "
             "one contract year, P50 with a P10 to P90 band.", s->npanel);
  else
    fprintf (fp, "Small multiples of %zu drivers' usage at the end of each "
             "of %d contract years, P50 with a P10 to P90 band.", s->npanel,
             d->vr->nyears);
  for (i = 0; i < s->npanel && last >= 0; i++)
    {
      const cc_range *a = &d->vr->driver_yearly_qty[i];
      const cc_range *b = &d->vr->driver_yearly_qty[(size_t) last * D + i];
      char x[64], y[64];
      cc_sig_words (a->p50, 3, x, sizeof x);
      cc_sig_words (b->p50, 3, y, sizeof y);
      if (last == 0)
        fprintf (fp, " %s (%s): %s.", d->vc->model.driver[i].title,
                 d->vr->quantity_unit[i], y);
      else
        fprintf (fp, " %s (%s): %s to %s.", d->vc->model.driver[i].title,
                 d->vr->quantity_unit[i], x, y);
    }
}

const cc_chart_kind cc_chart_kind_quantities = {
  .stem = "quantities",
  .title = "Usage by contract year",
  .group = CC_CHARTS_VALUE,
  .preview = 0,
  .prepare = quantities_prepare,
  .draw = quantities_draw,
  .alt = quantities_alt,
  .free = quantities_free
};
