/* chart_value.c: contract-value charts: spend by family, cumulative value
 * with its band, tornado of drivers, cross-cloud bars. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "timeutil.h"

static const char *const palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
  "#F0E442", "#000000"
};
#define NPAL (sizeof palette / sizeof palette[0])

/* The labels every chart has: 1 title, 2 subtitle, 3 source, 4 PNG path,
 * 5 SVG path, then chart-specific ones from 6. */
static void
labels (cc_gp *gp, const cc_chart_frame *fr, const char *const *extra,
        size_t nextra)
{
  const char **l = calloc (5 + nextra, sizeof *l);
  size_t i;
  if (l == NULL)
    return;
  l[0] = fr->title;
  l[1] = fr->subtitle ? fr->subtitle : "";
  l[2] = fr->source ? fr->source : "";
  l[3] = fr->png ? fr->png : "";
  l[4] = fr->svg ? fr->svg : "";
  for (i = 0; i < nextra; i++)
    l[5 + i] = extra[i];
  cc_gp_labels (gp, "$LBL", l, 5 + nextra);
  free (l);
}

static void
frame (FILE *fp)
{
  fputs ("reset\nset termoption noenhanced\nset encoding utf8\n"
         "set title $LBL[1][2:].\"\\n\".$LBL[2][2:] font ',13'\n"
         "set label 91 $LBL[3][2:] at screen 0.01, screen 0.02 left "
         "font ',8' tc rgb '#555555'\n"
         "set border 3 lc rgb '#444444'\nset tics nomirror\n"
         "set lmargin 14\nset rmargin 6\nset tmargin 5\nset bmargin 6\n"
         "set grid ytics lc rgb '#dddddd'\n"
         "set format y \"%'.0f\"\nset decimalsign '.'\n", fp);
}

static void
month_date (char *buf, size_t size, long month)
{
  snprintf (buf, size, "%04ld-%02ld-15", month / 12, month % 12 + 1);
}

static void
time_axis (FILE *fp)
{
  fputs ("set xdata time\nset timefmt '%Y-%m-%d'\nset format x \"%b\\n%Y\"\n"
         "set grid xtics lc rgb '#dddddd'\n", fp);
}

static int
png_idx (const cc_chart_frame *fr)
{
  return fr->png ? 4 : 0;
}

static int
svg_idx (const cc_chart_frame *fr)
{
  return fr->svg ? 5 : 0;
}

void
cc_chart_spend_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_spend *c)
{
  FILE *fp = cc_gp_stream (gp);
  char d[32], plot[4096];
  size_t f, o = 0;
  int mo;

  labels (gp, fr, c->family, c->nfamily);
  /* Columns: date, then the running sum of families 1..k, so each family
     fills between its column and the one before. */
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      double run = 0;
      month_date (d, sizeof d, c->start_month + mo);
      fprintf (fp, " %s 0", d);
      for (f = 0; f < c->nfamily; f++)
        {
          run += c->p50[(size_t) mo * c->nfamily + f];
          fprintf (fp, " %.17g", run);
        }
      fputc ('\n', fp);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  frame (fp);
  time_axis (fp);
  fprintf (fp, "set ylabel '%s per month (median)'\n", c->currency);
  fputs ("set key top left reverse Left opaque box lc rgb '#cccccc'\n"
         "set style fill solid 0.85 noborder\n", fp);
  o += (size_t) snprintf (plot + o, sizeof plot - o, "plot");
  for (f = c->nfamily; f-- > 0;)
    o += (size_t) snprintf (plot + o, sizeof plot - o,
                            "%s $DATA using 1:%zu:%zu with filledcurves "
                            "lc rgb '%s' title $LBL[%zu][2:]",
                            f + 1 < c->nfamily ? "," : "", f + 2, f + 3,
                            palette[f % NPAL], 6 + f);
  cc_gp_render (gp, plot, png_idx (fr), svg_idx (fr));
}

