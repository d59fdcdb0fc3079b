/* usage.h: the one usage table.  Every command's name, synopsis, summary
 * and options are written once, here; the table gives getopt_long its
 * arrays, answers `cloudcast COMMAND --help` and `cloudcast --help`, and
 * is what the man page's SYNOPSIS is checked against (tests/cli.test). */
#ifndef CC_USAGE_H
#define CC_USAGE_H

#include <getopt.h>
#include <stdio.h>

/* Most options a command has, -h/--help included. */
#define CC_USAGE_MAXOPT 16

typedef struct
{
  const char *name;     /* long name, without the dashes */
  char letter;          /* short option letter; 0: long only */
  int key;              /* what getopt_long returns for a long-only option */
  const char *arg;      /* argument name; NULL: the option takes none */
  const char *help;     /* one paragraph, wrapped when printed */
} cc_usage_opt;

typedef struct
{
  const char *name;
  const char *required; /* options it cannot do without, or "" */
  const char *operands; /* e.g. "[SCENARIO.ini]" or "FILE...", or "" */
  const char *summary;  /* what it does, one paragraph */
  const cc_usage_opt *opt;      /* ends with a NULL name; no -h/--help */
  void (*notes) (FILE *fp);     /* printed after the options, or NULL */
  int (*run) (int argc, char **argv);   /* argv[0] is the command name */
} cc_usage_cmd;

/* The commands, in the order --help lists them. */
extern const cc_usage_cmd cc_usage_cmds[];
extern const size_t cc_usage_ncmds;

/* The command called NAME, or NULL. */
const cc_usage_cmd *cc_usage_find (const char *name);

/* The command closest to a mistyped NAME (at most two edits away and
 * fewer edits than NAME has letters), or NULL. */
const cc_usage_cmd *cc_usage_nearest (const char *name);

/* What getopt_long returns for option O. */
int cc_usage_key (const cc_usage_opt *o);

/* `cloudcast COMMAND --help` on FP. */
void cc_usage_command_help (FILE *fp, const cc_usage_cmd *cmd);

/* `cloudcast --help` on FP: every command with its options, then the
 * global options, exit statuses and environment. */
void cc_usage_help (FILE *fp);

/* The table as tab-separated lines, COMMAND LONG SHORT ARG (SHORT and ARG
 * "-" when there is none): the hidden `cloudcast --usage-table`. */
void cc_usage_dump (FILE *fp);

/* getopt_long's arrays for one command, built from the table, with
 * -h/--help added. */
typedef struct
{
  const cc_usage_cmd *cmd;
  struct option lopt[CC_USAGE_MAXOPT + 1];
  char sopt[3 * CC_USAGE_MAXOPT + 1];
} cc_opts;

/* Prepare O for the command called NAME (which must be in the table). */
void cc_opts_init (cc_opts *o, const char *name);

/* The next option's key (cc_usage_key; 'h' for --help), '?' for a bad
 * one (getopt_long has said why), -1 after the last. */
int cc_opts_next (cc_opts *o, int argc, char **argv);

/* Print the command's --help on stdout; CC_OK. */
int cc_opts_help (const cc_opts *o);

#endif
