/* test_output.c: the one atomic writer (model/core/output.h): temporaries
 * named ".NAME.tmp.XXXXXX" beside the target, failures that leave the
 * target alone, and sweeps that remove stale temporaries but not those a
 * writer still holds. */
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

/* Is BASE's temporary name ".BASE.tmp.XXXXXX" (six characters)? */
static int
temp_named (const char *tmp, const char *base)
{
  const char *slash = strrchr (tmp, '/');
  const char *name = slash ? slash + 1 : tmp;
  return name[0] == '.' && strncmp (name + 1, base, strlen (base)) == 0
         && strcmp (name + 1 + strlen (base), ".tmp.XXXXXX") != 0
         && strlen (name + 1 + strlen (base)) == strlen (".tmp.XXXXXX")
         && strncmp (name + 1 + strlen (base), ".tmp.", 5) == 0
         && cc_output_is_temp (name);
}

static void
test_write (void)
{
  cc_output out = { dir, notify, NULL };
  cc_err err;

  is_int (cc_output_write (in_dir ("s.csv"), write_hello, "one\n", &err),
          CC_OK, "cc_output_write writes a file");
  is_str (slurp (in_dir ("s.csv")), "one\n", "with the writer's content");
  is_int (count_prefix (".s.csv"), 0, "and leaves no temporary");

  is_int (cc_output_write (in_dir ("s.csv"), write_then_fail, NULL, &err),
          CC_EIO, "a writer that fails: CC_EIO");
  has_str (err.msg, "cannot write", "saying it cannot write");
  is_str (slurp (in_dir ("s.csv")), "one\n", "the old file is left alone");
  is_int (count_prefix (".s.csv"), 0, "no temporary left after a failure");

  is_int (cc_output_write (in_dir ("no/such/x.csv"), write_hello, "x", &err),
          CC_ECANTCREAT, "no directory: CC_ECANTCREAT");
  has_str (err.msg, "cannot create a temporary file next to it",
           "naming the temporary");

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
  is_int (cc_outdir_make (in_dir ("p1/p2/p3/"), &err), CC_OK,
          "cc_outdir_make creates the missing parents");
  ok (exists (in_dir ("p1/p2/p3")), "... and the folder itself");
  is_int (cc_outdir_make (in_dir ("p1/p2/p3"), &err), CC_OK,
          "an existing folder is fine");
  is_int (cc_outdir_make (in_dir ("s.csv/sub"), &err), CC_ECANTCREAT,
          "a folder under a file: CC_ECANTCREAT");
}

static void
test_reserve (void)
{
  cc_outfile o, held;
  cc_err err;

  is_int (cc_outfile_reserve (&o, in_dir ("c.svg"), &err), CC_OK,
          "reserve a temporary for another program");
  ok (temp_named (o.tmp, "c.svg"), "named .c.svg.tmp.XXXXXX beside it (%s)",
      o.tmp);
  is_int (cc_outfile_place (&o, &err), CC_ECANTCREAT,
          "an empty temporary is not put in place");
  ok (!exists (in_dir ("c.svg")) && count_prefix (".c.svg") == 0,
      "and is removed");

  cc_outfile_reserve (&o, in_dir ("c.svg"), &err);
  plant (o.tmp, "<svg/>");
  is_int (cc_outfile_place (&o, &err), CC_OK, "a written one is placed");
  is_str (slurp (in_dir ("c.svg")), "<svg/>", "under the target's name");

  /* A sweep leaves a temporary its writer still holds... */
  cc_outfile_reserve (&held, in_dir ("s.csv"), &err);
  plant (in_dir (".s.csv.tmp.AbC123"), "stale");
  plant (in_dir (".x.csv.tmp.AbC123"), "stale");
  plant (in_dir (".notours"), "keep");
  cc_output_sweep (in_dir ("s.csv"));
  ok (!exists (in_dir (".s.csv.tmp.AbC123")),
      "a sweep of s.csv removes its stale temporary");
  ok (exists (held.tmp), "but not the one a writer holds");
  ok (exists (in_dir (".x.csv.tmp.AbC123")),
      "nor another file's temporary");
  is_int (cc_outdir_make (dir, &err), CC_OK, "an existing directory is fine");
  ok (!exists (in_dir (".x.csv.tmp.AbC123")),
      "cc_outdir_make sweeps every stale temporary");
  ok (exists (held.tmp), "still not the held one");
  ok (exists (in_dir (".notours")), "and leaves other hidden files alone");
  cc_outfile_abort (&held);
  ok (count_prefix (".s.csv") == 0, "abort removes the held temporary");

  /* ...and a writer's own sweep clears what a killed one left. */
  plant (in_dir (".s.csv.tmp.ZzZ999"), "killed mid-write");
  cc_output_write (in_dir ("s.csv"), write_hello, "three\n", &err);
  ok (!exists (in_dir (".s.csv.tmp.ZzZ999")),
      "writing s.csv clears a killed writer's temporary of it");
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
