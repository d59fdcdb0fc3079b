/* main.c: the cloudcast program: option parsing and dispatch only. */
#include <config.h>

#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct
{
  const char *name;
  int (*fn) (int, char **);
} commands[] = {
  { "run", cc_cmd_run },
  { "facts", cc_cmd_facts },
  { "value", cc_cmd_value },
  { "prices", cc_cmd_prices },
  { "price", cc_cmd_price },
  { "ingest", cc_cmd_ingest },
  { "fit", cc_cmd_fit },
  { "project", cc_cmd_project },
};

static int
usage (void)
{
  printf ("\
Usage: cloudcast COMMAND [OPTION]... [FILE]...\n\
Model cloud storage, VM and AI-service growth and cost from billing\n\
exports or reported figures, and chart it.\n\
\n\
Commands:\n\
  run [SCENARIO.ini]     run a scenario end to end (default: the reported\n\
                         Azure case) and write facts, projection, cost,\n\
                         contract value, charts and report.md/.html into\n\
                         DIR (-o; default cloudcast-out)\n\
  facts [FILE]           print two-point growth facts of a reported-usage\n\
                         CSV (default: the shipped Azure storage figures)\n\
  value [SCENARIO.ini]   contract value with P10/P50/P90, NPV, yearly\n\
                         totals, tornado and cross-cloud comparison\n\
                         (default: the shipped default scenario)\n\
  prices                 list the loaded price rows (UNCONFIRMED marked)\n\
  price --sku SKU --quantity Q\n\
                         monthly cost of one quantity, tier by tier\n\
  ingest [OPTION]... FILE...\n\
                         read billing exports (FOCUS 1.0-1.2, Azure cost\n\
                         details, AWS CUR, GCP export, reported usage;\n\
                         gzip or - for standard input) into a monthly\n\
                         usage-and-cost series CSV, with a reconciliation\n\
                         summary on stderr\n\
  fit FILE               fit growth models to each series of a series CSV\n\
                         and print every model tried (parameters with\n\
                         standard errors, RSS, AICc, Akaike weight,\n\
                         converged, backtest MAPE)\n\
  project FILE           forecast months ahead with 80%%/95%% prediction\n\
                         intervals, or named scenarios when the data\n\
                         cannot support a band\n\
\n\
Options of run and facts:\n\
  -o, --output DIR       output directory (run)\n\
  -m, --months N         storage projection horizon in months (default 36)\n\
  -p, --photo-mib SIZE   photo size for the equivalents line (default 3 MiB)\n\
      --metric NAME      the metric to use when the file has several (facts)\n\
      --draws N          Monte Carlo draws (run; default: the scenario's)\n\
      --preview          also print the usage chart in the terminal (run)\n\
\n\
Options of value:\n\
  -o, --output DIR       output directory (default cloudcast-out)\n\
      --draws N          Monte Carlo draws (default: the scenario's)\n\
      --seed S           random seed (default: the scenario's)\n\
      --json             print the result as JSON on stdout\n\
\n\
Options of prices and price:\n\
  -b, --book FILE        read this price book (repeatable; default: every\n\
                         book in the data directory)\n\
      --provider P, --service S   filter the prices listing\n\
  -k, --sku SKU          the sku to price\n\
  -q, --quantity Q       the quantity, in the sku's unit unless --unit\n\
  -u, --unit U           the quantity's unit (a size such as TB converts)\n\
  -r, --region R         the sku's region, when it has several\n\
  -t, --term T           payg (default), 1y, 3y, savings-1y, savings-3y\n\
      --json             the breakdown as JSON\n\
\n\
Options of ingest:\n\
  -f, --format FMT       auto (default: from the header), focus, azure,\n\
                         aws-cur, gcp or reported\n\
  -c, --cost BASIS       billed (default), effective (amortized) or list\n\
  -b, --by LEVEL         group by family, service (default) or meter\n\
  -s, --strict           stop at the first row whose cost, quantity or\n\
                         date cannot be read (exit 65)\n\
  -o, --output FILE      write the series to FILE (atomically) instead of\n\
                         standard output\n\
  -r, --report FILE      write the reconciliation report as JSON to FILE\n\
  -j, --threads N        parse large uncompressed files on N threads\n\
                         (default: one per CPU)\n\
  -q, --quiet            no summary on stderr\n\
\n\
Options of fit and project:\n\
      --series KEY       only the series provider/family/service/meter\n\
      --model auto|NAME,...  models to fit (default auto: pick by AICc);\n\
                         linear exponential logistic gompertz richards\n\
                         monomolecular power damped piecewise\n\
      --scale log|level  fitting scale (default log; level with --xy)\n\
      --measure quantity|cost  the column to model (default quantity)\n\
      --xy               read plain x,y data (reference problems)\n\
      --holdout N        fit: backtest on the last N months (MAPE, coverage)\n\
      --start B1,B2,...  fit: start vector for one --model\n\
      --json             fit: JSON instead of CSV\n\
      --months N         project: horizon in months (required)\n\
      --level L1,L2      project: interval levels in percent (default 80,95)\n\
      --interval mc|delta|bootstrap  project: band method (default mc)\n\
      --draws B          project: Monte Carlo draws or bootstrap replicates\n\
      --seed S           project: random seed (default 20260101)\n\
\n\
Environment (project): CLOUDCAST_THREADS (worker threads, default the\n\
online processors, at most 8; results do not depend on it).\n\
\n\
  -h, --help             print this help and exit\n\
  -V, --version          print the version and exit\n\
\n\
Exit status: 0 success, 64 usage error, 65 bad input data, 66 cannot open\n\
input, 69 gnuplot missing or failed, 70 internal error, 73 cannot create\n\
output, 74 read or write error.  See cloudcast(1).\n\
\n\
Environment: CLOUDCAST_GNUPLOT (gnuplot program, default %s),\n\
CLOUDCAST_DATADIR (data files, now %s).\n\
\n\
Report bugs to: %s\n\
%s home page: <%s>\n",
          GNUPLOT_PATH, cc_cli_datadir (), PACKAGE_BUGREPORT, PACKAGE_NAME,
          PACKAGE_URL);
  return 0;
}

