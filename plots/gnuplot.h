/* gnuplot.h: one gnuplot process driven through a pipe, safely.
 *
 * gnuplot runs as "gnuplot -d" (no startup files) with no shell in between,
 * its stdout discarded and its stderr captured for our error message.
 * Rules the chart code follows (see the README's "Charts and gnuplot"):
 * numbers go in datablocks whose every line starts with a space, so no line
 * can end the block; every string that did not come from our own source
 * code goes through cc_gp_labels and is referred to as $NAME[i][2:]; text
 * rendering is noenhanced; gnuplot is never given a path: it writes to
 * descriptors it inherits from us ("set output '/dev/fd/N'"), each open on
 * one of our own exclusive temporaries, so no path text reaches it and no
 * name can be swapped under it. */
#ifndef CC_GNUPLOT_H
#define CC_GNUPLOT_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"

typedef struct cc_gp cc_gp;

/* Start gnuplot: $CLOUDCAST_GNUPLOT if set, else the configured program,
 * inheriting the N descriptors FDS (the files it will render to).
 * CC_EUNAVAIL when it cannot be found or started. */
int cc_gp_open (cc_gp **gp, const int *fds, size_t n, cc_err *err);

/* Where to write commands (only our own literal text and %.17g numbers). */
FILE *cc_gp_stream (cc_gp *gp);

/* Send the strings as datablock NAME (e.g. "$LBL"): one per line, each with
 * a leading space, through cc_label_put (control characters replaced by
 * spaces, bidi controls dropped, invalid UTF-8 as U+FFFD), never cut.  String i (1-based) is then $NAME[i][2:] in gnuplot. */
void cc_gp_labels (cc_gp *gp, const char *name, const char *const *s, size_t n);

/* Stop gnuplot at this point if any earlier command failed. */
void cc_gp_guard (cc_gp *gp);

/* The files one chart is rendered to, by format; NULL: not wanted.  DUMB
 * is gnuplot's text terminal, for previews in a terminal. */
typedef enum
{
  CC_GP_PNG,
  CC_GP_SVG,
  CC_GP_PDF,
  CC_GP_DUMB,
  CC_GP_NFMT
} cc_gp_format;

/* The descriptor each format is rendered to; -1: not wanted. */
typedef struct
{
  int fd[CC_GP_NFMT];
} cc_gp_outputs;

/* File name extension of a format: "png", "svg", "pdf", "txt". */
const char *cc_gp_format_ext (cc_gp_format f);

/* Render the plot command PLOT (our own text) to every wanted output, as
 * '/dev/fd/N' on its inherited descriptor. */
void cc_gp_render (cc_gp *gp, const char *plot, const cc_gp_outputs *o);

/* Did gnuplot finish the file open on FD in format F: not empty, and
 * ending as the format must (PNG's IEND chunk, SVG's closing </svg>, PDF's
 * %%EOF)?  A full disk or a killed gnuplot leaves a file without. */
int cc_gp_output_complete (int fd, cc_gp_format f);

/* Finish: close the pipe and wait.  CC_EUNAVAIL with gnuplot's own error
 * text when it failed.  Frees GP. */
int cc_gp_close (cc_gp *gp, cc_err *err);

/* The program cc_gp_open would run. */
const char *cc_gp_program (void);

#endif
