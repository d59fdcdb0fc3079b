/* output.c: the one atomic writer (mkstemp, flock, fsync, rename). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output.h"

/* Tries at making a temporary that a concurrent sweep does not remove. */
#define MAX_TEMP_TRIES 8

char *
cc_path_join (const char *dir, const char *name)
{
  size_t a = strlen (dir), b = strlen (name);
  char *p;
  /* "out/" and "out" give the same "out/NAME"; "/" stays the root. */
  while (a > 1 && dir[a - 1] == '/')
    a--;
  p = malloc (a + b + 2);
  if (p == NULL)
    return NULL;
  memcpy (p, dir, a);
  if (a > 0 && dir[a - 1] != '/')
    p[a++] = '/';
  memcpy (p + a, name, b + 1);
  return p;
}

/* ".tmp.XXXXXX": what follows the target's name in a temporary's. */
#define TEMP_SUFFIX ".tmp.XXXXXX"
#define TEMP_SUFFIX_LEN (sizeof TEMP_SUFFIX - 1)

int
cc_output_is_temp (const char *name)
{
  size_t n = strlen (name);
  return n > TEMP_SUFFIX_LEN + 1 && name[0] == '.'
         && strncmp (name + n - TEMP_SUFFIX_LEN, ".tmp.", 5) == 0;
}

/* Is NAME a temporary of the file BASE: ".BASE.tmp.XXXXXX"? */
static int
is_temp_of (const char *name, const char *base)
{
  size_t b = strlen (base);
  return name[0] == '.' && strncmp (name + 1, base, b) == 0
         && strlen (name + 1 + b) == TEMP_SUFFIX_LEN
         && strncmp (name + 1 + b, ".tmp.", 5) == 0;
}

/* Remove the temporary PATH unless a running process holds its lock.
 * Anything under a temporary's name that is not a regular file is not
 * ours either way and goes too. */
static void
sweep_one (const char *path)
{
  struct stat a, b;
  int fd;

  if (lstat (path, &a) != 0)
    return;
  if (!S_ISREG (a.st_mode))
    {
      unlink (path);
      return;
    }
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return;
  /* Holding the lock, check that the name is still this file before
     removing it (its writer checks the same after locking). */
  if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &a) == 0
      && lstat (path, &b) == 0 && a.st_dev == b.st_dev
      && a.st_ino == b.st_ino)
    unlink (path);
  close (fd);
}

/* Sweep DIR's temporaries: every one (BASE NULL) or those of BASE. */
static void
sweep_dir (const char *dir, const char *base)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL)
    if (base == NULL ? cc_output_is_temp (e->d_name)
                     : is_temp_of (e->d_name, base))
      {
        char *p = cc_path_join (dir, e->d_name);
        if (p != NULL)
          sweep_one (p);
        free (p);
      }
  closedir (d);
}

void
cc_output_sweep (const char *path)
{
  const char *slash = strrchr (path, '/');
  char *dir;
  if (slash == NULL)
    {
      sweep_dir (".", path);
      return;
    }
  dir = slash == path ? strdup ("/") : strndup (path, (size_t) (slash - path));
  if (dir != NULL && slash[1] != '\0')
    sweep_dir (dir, slash + 1);
  free (dir);
}

/* mkdir DIR and, when its parent is missing, each missing parent first
   (mkdir -p): 0, or -1 with errno set. */
static int
mkdir_parents (const char *dir)
{
  char *p;
  size_t i;
  int rc = 0;
  if (mkdir (dir, 0777) == 0)
    return 0;
  if (errno != ENOENT)
    return -1;
  if ((p = strdup (dir)) == NULL)
    return -1;
  for (i = 1; p[i] != '\0' && rc == 0; i++)
    if (p[i] == '/' && p[i - 1] != '/')
      {
        p[i] = '\0';
        if (mkdir (p, 0777) != 0 && errno != EEXIST)
          rc = -1;
        p[i] = '/';
      }
  free (p);
  return rc == 0 ? mkdir (dir, 0777) : -1;
}

int
cc_outdir_make (const char *dir, cc_err *err)
{
  struct stat st;

  if (mkdir_parents (dir) == 0)
    return CC_OK;
  if (errno == EEXIST && stat (dir, &st) == 0 && S_ISDIR (st.st_mode))
    {
      /* A run killed half-way leaves hidden temporaries; a new run owns
         the directory's outputs, so it clears them. */
      sweep_dir (dir, NULL);
      return CC_OK;
    }
  return cc_err_set (err, CC_ECANTCREAT, dir, 0, 0,
                     "cannot create output directory: %s",
                     errno == EEXIST ? "a file of that name exists"
                                     : strerror (errno));
}

/* "dir/.base.tmp.XXXXXX" for "dir/base". */
static char *
tmp_template (const char *path)
{
  const char *slash = strrchr (path, '/');
  size_t dlen = slash ? (size_t) (slash - path) + 1 : 0;
  const char *base = path + dlen;
  size_t n = dlen + 1 + strlen (base) + sizeof TEMP_SUFFIX;
  char *t = malloc (n);
  if (t == NULL)
    return NULL;
  memcpy (t, path, dlen);
  t[dlen] = '.';
  strcpy (t + dlen + 1, base);
  strcat (t, TEMP_SUFFIX);
  return t;
}

