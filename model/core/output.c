/* output.c: the one atomic writer (openat O_EXCL, fsync, renameat). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/output.h"

/* Names tried before giving up on making a temporary. */
#define MAX_TEMP_TRIES 64

/* What every temporary's name starts with: ".cloudcast-PID-XXXXXX.NAME". */
#define TEMP_PREFIX ".cloudcast-"
#define TEMP_PREFIX_LEN (sizeof TEMP_PREFIX - 1)
#define TEMP_RANDOM 6

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

int
cc_output_is_temp (const char *name, long *pid)
{
  const char *p = name + TEMP_PREFIX_LEN;
  long v = 0;
  int i;

  if (strncmp (name, TEMP_PREFIX, TEMP_PREFIX_LEN) != 0 || *p < '1'
      || *p > '9')
    return 0;
  for (; *p >= '0' && *p <= '9'; p++)
    {
      if (v > (LONG_MAX - 9) / 10)
        return 0;
      v = v * 10 + (*p - '0');
    }
  if (*p++ != '-')
    return 0;
  for (i = 0; i < TEMP_RANDOM; i++, p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')
          || (*p >= 'A' && *p <= 'Z')))
      return 0;
  if (*p != '.' || p[1] == '\0')
    return 0;
  if (pid != NULL)
    *pid = v;
  return 1;
}

/* A copy of DIR without trailing slashes ("/" stays "/"). */
static char *
dir_name_copy (const char *dir)
{
  char *d = strdup (dir[0] != '\0' ? dir : ".");
  size_t n = d != NULL ? strlen (d) : 0;
  while (n > 1 && d[n - 1] == '/')
    d[--n] = '\0';
  return d;
}

