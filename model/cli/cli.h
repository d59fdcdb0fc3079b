/* cli.h: what the subcommands share: messages, usage errors, the data
 * directory.  Only the CLI (model/main.c and model/cmd_*.c) includes this. */
#ifndef CC_CLI_H
#define CC_CLI_H

#include <stdio.h>

#include "core/error.h"
#include "ingest/ingest.h"

/* "cloudcast: MESSAGE" on stderr. */
void cc_cli_warn (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Print err's message as "cloudcast: MESSAGE" and return its status. */
int cc_cli_fail (const cc_err *err);

/* A usage error: the message, then "Try 'cloudcast --help' for more
 * information.", on stderr; returns CC_EUSAGE (64). */
int cc_cli_usage (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/* Option values, through the one strict number parser (core/num.h): a
 * whole number in [MIN, MAX] (no blanks, '+', hex, or '-' unless MIN < 0),
 * or a finite decimal in [MIN, MAX].  CC_OK, or CC_EUSAGE after printing
 * "CMD: OPT must be a whole number from MIN to MAX, not 'ARG'" (or "a
 * number from MIN to MAX"). */
int cc_cli_opt_long (const char *cmd, const char *opt, const char *arg,
                     long min, long max, long *v);
int cc_cli_opt_ulong (const char *cmd, const char *opt, const char *arg,
                      unsigned long max, unsigned long *v);
int cc_cli_opt_double (const char *cmd, const char *opt, const char *arg,
                       double min, double max, double *v);

/* The same, for a range better said in words: the message is "CMD: OPT
 * must be WHAT, not 'ARG'" (WHAT e.g. "1 to 64", "a positive number"). */
int cc_cli_opt_long_as (const char *cmd, const char *opt, const char *arg,
                        long min, long max, const char *what, long *v);
int cc_cli_opt_double_as (const char *cmd, const char *opt, const char *arg,
                          double min, double max, const char *what,
                          double *v);

/* A comma-separated list of 1 to MAXN numbers, each in [MIN, MAX], into
 * V[0..*N-1]; the message on error as for cc_cli_opt_double_as. */
int cc_cli_opt_doubles (const char *cmd, const char *opt, const char *arg,
                        double min, double max, const char *what,
                        double *v, size_t maxn, size_t *n);

/* The directory holding cloudcast's data files: $CLOUDCAST_DATADIR if set;
 * the source tree's data/ for the uninstalled program; otherwise the
 * installed $(pkgdatadir), found relative to the program first so that a
 * DESTDIR or relocated install works too. */
const char *cc_cli_datadir (void);

/* Join the data directory and a relative name into buf. */
const char *cc_cli_datafile (char *buf, unsigned long size, const char *rel);

/* A notifier for the atomic writer (core/output.h): "cloudcast: wrote
 * PATH" on stderr. */
void cc_cli_wrote (void *ctx, const char *path);

/* Subcommands: argv[0] is the subcommand name. */
int cc_cmd_run (int argc, char **argv);
int cc_cmd_facts (int argc, char **argv);
int cc_cmd_value (int argc, char **argv);
int cc_cmd_prices (int argc, char **argv);
int cc_cmd_prices_import (int argc, char **argv);
int cc_cmd_prices_diff (int argc, char **argv);
int cc_cmd_prices_fetch (int argc, char **argv);
int cc_cmd_price (int argc, char **argv);
int cc_cmd_ingest (int argc, char **argv);
int cc_cmd_sql (int argc, char **argv);
int cc_cmd_fit (int argc, char **argv);
int cc_cmd_project (int argc, char **argv);
int cc_cmd_compare (int argc, char **argv);
int cc_cmd_story (int argc, char **argv);
int cc_cmd_scenario_new (int argc, char **argv);
int cc_cmd_scenario_check (int argc, char **argv);

/* One of N NAMES for option OPT of command CMD: its index in *OUT, or
 * -1 after the usage message. */
int cc_cli_choice (const char *cmd, const char *opt, const char *arg,
                   const char *const *names, int n, int *out);

/* One --by list (family,service,meter,charge,account,region,tag:KEY) of
 * ingest or sql, added to O: the deepest of family, service and meter
 * sets *LEVEL, the others add columns.  0, or -1 after the usage
 * message. */
int cc_cli_parse_by (const char *cmd, const char *arg, cc_ingest_options *o,
                     int *level);

#endif
