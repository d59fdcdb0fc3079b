/* gnuplot.h: one gnuplot process driven through a pipe, safely.
 *
 * gnuplot runs as "gnuplot -d" (no startup files) with no shell in between,
 * its stdout discarded and its stderr captured for our error message.
 * Rules the chart code follows (see plots/README and gnuplot-safety):
 * numbers go in datablocks whose every line starts with a space, so no line
 * can end the block; every string that did not come from our own source
 * code goes through cc_gp_labels and is referred to as $NAME[i][2:]; text
 * rendering is noenhanced; output paths are our own temporaries. */
#ifndef CC_GNUPLOT_H
#define CC_GNUPLOT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

typedef struct cc_gp cc_gp;

/* Start gnuplot: $CLOUDCAST_GNUPLOT if set, else the configured program.
 * CC_EUNAVAIL when it cannot be found or started. */
int cc_gp_open (cc_gp **gp, cc_err *err);

/* Where to write commands (only our own literal text and %.17g numbers). */
FILE *cc_gp_stream (cc_gp *gp);

/* Send the strings as datablock NAME (e.g. "$LBL"): one per line, each with
 * a leading space, control characters replaced by spaces, at most 200
 * bytes.  String i (1-based) is then $NAME[i][2:] in gnuplot. */
void cc_gp_labels (cc_gp *gp, const char *name, const char *const *s, size_t n);

/* Stop gnuplot at this point if any earlier command failed. */
void cc_gp_guard (cc_gp *gp);

/* Render the plot command PLOT (our own text) as PNG and SVG, to the paths
 * held in label lines PNG_LBL and SVG_LBL of $LBL (0 to skip one). */
void cc_gp_render (cc_gp *gp, const char *plot, int png_lbl, int svg_lbl);

/* Finish: close the pipe and wait.  CC_EUNAVAIL with gnuplot's own error
 * text when it failed.  Frees GP. */
int cc_gp_close (cc_gp *gp, cc_err *err);

/* The program cc_gp_open would run. */
const char *cc_gp_program (void);

#endif