int
cc_dir_open (const char *dir, cc_err *err)
{
  struct stat st;
  char *d = dir_name_copy (dir);
  int fd, e;

  if (d == NULL)
    {
      cc_err_set (err, CC_ESOFTWARE, dir, 0, 0, "out of memory");
      return -1;
    }
  fd = open (d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  e = errno;
  if (fd < 0 && (e == ELOOP || e == ENOTDIR) && lstat (d, &st) == 0
      && S_ISLNK (st.st_mode))
    {
      /* A link the user (or root) made is theirs to follow; one planted
         by somebody else could send our files anywhere. */
      if (st.st_uid != geteuid () && st.st_uid != 0)
        {
          cc_err_set (err, CC_ECANTCREAT, dir, 0, 0,
                      "is a symbolic link owned by another user (uid %ld); "
                      "refusing to write through it", (long) st.st_uid);
          free (d);
          return -1;
        }
      fd = open (d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      e = errno;
    }
  if (fd < 0)
    cc_err_set (err, CC_ECANTCREAT, dir, 0, 0,
                "cannot open the output directory: %s", strerror (e));
  free (d);
  return fd;
}

void
cc_output_sweep (int dirfd)
{
  int fd = openat (dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *e;
  struct stat st;
  long pid;

  if (d == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((e = readdir (d)) != NULL)
    if (cc_output_is_temp (e->d_name, &pid) && pid != (long) getpid ()
        && (pid_t) pid == pid && kill ((pid_t) pid, 0) != 0 && errno == ESRCH
        && fstatat (dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
        && (S_ISREG (st.st_mode) || S_ISLNK (st.st_mode))
        && st.st_uid == geteuid ())
      (void) unlinkat (dirfd, e->d_name, 0);
  closedir (d);
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
cc_outdir_open (cc_output *out, int sweep, cc_err *err)
{
  struct stat st;
  int made = mkdir_parents (out->dir) == 0;

  if (!made && errno != EEXIST)
    return cc_err_set (err, CC_ECANTCREAT, out->dir, 0, 0,
                       "cannot create output directory: %s", strerror (errno));
  if (!made && lstat (out->dir, &st) == 0 && !S_ISDIR (st.st_mode)
      && !S_ISLNK (st.st_mode))
    return cc_err_set (err, CC_ECANTCREAT, out->dir, 0, 0,
                       "cannot create output directory: a file of that name "
                       "exists");
  if ((out->dirfd = cc_dir_open (out->dir, err)) < 0)
    return err->status;
  /* A run killed half-way leaves hidden temporaries; they are ours. */
  if (!made && sweep)
    cc_output_sweep (out->dirfd);
  return CC_OK;
}

void
cc_outdir_close (cc_output *out)
{
  if (out->dirfd >= 0)
    close (out->dirfd);
  out->dirfd = -1;
}

/* ".cloudcast-PID-XXXXXX.NAME" for NAME, kept within NAME_MAX bytes by
 * shortening NAME on a UTF-8 character boundary (the name is only a
 * hint; the sweep goes by the prefix). */
static char *
temp_name (const char *name)
{
  static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static unsigned long counter;
  char head[64], *t;
  struct timespec ts;
  unsigned long r;
  size_t h, n = strlen (name), i;

  clock_gettime (CLOCK_REALTIME, &ts);
  r = (unsigned long) ts.tv_nsec * 2654435761UL ^ (unsigned long) ts.tv_sec
      ^ (++counter * 40503UL) ^ ((unsigned long) getpid () << 16);
  h = (size_t) snprintf (head, sizeof head, TEMP_PREFIX "%ld-", (long) getpid ());
  for (i = 0; i < TEMP_RANDOM; i++, r /= 62)
    head[h++] = set[r % 62];
  head[h++] = '.';
  head[h] = '\0';
  if (h + n > NAME_MAX)
    {
      n = NAME_MAX - h;
      while (n > 0 && ((unsigned char) name[n] & 0xC0) == 0x80)
        n--;
    }
  if ((t = malloc (h + n + 1)) == NULL)
    return NULL;
  memcpy (t, head, h);
  memcpy (t + h, name, n);
  t[h + n] = '\0';
  return t;
}

/* Is the open file O->fd still linked under O->tmp in its directory? */
static int
still_ours (const cc_outfile *o)
{
  struct stat a, b;
  return fstat (o->fd, &a) == 0
         && fstatat (o->dirfd, o->tmp, &b, AT_SYMLINK_NOFOLLOW) == 0
         && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static void
outfile_release (cc_outfile *o)
{
  if (o->fp != NULL)
    fclose (o->fp);
  else if (o->fd >= 0)
    close (o->fd);
  if (o->dirfd >= 0)
    close (o->dirfd);
  free (o->tmp);
  free (o->name);
  free (o->path);
  memset (o, 0, sizeof *o);
  o->fd = o->dirfd = -1;
}

void
cc_outfile_abort (cc_outfile *o)
{
  /* Only a name that is still our file goes: another program's is not
     ours to remove. */
  if (o->tmp != NULL && o->fd >= 0 && still_ours (o))
    (void) unlinkat (o->dirfd, o->tmp, 0);
  outfile_release (o);
}

/* Open the target itself: a FIFO, a device, or a path under /dev/. */
static int
open_direct (cc_outfile *o, const struct stat *st, cc_err *err)
{
  int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC;
  if (S_ISREG (st->st_mode))
    flags |= O_TRUNC;
  if ((o->fd = openat (o->dirfd, o->name, flags)) < 0)
    return cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0, "cannot open: %s",
                       strerror (errno));
  return CC_OK;
}

/* Set O up for NAME in DIRFD (DIR for messages) and create its exclusive
 * temporary, or with DIRECT_OK open a target that is not a regular file
 * directly. */
static int
make_temp (cc_outfile *o, int dirfd, const char *dir, const char *name,
           int direct_ok, cc_err *err)
{
  struct stat st;
  int tries, e = 0, exists;

  memset (o, 0, sizeof *o);
  o->fd = -1;
  o->dirfd = fcntl (dirfd, F_DUPFD_CLOEXEC, 0);
  o->path = dir != NULL ? cc_path_join (dir, name) : strdup (name);
  o->name = strdup (name);
  if (o->dirfd < 0 || o->path == NULL || o->name == NULL)
    {
      e = errno;
      outfile_release (o);
      return cc_err_set (err, CC_ESOFTWARE, name, 0, 0,
                         "cannot set up an output: %s", strerror (e));
    }
  exists = fstatat (dirfd, name, &st, 0) == 0;
  if (name[0] == '\0' || (exists && S_ISDIR (st.st_mode)))
    {
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
                  "is a directory, not a file");
      outfile_release (o);
      return CC_ECANTCREAT;
    }
  if (direct_ok && exists
      && (!S_ISREG (st.st_mode) || strncmp (o->path, "/dev/", 5) == 0))
    {
      int rc = open_direct (o, &st, err);
      if (rc != CC_OK)
        outfile_release (o);
      return rc;
    }
  for (tries = 0; tries < MAX_TEMP_TRIES; tries++)
    {
      free (o->tmp);
      if ((o->tmp = temp_name (name)) == NULL)
        break;
      o->fd = openat (dirfd, o->tmp,
                      O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                      0600);
      if (o->fd >= 0)
        return CC_OK;
      if ((e = errno) != EEXIST)
        break;
    }
  free (o->tmp);
  o->tmp = NULL;
  cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
              "cannot create a temporary file next to it: %s",
              strerror (e ? e : ENOMEM));
  outfile_release (o);
  return CC_ECANTCREAT;
}

/* Rename O's temporary into place and sync the directory, then release
 * it.  On failure the temporary is removed. */
static int
rename_into_place (cc_outfile *o, cc_err *err)
{
  struct stat st;
  mode_t mask = umask (0);
  umask (mask);
  /* Made 0600; the output gets 0666 & ~umask. */
  (void) fchmod (o->fd, 0666 & ~mask);
  if (!still_ours (o))
    {
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
                  "its temporary was replaced by another program; "
                  "not put in place");
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  if (renameat (o->dirfd, o->tmp, o->dirfd, o->name) != 0)
    {
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
                  "cannot rename into place: %s", strerror (errno));
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  /* Swapped between the check and the rename: what now has the target's
     name is a link somebody planted (cloudcast never places one; a
     concurrent run's file is a regular file and stays). */
  if (fstatat (o->dirfd, o->name, &st, AT_SYMLINK_NOFOLLOW) == 0
      && S_ISLNK (st.st_mode))
    {
      (void) unlinkat (o->dirfd, o->name, 0);
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0,
                  "its temporary was replaced by a symbolic link; removed");
      outfile_release (o);
      return CC_ECANTCREAT;
    }
  (void) fsync (o->dirfd);
  outfile_release (o);
  return CC_OK;
}

int
cc_outfile_open_at (cc_outfile *o, int dirfd, const char *dir,
                    const char *name, cc_err *err)
{
  int rc = make_temp (o, dirfd, dir, name, 1, err);
  if (rc != CC_OK)
    return rc;
  if ((o->fp = fdopen (o->fd, "w")) == NULL)
    {
      cc_outfile_abort (o);
      return cc_err_set (err, CC_ESOFTWARE, dir, 0, 0, "out of memory");
    }
  return CC_OK;
}

int
cc_outfile_open (cc_outfile *o, const char *path, cc_err *err)
{
  const char *slash = strrchr (path, '/');
  char *dir = slash == NULL ? strdup (".")
              : slash == path ? strdup ("/")
                              : strndup (path, (size_t) (slash - path));
  int dirfd, rc;

  memset (o, 0, sizeof *o);
  o->fd = o->dirfd = -1;
  if (dir == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  if ((dirfd = cc_dir_open (dir, err)) < 0)
    {
      free (dir);
      return err->status;
    }
  rc = cc_outfile_open_at (o, dirfd, slash != NULL ? dir : NULL,
                           slash != NULL ? slash + 1 : path, err);
  if (rc == CC_OK && slash != NULL && slash == path)
    {
      free (o->path);   /* "/" + "/name" would read "//name" */
      o->path = strdup (path);
    }
  close (dirfd);
  free (dir);
  return rc;
}

int
cc_outfile_reserve (cc_outfile *o, int dirfd, const char *dir,
                    const char *name, cc_err *err)
{
  return make_temp (o, dirfd, dir, name, 0, err);
}

int
cc_outfile_commit (cc_outfile *o, cc_err *err)
{
  int e, bad;
  errno = 0;
  bad = fflush (o->fp) != 0 || ferror (o->fp)
        || (o->tmp != NULL && fsync (o->fd) != 0);
  e = errno;
  if (bad)
    {
      cc_err_set (err, CC_EIO, o->path, 0, 0, "cannot write: %s",
                  e ? strerror (e) : "write error");
      cc_outfile_abort (o);
      return CC_EIO;
    }
  if (o->tmp == NULL)
    {
      bad = fclose (o->fp) != 0;
      o->fp = NULL;
      o->fd = -1;
      if (bad)
        cc_err_set (err, CC_EIO, o->path, 0, 0, "cannot write: %s",
                    strerror (errno));
      outfile_release (o);
      return bad ? CC_EIO : CC_OK;
    }
  return rename_into_place (o, err);
}

int
cc_outfile_place (cc_outfile *o, cc_err *err)
{
  struct stat st;
  int e = 0;
  st.st_size = -1;
  if (fstat (o->fd, &st) != 0 || st.st_size == 0 || fsync (o->fd) != 0)
    {
      e = errno;
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0, "%s",
                  st.st_size == 0 ? "the chart program wrote nothing"
                                  : strerror (e));
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  return rename_into_place (o, err);
}

/* Write FN's content to NAME in DIRFD. */
static int
write_at (int dirfd, const char *dir, const char *name, cc_output_fn fn,
          const void *arg, cc_err *err)
{
  cc_outfile o;
  int rc, e;

  if ((rc = cc_outfile_open_at (&o, dirfd, dir, name, err)) != CC_OK)
    return rc;
  errno = 0;
  if (fn (o.fp, arg) != 0)
    {
      e = errno;
      cc_err_set (err, CC_EIO, o.path, 0, 0, "cannot write: %s",
                  e ? strerror (e) : "write error");
      cc_outfile_abort (&o);
      return CC_EIO;
    }
  return cc_outfile_commit (&o, err);
}

int
cc_output_write (const char *path, cc_output_fn fn, const void *arg,
                 cc_err *err)
{
  cc_outfile o;
  int rc, e;

  if ((rc = cc_outfile_open (&o, path, err)) != CC_OK)
    return rc;
  if (o.tmp != NULL)
    cc_output_sweep (o.dirfd);
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
  int dirfd = out->dirfd >= 0 ? out->dirfd : cc_dir_open (out->dir, err);
  char *path;
  int rc;

  if (dirfd < 0)
    return err->status;
  rc = write_at (dirfd, out->dir, name, fn, arg, err);
  if (dirfd != out->dirfd)
    close (dirfd);
  if (rc == CC_OK && out->notify != NULL
      && (path = cc_path_join (out->dir, name)) != NULL)
    {
      out->notify (out->ctx, path);
      free (path);
    }
  return rc;
}

int
cc_path_same (const char *a, const char *b)
{
  struct stat sa, sb;
  const char *ba, *bb;
  char *da, *db;
  int same;

  if (strcmp (a, b) == 0)
    return 1;
  if (stat (a, &sa) == 0 && stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  /* One does not exist yet: the same name in the same directory? */
  ba = strrchr (a, '/');
  bb = strrchr (b, '/');
  if (strcmp (ba ? ba + 1 : a, bb ? bb + 1 : b) != 0)
    return 0;
  da = ba ? strndup (a, (size_t) (ba - a) + 1) : strdup (".");
  db = bb ? strndup (b, (size_t) (bb - b) + 1) : strdup (".");
  same = da != NULL && db != NULL && stat (da, &sa) == 0
         && stat (db, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
  free (da);
  free (db);
  return same;
}

static int
skipped (const char *p)
{
  return p == NULL || strcmp (p, "-") == 0;
}

int
cc_outputs_check (const char *const *out, size_t n, const char *const *in,
                  size_t m, cc_err *err)
{
  size_t i, j;
  for (i = 0; i < n; i++)
    {
      if (skipped (out[i]))
        continue;
      for (j = 0; j < m; j++)
        if (!skipped (in[j]) && cc_path_same (out[i], in[j]))
          return cc_err_set (err, CC_EUSAGE, out[i], 0, 0,
                             "is also an input (%s); an output never "
                             "replaces an input", in[j]);
      for (j = 0; j < i; j++)
        if (!skipped (out[j]) && cc_path_same (out[i], out[j]))
          return cc_err_set (err, CC_EUSAGE, out[i], 0, 0,
                             "is also another output of this run (%s)",
                             out[j]);
    }
  return CC_OK;
}
