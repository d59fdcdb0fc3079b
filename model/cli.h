/* cli.h: what the subcommands share: messages, usage errors, the data
 * directory.  Only the CLI (model/main.c and model/cmd_*.c) includes this. */
#ifndef CC_CLI_H
#define CC_CLI_H

#include "error.h"

/* "cloudcast: MESSAGE" on stderr. */
void cc_cli_warn (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Print err's message as "cloudcast: MESSAGE" and return its status. */
int cc_cli_fail (const cc_err *err);

/* A usage error: the message, then "Try 'cloudcast --help' for more
 * information.", on stderr; returns CC_EUSAGE (64). */
int cc_cli_usage (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* The directory holding cloudcast's data files: $CLOUDCAST_DATADIR if set;
 * the source tree's data/ for the uninstalled program; otherwise the
 * installed $(pkgdatadir), found relative to the program first so that a
 * DESTDIR or relocated install works too. */
const char *cc_cli_datadir (void);

/* Join the data directory and a relative name into buf. */
const char *cc_cli_datafile (char *buf, unsigned long size, const char *rel);

/* Subcommands: argv[0] is the subcommand name. */
int cc_cmd_run (int argc, char **argv);
int cc_cmd_facts (int argc, char **argv);
/* BEGIN ingest commands (issue 3) */
int cc_cmd_ingest (int argc, char **argv);
/* END ingest commands */
/* BEGIN fit commands (issue 4) */
/* END fit commands */

#endif
