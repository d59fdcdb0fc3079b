/* chart_storage.c: the storage story (storage.svg): the reported figures,
 * the scenario's own path and the named growth scenarios it shows beyond
 * them, on a log or a linear axis. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "core/timeutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"
#include "value/valuecase.h"

/* With 'scale' not given, the axis is logarithmic when the drawn values
   span more than this factor. */
#define LOG_SPAN 50

/* A month index with fraction as "YYYY-MM-DD" for gnuplot's timefmt. */
static void
fmt_date (char *buf, size_t size, double t)
{
  long m = (long) floor (t);
  int year = (int) (m / 12), month = (int) (m % 12) + 1;
  int day = 1 + (int) floor ((t - m) * cc_days_in_month (year, month) + 0.5);
  if (day > cc_days_in_month (year, month))
    day = cc_days_in_month (year, month);
  cc_label_printf (buf, size, "%04d-%02d-%02d", year, month, day);
}

/* A datablock line's date, after the leading space every line needs. */
static void
put_date (FILE *fp, double t)
{
  char d[32];
  fmt_date (d, sizeof d, t);
  fprintf (fp, " %s", d);
}

/* Labels: 1 title, 2 subtitle, 3 source, 4 y label, 5 annotation, 6-9
 * empty (reserved), 10 "reported", 11 second source
 * line, 12 the own band, 13 the own line, 14.. scenario labels. */
#define FIRST_SCN_LBL 14

static void
send_labels (cc_gp *gp, const cc_chart_storage *c)
{
  size_t i, nl = 13 + c->nscn;
  const char **lbl = calloc (nl, sizeof *lbl);
  if (lbl == NULL)
    return;
  lbl[0] = c->title;
  lbl[1] = c->subtitle;
  lbl[2] = c->source;
  lbl[3] = c->unit;
  lbl[4] = c->annotation ? c->annotation : "";
  for (i = 0; i < CC_GP_NFMT; i++)
    lbl[5 + i] = "";
  lbl[9] = "reported figures";
  lbl[10] = c->source2 ? c->source2 : "";
  lbl[11] = c->own_band ? c->own_band : "";
  lbl[12] = c->own_label ? c->own_label : "";
  for (i = 0; i < c->nscn; i++)
    lbl[13 + i] = c->scn_label[i];
  cc_gp_labels (gp, "$LBL", lbl, nl);
  free (lbl);
}

/* $HIST (date, value, value as text) and $SCN (one index per scenario,
 * from the last figure on); the range of the values into YMIN, YMAX. */
static void
send_data (FILE *fp, const cc_chart_storage *c, double *ymin, double *ymax)
{
  size_t i;
  double v;
  int h;

  fputs ("$HIST << EOD\n", fp);
  for (i = 0; i < c->nhist; i++)
    {
      char num[64];
      cc_group_digits (c->hist_y[i], 0, num, sizeof num);
      put_date (fp, c->hist_t[i]);
      /* The third column is a label; a datablock holds it as data only. */
      fprintf (fp, " %.17g \"%s\"\n", c->hist_y[i], num);
      *ymin = fmin (*ymin, c->hist_y[i]);
      *ymax = fmax (*ymax, c->hist_y[i]);
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
            *ymax = fmax (*ymax, v);
        }
    }
  fputs ("EOD\n$OWN << EOD\n", fp);
  for (h = 0; c->nown > 0 && h <= c->months; h++)
    {
      put_date (fp, c->anchor_t + h);
      for (i = 0; i < c->nown; i++)
        {
          v = h == 0 ? c->anchor_y
                     : c->own_y[i * (size_t) c->months + (size_t) (h - 1)];
          fprintf (fp, " %.17g", v);
          if (v > 0)
            *ymax = fmax (*ymax, v);
        }
      putc ('\n', fp);
    }
  fputs ("EOD\n", fp);
}

/* Linear tics: a step of 1, 2 or 5 times a power of ten giving at most
 * eight tics up to TOP, with thousands separators. */
static void
linear_tics (FILE *fp, double top)
{
  double step = pow (10, floor (log10 (top / 8))), v;
  int i;
  if (top / step > 8)
    step *= 2;
  if (top / step > 8)
    step *= 2.5;
  fputs ("set ytics (", fp);
  for (i = 0, v = 0; v <= top; i++, v = i * step)
    {
      char num[64];
      cc_group_digits (v, 0, num, sizeof num);
      fprintf (fp, "%s'%s' %.17g", i ? ", " : "", num, v);
    }
  fputs (")\n", fp);
}

