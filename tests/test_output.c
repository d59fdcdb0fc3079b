/* test_output.c: the one atomic writer (model/core/output.h): temporaries
 * named ".cloudcast-PID-XXXXXX.NAME" beside the target, failures that
 * leave the target alone, temporaries swapped under us refused, and sweeps
 * that remove only the temporaries of processes that no longer exist. */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output.h"
#include "tap.h"

static char dir[512];

static char *
in_dir (const char *name)
{
  static char buf[4][640];
  static int k;
  k = (k + 1) % 4;
  snprintf (buf[k], sizeof buf[k], "%s/%s", dir, name);
  return buf[k];
}

/* How many entries of DIR start with PREFIX. */
static int
count_prefix (const char *prefix)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  int n = 0;
  while (d != NULL && (e = readdir (d)) != NULL)
    n += strncmp (e->d_name, prefix, strlen (prefix)) == 0;
  if (d != NULL)
    closedir (d);
  return n;
}

static int
exists (const char *path)
{
  struct stat st;
  return lstat (path, &st) == 0;
}

static void
plant (const char *path, const char *text)
{
  FILE *fp = fopen (path, "w");
  if (fp != NULL)
    {
      fputs (text, fp);
      fclose (fp);
    }
}

static char *
slurp (const char *path)
{
  static char buf[256];
  FILE *fp = fopen (path, "r");
  size_t n = 0;
  buf[0] = '\0';
  if (fp != NULL)
    {
      n = fread (buf, 1, sizeof buf - 1, fp);
      fclose (fp);
    }
  buf[n] = '\0';
  return buf;
}

static int
write_hello (FILE *fp, const void *arg)
{
  fputs ((const char *) arg, fp);
  return 0;
}

static int
write_then_fail (FILE *fp, const void *arg)
{
  fputs ("half", fp);
  return -1;
}

static int notified;
static char notified_path[256];

static void
notify (void *ctx, const char *path)
{
  notified++;
  snprintf (notified_path, sizeof notified_path, "%s", path);
}

/* Is TMP a temporary of BASE named ".cloudcast-PID-XXXXXX.BASE" with our
 * pid? */
static int
temp_named (const char *tmp, const char *base)
{
  char head[64];
  long pid = 0;
  int n = snprintf (head, sizeof head, ".cloudcast-%ld-", (long) getpid ());
  return tmp != NULL && strncmp (tmp, head, (size_t) n) == 0
         && strlen (tmp) == (size_t) n + 7 + strlen (base)
         && tmp[n + 6] == '.' && strcmp (tmp + n + 7, base) == 0
         && cc_output_is_temp (tmp, &pid) && pid == (long) getpid ();
}

static void
test_write (void)
{
  cc_output out = { dir, notify, NULL, -1 };
  cc_err err;

  is_int (cc_output_write (in_dir ("s.csv"), write_hello, "one\n", &err),
          CC_OK, "cc_output_write writes a file");
  is_str (slurp (in_dir ("s.csv")), "one\n", "with the writer's content");
  is_int (count_prefix (".cloudcast-"), 0, "and leaves no temporary");

  is_int (cc_output_write (in_dir ("s.csv"), write_then_fail, NULL, &err),
          CC_EIO, "a writer that fails: CC_EIO");
  has_str (err.msg, "cannot write", "saying it cannot write");
  is_str (slurp (in_dir ("s.csv")), "one\n", "the old file is left alone");
  is_int (count_prefix (".cloudcast-"), 0, "no temporary left after a failure");

  is_int (cc_output_write (in_dir ("no/such/x.csv"), write_hello, "x", &err),
          CC_ECANTCREAT, "no directory: CC_ECANTCREAT");
  has_str (err.msg, "cannot open the output directory",
           "naming the directory");

  notified = 0;
  is_int (cc_output_file (&out, "t.txt", write_hello, "two\n", &err), CC_OK,
          "cc_output_file writes DIR/NAME");
  ok (notified == 1 && strcmp (notified_path, in_dir ("t.txt")) == 0,
      "and tells the notifier its path");

  {
    char *p = cc_path_join ("out//", "x.csv"), *q = cc_path_join ("/", "x");
    char *r = cc_path_join ("out", "x");
    is_str (p, "out/x.csv", "a directory ending in slashes: one slash");
    is_str (q, "/x", "the root stays the root");
    is_str (r, "out/x", "a directory without a slash gets one");
    free (p);
    free (q);
    free (r);
  }
  {
    cc_output o1 = { in_dir ("p1/p2/p3/"), NULL, NULL, -1 };
    is_int (cc_outdir_open (&o1, 1, &err), CC_OK,
            "cc_outdir_open creates the missing parents");
    cc_outdir_close (&o1);
  }
  ok (exists (in_dir ("p1/p2/p3")), "... and the folder itself");
  {
    cc_output o2 = { in_dir ("p1/p2/p3"), NULL, NULL, -1 };
    is_int (cc_outdir_open (&o2, 1, &err), CC_OK,
            "an existing folder is fine");
    cc_outdir_close (&o2);
  }
  {
    cc_output o3 = { in_dir ("s.csv/sub"), NULL, NULL, -1 };
    is_int (cc_outdir_open (&o3, 1, &err), CC_ECANTCREAT,
            "a folder under a file: CC_ECANTCREAT");
  }
}

