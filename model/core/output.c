/* output.c: atomic output files (mkstemp, fsync, rename). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output.h"

char *
cc_path_join (const char *dir, const char *name)
{
  size_t a = strlen (dir), b = strlen (name);
  char *p = malloc (a + b + 2);
  if (p == NULL)
    return NULL;
  memcpy (p, dir, a);
  p[a] = '/';
  memcpy (p + a + 1, name, b + 1);
  return p;
}

/* Is NAME one of our temporaries, ".BASE.tmp.XXXXXX"? */
static int
is_temp_name (const char *name)
{
  size_t n = strlen (name);
  return n > 12 && name[0] == '.' && strncmp (name + n - 11, ".tmp.", 5) == 0;
}

int
cc_outdir_make (const char *dir, cc_err *err)
{
  struct stat st;
  DIR *d;
  struct dirent *e;

  if (mkdir (dir, 0777) == 0)
    return CC_OK;
  if (errno == EEXIST && stat (dir, &st) == 0 && S_ISDIR (st.st_mode))
    {
      /* A run killed half-way leaves hidden temporaries; a new run owns
         the directory's outputs, so it clears them. */
      if ((d = opendir (dir)) != NULL)
        {
          while ((e = readdir (d)) != NULL)
            if (is_temp_name (e->d_name))
              {
                char *p = cc_path_join (dir, e->d_name);
                if (p != NULL)
                  unlink (p);
                free (p);
              }
          closedir (d);
        }
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
  size_t n = dlen + 1 + strlen (base) + sizeof ".tmp.XXXXXX";
  char *t = malloc (n);
  if (t == NULL)
    return NULL;
  memcpy (t, path, dlen);
  t[dlen] = '.';
  strcpy (t + dlen + 1, base);
  strcat (t, ".tmp.XXXXXX");
  return t;
}

static int
make_temp (const char *path, char **tmp, int *fd, cc_err *err)
{
  mode_t mask;
  *tmp = tmp_template (path);
  if (*tmp == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  *fd = mkstemp (*tmp);
  if (*fd < 0)
    {
      int e = errno;
      free (*tmp);
      *tmp = NULL;
      return cc_err_set (err, CC_ECANTCREAT, path, 0, 0, "cannot create: %s",
                         strerror (e));
    }
  /* mkstemp makes the file 0600; outputs get the usual 0666 & ~umask. */
  mask = umask (0);
  umask (mask);
  (void) fchmod (*fd, 0666 & ~mask);
  return CC_OK;
}

/* Make a rename durable: fsync the directory that holds PATH. */
static void
sync_dir (const char *path)
{
  const char *slash = strrchr (path, '/');
  char *dir = slash ? strndup (path, (size_t) (slash - path + 1)) : strdup (".");
  int fd = dir ? open (dir, O_RDONLY | O_DIRECTORY) : -1;
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }
  free (dir);
}

int
cc_outfile_open (cc_outfile *o, const char *path, cc_err *err)
{
  int fd, rc;
  memset (o, 0, sizeof *o);
  if ((rc = make_temp (path, &o->tmp, &fd, err)) != CC_OK)
    return rc;
  o->fp = fdopen (fd, "w");
  o->path = strdup (path);
  if (o->fp == NULL || o->path == NULL)
    {
      if (o->fp == NULL)
        close (fd);
      cc_outfile_abort (o);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  return CC_OK;
}

void
cc_outfile_abort (cc_outfile *o)
{
  if (o->fp != NULL)
    fclose (o->fp);
  if (o->tmp != NULL)
    unlink (o->tmp);
  free (o->tmp);
  free (o->path);
  memset (o, 0, sizeof *o);
}

int
cc_outfile_commit (cc_outfile *o, cc_err *err)
{
  int bad = fflush (o->fp) != 0 || ferror (o->fp) || fsync (fileno (o->fp)) != 0;
  int e = errno;
  if (fclose (o->fp) != 0 && !bad)
    {
      bad = 1;
      e = errno;
    }
  o->fp = NULL;
  if (!bad && rename (o->tmp, o->path) != 0)
    {
      bad = 1;
      e = errno;
    }
  if (bad)
    {
      cc_err_set (err, CC_ECANTCREAT, o->path, 0, 0, "cannot write: %s",
                  strerror (e));
      cc_outfile_abort (o);
      return CC_ECANTCREAT;
    }
  sync_dir (o->path);
  free (o->tmp);
  free (o->path);
  memset (o, 0, sizeof *o);
  return CC_OK;
}

int
cc_outfile_reserve (const char *path, char **tmp, cc_err *err)
{
  int fd, rc;
  if ((rc = make_temp (path, tmp, &fd, err)) != CC_OK)
    return rc;
  close (fd);
  return CC_OK;
}

int
cc_outfile_rename (const char *tmp, const char *path, cc_err *err)
{
  struct stat st;
  int fd = open (tmp, O_RDONLY);
  int e;
  if (fd < 0 || fstat (fd, &st) != 0 || st.st_size == 0 || fsync (fd) != 0)
    {
      e = fd < 0 ? errno : 0;
      if (fd >= 0)
        close (fd);
      unlink (tmp);
      return cc_err_set (err, CC_ECANTCREAT, path, 0, 0, "%s",
                         e ? strerror (e) : "the chart program wrote nothing");
    }
  close (fd);
  if (rename (tmp, path) != 0)
    {
      e = errno;
      unlink (tmp);
      return cc_err_set (err, CC_ECANTCREAT, path, 0, 0, "cannot rename: %s",
                         strerror (e));
    }
  sync_dir (path);
  return CC_OK;
}
