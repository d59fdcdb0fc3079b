/* main.c: the cloudcast program: option parsing and dispatch only. */
#include <config.h>

#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/datapath.h"
#include "core/timing.h"
#include "ingest/inflate.h"

static int
version (void)
{
  printf ("%s %s\n"
          "Copyright (C) 2026 the cloudcast developers.\n"
          "License GPLv3+: GNU GPL version 3 or later "
          "<https://gnu.org/licenses/gpl.html>.\n"
          "This is free software: you are free to change and redistribute it.\n"
          "There is NO WARRANTY, to the extent permitted by law.\n"
          "gzip billing exports are inflated by %s.\n",
          PACKAGE_NAME, PACKAGE_VERSION, ingest_gz_backend ());
  return 0;
}

/* Fail if anything written to stdout could not be delivered (a full disk,
 * a closed pipe): the output would be silently incomplete otherwise. */
static int
close_stdout (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      cc_cli_warn ("write error on standard output");
      return status ? status : CC_EIO;
    }
  return status;
}

/* Run the command argv[0]; a mistyped name gets the closest one. */
static int
dispatch (int argc, char **argv)
{
  const cc_usage_cmd *cmd, *near;
  char two[128];
  /* A two-word command ("prices import") first. */
  if (argc > 1
      && snprintf (two, sizeof two, "%s %s", argv[0], argv[1])
         < (int) sizeof two
      && (cmd = cc_usage_find (two)) != NULL)
    {
      optind = 0;
      return cmd->run (argc - 1, argv + 1);
    }
  cmd = cc_usage_find (argv[0]);
  if (cmd != NULL)
    {
      optind = 0;   /* glibc: 0 re-initialises getopt for the command */
      return cmd->run (argc, argv);
    }
  near = cc_usage_nearest (argv[0]);
  if (near != NULL)
    return cc_cli_usage ("unknown command '%s'; did you mean '%s'?", argv[0],
                         near->name);
  return cc_cli_usage ("unknown command '%s'", argv[0]);
}

int
main (int argc, char **argv)
{
  enum { USAGE_TABLE = 256 };
  static const struct option opts[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    /* Hidden: the usage table for tests/cli.test. */
    { "usage-table", no_argument, NULL, USAGE_TABLE },
    { NULL, 0, NULL, 0 }
  };
  int c;

  /* Library errors come back as status codes; never abort(). */
  gsl_set_error_handler_off ();
  /* Numbers in files and outputs always use '.' as the decimal point. */
  setlocale (LC_ALL, "C");

  /* Global options stop at the first non-option: the command. */
  while ((c = getopt_long (argc, argv, "+hV", opts, NULL)) != -1)
    switch (c)
      {
      case 'h':
        cc_usage_help (stdout);
        return close_stdout (CC_OK);
      case 'V':
        return close_stdout (version ());
      case USAGE_TABLE:
        cc_usage_dump (stdout);
        return close_stdout (CC_OK);
      default:
        fputs ("Try 'cloudcast --help' for more information.\n", stderr);
        return CC_EUSAGE;
      }
  if (optind >= argc)
    return cc_cli_usage ("no command given");
  /* Named bundled data is looked for last in the installed data. */
  cc_datapath_set_installed (cc_cli_datadir ());
  cc_timing_start ();
  c = close_stdout (dispatch (argc - optind, argv + optind));
  cc_timing_total ("total");
  return c;
}
