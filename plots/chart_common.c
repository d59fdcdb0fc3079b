/* chart_common.c: what the charts share: the label datablock of a frame,
 * the basic look, the time and money axes. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"

/* Characters of a source line that fit across a chart at 9 points. */
#define SOURCE_LINE 165

/* The labels every chart has: 1 title, 2 subtitle, 3 source, 4-7 empty
 * (reserved: outputs reach gnuplot as descriptors, never as text), 8 the
 * value axis label, then chart-specific ones from 9, and last the second
 * source line (empty when the source fits on one).  The axis label holds
 * the scenario's currency, so it too is data. */

void
cc_chart_labels (cc_gp *gp, const cc_chart_frame *fr, const char *axis,
        const char *const *extra, size_t nextra)
{
  const char **l = calloc (9 + nextra, sizeof *l);
  const char *src = fr->source ? fr->source : "";
  char *first = strdup (src), *second = NULL;
  size_t i;
  if (l == NULL || first == NULL)
    {
      free (l);
      free (first);
      return;
    }
  /* A long source goes on two lines, broken at the last blank that
     keeps the first within the width. */
  if (cc_utf8_chars (first) > SOURCE_LINE)
    {
      size_t cut = 0, chars = 0;
      for (i = 0; first[i] != '\0' && chars <= SOURCE_LINE; i++)
        {
          if (first[i] == ' ')
            cut = i;
          if (((unsigned char) first[i] & 0xc0) != 0x80)
            chars++;
        }
      if (cut > 0)
        {
          first[cut] = '\0';
          second = first + cut + 1;
        }
    }
  l[0] = fr->title;
  l[1] = fr->subtitle ? fr->subtitle : "";
  l[2] = first;
  for (i = 0; i < CC_GP_NFMT; i++)
    l[3 + i] = "";
  l[7] = axis;
  for (i = 0; i < nextra; i++)
    l[8 + i] = extra[i];
  l[8 + nextra] = second ? second : "";
  cc_gp_labels (gp, "$LBL", l, 9 + nextra);
  /* The second source line outlives the 'reset' of cc_chart_setup. */
  fprintf (cc_gp_stream (gp), "SOURCE2 = $LBL[%zu][2:]\n", 9 + nextra);
  free (first);
  free (l);
}

void
cc_chart_labels_data (cc_gp *gp, const cc_chart_frame *fr, const char *axis,
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

void
cc_chart_setup (FILE *fp)
{
  fputs ("reset\nset termoption noenhanced\nset encoding utf8\n"
         "set title $LBL[1][2:].\"\\n\".$LBL[2][2:] font ',13'\n"
         "set label 91 $LBL[3][2:] at screen 0.01, screen 0.05 left "
         "font ',9' tc rgb '" CC_RGB_NOTE "'\n"
         "set label 92 SOURCE2 at screen 0.01, screen 0.02 left "
         "font ',9' tc rgb '" CC_RGB_NOTE "'\n"
         "set border 3 lc rgb '" CC_RGB_BORDER "'\nset tics nomirror\n"
         "set lmargin 14\nset rmargin 6\nset tmargin 5\nset bmargin 6\n"
         "set grid ytics lc rgb '" CC_RGB_GRID "'\n"
         "set format y '%g'\nset ylabel $LBL[8][2:]\n", fp);
}

void
cc_chart_setup_time (FILE *fp)
{
  cc_chart_setup (fp);
  /* xfix: the axis ends at the data, not at the next tic. */
  fputs ("set xdata time\nset timefmt '%Y-%m-%d'\nset format x \"%b\\n%Y\"\n"
         "set autoscale xfix\n"
         "set grid xtics lc rgb '" CC_RGB_GRID "'\n"
         "set key top left reverse Left opaque box lc rgb '" CC_RGB_KEYBOX
         "'\n", fp);
}

void
cc_chart_put_month (FILE *fp, long month)
{
  fprintf (fp, " %04ld-%02ld-15", month / 12, month % 12 + 1);
}

double
cc_chart_money_axis (double max, const char *currency, const char *what,
                     char *axis, size_t size)
{
  static const struct { double div; const char *name; } s[] = {
    { 1e9, "billions" }, { 1e6, "millions" }, { 1e3, "thousands" }
  };
  size_t i;
  for (i = 0; i < 3; i++)
    if (max >= s[i].div)
      {
        cc_label_printf (axis, size, "%s, %s %s", what, currency, s[i].name);
        return s[i].div;
      }
  cc_label_printf (axis, size, "%s, %s", what, currency);
  return 1;
}

void
cc_chart_put_series (FILE *fp, const char *name, size_t n, const long *month,
                     const double *y)
{
  size_t i;
  fprintf (fp, "%s << EOD\n", name);
  for (i = 0; i < n; i++)
    {
      cc_chart_put_month (fp, month[i]);
      fprintf (fp, " %.17g\n", y[i]);
    }
  fputs ("EOD\n", fp);
}
