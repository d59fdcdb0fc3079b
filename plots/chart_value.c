/* chart_value.c: contract-value charts: spend by family, cumulative value
 * with its band, tornado of drivers, cross-cloud bars. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/charts.h"
#include "core/timeutil.h"

static const char *const palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
  "#F0E442", "#000000"
};
#define NPAL (sizeof palette / sizeof palette[0])

/* Money axes in plain units, thousands, millions or billions. */
static double
money_scale (double max, const char *currency, const char *what, char *axis,
             size_t size)
{
  static const struct { double div; const char *name; } s[] = {
    { 1e9, "billions" }, { 1e6, "millions" }, { 1e3, "thousands" }
  };
  size_t i;
  for (i = 0; i < 3; i++)
    if (max >= s[i].div)
      {
        snprintf (axis, size, "%s, %s %s", what, currency, s[i].name);
        return s[i].div;
      }
  snprintf (axis, size, "%s, %s", what, currency);
  return 1;
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

/* Output paths sit at $LBL lines 4 to 7. */
#define OUT_LBL 4

void
cc_chart_spend_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_spend *c)
{
  FILE *fp = cc_gp_stream (gp);
  char d[32], plot[4096], axis[128];
  size_t f, o = 0;
  int mo;
  double max = 0, div, run;

  for (mo = 0; mo < c->months; mo++)
    {
      for (f = 0, run = 0; f < c->nfamily; f++)
        run += c->p50[(size_t) mo * c->nfamily + f];
      max = fmax (max, run);
    }
  div = money_scale (max, c->currency, "per month (median)", axis, sizeof axis);
  cc_chart_labels (gp, fr, axis, c->family, c->nfamily);
  /* Columns: date, then the running sum of families 1..k, so each family
     fills between its column and the one before. */
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      run = 0;
      month_date (d, sizeof d, c->start_month + mo);
      fprintf (fp, " %s 0", d);
      for (f = 0; f < c->nfamily; f++)
        {
          run += c->p50[(size_t) mo * c->nfamily + f];
          fprintf (fp, " %.17g", run / div);
        }
      fputc ('\n', fp);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  time_axis (fp);
  fputs ("set key top left reverse Left opaque box lc rgb '#cccccc'\n"
         "set style fill solid 0.85 noborder\n", fp);
  o += (size_t) snprintf (plot + o, sizeof plot - o, "plot");
  for (f = c->nfamily; f-- > 0;)
    o += (size_t) snprintf (plot + o, sizeof plot - o,
                            "%s $DATA using 1:%zu:%zu with filledcurves "
                            "lc rgb '%s' title $LBL[%zu][2:]",
                            f + 1 < c->nfamily ? "," : "", f + 2, f + 3,
                            palette[f % NPAL], 9 + f);
  cc_gp_render (gp, plot, &fr->out, OUT_LBL);
}

void
cc_chart_cumulative_draw (cc_gp *gp, const cc_chart_frame *fr,
                          const cc_chart_cumulative *c)
{
  FILE *fp = cc_gp_stream (gp);
  static const char *const extra[] = { "P10 to P90", "median (P50)" };
  char d[32], axis[128];
  int mo;
  double div = money_scale (c->months ? c->p90[c->months - 1] : 0,
                            c->currency, "cumulative", axis, sizeof axis);

  cc_chart_labels (gp, fr, axis, extra, 2);
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      month_date (d, sizeof d, c->start_month + mo);
      fprintf (fp, " %s %.17g %.17g %.17g\n", d, c->p10[mo] / div,
               c->p50[mo] / div, c->p90[mo] / div);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  time_axis (fp);
  fputs ("set key top left reverse Left opaque box lc rgb '#cccccc'\n"
         "set style fill transparent solid 0.35 noborder\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:4 with filledcurves lc rgb '#56B4E9' "
                "title $LBL[9][2:], $DATA using 1:3 with lines lw 2.5 "
                "lc rgb '#0072B2' title $LBL[10][2:]",
                &fr->out, OUT_LBL);
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
  char axis[160];
  double max = c->median, div;

  if (extra == NULL)
    return;
  for (i = 0; i < n; i++)
    max = fmax (max, fmax (c->low[i], c->high[i]));
  div = money_scale (max, c->currency, "term total, the rest at their medians",
                     axis, sizeof axis);
  extra[0] = fixed[0];
  extra[1] = fixed[1];
  for (i = 0; i < n; i++)
    extra[2 + i] = c->name[i];
  cc_chart_labels (gp, fr, axis, extra, n + 2);
  free (extra);
  /* Row i (from the top): y, total at P10, total at P90. */
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < n; i++)
    fprintf (fp, " %zu %.17g %.17g\n", n - i, c->low[i] / div,
             c->high[i] / div);
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fputs ("unset grid\nset grid xtics lc rgb '#dddddd'\n"
         "set format x '%g'\nset format y '%g'\nunset ylabel\n"
         "set xlabel $LBL[8][2:]\n"
         "set lmargin 34\nset style fill solid 0.85 noborder\n"
         "set key bottom right opaque box lc rgb '#cccccc'\n", fp);
  fprintf (fp, "set yrange [0.3:%zu.7]\nset ytics (", n);
  for (i = 0; i < n; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 11 + i, n - i);
  fputs (")\n", fp);
  fprintf (fp, "set arrow 1 from %.17g, graph 0 to %.17g, graph 1 nohead "
           "lc rgb '#444444' dt 2 front\n", c->median / div, c->median / div);
  fprintf (fp, "med = %.17g\n", c->median / div);
  cc_gp_render (gp,
                "plot $DATA using (($2+med)/2):1:(abs($2-med)/2):(0.35) "
                "with boxxyerror lc rgb '#0072B2' title $LBL[9][2:], "
                "$DATA using (($3+med)/2):1:(abs($3-med)/2):(0.35) "
                "with boxxyerror lc rgb '#E69F00' title $LBL[10][2:]",
                &fr->out, OUT_LBL);
}

void
cc_chart_cross_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_cross *c)
{
  FILE *fp = cc_gp_stream (gp);
  size_t i;
  char axis[160];
  double max = 0, div;

  for (i = 0; i < c->nprovider; i++)
    max = fmax (max, c->total[i]);
  div = money_scale (max, c->currency, "term total at median assumptions",
                     axis, sizeof axis);
  cc_chart_labels (gp, fr, axis, c->provider, c->nprovider);
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, " %zu %.17g %ld\n", i, c->total[i] / div,
             strtol (palette[i % NPAL] + 1, NULL, 16));
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fputs ("set style fill solid 0.85 noborder\nset boxwidth 0.6\n"
         "unset key\nset yrange [0:*]\n", fp);
  fprintf (fp, "set xrange [-0.6:%zu.6]\nset xtics (", c->nprovider - 1);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 9 + i, i);
  fputs (")\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:3 with boxes lc rgb variable, "
                "$DATA using 1:2:(sprintf(\"%.3g\", $2)) with labels "
                "offset 0,1 font ',10'",
                &fr->out, OUT_LBL);
}