/* The look: the y axis (log or linear), the divider at the last figure,
 * the ranges, the tics, a line style per scenario. */
static void
send_setup (FILE *fp, const cc_chart_storage *c, double ymin, double ymax)
{
  char anchor[32], end[32];
  size_t i;
  double v;

  fputs ("set termoption noenhanced\n"
         "set encoding utf8\n"
         "set xdata time\nset timefmt '%Y-%m-%d'\nset format x \"%b\\n%Y\"\n"
         "set grid ytics lc rgb '" CC_RGB_GRID "' lw 1\n"
         "set grid xtics lc rgb '" CC_RGB_GRID "'\n"
         "set border 3 lc rgb '" CC_RGB_BORDER "'\nset tics nomirror\n"
         "set key top left reverse Left opaque box lc rgb '" CC_RGB_KEYBOX
         "' samplen 3 spacing 1.1 font ',9'\n"
         "set lmargin 17\nset rmargin 4\nset tmargin 5\nset bmargin 6\n", fp);
  fprintf (fp, "SCALE = '%s'\n", c->log ? " (log scale)" : "");
  fputs ("set title $LBL[1][2:].\"\\n\".$LBL[2][2:] font ',13'\n"
         "set ylabel $LBL[4][2:].SCALE\n"
         "set label 1 $LBL[3][2:] at screen 0.01, screen 0.05 left font ',9' tc rgb '" CC_RGB_NOTE "'\n"
         "set label 3 $LBL[11][2:] at screen 0.01, screen 0.018 left font ',9' tc rgb '" CC_RGB_NOTE "'\n",
         fp);
  /* Dashed divider where the reported figures end and assumptions begin. */
  fmt_date (anchor, sizeof anchor, c->anchor_t);
  fprintf (fp, "set arrow 1 from first '%s', graph 0 to first '%s', graph 1 "
           "nohead dt 2 lc rgb '" CC_RGB_DIVIDER "' back\n", anchor, anchor);
  fprintf (fp, "set label 2 $LBL[5][2:] at first '%s', first %.17g "
           "offset 1,-1.2 left font ',10' front\n", anchor, c->anchor_y);
  fmt_date (anchor, sizeof anchor, c->nhist ? c->hist_t[0] - 2 : c->anchor_t - 2);
  fmt_date (end, sizeof end, c->anchor_t + c->months);
  fprintf (fp, "set xrange ['%s':'%s']\n", anchor, end);
  if (c->log)
    {
      /* Tics at powers of ten with thousands separators (not
         locale-bound). */
      fprintf (fp, "set logscale y\nset grid mytics\n"
               "set yrange [%.17g:%.17g]\n", ymin / 2, ymax * 1.5);
      fputs ("set ytics (", fp);
      for (i = 0, v = pow (10, floor (log10 (ymin / 2))); v <= ymax * 1.5;
           v *= 10, i++)
        {
          char num[64];
          cc_group_digits (v, 0, num, sizeof num);
          fprintf (fp, "%s'%s' %.17g", i ? ", " : "", num, v);
        }
      fputs (")\n", fp);
    }
  else
    {
      fprintf (fp, "set yrange [0:%.17g]\n", ymax * 1.08);
      linear_tics (fp, ymax * 1.08);
    }
  fputs ("set style line 100 lc rgb '" CC_RGB_BLACK "' pt 7 ps 1.4\n", fp);
  for (i = 0; i < c->nscn; i++)
    fprintf (fp, "set style line %zu lc rgb '%s' lw %s dt %d\n", i + 1,
             cc_palette_colour (CC_PALETTE_SCENARIOS, i),
             c->nown > 0 ? "1.2" : "2.2",
             strstr (c->scn_label[i], "logistic") ? 2 : 1);
  /* The scenario's own path: a light band and a bold line, over the
     named scenarios (thin context lines). */
  fputs ("set style line 101 lc rgb '" CC_RGB_BLACK "' lw 3.5\n"
         "set style fill transparent solid 0.18 noborder\n", fp);
}

