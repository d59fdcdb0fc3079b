/* output.h: output files that appear complete or not at all.
 *
 * Each file is written to a hidden temporary ".NAME.tmp.XXXXXX" beside its
 * target, flushed to disk, then renamed over the target.  A run that stops
 * half-way leaves at most a hidden temporary, never a short file under the
 * real name. */
#ifndef CC_OUTPUT_H
#define CC_OUTPUT_H

#include <stdio.h>

#include "core/error.h"

typedef struct
{
  char *path;     /* the target */
  char *tmp;      /* the temporary being written */
  FILE *fp;       /* open on tmp; write here */
} cc_outfile;

/* Create the directory DIR if it does not exist (its parent must).  An
 * existing DIR is cleared of hidden temporaries (".NAME.tmp.XXXXXX") that a
 * killed run left; the rest of it is left alone. */
int cc_outdir_make (const char *dir, cc_err *err);

/* Open a temporary for PATH.  CC_ECANTCREAT on failure. */
int cc_outfile_open (cc_outfile *o, const char *path, cc_err *err);

/* Flush, fsync and close the temporary and rename it to the target.  On any
 * write error the temporary is removed and CC_ECANTCREAT returned. */
int cc_outfile_commit (cc_outfile *o, cc_err *err);

/* Remove the temporary without touching the target. */
void cc_outfile_abort (cc_outfile *o);

/* Make a hidden temporary name for a file that another program (gnuplot)
 * will write: ".NAME.tmp.XXXXXX" created empty beside PATH.  The caller
 * renames it with cc_outfile_rename or unlinks it. */
int cc_outfile_reserve (const char *path, char **tmp, cc_err *err);

/* Rename TMP over PATH after checking that TMP is not empty; fsyncs TMP
 * first.  On failure TMP is removed. */
int cc_outfile_rename (const char *tmp, const char *path, cc_err *err);

/* Join DIR and NAME into a newly allocated string. */
char *cc_path_join (const char *dir, const char *name);

#endif
