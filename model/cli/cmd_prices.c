/* cmd_prices.c: cloudcast prices (what is loaded), prices import (books
 * from provider catalogs), prices diff (what changed between two books)
 * and cloudcast price (the monthly cost of one quantity, tier by tier). */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "price/price.h"
#include "price/price_out.h"
#include "core/num.h"
#include "core/output.h"
#include "core/timeutil.h"
#include "core/units.h"
#include "price/diff.h"
#include "price/fetch.h"
#include "price/import.h"

/* The books named with --book, or every CSV in the data directory's
 * prices/. */
static int
load_books (char **books, size_t nbooks, cc_price_book **out, cc_err *err)
{
  char dir[4096];
  return cc_price_books_load ((const char *const *) books, nbooks,
                              cc_cli_datafile (dir, sizeof dir, "prices"),
                              out, err);
}

int
cc_cmd_prices (int argc, char **argv)
{
  cc_opts go;
  const char *provider = NULL, *service = NULL;
  char *books[64];
  size_t nbooks = 0, shown = 0, unconfirmed = 0;
  cc_price_book *b = NULL;
  cc_err err;
  int c, rc;

  cc_opts_init (&go, "prices");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'P':
        provider = optarg;
        break;
      case 'S':
        service = optarg;
        break;
      case 'b':
        if (nbooks == 64)
          return cc_cli_usage ("prices: at most 64 --book files");
        books[nbooks++] = optarg;
        break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("prices: bad option");
      }
  if (optind < argc)
    return cc_cli_usage ("prices: unexpected argument '%s'", argv[optind]);
  cc_err_clear (&err);
  if ((rc = load_books (books, nbooks, &b, &err)) != CC_OK)
    {
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  /* A write error on stdout is reported by main when it closes stdout. */
  cc_price_list_csv (stdout, b, provider, service, &shown, &unconfirmed);
  fprintf (stderr, "cloudcast: %zu price rows from %zu file%s; %zu shown, "
           "%zu of them UNCONFIRMED (see each row's note)\n", b->n, b->nfile,
           b->nfile == 1 ? "" : "s", shown, unconfirmed);
  cc_price_book_free (b);
  return CC_OK;
}

/* What the options of price ask for. */
typedef struct
{
  const char *sku, *qarg, *unit, *region, *term;
  char *books[64];
  size_t nbooks;
  double q;
  long month;          /* --date as a month index; CC_PRICE_NEWEST: none */
  int json;
} price_args;

/* Returned by price_options when --help has been answered. */
#define HELPED (-1)

static int
price_options (int argc, char **argv, price_args *pa)
{
  cc_opts go;
  const char *sku = NULL, *qarg = NULL, *unit = NULL, *region = NULL;
  const char *term = NULL;
  char *books[64];
  size_t nbooks = 0;
  double q;
  long month = CC_PRICE_NEWEST;
  cc_date d;
  int c, json = 0;

  cc_opts_init (&go, "price");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'b':
        if (nbooks == 64)
          return cc_cli_usage ("price: at most 64 --book files");
        books[nbooks++] = optarg;
        break;
      case 'k': sku = optarg; break;
      case 'q': qarg = optarg; break;
      case 'u': unit = optarg; break;
      case 'r': region = optarg; break;
      case 'j': json = 1; break;
      case 't': term = optarg; break;
      case 'D':
        if (cc_date_parse_ym (optarg, &d) != 0 || d.day != 0)
          return cc_cli_usage ("price: --date '%s' is not a month YYYY-MM",
                               optarg);
        month = cc_month_index (d.year, d.month);
        break;
      case 'h':
        cc_opts_help (&go);
        return HELPED;
      default:
        return cc_cli_usage ("price: bad option");
      }
  if (sku == NULL || qarg == NULL)
    return cc_cli_usage ("price needs --sku SKU and --quantity Q");
  if (cc_cli_opt_double_as ("price", "--quantity", qarg, 0, HUGE_VAL,
                            "a number >= 0", &q) != CC_OK)
    return CC_EUSAGE;
  pa->sku = sku;
  pa->qarg = qarg;
  pa->unit = unit;
  pa->region = region;
  pa->term = term;
  memcpy (pa->books, books, nbooks * sizeof *books);
  pa->nbooks = nbooks;
  pa->q = q;
  pa->month = month;
  pa->json = json;
  return CC_OK;
}