void
cc_chart_storage_draw (cc_gp *gp, const cc_chart_storage *c,
                       const cc_gp_outputs *o)
{
  FILE *fp = cc_gp_stream (gp);
  double ymin = INFINITY, ymax = 0;
  char plot[768], own[256] = "", scn[160] = "";

  send_labels (gp, c);
  send_data (fp, c, &ymin, &ymax);
  cc_gp_guard (gp);
  send_setup (fp, c, ymin, ymax);
  cc_gp_guard (gp);
  if (c->nown == 3)
    snprintf (own, sizeof own, "$OWN using 1:2:4 with filledcurves lc rgb '"
              CC_RGB_GREY "' title $LBL[12][2:], $OWN using 1:3 with lines "
              "ls 101 title $LBL[13][2:], ");
  else if (c->nown == 1)
    snprintf (own, sizeof own, "$OWN using 1:2 with lines ls 101 title "
              "$LBL[13][2:], ");
  if (c->nscn > 0)
    snprintf (scn, sizeof scn, "for [i=0:%zu] $SCN index i using 1:2 with "
              "lines ls (i+1) title $LBL[%d+i][2:], ", c->nscn - 1,
              FIRST_SCN_LBL);
  snprintf (plot, sizeof plot,
            "plot %s%s$HIST using 1:2 with points ls 100 "
            "title $LBL[10][2:], $HIST using 1:2:3 with labels offset 0,1.2 "
            "font ',9' notitle", own, scn);
  cc_gp_render (gp, plot, o);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  char source2[512], note[128], own_band[160], own_label[160];
  double *ht, *hy, *scn_y;
  const char **labels;
  cc_chart_storage ch;
} storage_state;

static void
storage_free (void *state)
{
  storage_state *s = state;
  if (s == NULL)
    return;
  free (s->ht);
  free (s->hy);
  free (s->labels);
  free (s->scn_y);
  free (s);
}

/* The words: title, the facts, where the figures and prices come from. */
static void
storage_words (storage_state *s, const cc_case_view *v,
               const cc_driver_price *dp, const char *title)
{
  const cc_reported_metric *m = v->metric;
  cc_label_printf (s->text.title, sizeof s->text.title,
            "%s: reported figures and growth scenarios",
            title ? title : m->metric);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle,
            "\u00d7%.3g in %.3g months (%.1f%%/month). Beyond the last figure "
            "every line is an assumption, not a forecast.",
            v->facts.multiple, v->facts.dt, 100 * v->facts.rate_disc);
  cc_label_printf (s->text.source, sizeof s->text.source, "Source: %s.",
            m->point[m->n - 1].source);
  if (dp == NULL || dp->nsku == 0)
    cc_label_printf (s->source2, sizeof s->source2,
                     "No prices: the reported figures and growth scenarios "
                     "only. Chart: cloudcast.");
  else
    cc_label_printf (s->source2, sizeof s->source2,
            "Costs (in cost.csv): %s list prices%s%s. Chart: cloudcast.",
            dp->sku[0], dp->region[0] ? ", " : "", dp->region);
  cc_label_printf (s->note, sizeof s->note, "\u00d7%.3g in %.3g months",
            v->facts.multiple, v->facts.dt);
}

/* How many times the largest drawn value is the smallest. */
static double
drawn_span (const cc_chart_storage *c)
{
  double lo = INFINITY, hi = 0, v;
  size_t i, n = c->nscn * (size_t) c->months, m = c->nown * (size_t) c->months;
  for (i = 0; i < c->nhist; i++)
    {
      lo = fmin (lo, c->hist_y[i]);
      hi = fmax (hi, c->hist_y[i]);
    }
  for (i = 0; i < n + m; i++)
    if ((v = i < n ? c->scn_y[i] : c->own_y[i - n]) > 0)
      {
        lo = fmin (lo, v);
        hi = fmax (hi, v);
      }
  return lo > 0 && isfinite (lo) ? hi / lo : 1;
}

