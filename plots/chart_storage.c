/* chart_storage.c: the usage chart (reported points + scenario lines). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots/charts.h"
#include "core/textutil.h"
#include "core/timeutil.h"

/* Okabe-Ito colours, safe for the common forms of colour blindness. */
static const char *const palette[] = {
  "#56B4E9", "#009E73", "#0072B2", "#E69F00", "#CC79A7", "#D55E00",
  "#000000", "#999999"
};

/* A month index with fraction as "YYYY-MM-DD" for gnuplot's timefmt. */
static void
fmt_date (char *buf, size_t size, double t)
{
  long m = (long) floor (t);
  int year = (int) (m / 12), month = (int) (m % 12) + 1;
  int day = 1 + (int) floor ((t - m) * cc_days_in_month (year, month) + 0.5);
  if (day > cc_days_in_month (year, month))
    day = cc_days_in_month (year, month);
  snprintf (buf, size, "%04d-%02d-%02d", year, month, day);
}


/* A datablock line's date, after the leading space every line needs. */
static void
put_date (FILE *fp, double t)
{
  char d[32];
  fmt_date (d, sizeof d, t);
  fprintf (fp, " %s", d);
}

void
cc_chart_usage_draw (cc_gp *gp, const cc_chart_usage *c,
                     const cc_gp_outputs *o)
{
  FILE *fp = cc_gp_stream (gp);
  const char **lbl;
  size_t i, nl, first_scn;
  double ymin = INFINITY, ymax = 0, v;
  char anchor[32], end[32];
  int h;

  /* Labels: 1 title, 2 subtitle, 3 source, 4 y label, 5 annotation,
     6-9 output paths (cc_gp_format order), 10 "reported", 11 second
     source line, 12.. scenario labels. */
  nl = 11 + c->nscn;
  lbl = calloc (nl, sizeof *lbl);
  if (lbl == NULL)
    return;
  lbl[0] = c->title;
  lbl[1] = c->subtitle;
  lbl[2] = c->source;
  lbl[3] = c->unit;
  lbl[4] = c->annotation ? c->annotation : "";
  for (i = 0; i < CC_GP_NFMT; i++)
    lbl[5 + i] = o->path[i] ? o->path[i] : "";
  lbl[9] = "reported figures";
  lbl[10] = c->source2 ? c->source2 : "";
  first_scn = 12;
  for (i = 0; i < c->nscn; i++)
    lbl[11 + i] = c->scn_label[i];
  cc_gp_labels (gp, "$LBL", lbl, nl);
  free (lbl);

  fputs ("$HIST << EOD\n", fp);
  for (i = 0; i < c->nhist; i++)
    {
      char num[64];
      cc_group_digits (c->hist_y[i], 0, num, sizeof num);
      put_date (fp, c->hist_t[i]);
      /* The third column is a label; a datablock holds it as data only. */
      fprintf (fp, " %.17g \"%s\"\n", c->hist_y[i], num);
      ymin = fmin (ymin, c->hist_y[i]);
      ymax = fmax (ymax, c->hist_y[i]);
    }
  fputs ("EOD\n$SCN << EOD\n", fp);
  for (i = 0; i < c->nscn; i++)
    {
      if (i > 0)
        fputs ("\n\n", fp);     /* two blank lines: next gnuplot index */
      put_date (fp, c->anchor_t);
      fprintf (fp, " %.17g\n", c->anchor_y);
      for (h = 1; h <= c->months; h++)
        {
          v = c->scn_y[i * (size_t) c->months + (size_t) (h - 1)];
          put_date (fp, c->anchor_t + h);
          fprintf (fp, " %.17g\n", v);
          if (v > 0)
            ymax = fmax (ymax, v);
        }
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);

  fputs ("set termoption noenhanced\n"
         "set encoding utf8\n"
         "set xdata time\nset timefmt '%Y-%m-%d'\nset format x \"%b\\n%Y\"\n"
         "set logscale y\n"
         "set grid ytics mytics lc rgb '#dddddd' lw 1\n"
         "set grid xtics lc rgb '#dddddd'\n"
         "set border 3 lc rgb '#444444'\nset tics nomirror\n"
         "set key top left reverse Left opaque box lc rgb '#cccccc' samplen 3 spacing 1.1 font ',9'\n"
         "set lmargin 14\nset rmargin 4\nset tmargin 5\nset bmargin 6\n", fp);
  fputs ("set title $LBL[1][2:].\"\\n\".$LBL[2][2:] font ',13'\n"
         "set ylabel $LBL[4][2:].' (log scale)'\n"
         "set label 1 $LBL[3][2:] at screen 0.01, screen 0.045 left font ',8' tc rgb '#555555'\n"
         "set label 3 $LBL[11][2:] at screen 0.01, screen 0.018 left font ',8' tc rgb '#555555'\n",
         fp);
  /* Dashed divider where the reported figures end and assumptions begin. */
  fmt_date (anchor, sizeof anchor, c->anchor_t);
  fprintf (fp, "set arrow 1 from first '%s', graph 0 to first '%s', graph 1 "
           "nohead dt 2 lc rgb '#888888' back\n", anchor, anchor);
  fprintf (fp, "set label 2 $LBL[5][2:] at first '%s', first %.17g "
           "offset 1,-1.2 left font ',10' front\n", anchor, c->anchor_y);
  fprintf (fp, "set yrange [%.17g:%.17g]\n", ymin / 2, ymax * 1.5);
  fmt_date (anchor, sizeof anchor, c->nhist ? c->hist_t[0] - 2 : c->anchor_t - 2);
  fmt_date (end, sizeof end, c->anchor_t + c->months + 1);
  fprintf (fp, "set xrange ['%s':'%s']\n", anchor, end);
  /* Tics at powers of ten with thousands separators (not locale-bound). */
  fputs ("set ytics (", fp);
  for (i = 0, v = pow (10, floor (log10 (ymin / 2))); v <= ymax * 1.5; v *= 10, i++)
    {
      char num[64];
      cc_group_digits (v, 0, num, sizeof num);
      fprintf (fp, "%s'%s' %.17g", i ? ", " : "", num, v);
    }
  fputs (")\n", fp);
  fputs ("set style line 100 lc rgb '#000000' pt 7 ps 1.4\n", fp);
  for (i = 0; i < c->nscn; i++)
    fprintf (fp, "set style line %zu lc rgb '%s' lw 2.2 dt %d\n", i + 1,
             palette[i % (sizeof palette / sizeof palette[0])],
             strstr (c->scn_label[i], "logistic") ? 2 : 1);
  cc_gp_guard (gp);

  {
    char plot[512];
    snprintf (plot, sizeof plot,
              "plot for [i=0:%zu] $SCN index i using 1:2 with lines ls (i+1) "
              "title $LBL[%zu+i][2:], $HIST using 1:2 with points ls 100 "
              "title $LBL[10][2:], $HIST using 1:2:3 with labels offset 0,1.2 "
              "font ',9' notitle", c->nscn - 1, first_scn);
    cc_gp_render (gp, plot, o, 6);
  }
}
