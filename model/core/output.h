/* output.h: the one atomic writer: output files that appear complete or
 * not at all.
 *
 * Every file cloudcast writes (run and value outputs, charts, ingest's -o
 * and --report) goes to a hidden temporary ".NAME.tmp.XXXXXX" beside its
 * target, is flushed to disk, renamed over the target, and the directory
 * is synced.  A process that stops half-way leaves at most a hidden
 * temporary, never a short file under the real name.  The process writing
 * a temporary holds an advisory lock (flock) on it, so a sweep removes
 * only the temporaries no running process owns: those of killed runs.
 * Nothing here prints; whoever wants to say "wrote PATH" passes a
 * notifier. */
#ifndef CC_OUTPUT_H
#define CC_OUTPUT_H

#include <stdio.h>

#include "core/error.h"

/* Writes one file's content to FP; non-zero on failure. */
typedef int (*cc_output_fn) (FILE *fp, const void *arg);

/* Told the path of every file put in place (e.g. to print "wrote PATH"). */
typedef void (*cc_output_notify) (void *ctx, const char *path);

/* An output directory and who hears of the files put in it. */
typedef struct
{
  const char *dir;
  cc_output_notify notify;      /* NULL: nobody */
  void *ctx;
} cc_output;

/* Write PATH atomically through FN, first removing PATH's stale
 * temporaries.  CC_ECANTCREAT ("cannot create a temporary file next to
 * it") when no temporary can be made beside PATH or it cannot be renamed
 * into place; CC_EIO ("cannot write") when FN or the flush fails.  On any
 * failure the temporary is removed and PATH left as it was. */
int cc_output_write (const char *path, cc_output_fn fn, const void *arg,
                     cc_err *err);

/* The same for OUT->dir/NAME, then OUT's notifier is told. */
int cc_output_file (const cc_output *out, const char *name, cc_output_fn fn,
                    const void *arg, cc_err *err);

/* Create the directory DIR if it does not exist, with any missing parent
 * folders (mkdir -p).  An
 * existing DIR is swept of stale temporaries (".NAME.tmp.XXXXXX" that no
 * running process holds); the rest of it is left alone. */
int cc_outdir_make (const char *dir, cc_err *err);

/* Remove the stale temporaries of PATH (".NAME.tmp.XXXXXX" beside it). */
void cc_output_sweep (const char *path);

/* Is NAME (a directory entry) one of the temporaries this file makes? */
int cc_output_is_temp (const char *name);

/* One temporary and its target, for writers that stream (open, write to
 * fp, commit) and for files another program writes (reserve, then place
 * once it has finished). */
typedef struct
{
  char *path;     /* the target */
  char *tmp;      /* the temporary, ".NAME.tmp.XXXXXX" beside it */
  FILE *fp;       /* open on tmp for writing (cc_outfile_open), else NULL */
  int fd;         /* open on tmp and locked while it is ours; -1: none */
} cc_outfile;

/* Open a temporary for PATH to write to through o->fp. */
int cc_outfile_open (cc_outfile *o, const char *path, cc_err *err);

/* Flush, fsync and rename o->fp's temporary to the target.  On failure
 * the temporary is removed (CC_EIO: a write error; CC_ECANTCREAT: the
 * rename).  Frees the names either way. */
int cc_outfile_commit (cc_outfile *o, cc_err *err);

/* Create an empty temporary for PATH that another program (gnuplot) will
 * write by name; it stays locked as ours until placed or aborted. */
int cc_outfile_reserve (cc_outfile *o, const char *path, cc_err *err);

/* Put a reserved temporary in place once its writer has finished: it must
 * not be empty; fsynced, renamed, the directory synced.  On failure it is
 * removed (CC_ECANTCREAT).  Frees the names either way. */
int cc_outfile_place (cc_outfile *o, cc_err *err);

/* Remove the temporary without touching the target; frees the names. */
void cc_outfile_abort (cc_outfile *o);

/* Join DIR and NAME into a newly allocated string, one '/' between them
 * however many DIR ends with ("out/" + "x" = "out/x"). */
char *cc_path_join (const char *dir, const char *name);

#endif
