/* cli.c: messages and the data directory for the subcommands. */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/num.h"

void
cc_cli_warn (const char *fmt, ...)
{
  va_list ap;
  fputs ("cloudcast: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

int
cc_cli_fail (const cc_err *err)
{
  cc_cli_warn ("%s", err->msg[0] ? err->msg : cc_strstatus (err->status));
  return err->status ? err->status : CC_ESOFTWARE;
}

int
cc_cli_usage (const char *fmt, ...)
{
  va_list ap;
  fputs ("cloudcast: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputs ("\nTry 'cloudcast --help' for more information.\n", stderr);
  return CC_EUSAGE;
}

/* "CMD: OPT must be WHAT, not 'ARG'" as a usage error. */
static int
opt_bad (const char *cmd, const char *opt, const char *what, const char *arg)
{
  return cc_cli_usage ("%s: %s must be %s, not '%s'", cmd, opt, what, arg);
}

int
cc_cli_opt_long_as (const char *cmd, const char *opt, const char *arg,
                    long min, long max, const char *what, long *v)
{
  if (cc_num_parse_long (arg, min, max, v) != 0)
    return opt_bad (cmd, opt, what, arg);
  return CC_OK;
}

int
cc_cli_opt_long (const char *cmd, const char *opt, const char *arg, long min,
                 long max, long *v)
{
  char what[96];
  snprintf (what, sizeof what, "a whole number from %ld to %ld", min, max);
  return cc_cli_opt_long_as (cmd, opt, arg, min, max, what, v);
}

int
cc_cli_opt_ulong (const char *cmd, const char *opt, const char *arg,
                  unsigned long max, unsigned long *v)
{
  char what[96];
  if (cc_num_parse_ulong (arg, max, v) != 0)
    {
      snprintf (what, sizeof what, "a whole number from 0 to %lu", max);
      return opt_bad (cmd, opt, what, arg);
    }
  return CC_OK;
}

int
cc_cli_opt_double_as (const char *cmd, const char *opt, const char *arg,
                      double min, double max, const char *what, double *v)
{
  if (cc_num_parse (arg, v) != 0 || !(*v >= min && *v <= max))
    return opt_bad (cmd, opt, what, arg);
  return CC_OK;
}

int
cc_cli_opt_double (const char *cmd, const char *opt, const char *arg,
                   double min, double max, double *v)
{
  char what[96];
  snprintf (what, sizeof what, "a number from %g to %g", min, max);
  return cc_cli_opt_double_as (cmd, opt, arg, min, max, what, v);
}

int
cc_cli_opt_doubles (const char *cmd, const char *opt, const char *arg,
                    double min, double max, const char *what, double *v,
                    size_t maxn, size_t *n)
{
  const char *s = arg;
  *n = 0;
  for (;;)
    {
      size_t len = strcspn (s, ",");
      if (*n == maxn || cc_num_parse_n (s, len, &v[*n]) != 0
          || !(v[*n] >= min && v[*n] <= max))
        return opt_bad (cmd, opt, what, arg);
      ++*n;
      if (s[len] == '\0')
        return CC_OK;
      s += len + 1;
    }
}

static int
is_dir (const char *p)
{
  struct stat st;
  return stat (p, &st) == 0 && S_ISDIR (st.st_mode);
}

const char *
cc_cli_datadir (void)
{
  /* Computed once per process; the value never changes while it runs. */
  static char dir[PATH_MAX];
  char exe[PATH_MAX - 32], real[PATH_MAX], *slash;
  const char *env = getenv ("CLOUDCAST_DATADIR");
  ssize_t n;

  if (env != NULL && env[0] != '\0')
    return env;
  if (dir[0] != '\0')
    return dir;
  n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0)
    {
      exe[n] = '\0';
      slash = strrchr (exe, '/');
      if (slash != NULL)
        *slash = '\0';
      /* The uninstalled program lives in the build tree. */
      if (strcmp (exe, CC_BUILDDIR) == 0 && is_dir (CC_SRCDATADIR))
        {
          snprintf (dir, sizeof dir, "%s", CC_SRCDATADIR);
          return dir;
        }
      /* An installed program: $(bindir)/../share/cloudcast/data, which also
         holds under DESTDIR or after moving the whole prefix. */
      snprintf (dir, sizeof dir, "%s/../share/cloudcast/data", exe);
      if (is_dir (dir) && realpath (dir, real) != NULL)
        {
          snprintf (dir, sizeof dir, "%s", real);
          return dir;
        }
    }
  /* make install keeps the data/ prefix under $(pkgdatadir). */
  snprintf (dir, sizeof dir, "%s/data", CC_PKGDATADIR);
  return dir;
}

const char *
cc_cli_datafile (char *buf, unsigned long size, const char *rel)
{
  snprintf (buf, size, "%s/%s", cc_cli_datadir (), rel);
  return buf;
}

void
cc_cli_wrote (void *ctx, const char *path)
{
  fprintf (stderr, "cloudcast: wrote %s\n", path);
}

int
cc_cli_choice (const char *cmd, const char *opt, const char *arg,
               const char *const *names, int n, int *out)
{
  int i;
  for (i = 0; i < n; i++)
    if (strcmp (arg, names[i]) == 0)
      {
        *out = i;
        return 0;
      }
  cc_cli_usage ("%s: invalid %s '%s'", cmd, opt, arg);
  return -1;
}

/* One --by list (family,service,meter,charge,account,region,tag:KEY),
 * added to O: the deepest of family, service and meter sets the level
 * (family when the lists name none), the others add columns.  Returns 0,
 * or -1 after the usage message. */
int
cc_cli_parse_by (const char *cmd, const char *arg, cc_ingest_options *o,
                 int *level)
{
  static const char *const levels[] = { "family", "service", "meter" };
  const char *p = arg;
  char item[CC_INGEST_MAX_TAG_KEY + 4];
  for (;;)
    {
      size_t len = strcspn (p, ",");
      int i;
      if (len == 0 || len >= sizeof item)
        return cc_cli_usage ("%s: invalid --by '%s': an empty or too "
                             "long item", cmd, arg), -1;
      memcpy (item, p, len);
      item[len] = '\0';
      for (i = 0; i < 3 && strcmp (item, levels[i]) != 0; i++)
        ;
      if (i < 3)
        *level = i > *level ? i : *level;
      else if (strcmp (item, "charge") == 0)
        ;   /* charge categories are always kept apart */
      else if (strcmp (item, "account") == 0)
        o->by_account = 1;
      else if (strcmp (item, "region") == 0)
        o->by_region = 1;
      else if (strncmp (item, "tag:", 4) == 0 && item[4] != '\0')
        {
          for (i = 0; i < o->ntag && strcmp (o->tag[i], item + 4) != 0; i++)
            ;
          if (i == o->ntag && o->ntag == CC_INGEST_MAX_TAGS)
            return cc_cli_usage ("%s: --by: more than %d tags", cmd,
                                 CC_INGEST_MAX_TAGS), -1;
          if (i == o->ntag)
            memcpy (o->tag[o->ntag++], item + 4, len - 3);
        }
      else
        return cc_cli_usage ("%s: invalid --by item '%s' (family, "
                             "service, meter, charge, account, region or "
                             "tag:KEY)", cmd, item), -1;
      if (p[len] == '\0')
        return 0;
      p += len + 1;
    }
}
