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

int
cc_cli_opt_long (const char *cmd, const char *opt, const char *arg, long min,
                 long max, long *v)
{
  if (cc_num_parse_long (arg, min, max, v) != 0)
    return cc_cli_usage ("%s: %s takes a whole number from %ld to %ld, "
                         "not '%s'", cmd, opt, min, max, arg);
  return CC_OK;
}

int
cc_cli_opt_ulong (const char *cmd, const char *opt, const char *arg,
                  unsigned long max, unsigned long *v)
{
  if (cc_num_parse_ulong (arg, max, v) != 0)
    return cc_cli_usage ("%s: %s takes a whole number from 0 to %lu, "
                         "not '%s'", cmd, opt, max, arg);
  return CC_OK;
}

int
cc_cli_opt_double (const char *cmd, const char *opt, const char *arg,
                   double min, double max, double *v)
{
  if (cc_num_parse (arg, v) != 0 || *v < min || *v > max)
    return cc_cli_usage ("%s: %s takes a number from %g to %g, not '%s'",
                         cmd, opt, min, max, arg);
  return CC_OK;
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