void
cc_chart_cumulative_draw (cc_gp *gp, const cc_chart_frame *fr,
                          const cc_chart_cumulative *c)
{
  FILE *fp = cc_gp_stream (gp);
  static const char *const extra[] = { "P10 to P90", "median (P50)" };
  char d[32];
  int mo;

  labels (gp, fr, extra, 2);
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      month_date (d, sizeof d, c->start_month + mo);
      fprintf (fp, " %s %.17g %.17g %.17g\n", d, c->p10[mo], c->p50[mo],
               c->p90[mo]);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  frame (fp);
  time_axis (fp);
  fprintf (fp, "set ylabel 'cumulative %s'\n", c->currency);
  fputs ("set key top left reverse Left opaque box lc rgb '#cccccc'\n"
         "set style fill transparent solid 0.35 noborder\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:4 with filledcurves lc rgb '#56B4E9' "
                "title $LBL[6][2:], $DATA using 1:3 with lines lw 2.5 "
                "lc rgb '#0072B2' title $LBL[7][2:]",
                png_idx (fr), svg_idx (fr));
}

void
cc_chart_tornado_draw (cc_gp *gp, const cc_chart_frame *fr,
                       const cc_chart_tornado *c)
{
  FILE *fp = cc_gp_stream (gp);
  size_t i, n = c->nbar < 12 ? c->nbar : 12;
  static const char *const fixed[] = { "assumption at its P10",
                                       "assumption at its P90" };
  const char **extra = calloc (n + 2, sizeof *extra);

  if (extra == NULL)
    return;
  extra[0] = fixed[0];
  extra[1] = fixed[1];
  for (i = 0; i < n; i++)
    extra[2 + i] = c->name[i];
  labels (gp, fr, extra, n + 2);
  free (extra);
  /* Row i (from the top): y, total at P10, total at P90. */
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < n; i++)
    fprintf (fp, " %zu %.17g %.17g\n", n - i, c->low[i], c->high[i]);
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  frame (fp);
  fputs ("unset grid\nset grid xtics lc rgb '#dddddd'\n"
         "set format x \"%'.0f\"\nset format y '%g'\n"
         "set lmargin 34\nset style fill solid 0.85 noborder\n"
         "set key bottom right opaque box lc rgb '#cccccc'\n", fp);
  fprintf (fp, "set yrange [0.3:%zu.7]\nset ytics (", n);
  for (i = 0; i < n; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 8 + i, n - i);
  fputs (")\n", fp);
  fprintf (fp, "set xlabel 'term total, %s (the rest at their medians)'\n",
           c->currency);
  fprintf (fp, "set arrow 1 from %.17g, graph 0 to %.17g, graph 1 nohead "
           "lc rgb '#444444' dt 2 front\n", c->median, c->median);
  fprintf (fp, "med = %.17g\n", c->median);
  cc_gp_render (gp,
                "plot $DATA using (($2+med)/2):1:(abs($2-med)/2):(0.35) "
                "with boxxyerror lc rgb '#0072B2' title $LBL[6][2:], "
                "$DATA using (($3+med)/2):1:(abs($3-med)/2):(0.35) "
                "with boxxyerror lc rgb '#E69F00' title $LBL[7][2:]",
                png_idx (fr), svg_idx (fr));
}

void
cc_chart_cross_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_cross *c)
{
  FILE *fp = cc_gp_stream (gp);
  size_t i;

  labels (gp, fr, c->provider, c->nprovider);
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, " %zu %.17g\n", i, c->total[i]);
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  frame (fp);
  fputs ("set style fill solid 0.85 noborder\nset boxwidth 0.6\n"
         "unset key\nset yrange [0:*]\n", fp);
  fprintf (fp, "set ylabel 'term total, %s (median assumptions)'\n",
           c->currency);
  fprintf (fp, "set xrange [-0.6:%zu.6]\nset xtics (", c->nprovider - 1);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 6 + i, i);
  fputs (")\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:($1+1) with boxes lc variable, "
                "$DATA using 1:2:(sprintf(\"%'.0f\", $2)) with labels "
                "offset 0,1 font ',10'",
                png_idx (fr), svg_idx (fr));
}
