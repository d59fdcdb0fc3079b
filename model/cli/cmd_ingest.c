/* cmd_ingest.c: cloudcast ingest: billing exports into a series CSV. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/output.h"
#include "core/timeutil.h"
#include "ingest/ingest.h"

typedef struct
{
  struct timespec t0;
  int shown;
} progress_state;

/* Progress only for large inputs and only on a terminal. */
static void
show_progress (void *ctx, const char *path, long long done, long long total)
{
  progress_state *ps = ctx;
  struct timespec t;
  double secs;
  clock_gettime (CLOCK_MONOTONIC, &t);
  secs = (double) (t.tv_sec - ps->t0.tv_sec) + (t.tv_nsec - ps->t0.tv_nsec) / 1e9;
  /* Large inputs only: 64 MB on disk, or a second of work (a gzip file or
     a pipe can hold much more than its size says). */
  if (total >= 0 && total < (64LL << 20) && secs < 1.0)
    return;
  if (total > 0)
    fprintf (stderr, "\rcloudcast: %s: %.0f / %.0f MB (%.0f MB/s)   ", path,
             done / 1e6, total / 1e6, secs > 0 ? done / 1e6 / secs : 0.0);
  else
    fprintf (stderr, "\rcloudcast: %s: %.0f MB (%.0f MB/s)   ", path,
             done / 1e6, secs > 0 ? done / 1e6 / secs : 0.0);
  ps->shown = 1;
}

/* The two files ingest writes, for the one atomic writer (core/output.h). */
static int
write_series (FILE *fp, const void *in)
{
  return cc_ingest_write_series (in, fp);
}

static int
write_report (FILE *fp, const void *in)
{
  return cc_ingest_write_report (in, fp);
}

/* Write the series (to OUTPUT, or standard output when NULL or "-") and
 * the report (to REPORT when not NULL, "-": standard output) together:
 * both files are complete in their temporaries before either is renamed
 * into place, so a failure leaves both as they were. */
static int
write_outputs (const cc_ingest *in, const char *output, const char *report,
               cc_err *err)
{
  const char *path[2];
  cc_output_fn fn[2] = { write_series, write_report };
  cc_outfile of[2];
  size_t i;
  int rc = CC_OK, e;

  path[0] = output != NULL ? output : "-";
  path[1] = report;
  for (i = 0; i < 2; i++)
    {
      memset (&of[i], 0, sizeof of[i]);
      of[i].fd = of[i].dirfd = -1;
    }
  for (i = 0; rc == CC_OK && i < 2; i++)
    if (path[i] != NULL && strcmp (path[i], "-") != 0
        && (rc = cc_outfile_open (&of[i], path[i], err)) == CC_OK
        && of[i].tmp != NULL)
      cc_output_sweep (of[i].dirfd);
  for (i = 0; rc == CC_OK && i < 2; i++)
    if (path[i] != NULL)
      {
        errno = 0;
        if (fn[i] (of[i].fp != NULL ? of[i].fp : stdout, in) != 0)
          {
            e = errno;
            rc = of[i].fp == NULL
                   ? cc_err_set (err, CC_EIO, NULL, 0, 0,
                                 "write error on standard output")
                   : cc_err_set (err, CC_EIO, path[i], 0, 0,
                                 "cannot write: %s",
                                 e ? strerror (e) : "write error");
          }
      }
  for (i = 0; i < 2; i++)
    if (of[i].fp != NULL)
      {
        if (rc == CC_OK)
          rc = cc_outfile_commit (&of[i], err);
        else
          cc_outfile_abort (&of[i]);
      }
  return rc;
}

/* What the options ask for. */
typedef struct
{
  cc_ingest_options o;
  const char *output, *report;
  int quiet;
} ingest_args;

/* Returned by ingest_options when --help has been answered. */
#define HELPED (-1)

