/* chart_common.c: what every chart of a frame shares: its label datablock
 * and its basic look. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "plots/charts.h"

/* The labels every chart has: 1 title, 2 subtitle, 3 source, 4-7 output
 * paths (cc_gp_format order), 8 the value axis label, then chart-specific
 * ones from 9.  The axis label holds the scenario's currency, so it too is
 * data. */
void
cc_chart_labels (cc_gp *gp, const cc_chart_frame *fr, const char *axis,
        const char *const *extra, size_t nextra)
{
  const char **l = calloc (8 + nextra, sizeof *l);
  size_t i;
  if (l == NULL)
    return;
  l[0] = fr->title;
  l[1] = fr->subtitle ? fr->subtitle : "";
  l[2] = fr->source ? fr->source : "";
  for (i = 0; i < CC_GP_NFMT; i++)
    l[3 + i] = fr->out.path[i] ? fr->out.path[i] : "";
  l[7] = axis;
  for (i = 0; i < nextra; i++)
    l[8 + i] = extra[i];
  cc_gp_labels (gp, "$LBL", l, 8 + nextra);
  free (l);
}

void
cc_chart_setup (FILE *fp)
{
  fputs ("reset\nset termoption noenhanced\nset encoding utf8\n"
         "set title $LBL[1][2:].\"\\n\".$LBL[2][2:] font ',13'\n"
         "set label 91 $LBL[3][2:] at screen 0.01, screen 0.02 left "
         "font ',8' tc rgb '#555555'\n"
         "set border 3 lc rgb '#444444'\nset tics nomirror\n"
         "set lmargin 14\nset rmargin 6\nset tmargin 5\nset bmargin 6\n"
         "set grid ytics lc rgb '#dddddd'\n"
         "set format y '%g'\nset ylabel $LBL[8][2:]\n", fp);
}