static int
version (void)
{
  printf ("%s %s\n"
          "Copyright (C) 2026 the cloudcast developers.\n"
          "License GPLv3+: GNU GPL version 3 or later "
          "<https://gnu.org/licenses/gpl.html>.\n"
          "This is free software: you are free to change and redistribute it.\n"
          "There is NO WARRANTY, to the extent permitted by law.\n",
          PACKAGE_NAME, PACKAGE_VERSION);
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

int
main (int argc, char **argv)
{
  static const struct option opts[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  size_t i;
  int c;

  /* Library errors come back as status codes; never abort(). */
  gsl_set_error_handler_off ();
  /* Numbers in files and outputs always use '.' as the decimal point. */
  setlocale (LC_ALL, "C");

  /* Global options stop at the first non-option: the subcommand. */
  while ((c = getopt_long (argc, argv, "+hV", opts, NULL)) != -1)
    switch (c)
      {
      case 'h':
        return close_stdout (usage ());
      case 'V':
        return close_stdout (version ());
      default:
        fputs ("Try 'cloudcast --help' for more information.\n", stderr);
        return CC_EUSAGE;
      }
  if (optind >= argc)
    return cc_cli_usage ("no command given");
  for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp (argv[optind], commands[i].name) == 0)
      {
        int rc, sub_argc = argc - optind;
        char **sub_argv = argv + optind;
        optind = 0;   /* glibc: 0 re-initialises getopt for the subcommand */
        rc = commands[i].fn (sub_argc, sub_argv);
        return close_stdout (rc);
      }
  return cc_cli_usage ("unknown command '%s'", argv[optind]);
}