int
cc_cmd_price (int argc, char **argv)
{
  price_args pa;
  size_t first, count;
  double qs, cost;
  cc_tier_charge *parts = NULL;
  cc_price_book *b = NULL;
  const cc_price_row *r0;
  cc_price_charge charge;
  cc_err err;
  int rc;

  memset (&pa, 0, sizeof pa);
  if ((rc = price_options (argc, argv, &pa)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  cc_err_clear (&err);
  rc = load_books (pa.books, pa.nbooks, &b, &err);
  if (rc == CC_OK && pa.term == NULL)
    {
      /* A sku with one term needs no --term. */
      const char *only = cc_price_only_term (b, pa.sku, pa.region);
      pa.term = only ? only : "payg";
    }
  if (rc != CC_OK
      || (rc = cc_price_find_at (b, pa.sku, pa.region, pa.term, pa.month,
                                 &first, &count, &err)) != CC_OK)
    {
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  r0 = &b->row[first];
  /* Every tier, however many the book has: none is dropped. */
  if ((parts = calloc (count, sizeof *parts)) == NULL)
    {
      cc_err_set (&err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  qs = pa.q;
  if (pa.unit != NULL && cc_price_convert (pa.q, pa.unit, r0->unit, &qs) != 0)
    {
      char head[32];
      const cc_size_unit *like;
      snprintf (head, sizeof head, "%.*s", (int) strcspn (pa.unit, "-"),
                pa.unit);
      like = cc_size_unit_like (head);
      rc = cc_err_set (&err, CC_EDATA, NULL, 0, 0,
                       "cannot convert %s to the sku's unit %s%s%s%s; sizes "
                       "are %s", pa.unit, r0->unit,
                       like && strcmp (like->name, head) ? " (did you mean "
                                                         : "",
                       like && strcmp (like->name, head) ? like->name : "",
                       like && strcmp (like->name, head) ? "?)" : "",
                       cc_size_unit_names ());
      free (parts);
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  if (!isfinite (qs))
    {
      rc = cc_cli_usage ("--quantity %s %s is too large in %s", pa.qarg, pa.unit,
                         r0->unit);
      free (parts);
      cc_price_book_free (b);
      return rc;
    }
  if ((rc = cc_price_tiered (b, first, count, qs, &cost, parts, &err)) != CC_OK)
    {
      free (parts);
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  charge.row = r0;
  charge.quantity = qs;
  charge.cost = cost;
  charge.ntier = count;
  charge.tier = parts;
  if (pa.json)
    cc_price_charge_json (stdout, &charge);
  else
    cc_price_charge_text (stdout, &charge);
  free (parts);
  cc_price_book_free (b);
  return CC_OK;
}

/* Today as YYYY-MM-DD, or SOURCE_DATE_EPOCH's date when it is set (for
   reproducible books). */
static void
import_date (char *buf, size_t n)
{
  const char *sde = getenv ("SOURCE_DATE_EPOCH");
  time_t t = time (NULL);
  struct tm tm;
  long v;
  if (sde != NULL && cc_num_parse_long (sde, 0, LONG_MAX, &v) == 0)
    t = (time_t) v;
  gmtime_r (&t, &tm);
  strftime (buf, n, "%Y-%m-%d", &tm);
}

typedef struct
{
  cc_catalog_kind kind;
  const char *const *files;
  size_t n;
  const cc_import_filter *flt;
  cc_import_stats *st;
  cc_err *err;
} import_job;

static int
import_to (FILE *fp, const void *arg)
{
  const import_job *j = arg;
  return cc_price_import (j->kind, j->files, j->n, j->flt, fp, j->st, j->err);
}

/* Import the N catalog FILES of KIND through FLT into OUT (NULL: stdout),
 * dated today; the importer's own error is kept over "cannot write". */
static int
import_files (cc_catalog_kind kind, const char *const *files, size_t n,
              cc_import_filter *flt, const char *out, cc_import_stats *st,
              cc_err *err)
{
  import_job job;
  char date[16];
  cc_err werr;
  int rc;

  import_date (date, sizeof date);
  flt->import_date = date;
  job.kind = kind;
  job.files = files;
  job.n = n;
  job.flt = flt;
  job.st = st;
  job.err = err;
  if (out == NULL)
    return import_to (stdout, &job);
  cc_err_clear (&werr);
  rc = cc_output_write (out, import_to, &job, &werr);
  if (rc != CC_OK && err->status == 0)
    *err = werr;
  else if (rc != CC_OK)
    rc = err->status;
  return rc;
}

int
cc_cmd_prices_import (int argc, char **argv)
{
  cc_opts go;
  cc_import_filter flt = { NULL, NULL, NULL, NULL };
  cc_import_stats st;
  const char *out = NULL;
  int c, kind = -1, rc;
  cc_err err;

  cc_opts_init (&go, "prices import");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'F':
        if ((kind = cc_catalog_kind_find (optarg)) < 0)
          return cc_cli_usage ("prices import: --from '%s' is not "
                               "azure-retail, aws-offer or gcp-catalog",
                               optarg);
        break;
      case 'S': flt.service = optarg; break;
      case 'R': flt.region = optarg; break;
      case 'G': flt.match = optarg; break;
      case 'o': out = optarg; break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("prices import: bad option");
      }
  if (kind < 0)
    return cc_cli_usage ("prices import needs --from CATALOG");
  if (optind >= argc)
    return cc_cli_usage ("prices import: no catalog file");
  cc_err_clear (&err);
  /* The book never replaces a catalog it is made from. */
  if (cc_outputs_check (&out, 1, (const char *const *) argv + optind,
                        (size_t) (argc - optind), &err) != CC_OK)
    return cc_cli_fail (&err);
  rc = import_files ((cc_catalog_kind) kind,
                     (const char *const *) argv + optind,
                     (size_t) (argc - optind), &flt, out, &st, &err);
  if (rc != CC_OK)
    return cc_cli_fail (&err);
  fprintf (stderr, "cloudcast: %zu catalog items, %zu price rows written, "
           "%zu left out by the filter, %zu not priced (duplicates, tiers "
           "not starting at 0, other term types)\n", st.items, st.rows,
           st.filtered, st.skipped);
  if (out != NULL)
    cc_cli_wrote (NULL, out);
  return CC_OK;
}

static int
diff_to (FILE *fp, const void *arg)
{
  const cc_price_book *const *b = arg;
  cc_price_diff_stats st;
  int rc = cc_price_diff (fp, b[0], b[1], &st);
  fprintf (stderr, "cloudcast: %zu added, %zu removed, %zu repriced, %zu "
           "unchanged\n", st.added, st.removed, st.repriced, st.same);
  return rc;
}

int
cc_cmd_prices_diff (int argc, char **argv)
{
  cc_opts go;
  const char *out = NULL;
  cc_price_book *b[2] = { NULL, NULL };
  cc_err err;
  int c, rc = CC_OK;

  cc_opts_init (&go, "prices diff");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'o': out = optarg; break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("prices diff: bad option");
      }
  if (argc - optind != 2)
    return cc_cli_usage ("prices diff needs OLD.csv and NEW.csv");
  cc_err_clear (&err);
  if (cc_outputs_check (&out, 1, (const char *const *) argv + optind, 2,
                        &err) != CC_OK)
    return cc_cli_fail (&err);
  if ((rc = cc_price_book_read (argv[optind], &b[0], &err)) == CC_OK
      && (rc = cc_price_book_read (argv[optind + 1], &b[1], &err)) == CC_OK)
    {
      if (out == NULL)
        rc = diff_to (stdout, b) == 0 ? CC_OK : CC_EIO;
      else if ((rc = cc_output_write (out, diff_to, b, &err)) == CC_OK)
        cc_cli_wrote (NULL, out);
      if (rc == CC_EIO && out == NULL)
        cc_err_set (&err, CC_EIO, NULL, 0, 0, "cannot write the changes");
    }
  cc_price_book_free (b[0]);
  cc_price_book_free (b[1]);
  return rc == CC_OK ? CC_OK : cc_cli_fail (&err);
}

/* $XDG_CACHE_HOME/cloudcast, or ~/.cache/cloudcast. */
static const char *
cache_dir (char *buf, size_t n)
{
  const char *x = getenv ("XDG_CACHE_HOME"), *home = getenv ("HOME");
  if (x != NULL && x[0] == '/')
    snprintf (buf, n, "%s/cloudcast", x);
  else
    snprintf (buf, n, "%s/.cache/cloudcast", home ? home : ".");
  return buf;
}

int
cc_cmd_prices_fetch (int argc, char **argv)
{
  cc_opts go;
  cc_fetch_opts fo;
  cc_import_filter flt = { NULL, NULL, NULL, NULL };
  cc_import_stats st;
  const char *out = NULL;
  char cdir[4096], **files = NULL;
  size_t nfiles = 0, i;
  long timeout = 120;
  int c, kind, rc;
  cc_err err;

  memset (&fo, 0, sizeof fo);
  cc_opts_init (&go, "prices fetch");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'S': fo.service = optarg; break;
      case 'R': fo.region = flt.region = optarg; break;
      case 'G': flt.match = optarg; break;
      case 'E': fo.endpoint = optarg; break;
      case 'T':
        if (cc_cli_opt_long ("prices fetch", "--timeout", optarg, 1, 3600,
                             &timeout) != CC_OK)
          return CC_EUSAGE;
        break;
      case 'o': out = optarg; break;
      case 'h':
        return cc_opts_help (&go);
      default:
        return cc_cli_usage ("prices fetch: bad option");
      }
  if (argc - optind != 1)
    return cc_cli_usage ("prices fetch needs one provider: azure, aws or gcp");
  fo.api_key = getenv ("CLOUDCAST_GCP_API_KEY");
  fo.cache_dir = cache_dir (cdir, sizeof cdir);
  fo.timeout = timeout;
  fo.retries = 5;
  cc_err_clear (&err);
  if ((rc = cc_price_fetch (argv[optind], &fo, &files, &nfiles, &kind, &err))
      != CC_OK)
    return rc == CC_EUSAGE ? cc_cli_usage ("prices fetch: %s", err.msg)
      : cc_cli_fail (&err);
  rc = import_files ((cc_catalog_kind) kind, (const char *const *) files,
                     nfiles, &flt, out, &st, &err);
  for (i = 0; i < nfiles; i++)
    free (files[i]);
  free (files);
  if (rc != CC_OK)
    return cc_cli_fail (&err);
  fprintf (stderr, "cloudcast: %zu pages downloaded (cached in %s); %zu "
           "catalog items, %zu price rows written\n", nfiles, cdir, st.items,
           st.rows);
  if (out != NULL)
    cc_cli_wrote (NULL, out);
  return CC_OK;
}