static void
test_reserve (void)
{
  cc_output out = { dir, NULL, NULL, -1 };
  cc_outfile o, held;
  cc_err err;
  char stale[64], swapped[300];

  is_int (cc_outdir_open (&out, 1, &err), CC_OK, "open the directory");
  is_int (cc_outfile_reserve (&o, out.dirfd, dir, "c.svg", &err), CC_OK,
          "reserve a temporary for another program");
  ok (temp_named (o.tmp, "c.svg"), "named .cloudcast-PID-XXXXXX.c.svg (%s)",
      o.tmp);
  is_int (cc_outfile_place (&o, &err), CC_ECANTCREAT,
          "an empty temporary is not put in place");
  ok (!exists (in_dir ("c.svg")) && count_prefix (".cloudcast-") == 0,
      "and is removed");

  cc_outfile_reserve (&o, out.dirfd, dir, "c.svg", &err);
  is_int ((int) write (o.fd, "<svg/>", 6), 6, "the other program writes it");
  is_int (cc_outfile_place (&o, &err), CC_OK, "a written one is placed");
  is_str (slurp (in_dir ("c.svg")), "<svg/>", "under the target's name");

  /* A temporary swapped for another file is not put in place. */
  cc_outfile_reserve (&o, out.dirfd, dir, "d.svg", &err);
  (void) write (o.fd, "<svg/>", 6);
  snprintf (swapped, sizeof swapped, "%s", o.tmp);
  rename (in_dir (o.tmp), in_dir ("moved"));
  plant (in_dir (swapped), "planted");
  is_int (cc_outfile_place (&o, &err), CC_ECANTCREAT,
          "a temporary replaced by another program is refused");
  ok (!exists (in_dir ("d.svg")), "and nothing is put in place");
  ok (exists (in_dir (swapped)), "nor is the other program's file removed");
  remove (in_dir ("moved"));
  remove (in_dir (swapped));

  /* The sweep removes stale temporaries of dead processes only. */
  cc_outfile_reserve (&held, out.dirfd, dir, "s.csv", &err);
  /* 4194304: above the kernel's largest pid_max, so nobody's pid. */
  snprintf (stale, sizeof stale, ".cloudcast-4194304-AbC123.s.csv");
  plant (in_dir (stale), "stale");
  plant (in_dir (".cloudcast-1-AbC123.x.csv"), "init's (alive)");
  plant (in_dir (".s.csv.tmp.AbC123"), "a user's");
  plant (in_dir (".notours"), "keep");
  cc_output_sweep (out.dirfd);
  ok (!exists (in_dir (stale)), "a sweep removes a dead process's temporary");
  ok (exists (held.tmp != NULL ? in_dir (held.tmp) : "/nonexistent"),
      "but not one of ours");
  ok (exists (in_dir (".cloudcast-1-AbC123.x.csv")),
      "nor a live process's");
  ok (exists (in_dir (".s.csv.tmp.AbC123")), "nor a user's .X.tmp.XXXXXX");
  ok (exists (in_dir (".notours")), "and leaves other hidden files alone");
  cc_outfile_abort (&held);
  ok (count_prefix (".cloudcast-") == 1, "abort removes ours");
  remove (in_dir (".cloudcast-1-AbC123.x.csv"));
  remove (in_dir (".s.csv.tmp.AbC123"));

  /* ...and a writer's own sweep clears what a killed one left. */
  plant (in_dir (stale), "killed mid-write");
  cc_output_write (in_dir ("s.csv"), write_hello, "three\n", &err);
  ok (!exists (in_dir (stale)),
      "writing s.csv clears a killed writer's temporary");
  cc_outdir_close (&out);
}

int
main (void)
{
  char cmd[640];
  snprintf (dir, sizeof dir, "%s/cc-output.XXXXXX",
            getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp");
  if (mkdtemp (dir) == NULL)
    return 99;
  test_write ();
  test_reserve ();
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    printf ("# could not remove %s\n", dir);
  return done_testing ();
}
