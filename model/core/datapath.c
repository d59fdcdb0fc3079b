/* datapath.c: bundled data found by name (datapath.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/datapath.h"

#define MAX_ROOTS 4
#define PATH_CAP 4200

static const char *installed;

void
cc_datapath_set_installed (const char *dir)
{
  installed = dir;
}

static const char *
installed_dir (char *buf, size_t size)
{
  const char *env = getenv ("CLOUDCAST_DATADIR");
  if (installed != NULL)
    return installed;
  struct stat st;
  if (env != NULL && env[0] != '\0')
    return env;
  snprintf (buf, size, "%s/data", CC_PKGDATADIR);
  /* Not installed yet (a test linking the library in the build tree):
     the source tree's data. */
  if (stat (buf, &st) != 0 && stat (CC_SRCDATADIR, &st) == 0)
    snprintf (buf, size, "%s", CC_SRCDATADIR);
  return buf;
}

/* The folders to look in, in order, each ending in '/' (or "" for the
 * current folder) in ROOT[]; their number. */
static size_t
roots (const char *base, char root[MAX_ROOTS][PATH_CAP])
{
  const char *env = getenv ("CLOUDCAST_DATA");
  const char *xdg = getenv ("XDG_DATA_HOME");
  const char *home = getenv ("HOME");
  char ibuf[4096];
  const char *inst = installed_dir (ibuf, sizeof ibuf);
  size_t n = 0;

  snprintf (root[n++], PATH_CAP, "%s", base ? base : "");
  if (env != NULL && env[0] != '\0')
    snprintf (root[n++], PATH_CAP, "%s/", env);
  if (xdg != NULL && xdg[0] == '/')
    snprintf (root[n++], PATH_CAP, "%s/cloudcast/", xdg);
  else if (home != NULL && home[0] == '/')
    snprintf (root[n++], PATH_CAP, "%s/.local/share/cloudcast/", home);
  snprintf (root[n++], PATH_CAP, "%s/", inst);
  return n;
}

const char *
cc_datapath_where (const char *base, char *buf, size_t size)
{
  char root[MAX_ROOTS][PATH_CAP];
  size_t n = roots (base, root), i, len = 0;

  buf[0] = '\0';
  for (i = 0; i < n && len < size; i++)
    {
      int w = snprintf (buf + len, size - len, "%s%s", i ? ", " : "",
                        root[i][0] ? root[i] : "./");
      if (w < 0)
        break;
      len += (size_t) w;
    }
  return buf;
}

/* Something to read at P: anything but a folder (a device or FIFO is the
   reader's to refuse). */
static int
is_file (const char *p)
{
  struct stat st;
  return stat (p, &st) == 0 && !S_ISDIR (st.st_mode);
}

int
cc_datapath_find (const char *base, const char *name, const char *sub,
                  char **out, cc_err *err)
{
  char root[MAX_ROOTS][PATH_CAP], p[2 * PATH_CAP + 64], where[1024];
  size_t n, i, k;

  *out = NULL;
  if (name[0] == '/')
    {
      /* Absolute: as written; the reader says what is wrong with it. */
      *out = strdup (name);
      return *out ? CC_OK
                  : cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  n = roots (base, root);
  for (i = 0; i < n; i++)
    for (k = 0; k < 4; k++)
      {
        if (k >= 2 && sub == NULL)
          break;
        int w = snprintf (p, sizeof p, "%s%s%s%s%s", root[i],
                          k >= 2 ? sub : "", k >= 2 ? "/" : "", name,
                          k % 2 ? ".csv" : "");
        if (w > 0 && (size_t) w < sizeof p && is_file (p))
          {
            *out = strdup (p);
            return *out ? CC_OK
                        : cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                                      "out of memory");
          }
      }
  return cc_err_set (err, CC_ENOINPUT, NULL, 0, 0,
                     "cannot open '%s': not found in %s (each tried as "
                     "written and with .csv%s%s%s)", name,
                     cc_datapath_where (base, where, sizeof where),
                     sub ? ", also under " : "", sub ? sub : "",
                     sub ? "/" : "");
}
