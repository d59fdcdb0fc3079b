/* output.h: the one atomic writer: output files that appear complete or
 * not at all, and that nobody else can redirect.
 *
 * Every file cloudcast writes (run and value outputs, charts, ingest's -o
 * and --report) goes to a hidden temporary ".cloudcast-PID-XXXXXX.NAME"
 * made with O_CREAT|O_EXCL inside the output directory, which is opened
 * once (O_DIRECTORY|O_NOFOLLOW) and used by descriptor from then on.  The
 * temporary is flushed and fsynced, renamed over the target with renameat,
 * and the directory is fsynced.  A process that stops half-way leaves at
 * most a hidden temporary, never a short file under the real name; a sweep
 * removes only cloudcast temporaries whose process (PID) no longer exists.
 * Targets that are not regular files (a FIFO, a device, anything under
 * /dev/) are written directly.  Nothing here prints; whoever wants to say
 * "wrote PATH" passes a notifier. */
#ifndef CC_OUTPUT_H
#define CC_OUTPUT_H

#include <stdio.h>

#include "core/error.h"

/* Writes one file's content to FP; non-zero on failure. */
typedef int (*cc_output_fn) (FILE *fp, const void *arg);

/* Told the path of every file put in place (e.g. to print "wrote PATH"). */
typedef void (*cc_output_notify) (void *ctx, const char *path);

/* An output directory and who hears of the files put in it.  DIRFD is the
 * directory opened by cc_outdir_open (-1 before). */
typedef struct
{
  const char *dir;
  cc_output_notify notify;      /* NULL: nobody */
  void *ctx;
  int dirfd;
} cc_output;

/* Write PATH atomically through FN, first sweeping its directory's stale
 * temporaries.  CC_ECANTCREAT when no temporary can be made beside PATH
 * or it cannot be renamed into place (or PATH is a directory); CC_EIO
 * ("cannot write") when FN or the flush fails.  On any failure the
 * temporary is removed and PATH left as it was. */
int cc_output_write (const char *path, cc_output_fn fn, const void *arg,
                     cc_err *err);

/* The same for NAME in OUT's directory (opened by cc_outdir_open), then
 * OUT's notifier is told. */
int cc_output_file (const cc_output *out, const char *name, cc_output_fn fn,
                    const void *arg, cc_err *err);

/* Open the directory DIR for writing into, without following a symbolic
 * link unless the link is owned by the invoking user or root.  Returns a
 * descriptor, or -1 with ERR set (CC_ECANTCREAT). */
int cc_dir_open (const char *dir, cc_err *err);

/* Open OUT->dir into OUT->dirfd, creating it and any missing parent
 * folders if it does not exist (mkdir -p).  With SWEEP, an existing directory is swept of stale
 * cloudcast temporaries; the rest of it is left alone. */
int cc_outdir_open (cc_output *out, int sweep, cc_err *err);

/* Close OUT->dirfd. */
void cc_outdir_close (cc_output *out);

/* Remove the stale cloudcast temporaries of the directory DIRFD: those
 * whose writer's process no longer exists, owned by us. */
void cc_output_sweep (int dirfd);

/* Is NAME (a directory entry) a cloudcast temporary?  Its writer's pid
 * goes to *PID when PID is not NULL. */
int cc_output_is_temp (const char *name, long *pid);

/* One temporary and its target, for writers that stream (open, write to
 * fp, commit) and for files another program writes (reserve, hand it the
 * descriptor, then place once it has finished). */
typedef struct
{
  char *path;     /* the target, for messages */
  char *name;     /* the target's name in dirfd */
  char *tmp;      /* the temporary's name in dirfd; NULL: written directly */
  FILE *fp;       /* open on fd for writing (cc_outfile_open), else NULL */
  int fd;         /* open on the temporary (read-write); -1: none */
  int dirfd;      /* the directory, our own descriptor; -1: none */
} cc_outfile;

/* Open a temporary for PATH to write to through o->fp. */
int cc_outfile_open (cc_outfile *o, const char *path, cc_err *err);

/* The same for NAME in the open directory DIRFD (DIR names it in
 * messages). */
int cc_outfile_open_at (cc_outfile *o, int dirfd, const char *dir,
                        const char *name, cc_err *err);

/* Flush, fsync and rename o->fp's temporary to the target.  On failure
 * the temporary is removed (CC_EIO: a write error; CC_ECANTCREAT: the
 * rename).  Frees the names either way. */
int cc_outfile_commit (cc_outfile *o, cc_err *err);

/* Create an empty temporary for NAME in DIRFD that another program will
 * write through its descriptor o->fd. */
int cc_outfile_reserve (cc_outfile *o, int dirfd, const char *dir,
                        const char *name, cc_err *err);

/* Put a reserved temporary in place once its writer has finished: it must
 * not be empty and must still be the file we made; fsynced, renamed, the
 * directory synced.  On failure it is removed (CC_ECANTCREAT).  Frees the
 * names either way. */
int cc_outfile_place (cc_outfile *o, cc_err *err);

/* Remove the temporary without touching the target; frees the names. */
void cc_outfile_abort (cc_outfile *o);

/* Join DIR and NAME into a newly allocated string, one '/' between them
 * however many DIR ends with ("out/" + "x" = "out/x"). */
char *cc_path_join (const char *dir, const char *name);

/* Do paths A and B name the same file: the same device and inode, or,
 * where one does not exist yet, the same name in the same directory? */
int cc_path_same (const char *a, const char *b);

/* Refuse (CC_EUSAGE, naming both) any of the N outputs OUT[] that is the
 * same file as one of the M inputs IN[] or as another output.  NULL
 * entries and "-" are skipped. */
int cc_outputs_check (const char *const *out, size_t n,
                      const char *const *in, size_t m, cc_err *err);

#endif