/* Is the open file FD still linked under the name TMP? */
static int
still_named (int fd, const char *tmp)
{
  struct stat a, b;
  return fstat (fd, &a) == 0 && lstat (tmp, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

/* Create and lock a temporary for PATH into O (tmp, fd). */
static int
make_temp (cc_outfile *o, const char *path, cc_err *err)
{
  mode_t mask;
  int tries, e = 0;

  memset (o, 0, sizeof *o);
  o->fd = -1;
  for (tries = 0; tries < MAX_TEMP_TRIES; tries++)
    {
      if ((o->tmp = tmp_template (path)) == NULL)
        return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
      if ((o->fd = mkstemp (o->tmp)) < 0)
        {
          e = errno;
          break;
        }
      /* Not for gnuplot or any other child to inherit. */
      (void) fcntl (o->fd, F_SETFD, FD_CLOEXEC);
      /* A sweep that opened the new file before we locked it may have
         removed it: then make another. */
      if (flock (o->fd, LOCK_EX) == 0 && still_named (o->fd, o->tmp))
        {
          /* mkstemp makes the file 0600; outputs get 0666 & ~umask. */
          mask = umask (0);
          umask (mask);
          (void) fchmod (o->fd, 0666 & ~mask);
          return CC_OK;
        }
      close (o->fd);
      o->fd = -1;
      free (o->tmp);
      o->tmp = NULL;
      e = EEXIST;
    }
  free (o->tmp);
  o->tmp = NULL;
  return cc_err_set (err, CC_ECANTCREAT, path, 0, 0,
                     "cannot create a temporary file next to it: %s",
                     strerror (e));
}

/* Make a rename durable: fsync the directory that holds PATH. */
static void
sync_dir (const char *path)
{
  const char *slash = strrchr (path, '/');
  char *dir = slash ? strndup (path, (size_t) (slash - path + 1)) : strdup (".");
  int fd = dir ? open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }
  free (dir);
}

static void
outfile_release (cc_outfile *o)
{
  if (o->fp != NULL)
    fclose (o->fp);
  else if (o->fd >= 0)
    close (o->fd);
  free (o->tmp);
  free (o->path);
  memset (o, 0, sizeof *o);
  o->fd = -1;
}

void
cc_outfile_abort (cc_outfile *o)
{
  if (o->tmp != NULL)
    unlink (o->tmp);
  outfile_release (o);
}

int
cc_outfile_open (cc_outfile *o, const char *path, cc_err *err)
{
  int rc = make_temp (o, path, err);
  if (rc != CC_OK)
    return rc;
  o->fp = fdopen (o->fd, "w");
  o->path = strdup (path);
  if (o->fp == NULL || o->path == NULL)
    {
      cc_outfile_abort (o);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  return CC_OK;
}

int
cc_outfile_reserve (cc_outfile *o, const char *path, cc_err *err)
{
  int rc = make_temp (o, path, err);
  if (rc != CC_OK)
    return rc;
  if ((o->path = strdup (path)) == NULL)
    {
      cc_outfile_abort (o);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  return CC_OK;
}

/* Rename O's temporary into place, still holding its lock, then release
 * it.  On failure the temporary is removed. */
static int
rename_into_place (cc_outfile *o, cc_err *err)
{
  int e;
  if (rename (o->tmp, o->path) != 0)
    {
      e = errno;
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
                  "cannot rename into place: %s", strerror (e));
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  sync_dir (o->path);
  outfile_release (o);
  return CC_OK;
}

int
cc_outfile_commit (cc_outfile *o, cc_err *err)
{
  int e;
  errno = 0;
  if (fflush (o->fp) != 0 || ferror (o->fp) || fsync (o->fd) != 0)
    {
      e = errno;
      cc_err_set (err, CC_EIO, o->path, 0, 0, "cannot write: %s",
                  e ? strerror (e) : "write error");
      cc_outfile_abort (o);
      return CC_EIO;
    }
  return rename_into_place (o, err);
}

int
cc_outfile_place (cc_outfile *o, cc_err *err)
{
  struct stat st;
  /* By name: the other program may have replaced the file we made. */
  int fd = open (o->tmp, O_RDONLY | O_CLOEXEC);
  int e = fd < 0 ? errno : 0;
  if (fd < 0 || fstat (fd, &st) != 0 || st.st_size == 0 || fsync (fd) != 0)
    {
      if (fd >= 0)
        close (fd);
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0, "%s",
                  e ? strerror (e) : "the chart program wrote nothing");
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  close (fd);
  return rename_into_place (o, err);
}

int
cc_output_write (const char *path, cc_output_fn fn, const void *arg,
                 cc_err *err)
{
  cc_outfile o;
  int rc, e;

  cc_output_sweep (path);
  if ((rc = cc_outfile_open (&o, path, err)) != CC_OK)
    return rc;
  errno = 0;
  if (fn (o.fp, arg) != 0)
    {
      e = errno;
      cc_err_set (err, CC_EIO, path, 0, 0, "cannot write: %s",
                  e ? strerror (e) : "write error");
      cc_outfile_abort (&o);
      return CC_EIO;
    }
  return cc_outfile_commit (&o, err);
}

int
cc_output_file (const cc_output *out, const char *name, cc_output_fn fn,
                const void *arg, cc_err *err)
{
  char *path = cc_path_join (out->dir, name);
  int rc;
  if (path == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  rc = cc_output_write (path, fn, arg, err);
  if (rc == CC_OK && out->notify != NULL)
    out->notify (out->ctx, path);
  free (path);
  return rc;
}