static int
storage_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_case_view *v = d->storage;
  const cc_reported_metric *m;
  storage_state *s;
  size_t i;

  if (v == NULL)
    return CC_OK;
  m = v->metric;
  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  s->ht = malloc (m->n * sizeof *s->ht);
  s->hy = malloc (m->n * sizeof *s->hy);
  s->labels = malloc (v->nscn * sizeof *s->labels);
  s->scn_y = malloc (v->nscn * (size_t) v->months * sizeof *s->scn_y);
  if (s->ht == NULL || s->hy == NULL || s->labels == NULL || s->scn_y == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < m->n; i++)
    {
      s->ht[i] = m->point[i].months;
      s->hy[i] = m->point[i].bytes / v->unit_bytes;
    }
  /* The named scenarios the scenario file shows, in their order. */
  for (i = 0; i < v->nscn; i++)
    if (d->storage_shown == NULL || d->storage_shown[i])
      {
        s->labels[s->ch.nscn] = v->scn[i].label;
        memcpy (s->scn_y + s->ch.nscn * (size_t) v->months,
                v->proj + i * (size_t) v->months,
                (size_t) v->months * sizeof *s->scn_y);
        s->ch.nscn++;
      }
  storage_words (s, v, d->storage_price, d->storage_title);
  s->ch.title = s->text.title;
  s->ch.subtitle = s->text.subtitle;
  s->ch.source = s->text.source;
  s->ch.source2 = s->source2;
  s->ch.unit = v->unit;
  s->ch.annotation = s->note;
  s->ch.nhist = m->n;
  s->ch.hist_t = s->ht;
  s->ch.hist_y = s->hy;
  s->ch.scn_label = s->labels;
  s->ch.scn_y = s->scn_y;
  s->ch.months = v->months;
  s->ch.nown = v->nown;
  s->ch.own_y = v->own_proj;
  if (v->nown == 3)
    {
      cc_label_printf (s->own_band, sizeof s->own_band, "this scenario: "
                       "P10 to P90");
      cc_label_printf (s->own_label, sizeof s->own_label, "this scenario: "
                       "P50");
      s->ch.own_band = s->own_band;
    }
  else if (v->nown == 1)
    cc_label_printf (s->own_label, sizeof s->own_label, "%s",
                     v->own[0].label);
  s->ch.own_label = s->own_label;
  s->ch.anchor_t = m->point[m->n - 1].months;
  s->ch.anchor_y = s->hy[m->n - 1];
  s->ch.log = d->storage_scale == CC_AXIS_LOG
              || (d->storage_scale == CC_AXIS_AUTO
                  && drawn_span (&s->ch) > LOG_SPAN);
  *draw = 1;
  return CC_OK;
}

static void
storage_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  cc_chart_storage_draw (gp, &((const storage_state *) state)->ch, o);
}

static void
storage_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_case_view *v = d->storage;
  const cc_chart_storage *c = &((const storage_state *) state)->ch;
  size_t k, lo = 0, hi = 0, M = (size_t) c->months;
  char y0[64], y1[64], lo_s[64], hi_s[64], m1[16];

  cc_group_digits (v->facts.y0, 0, y0, sizeof y0);
  cc_group_digits (v->facts.y1, 0, y1, sizeof y1);
  cc_month_format (v->anchor_month + v->months, m1, sizeof m1);
  fprintf (fp, "Line chart, %s scale: %s grew from %s %s to %s %s in %.3g "
           "months (reported).", c->log ? "log" : "linear",
           d->storage_title ? d->storage_title : v->metric->metric,
           y0, v->unit, y1, v->unit, v->facts.dt);
  if (c->nscn == 0)
    {
      fputs (" No named scenario is drawn beside the scenario's own path; "
             "beyond the figures it is an assumption, not a forecast.", fp);
      return;
    }
  /* The scenarios drawn ending lowest and highest. */
  for (k = 1; k < c->nscn; k++)
    {
      if (c->scn_y[k * M + M - 1] < c->scn_y[lo * M + M - 1])
        lo = k;
      if (c->scn_y[k * M + M - 1] > c->scn_y[hi * M + M - 1])
        hi = k;
    }
  cc_amount_words (c->scn_y[lo * M + M - 1], lo_s, sizeof lo_s);
  cc_amount_words (c->scn_y[hi * M + M - 1], hi_s, sizeof hi_s);
  fprintf (fp, " %zu scenario line%s continue%s to %s, ending between %s %s "
           "(%s) and %s %s (%s); they are assumptions, not forecasts.",
           c->nscn, c->nscn == 1 ? "" : "s", c->nscn == 1 ? "s" : "", m1,
           lo_s, v->unit, c->scn_label[lo], hi_s, v->unit, c->scn_label[hi]);
}

const cc_chart_kind cc_chart_kind_storage = {
  .stem = "storage",
  .title = "Reported storage and growth scenarios",
  .group = CC_CHARTS_STORAGE,
  .preview = 1,
  .prepare = storage_prepare,
  .draw = storage_draw,
  .alt = storage_alt,
  .free = storage_free
};
