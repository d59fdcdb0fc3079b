/* usage.c: the usage table (usage.h) and everything printed from it. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "ingest/ingest.h"
#include "core/textutil.h"

/* Help text is wrapped to this many columns; option help starts at
 * HELP_COL. */
#define WIDTH 79
#define HELP_COL 25

/* Options of run, facts and value. */
#define OPT_OUTDIR \
  { "output", 'o', 0, "DIR", "output directory (default cloudcast-out)" }
#define OPT_MONTHS \
  { "months", 'm', 0, "N", "storage projection horizon in months, 1 to " \
    "1200 (default 36)" }
#define OPT_PHOTO \
  { "photo-mib", 'p', 0, "SIZE", "photo size in MiB for the equivalents " \
    "line (default 3)" }
#define DRAWS_HELP "Monte Carlo draws, 1 to 1000000 (default: the scenario's)"
#define OPT_VERBOSE \
  { "verbose", 'v', 0, NULL, "also name every file written, on stderr" }
#define OPT_QUIET \
  { "quiet", 'q', 0, NULL, "print nothing but errors" }

static const cc_usage_opt run_opts[] = {
  OPT_OUTDIR,
  { "months", 'm', 0, "N", "storage projection horizon in months, 1 to 1200 "
    "(default: the scenario's projection_horizon, else through the "
    "contract's last month)" },
  OPT_PHOTO,
  { "draws", 0, 'n', "N", DRAWS_HELP },
  { "preview", 0, 'P', NULL, "also print the usage chart in the terminal" },
  OPT_VERBOSE,
  OPT_QUIET,
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt facts_opts[] = {
  OPT_MONTHS,
  OPT_PHOTO,
  { "metric", 0, 'M', "NAME", "the metric to use when the file has several "
    "(default: the first)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt value_opts[] = {
  OPT_OUTDIR,
  { "draws", 'n', 0, "N", DRAWS_HELP },
  { "seed", 's', 0, "S", "random seed, 0 to 4294967295 (default: the "
    "scenario's)" },
  { "json", 0, 'j', NULL, "print the result as JSON on stdout" },
  OPT_VERBOSE,
  OPT_QUIET,
  { NULL, 0, 0, NULL, NULL }
};

/* Options of prices and price. */
#define OPT_BOOK \
  { "book", 'b', 0, "FILE", "read this price book (repeatable; default: " \
    "every book in the data directory)" }

static const cc_usage_opt prices_opts[] = {
  OPT_BOOK,
  { "provider", 0, 'P', "P", "only the rows of provider P" },
  { "service", 0, 'S', "S", "only the services whose name contains S" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt prices_import_opts[] = {
  { "from", 0, 'F', "CATALOG", "the catalog format: azure-retail (Retail "
    "Prices API pages or item lines), aws-offer (Price List offer CSV or JSON, GetProducts responses), "
    "gcp-catalog (Billing Catalog skus.list pages)" },
  { "service", 0, 'S', "S", "only the services whose name contains S" },
  { "region", 0, 'R', "R", "only region R (armRegionName, Region Code or a "
    "GCP service region)" },
  { "match", 0, 'G', "GLOB", "only the skus matching GLOB" },
  { "output", 'o', 0, "BOOK.csv", "write the book here (default: standard "
    "output)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt prices_fetch_opts[] = {
  { "service", 0, 'S', "S", "Azure serviceName, AWS offer code (AmazonS3) "
    "or GCP service id (6F81-5844-456A)" },
  { "region", 0, 'R', "R", "Azure armRegionName or AWS region code" },
  { "match", 0, 'G', "GLOB", "only the skus matching GLOB" },
  { "endpoint", 0, 'E', "URL", "download from URL instead of the "
    "provider's public endpoint" },
  { "timeout", 0, 'T', "SECS", "give up on one request after SECS seconds, "
    "1 to 3600 (default 120)" },
  { "output", 'o', 0, "BOOK.csv", "write the book here (default: standard "
    "output)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt prices_diff_opts[] = {
  { "output", 'o', 0, "FILE", "write the changes here (default: standard "
    "output)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt price_opts[] = {
  OPT_BOOK,
  { "sku", 'k', 0, "SKU", "the sku to price" },
  { "quantity", 'q', 0, "Q", "the quantity, a number >= 0, in the sku's "
    "unit unless --unit" },
  { "unit", 'u', 0, "U", "the quantity's unit (a size such as TB "
    "converts)" },
  { "region", 'r', 0, "R", "the sku's region, when it has several" },
  { "term", 't', 0, "T", "payg (default, or the sku's only term), 1y, 3y, "
    "savings-1y, savings-3y" },
  { "date", 0, 'D', "YYYY-MM", "price as of this month: the rows whose "
    "effective_date is the latest in that month or before (default: the "
    "newest rows); a month before every row's date is an error" },
  { "json", 0, 'j', NULL, "the breakdown as JSON" },
  { NULL, 0, 0, NULL, NULL }
};

/* Options ingest and sql share. */
#define OPT_COST \
  { "cost", 'c', 0, "BASIS", "billed (default), effective (amortized) or " \
    "list" }
#define OPT_BY \
  { "by", 'b', 0, "LIST", "group by family, service (default) or meter, " \
    "and add columns: account, region, tag:KEY (comma-separated, " \
    "repeatable; charge categories are always apart)" }
#define OPT_DATE_ORDER \
  { "date-order", 'D', 0, "mdy|dmy", "how slashed dates such as 9/2/2023 " \
    "are read: mdy (default, as providers write them) or dmy; never " \
    "guessed" }

static const cc_usage_opt ingest_opts[] = {
  { "format", 'f', 0, "FMT", "auto (default: from the header) or one of "
    "the billing formats below" },
  OPT_COST,
  OPT_BY,
  { "strict", 's', 0, NULL, "stop at the first row whose cost, quantity or "
    "date cannot be read (exit 65)" },
  OPT_DATE_ORDER,
  { "output", 'o', 0, "FILE", "write the series to FILE (atomically) "
    "instead of standard output" },
  { "report", 'r', 0, "FILE", "write the reconciliation report as JSON to "
    "FILE" },
  { "threads", 'j', 0, "N", "parse large uncompressed files on N threads, "
    "1 to 64 (default: one per CPU)" },
  { "quiet", 'q', 0, NULL, "no summary on stderr" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt sql_opts[] = {
  { "dialect", 'd', 0, "NAME", "duckdb, clickhouse, trino, bigquery or "
    "spark (required)" },
  { "format", 'f', 0, "FMT", "auto (default: from the header), focus, "
    "aws-cur, azure or gcp (bigquery: the export table's nested fields)" },
  OPT_COST,
  OPT_BY,
  OPT_DATE_ORDER,
  { "table", 't', 0, "NAME", "read the table or view NAME (with --header)" },
  { "files", 'F', 0, "GLOB", "read the CSV or Parquet files GLOB names "
    "with the engine's reader (duckdb: CSV or Parquet; clickhouse: CSV; spark: Parquet)" },
  { "header", 'H', 0, "FILE", "take the columns from FILE's header (a CSV "
    "or Parquet file; default: the first file --files names here)" },
  { "reconcile", 'r', 0, NULL, "print the reconciliation query instead: "
    "per currency, rows used, their cost and rows skipped" },
  { NULL, 0, 0, NULL, NULL }
};

/* Options of fit and project. */
#define OPT_SERIES \
  { "series", 's', 0, "KEY", "only the series provider/family/service/" \
    "meter[/charge=C][/DIM=VALUE...]" }
#define OPT_MODEL \
  { "model", 'm', 0, "auto|NAME,...", "models to fit (default auto: pick " \
    "by rolling-origin error): linear exponential logistic gompertz " \
    "richards monomolecular power damped ses theta piecewise" }
#define OPT_SCALE \
  { "scale", 'S', 0, "log|level", "fitting scale (default log; level with " \
    "--xy)" }
#define OPT_MEASURE \
  { "measure", 'M', 0, "quantity|cost", "the column to model (default " \
    "quantity)" }
#define OPT_XY \
  { "xy", 'x', 0, NULL, "read plain x,y data (reference problems)" }

static const cc_usage_opt fit_opts[] = {
  OPT_SERIES,
  OPT_MODEL,
  OPT_SCALE,
  OPT_MEASURE,
  OPT_XY,
  { "holdout", 'H', 0, "N", "backtest on the last N months, 1 to 1200 "
    "(MAPE, coverage)" },
  { "start", 'b', 0, "B1,B2,...", "start vector for one --model" },
  { "json", 'j', 0, NULL, "JSON instead of CSV" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt project_opts[] = {
  { "months", 'n', 0, "N", "horizon in months, 1 to 600 (required)" },
  OPT_SERIES,
  OPT_MODEL,
  OPT_SCALE,
  OPT_MEASURE,
  OPT_XY,
  { "level", 'l', 0, "L1,L2", "interval levels in percent, each in (0, "
    "100) (default 80,95)" },
  { "interval", 'i', 0, "mc|delta|bootstrap", "band method (default mc)" },
  { "draws", 'd', 0, "B", "Monte Carlo draws or bootstrap replicates, 100 "
    "to 1000000 (default 10000; 1000 for bootstrap)" },
  { "seed", 'r', 0, "S", "random seed, 0 to 4294967295 (default "
    "20260101)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt compare_opts[] = {
  { "output", 'o', 0, "DIR", "output directory (default compare-out)" },
  { "draws", 'n', 0, "N", "Monte Carlo draws for every scenario, 1 to "
    "1000000 (default: the first scenario's)" },
  { "seed", 's', 0, "S", "random seed for every scenario, 0 to 4294967295 "
    "(default: the first scenario's)" },
  OPT_VERBOSE,
  OPT_QUIET,
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt story_opts[] = {
  { "output", 'o', 0, "DIR", "output directory (default story)" },
  OPT_MONTHS,
  { "metric", 0, 'M', "NAME", "the metric to use when the file has several "
    "(default: the first)" },
  { "price", 0, 'k', "SKU", "also price every scenario month with this "
    "sku of the bundled price books (cost.csv)" },
  { "region", 0, 'r', "R", "the sku's region, with --price" },
  OPT_VERBOSE,
  OPT_QUIET,
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt scenario_new_opts[] = {
  { "from", 0, 'F', "NAME", "start from this shipped scenario (default, "
    "default-gov, aws, gcp, saas, lifecycle) or a scenario file (default: "
    "default)" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt scenario_check_opts[] = {
  { "quiet", 'q', 0, NULL, "print nothing; the exit status says whether it "
    "is valid" },
  { NULL, 0, 0, NULL, NULL }
};

static const cc_usage_opt help_opt
  = { "help", 'h', 0, NULL, "print this help and exit" };

/* The billing formats `ingest --format` reads, from the format registry. */
static void
ingest_formats (FILE *fp)
{
  size_t i;
  fputs ("\nBilling formats (--format):\n", fp);
  fprintf (fp, "  %-*s%s\n", HELP_COL - 2, "auto", "from the header (default)");
  for (i = 0; i < cc_ingest_format_count (); i++)
    {
      const cc_ingest_format_info *f = cc_ingest_format_get (i);
      fprintf (fp, "  %-*s%s\n", HELP_COL - 2, f->name, f->description);
    }
}

static void
project_notes (FILE *fp)
{
  fputs ("\nEnvironment: CLOUDCAST_THREADS (worker threads, default the "
         "online\nprocessors, at most 8; results do not depend on it).\n",
         fp);
}

static void
value_notes (FILE *fp)
{
  fputs ("\nPrices over time: each contract month m (1 = the start month) is "
         "priced\nwith the price rows in force under the scenario's "
         "[price_lock]\n(PROVIDER or PROVIDER.DRIVER = none | term | "
         "renewal:MONTHS; default\nnone), times (1 + annual_price_change)^"
         "floor((m-1)/12); growth is\ng^((m-1)/12); the NPV discounts month "
         "m by (1 + discount_rate)^(-m/12).\nA compared provider without "
         "region.PROVIDER is priced in the region\nnearest the valued "
         "provider's (crosscloud.csv names each region and why).\n"
         "A driver may state what it needs (vcpu, memory_gib, storage_tier,\n"
         "redundancy, feature) instead of sku.PROVIDER: each provider's "
         "books give\ntheir cheapest matching sku, or it is not priced "
         "there\n(crosscloud-drivers.csv names each driver's sku per "
         "provider).\n", fp);
}

static void
scenario_notes (FILE *fp)
{
  fputs ("\nNamed inputs: a price book or data file given as a relative "
         "name (aws,\nreported/azure-storage-2025) is looked for in the "
         "scenario's folder,\n$CLOUDCAST_DATA, $XDG_DATA_HOME/cloudcast "
         "(default ~/.local/share/cloudcast),\nthen the installed data "
         "directory; as written, with .csv added, and for\nprice books "
         "under prices/.  Not found: exit 66, listing where it looked.\n",
         fp);
}

static void
run_notes (FILE *fp)
{
  fputs ("\nThe storage chart: in the section of the driver grown from "
         "reported\nfigures, show = NAME, ... (or none) picks the named "
         "scenarios drawn as\ncontext lines and scale = linear|log its "
         "axis (default: log when the\nvalues drawn span over 50 times). "
         "quantities.csv and quantities.svg give\neach driver's usage in "
         "its own unit at the end of each contract year.\n", fp);
}

const cc_usage_cmd cc_usage_cmds[] = {
  { "run", "", "[SCENARIO.ini]",
    "run a scenario end to end (default: the reported Azure case) and write "
    "facts, projection, cost, contract value, usage quantities, charts "
    "and report.md/.html into DIR (-o; default cloudcast-out, parent "
    "folders created), then print the headline and the path of "
    "report.html",
    run_opts, run_notes, cc_cmd_run },
  { "facts", "", "[FILE]",
    "print two-point growth facts of a reported-usage CSV (default: the "
    "shipped Azure storage figures)",
    facts_opts, NULL, cc_cmd_facts },
  { "value", "", "[SCENARIO.ini]",
    "contract value with P10/P50/P90, NPV, yearly totals, usage by "
    "year in each driver's unit, tornado and "
    "cross-cloud comparison (default: the shipped default scenario); its "
    "tables and charts go into DIR, the summary to stdout",
    value_opts, value_notes, cc_cmd_value },
  { "prices", "", "",
    "list the loaded price rows (UNCONFIRMED marked)",
    prices_opts, NULL, cc_cmd_prices },
  { "prices import", "--from CATALOG", "FILE...",
    "turn provider catalog files into a price book whose rows record their "
    "catalog, the provider's ids, the catalog date, the import date and "
    "status official",
    prices_import_opts, NULL, cc_cmd_prices_import },
  { "prices fetch", "", "azure|aws|gcp",
    "download a provider's catalog (paging, retrying 429 after "
    "Retry-After; cached under $XDG_CACHE_HOME/cloudcast) and import it as "
    "prices import does; GCP reads its API key from CLOUDCAST_GCP_API_KEY",
    prices_fetch_opts, NULL, cc_cmd_prices_fetch },
  { "prices diff", "", "OLD.csv NEW.csv",
    "the price rows added, removed and repriced (with the change in "
    "percent) between two price books",
    prices_diff_opts, NULL, cc_cmd_prices_diff },
  { "price", "--sku SKU --quantity Q", "",
    "monthly cost of one quantity, tier by tier",
    price_opts, NULL, cc_cmd_price },
  { "ingest", "", "FILE...",
    "read billing exports (the formats below; gzip, a ZIP of CSV files, or "
    "- for standard input) into a monthly usage-and-cost series CSV "
    "(period,provider,family,charge,service,meter,[--by columns,]unit,"
    "quantity,cost,currency,rows; charge is usage, purchase, tax, credit, "
    "refund or adjustment, and only usage counts quantity), with a "
    "reconciliation summary on stderr",
    ingest_opts, ingest_formats, cc_cmd_ingest },
  { "sql", "--dialect NAME", "",
    "print one SQL statement that computes what ingest computes (period, "
    "cost basis with AWS amortization, charge categories, quantity rule, "
    "service families and units compiled from service-map.csv and "
    "units.csv, dimensions, the series columns in ingest's order) for a "
    "query engine to run over Parquet or CSV files or a warehouse table",
    sql_opts, NULL, cc_cmd_sql },
  { "fit", "", "FILE",
    "fit growth models to each series of a series CSV and print every "
    "model tried (parameters with standard errors, RSS, AICc, Akaike "
    "weight, converged, backtest MAPE)",
    fit_opts, NULL, cc_cmd_fit },
  { "project", "--months N", "FILE",
    "forecast months ahead with 80%/95% prediction intervals, or named "
    "scenarios when the data cannot support a band",
    project_opts, project_notes, cc_cmd_project },
  { "compare", "", "A.ini B.ini [C.ini...]",
    "value 2 to 8 scenarios with one seed and one number of draws (the "
    "first's unless given) and put them side by side: P10/P50/P90 of the "
    "term value, NPV, each year, each driver and each driver's usage in its "
    "own unit, each scenario minus the first with the Monte Carlo standard "
    "error of the difference, and the sku every provider priced each driver "
    "with, or \"not priced\"; compare.csv, compare-skus.csv, compare.json, "
    "compare.md, compare.html and the chart compare.svg go into DIR, the "
    "Markdown to stdout",
    compare_opts, NULL, cc_cmd_compare },
  { "story", "", "FIGURES.csv",
    "the reporter's path, from a reported-usage CSV alone (no scenario "
    "file, no prices unless --price): facts.txt, projection.csv, the "
    "growth chart storage.svg and .png titled from the file's metric and "
    "source, its alt text storage.alt.txt and a small page story.html, "
    "in DIR",
    story_opts, NULL, cc_cmd_story },
  { "scenario new", "", "FILE",
    "write a commented starting scenario to FILE (never over an existing "
    "file); its price books and data are named, so it runs wherever it is "
    "copied",
    scenario_new_opts, scenario_notes, cc_cmd_scenario_new },
  { "scenario check", "", "SCENARIO.ini",
    "read and validate a scenario, finding every price book and data file "
    "it names, without running it; prints what it found",
    scenario_check_opts, scenario_notes, cc_cmd_scenario_check },
};
const size_t cc_usage_ncmds = sizeof cc_usage_cmds / sizeof cc_usage_cmds[0];

const cc_usage_cmd *
cc_usage_find (const char *name)
{
  size_t i;
  for (i = 0; i < cc_usage_ncmds; i++)
    if (strcmp (cc_usage_cmds[i].name, name) == 0)
      return &cc_usage_cmds[i];
  return NULL;
}

const cc_usage_cmd *
cc_usage_nearest (const char *name)
{
  const cc_usage_cmd *best = NULL;
  size_t i, d, bestd = 3;
  for (i = 0; i < cc_usage_ncmds; i++)
    {
      d = cc_edit_distance (name, cc_usage_cmds[i].name);
      if (d < bestd && d < strlen (name))
        {
          bestd = d;
          best = &cc_usage_cmds[i];
        }
    }
  return best;
}

int
cc_usage_key (const cc_usage_opt *o)
{
  return o->letter ? o->letter : o->key;
}

/* Print TEXT on FP wrapped at WIDTH columns, the cursor being at column
 * COL; continuation lines start at column INDENT, and so does the line
 * after each '\n' in TEXT.  Ends the line. */
static void
wrap (FILE *fp, const char *text, size_t col, size_t indent)
{
  int bol = 1;    /* no blank before the first word of a line */
  size_t n;
  while (*text)
    {
      if (*text == ' ' || *text == '\n')
        {
          if (*text++ == '\n')
            {
              fprintf (fp, "\n%*s", (int) indent, "");
              col = indent;
              bol = 1;
            }
          continue;
        }
      n = strcspn (text, " \n");
      if (!bol && col + 1 + n > WIDTH)
        {
          fprintf (fp, "\n%*s", (int) indent, "");
          col = indent;
          bol = 1;
        }
      if (!bol)
        {
          putc (' ', fp);
          col++;
        }
      fwrite (text, 1, n, fp);
      col += n;
      text += n;
      bol = 0;
    }
  putc ('\n', fp);
}

/* "  -o, --output DIR       help", the help wrapped at HELP_COL. */
static void
print_option (FILE *fp, const cc_usage_opt *o)
{
  char left[96];
  int n;
  if (o->letter)
    n = snprintf (left, sizeof left, "  -%c, --%s%s%s", o->letter, o->name,
                  o->arg ? " " : "", o->arg ? o->arg : "");
  else
    n = snprintf (left, sizeof left, "      --%s%s%s", o->name,
                  o->arg ? " " : "", o->arg ? o->arg : "");
  if (n + 2 <= HELP_COL)
    n = fprintf (fp, "%-*s", HELP_COL, left);
  else
    n = fprintf (fp, "%s  ", left);
  wrap (fp, o->help, (size_t) n, HELP_COL);
}

static void
print_options (FILE *fp, const cc_usage_cmd *cmd)
{
  const cc_usage_opt *o;
  for (o = cmd->opt; o->name != NULL; o++)
    print_option (fp, o);
}

/* "NAME --sku SKU --quantity Q FILE": the command with what it needs. */
static void
command_line (char *buf, size_t size, const cc_usage_cmd *cmd, int options)
{
  snprintf (buf, size, "%s%s%s%s%s%s", cmd->name,
            cmd->required[0] ? " " : "", cmd->required,
            options ? " [OPTION]..." : "",
            cmd->operands[0] ? " " : "", cmd->operands);
}

void
cc_usage_command_help (FILE *fp, const cc_usage_cmd *cmd)
{
  char line[256], summary[512];
  command_line (line, sizeof line, cmd, 1);
  fprintf (fp, "Usage: cloudcast %s\n", line);
  snprintf (summary, sizeof summary, "%s.", cmd->summary);
  summary[0] = (char) toupper ((unsigned char) summary[0]);
  wrap (fp, summary, 0, 0);
  fputs ("\nOptions:\n", fp);
  print_options (fp, cmd);
  print_option (fp, &help_opt);
  if (cmd->notes != NULL)
    cmd->notes (fp);
  fputs ("\nSee cloudcast(1) for the details.\n", fp);
}

/* "  run [SCENARIO.ini]     summary" for the list of commands. */
static void
print_command (FILE *fp, const cc_usage_cmd *cmd)
{
  char line[256];
  int n;
  command_line (line, sizeof line, cmd, 0);
  n = fprintf (fp, "  %s", line);
  if (n + 2 <= HELP_COL)
    fprintf (fp, "%*s", HELP_COL - n, "");
  else
    fprintf (fp, "\n%*s", HELP_COL, "");
  wrap (fp, cmd->summary, HELP_COL, HELP_COL);
}

void
cc_usage_help (FILE *fp)
{
  static const cc_usage_opt global_opts[] = {
    { "help", 'h', 0, NULL, "print this help and exit; after a command, "
      "that command's usage" },
    { "version", 'V', 0, NULL, "print the version and exit" },
    { NULL, 0, 0, NULL, NULL }
  };
  const cc_usage_opt *o;
  size_t i;
  fputs ("Usage: cloudcast COMMAND [OPTION]... [FILE]...\n"
         "Model cloud storage, VM and AI-service growth and cost from "
         "billing\nexports or reported figures, and chart it.\n"
         "\nCommands:\n", fp);
  for (i = 0; i < cc_usage_ncmds; i++)
    print_command (fp, &cc_usage_cmds[i]);
  for (i = 0; i < cc_usage_ncmds; i++)
    {
      const cc_usage_cmd *cmd = &cc_usage_cmds[i];
      fprintf (fp, "\nOptions of %s:\n", cmd->name);
      print_options (fp, cmd);
      if (cmd->notes != NULL)
        cmd->notes (fp);
    }
  fputs ("\nWithout a command:\n", fp);
  for (o = global_opts; o->name != NULL; o++)
    print_option (fp, o);
  fprintf (fp, "\n\
Exit status: 0 success, 64 usage error, 65 bad input data, 66 cannot open\n\
input, 69 gnuplot missing or failed, 70 internal error, 73 cannot create\n\
output, 74 read or write error.  See cloudcast(1).\n\
\n\
Environment: CLOUDCAST_GNUPLOT (gnuplot program, default %s),\n\
CLOUDCAST_DATADIR (data files, now %s),\n\
CLOUDCAST_DATA (a folder searched for named price books and data).\n\
\n\
Report bugs to: %s\n\
%s home page: <%s>\n",
           GNUPLOT_PATH, cc_cli_datadir (), PACKAGE_BUGREPORT, PACKAGE_NAME,
           PACKAGE_URL);
}

void
cc_usage_dump (FILE *fp)
{
  size_t i;
  const cc_usage_opt *o;
  for (i = 0; i < cc_usage_ncmds; i++)
    for (o = cc_usage_cmds[i].opt; o->name != NULL; o++)
      fprintf (fp, "%s\t%s\t%c\t%s\n", cc_usage_cmds[i].name, o->name,
               o->letter ? o->letter : '-', o->arg ? o->arg : "-");
}

static void
add_option (cc_opts *o, size_t *nl, size_t *ns, const cc_usage_opt *u)
{
  struct option *l = &o->lopt[(*nl)++];
  l->name = u->name;
  l->has_arg = u->arg ? required_argument : no_argument;
  l->flag = NULL;
  l->val = cc_usage_key (u);
  if (u->letter)
    {
      o->sopt[(*ns)++] = u->letter;
      if (u->arg)
        o->sopt[(*ns)++] = ':';
    }
}

void
cc_opts_init (cc_opts *o, const char *name)
{
  const cc_usage_opt *u;
  size_t nl = 0, ns = 0;
  memset (o, 0, sizeof *o);
  o->cmd = cc_usage_find (name);
  for (u = o->cmd->opt; u->name != NULL && nl < CC_USAGE_MAXOPT - 1; u++)
    add_option (o, &nl, &ns, u);
  add_option (o, &nl, &ns, &help_opt);
}

int
cc_opts_next (cc_opts *o, int argc, char **argv)
{
  return getopt_long (argc, argv, o->sopt, o->lopt, NULL);
}

int
cc_opts_help (const cc_opts *o)
{
  cc_usage_command_help (stdout, o->cmd);
  return 0;
}