static int
ingest_options (int argc, char **argv, ingest_args *a)
{
  cc_opts go;
  static const char *const costs[] = { "billed", "effective", "list" };
  cc_ingest_options o;
  const char *output = NULL, *report = NULL;
  int c, v, quiet = 0, level = -1, by_given = 0;

  memset (&o, 0, sizeof o);
  cc_opts_init (&go, "ingest");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'f':
        if ((o.format = cc_ingest_format_find (optarg)) < 0)
          return cc_cli_usage ("ingest: invalid --format '%s'", optarg);
        break;
      case 'c':
        if (cc_cli_choice ("ingest", "--cost", optarg, costs, 3, &v) != 0)
          return CC_EUSAGE;
        o.cost = (cc_ingest_cost) v;
        break;
      case 'b':
        if (cc_cli_parse_by ("ingest", optarg, &o, &level) != 0)
          return CC_EUSAGE;
        by_given = 1;
        break;
      case 's':
        o.strict = 1;
        break;
      case 'D':
        {
          static const char *const orders[] = { "mdy", "dmy" };
          if (cc_cli_choice ("ingest", "--date-order", optarg, orders, 2, &v) != 0)
            return CC_EUSAGE;
          o.date_order = v == 1 ? CC_DATE_DMY : CC_DATE_MDY;
        }
        break;
      case 'o':
        output = optarg;
        break;
      case 'r':
        report = optarg;
        break;
      case 'j':
        {
          long n;
          if (cc_cli_opt_long_as ("ingest", "--threads", optarg, 1, 64,
                                  "1 to 64", &n) != CC_OK)
            return CC_EUSAGE;
          o.threads = (int) n;
        }
        break;
      case 'q':
        quiet = 1;
        break;
      case 'h':
        cc_opts_help (&go);
        return HELPED;
      default:
        fputs ("Try 'cloudcast --help' for more information.\n", stderr);
        return CC_EUSAGE;
      }
  if (optind >= argc)
    return cc_cli_usage ("ingest: no input file (use - for standard input)");
  /* No --by: by service; a --by list naming no level: by family. */
  o.by = (cc_ingest_by) (level >= 0 ? level : by_given ? CC_BY_FAMILY
                         : CC_BY_SERVICE);
  a->o = o;
  a->output = output;
  a->report = report;
  a->quiet = quiet;
  return CC_OK;
}

int
cc_cmd_ingest (int argc, char **argv)
{
  ingest_args a;
  cc_ingest_options o;
  const char *output, *report;
  char path[PATH_MAX];
  cc_servicemap *services = NULL;
  cc_unitmap *units = NULL;
  cc_ingest *in = NULL;
  progress_state ps;
  cc_err err;
  int quiet, rc = CC_OK, i;

  memset (&a, 0, sizeof a);
  if ((rc = ingest_options (argc, argv, &a)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  o = a.o;
  output = a.output;
  report = a.report;
  quiet = a.quiet;

  if (isatty (STDERR_FILENO) && !quiet)
    {
      clock_gettime (CLOCK_MONOTONIC, &ps.t0);
      ps.shown = 0;
      o.progress = show_progress;
      o.progress_ctx = &ps;
    }

  cc_err_clear (&err);
  /* No output may be an input or the other output: checked before
     anything is read. */
  {
    const char *outs[2];
    outs[0] = output;
    outs[1] = report;
    rc = cc_outputs_check (outs, 2, (const char *const *) argv + optind,
                           (size_t) (argc - optind), &err);
    if (rc != CC_OK)
      goto out;
  }
  rc = cc_servicemap_load (cc_cli_datafile (path, sizeof path, "service-map.csv"),
                           &services, &err);
  if (rc == CC_OK)
    rc = cc_unitmap_load (cc_cli_datafile (path, sizeof path, "units.csv"),
                          &units, &err);
  if (rc != CC_OK)
    {
      if (rc == CC_ENOINPUT)
        rc = CC_ESOFTWARE;   /* a broken installation, not the user's input */
      err.status = rc;
      goto out;
    }
  in = cc_ingest_alloc (&o, services, units);
  if (in == NULL)
    {
      rc = cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto out;
    }
  for (i = optind; i < argc && rc == CC_OK; i++)
    {
      rc = cc_ingest_file (in, argv[i], &err);
      if (o.progress && ps.shown)
        {
          fputs ("\r\033[K", stderr);
          ps.shown = 0;
        }
    }
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  if (!quiet || rc != CC_OK)
    cc_ingest_write_summary (in, stderr);
  else
    cc_ingest_write_warnings (in, stderr);
  if (rc != CC_OK)
    goto out;
  rc = write_outputs (in, output, report, &err);

out:
  if (rc != CC_OK)
    {
      err.status = rc;
      cc_cli_fail (&err);
    }
  cc_ingest_free (in);
  cc_unitmap_free (units);
  cc_servicemap_free (services);
  return rc;
}
