/* chart_fit.c: fitted growth: the fan chart (median with prediction bands)
 * and the model comparison (every converged model over the data). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/charts.h"

static const char *const palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
  "#000000", "#999999", "#F0E442"
};
#define NPAL (sizeof palette / sizeof palette[0])

/* Labels as cc_chart_labels; 9 is "data", then the chart's own from 10. */
static void
send_labels (cc_gp *gp, const cc_chart_frame *fr, const char *axis,
             const char *const *extra, size_t nextra)
{
  const char **l = calloc (1 + nextra, sizeof *l);
  size_t i;
  if (l == NULL)
    return;
  l[0] = "data";
  for (i = 0; i < nextra; i++)
    l[1 + i] = extra[i];
  cc_chart_labels (gp, fr, axis, l, 1 + nextra);
  free (l);
}

static void
common (FILE *fp)
{
  cc_chart_setup (fp);
  fputs ("set grid xtics lc rgb '#dddddd'\n"
         "set xdata time\nset timefmt '%Y-%m-%d'\nset format x \"%b\\n%Y\"\n"
         "set key top left reverse Left opaque box lc rgb '#cccccc'\n", fp);
}

/* " YYYY-MM-15" for a month index: mid-month, as a data line starts. */
static void
put_month (FILE *fp, long month)
{
  fprintf (fp, " %04ld-%02ld-15", month / 12, month % 12 + 1);
}

void
cc_chart_fan_draw (cc_gp *gp, const cc_chart_frame *fr, const cc_chart_fan *c)
{
  FILE *fp = cc_gp_stream (gp);
  char lvl[2][64];
  const char *extra[3];
  size_t i;

  snprintf (lvl[0], sizeof lvl[0], "%g%% prediction band", c->level_hi);
  snprintf (lvl[1], sizeof lvl[1], "%g%% prediction band", c->level_lo);
  extra[0] = lvl[0];
  extra[1] = lvl[1];
  extra[2] = "median";
  send_labels (gp, fr, c->unit, extra, 3);
  fputs ("$HIST << EOD\n", fp);
  for (i = 0; i < c->n; i++)
    {
      put_month (fp, c->month[i]);
      fprintf (fp, " %.17g\n", c->y[i]);
    }
  fputs ("EOD\n$FAN << EOD\n", fp);
  for (i = 0; i < c->h; i++)
    {
      put_month (fp, c->fmonth[i]);
      fprintf (fp, " %.17g %.17g %.17g %.17g %.17g\n", c->lo_wide[i],
               c->lo_narrow[i], c->median[i], c->hi_narrow[i], c->hi_wide[i]);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  common (fp);
  fputs ("set style fill transparent solid 0.3 noborder\n", fp);
  cc_gp_render (gp,
                "plot $FAN using 1:2:6 with filledcurves lc rgb '#56B4E9' "
                "title $LBL[10][2:], $FAN using 1:3:5 with filledcurves "
                "lc rgb '#0072B2' title $LBL[11][2:], $FAN using 1:4 with "
                "lines lw 2.5 lc rgb '#0072B2' title $LBL[12][2:], $HIST "
                "using 1:2 with points pt 7 ps 0.9 lc rgb '#000000' "
                "title $LBL[9][2:]",
                &fr->out, 4);
}

void
cc_chart_models_draw (cc_gp *gp, const cc_chart_frame *fr,
                      const cc_chart_models *c)
{
  FILE *fp = cc_gp_stream (gp);
  char plot[4096];
  size_t i, k, o = 0;

  send_labels (gp, fr, c->unit, c->label, c->nmodel);
  fputs ("$HIST << EOD\n", fp);
  for (i = 0; i < c->n; i++)
    {
      put_month (fp, c->month[i]);
      fprintf (fp, " %.17g\n", c->y[i]);
    }
  fputs ("EOD\n$CURVE << EOD\n", fp);
  for (k = 0; k < c->nmodel; k++)
    {
      if (k > 0)
        fputs ("\n\n", fp);
      for (i = 0; i < c->h; i++)
        {
          double v = c->curve[k * c->h + i];
          put_month (fp, c->cmonth[i]);
          if (isfinite (v))
            fprintf (fp, " %.17g\n", v);
          else
            fputs (" NaN\n", fp);
        }
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  common (fp);
  if (c->ymax > 0)
    fprintf (fp, "set yrange [0:%.17g]\n", c->ymax);
  o += (size_t) snprintf (plot + o, sizeof plot - o,
                          "plot $HIST using 1:2 with points pt 7 ps 0.9 "
                          "lc rgb '#000000' title $LBL[9][2:]");
  for (k = 0; k < c->nmodel && o < sizeof plot; k++)
    o += (size_t) snprintf (plot + o, sizeof plot - o,
                            ", $CURVE index %zu using 1:2 with lines lw %s "
                            "lc rgb '%s' dt %d title $LBL[%zu][2:]", k,
                            (long) k == c->selected ? "3" : "1.6",
                            palette[k % NPAL], (long) k == c->selected ? 1 : 2,
                            10 + k);
  cc_gp_render (gp, plot, &fr->out, 4);
}
