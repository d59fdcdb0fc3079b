/* chart_compare.c: scenarios side by side (compare.svg), small multiples:
 * the term value and NPV, each contract year, each driver over the term
 * and each driver's usage in its own unit, one bar per scenario at its P50
 * with a whisker from its P10 to its P90. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

typedef struct
{
  cc_chart_text text;
  const cc_chart_compare *c;
} compare_state;

/* Panel P's numbers as datablock $C<P>: per group and scenario the bar's
   x, P50, P10, P90 and colour (one line; "NaN" where there is none). */
static void
put_panel (FILE *fp, const cc_chart_compare *c, size_t p, double width)
{
  const cc_chart_cmp_panel *pn = &c->panel[p];
  size_t g, s;
  fprintf (fp, "$C%zu << EOD\n", p);
  for (g = 0; g < pn->ngroup; g++)
    for (s = 0; s < c->n; s++)
      {
        double x = (double) g + ((double) s - (double) (c->n - 1) / 2) * width;
        fprintf (fp, " %.6f", x);
        if (isnan (pn->p50[g][s]))
          fputs (" NaN NaN NaN", fp);
        else
          fprintf (fp, " %.17g %.17g %.17g", pn->p50[g][s], pn->p10[g][s],
                   pn->p90[g][s]);
        fprintf (fp, " %ld\n", strtol (cc_palette_colour (CC_PALETTE_VALUE,
                                                          s) + 1, NULL, 16));
      }
  fputs ("EOD\n", fp);
}

/* The labels: scenarios from 9, then each panel's title and groups. */
static void
put_labels (cc_gp *gp, const cc_chart_frame *fr, const cc_chart_compare *c,
            size_t *first)
{
  const char *extra[CC_CMP_CHART_SCENARIOS
                    + CC_CMP_CHART_PANELS * (1 + CC_CMP_CHART_GROUPS)];
  size_t k = 0, p, g;
  for (k = 0; k < c->n; k++)
    extra[k] = c->scenario[k];
  for (p = 0; p < c->npanel; p++)
    {
      first[p] = 9 + k;
      extra[k++] = c->panel[p].title;
      for (g = 0; g < c->panel[p].ngroup; g++)
        extra[k++] = c->panel[p].group[g];
    }
  cc_chart_labels (gp, fr, "", extra, k);
}

static void
compare_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const compare_state *st = state;
  const cc_chart_compare *c = st->c;
  cc_chart_frame fr = cc_chart_frame_of (&st->text, o);
  FILE *fp = cc_gp_stream (gp), *pl;
  size_t first[CC_CMP_CHART_PANELS], p, g, s, cols, rows;
  double width = 0.8 / (double) c->n;
  char *plot = NULL;
  size_t len = 0;

  put_labels (gp, &fr, c, first);
  for (p = 0; p < c->npanel; p++)
    put_panel (fp, c, p, width);
  if ((pl = open_memstream (&plot, &len)) == NULL)
    return;
  cols = c->npanel <= 4 ? 2 : 3;
  rows = (c->npanel + cols - 1) / cols;
  fprintf (pl, "set multiplot layout %zu,%zu title $LBL[1][2:].\"\\n\"."
           "$LBL[2][2:] font ',13' margins 0.07,0.98,0.12,0.85 "
           "spacing 0.07,0.16\n", rows, cols);
  for (p = 0; p < c->npanel; p++)
    {
      const cc_chart_cmp_panel *pn = &c->panel[p];
      fprintf (pl, "set title $LBL[%zu][2:] font ',10'\n"
               "set xrange [-0.6:%zu.6]\nset xtics (", first[p],
               pn->ngroup - 1);
      for (g = 0; g < pn->ngroup; g++)
        fprintf (pl, "%s$LBL[%zu][2:] %zu", g ? ", " : "", first[p] + 1 + g,
                 g);
      fprintf (pl, ") font ',8'\nset boxwidth %.4f\n", width * 0.9);
      /* The key once: on the last panel, in the grid's empty cells
         beside it, or above the panels when the grid is full. */
      if (p + 1 < c->npanel)
        fputs ("unset key\n", pl);
      else if (c->npanel % cols != 0)
        fprintf (pl, "set key vertical at screen %.3f, screen %.3f left top "
                 "font ',10'\n", 0.07 + 0.91 * (double) (c->npanel % cols)
                 / (double) cols + 0.05, 0.12 + 0.5 / (double) rows);
      else
        fputs ("set key horizontal maxrows 1 at screen 0.5, screen 0.875 "
               "center font ',9'\n", pl);
      /* One plot element per scenario, for the key. */
      fputs ("plot ", pl);
      for (s = 0; s < c->n; s++)
        fprintf (pl, "%s$C%zu every %zu::%zu using 1:2:5 with boxes "
                 "lc rgb variable title $LBL[%zu][2:]", s ? ", " : "", p,
                 c->n, s, 9 + s);
      fprintf (pl, ", $C%zu using 1:2:3:4 with yerrorbars pt -1 lc rgb '"
               CC_RGB_BORDER "' notitle\n", p);
      if (p == 0)
        fputs ("unset label 91\nunset label 92\n", pl);
    }
  fputs ("unset multiplot", pl);
  fclose (pl);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fputs ("unset title\nset style fill solid 0.85 noborder\n"
         "set yrange [0:*]\nset ytics font ',7'\nset format y '%.0s%c'\n"
         "set xtics nomirror rotate by -30\n", fp);
  if (plot != NULL)
    cc_gp_render (gp, plot, &fr.out);
  free (plot);
}

static void
compare_free (void *state)
{
  free (state);
}

static int
compare_prepare (const cc_chart_data *d, void **state, int *draw,
                 cc_err *err)
{
  compare_state *s;
  if (d->compare == NULL)
    return CC_OK;
  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  s->c = d->compare;
  cc_label_printf (s->text.title, sizeof s->text.title, "%s",
                   d->compare->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle, "%s",
                   d->compare->subtitle);
  cc_label_printf (s->text.source, sizeof s->text.source, "%s",
                   d->compare->source);
  *draw = d->compare->npanel > 0 && d->compare->n > 0;
  return CC_OK;
}

/* Each panel's P50s in words, scenario by scenario. */
static void
compare_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_chart_compare *c = ((const compare_state *) state)->c;
  size_t p, g, s;
  char a[64];
  (void) d;
  fprintf (fp, "Bar charts, one bar per scenario (");
  for (s = 0; s < c->n; s++)
    fprintf (fp, "%s%s", s ? ", " : "", c->scenario[s]);
  fputs ("), each at its P50 with a whisker from P10 to P90.", fp);
  for (p = 0; p < c->npanel; p++)
    {
      fprintf (fp, " %s:", c->panel[p].title);
      for (g = 0; g < c->panel[p].ngroup; g++)
        {
          fprintf (fp, "%s %s", g ? ";" : "", c->panel[p].group[g]);
          for (s = 0; s < c->n; s++)
            {
              if (isnan (c->panel[p].p50[g][s]))
                snprintf (a, sizeof a, "n/a");
              else
                cc_amount_words (c->panel[p].p50[g][s], a, sizeof a);
              fprintf (fp, "%s %s", s ? "," : "", a);
            }
        }
      fputc ('.', fp);
    }
}

const cc_chart_kind cc_chart_kind_compare = {
  .stem = "compare",
  .title = "Scenarios side by side",
  .group = CC_CHARTS_COMPARE,
  .preview = 0,
  .prepare = compare_prepare,
  .draw = compare_draw,
  .alt = compare_alt,
  .free = compare_free
};
