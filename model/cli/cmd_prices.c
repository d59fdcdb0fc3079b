/* cmd_prices.c: cloudcast prices (what is loaded) and cloudcast price (the
 * monthly cost of one quantity, tier by tier). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "price/price.h"
#include "report/report.h"
#include "core/num.h"
#include "core/textutil.h"
#include "core/units.h"

/* Does HAY contain NEEDLE, ignoring ASCII case? */
static int
contains_nocase (const char *hay, const char *needle)
{
  size_t n = strlen (needle);
  for (; *hay; hay++)
    if (strncasecmp (hay, needle, n) == 0)
      return 1;
  return n == 0;
}

static int
is_csv (const struct dirent *e)
{
  size_t n = strlen (e->d_name);
  return n > 4 && strcmp (e->d_name + n - 4, ".csv") == 0 && e->d_name[0] != '.';
}

/* The books named with --book, or every CSV in the data directory's
 * prices/, in name order. */
static int
load_books (char **books, size_t nbooks, cc_price_book **out, cc_err *err)
{
  cc_price_book *b;
  struct dirent **ent = NULL;
  char dir[4096], path[8192];
  int n, i, rc = CC_OK;

  b = calloc (1, sizeof *b);
  if (b == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *out = b;
  if (nbooks > 0)
    {
      b->path = strdup (books[0]);
      for (i = 0; rc == CC_OK && (size_t) i < nbooks; i++)
        rc = cc_price_book_add (b, books[i], err);
      return rc;
    }
  cc_cli_datafile (dir, sizeof dir, "prices");
  b->path = strdup (dir);
  n = scandir (dir, &ent, is_csv, alphasort);
  if (n < 0)
    return cc_err_set (err, CC_ENOINPUT, dir, 0, 0, "cannot read: %s",
                       strerror (errno));
  for (i = 0; i < n; i++)
    {
      snprintf (path, sizeof path, "%s/%s", dir, ent[i]->d_name);
      if (rc == CC_OK)
        rc = cc_price_book_add (b, path, err);
      free (ent[i]);
    }
  free (ent);
  return rc;
}

int
cc_cmd_prices (int argc, char **argv)
{
  cc_opts go;
  const char *provider = NULL, *service = NULL;
  char *books[64];
  size_t nbooks = 0, i, shown = 0, unconfirmed = 0;
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
  printf ("provider,service,sku,region,term,unit,tier_start,unit_price,"
          "currency,effective_date,status\n");
  for (i = 0; i < b->n; i++)
    {
      const cc_price_row *r = &b->row[i];
      if ((provider && strcasecmp (r->provider, provider) != 0)
          || (service && !contains_nocase (r->service, service)))
        continue;
      printf ("%s,\"%s\",%s,%s,%s,%s,%.10g,%.10g,%s,%s,%s\n", r->provider,
              r->service, r->sku, r->region, r->term, r->unit, r->tier_start,
              r->unit_price, r->currency, r->effective_date,
              cc_price_row_unconfirmed (r) ? "UNCONFIRMED" : "confirmed");
      shown++;
      unconfirmed += cc_price_row_unconfirmed (r) != 0;
    }
  fprintf (stderr, "cloudcast: %zu price rows from %zu files; %zu shown, %zu "
           "of them UNCONFIRMED (see each row's note)\n", b->n, b->nfile,
           shown, unconfirmed);
  cc_price_book_free (b);
  return CC_OK;
}

/* Convert Q in UNIT to the sku's unit SKU_UNIT; -1 when they do not mix. */
static int
convert (double q, const char *unit, const char *sku_unit, double *out)
{
  const cc_size_unit *u;
  char head[16];
  const char *dash;
  double to = cc_price_unit_bytes (sku_unit);
  if (strcmp (unit, sku_unit) == 0)
    {
      *out = q;
      return 0;
    }
  if (to <= 0)
    return -1;
  /* "TB" or "TB-month" against a capacity unit such as "GiB-month". */
  dash = strchr (unit, '-');
  if (dash != NULL && strcmp (dash, "-month") != 0)
    return -1;
  snprintf (head, sizeof head, "%.*s", dash ? (int) (dash - unit) : 15, unit);
  u = cc_size_unit_find (head);
  if (u == NULL)
    return -1;
  *out = q * u->bytes / to;
  return 0;
}

/* What the options of price ask for. */
typedef struct
{
  const char *sku, *qarg, *unit, *region, *term;
  char *books[64];
  size_t nbooks;
  double q;
  int json;
} price_args;

/* Returned by price_options when --help has been answered. */
#define HELPED (-1)

static int
price_options (int argc, char **argv, price_args *pa)
{
  cc_opts go;
  const char *sku = NULL, *qarg = NULL, *unit = NULL, *region = NULL;
  const char *term = "payg";
  char *books[64];
  size_t nbooks = 0;
  double q;
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
  pa->json = json;
  return CC_OK;
}

int
cc_cmd_price (int argc, char **argv)
{
  price_args pa;
  const char *sku, *qarg, *unit, *region, *term;
  char **books, a[64], bq[64];
  size_t nbooks, first, count, i;
  double q, qs, cost;
  cc_tier_charge parts[64];
  cc_price_book *b = NULL;
  const cc_price_row *r0;
  cc_err err;
  int rc, json;

  memset (&pa, 0, sizeof pa);
  if ((rc = price_options (argc, argv, &pa)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  sku = pa.sku;
  qarg = pa.qarg;
  unit = pa.unit;
  region = pa.region;
  term = pa.term;
  books = pa.books;
  nbooks = pa.nbooks;
  q = pa.q;
  json = pa.json;
  cc_err_clear (&err);
  if ((rc = load_books (books, nbooks, &b, &err)) != CC_OK
      || (rc = cc_price_find_term (b, sku, region, term, &first, &count,
                                   &err)) != CC_OK)
    {
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  r0 = &b->row[first];
  if (count > 64)
    count = 64;
  qs = q;
  if (unit != NULL && convert (q, unit, r0->unit, &qs) != 0)
    {
      rc = cc_err_set (&err, CC_EDATA, NULL, 0, 0,
                       "cannot convert %s to the sku's unit %s", unit, r0->unit);
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  if (!isfinite (qs))
    {
      rc = cc_cli_usage ("--quantity %s %s is too large in %s", qarg, unit,
                         r0->unit);
      cc_price_book_free (b);
      return rc;
    }
  if ((rc = cc_price_tiered (b, first, count, qs, &cost, parts, &err)) != CC_OK)
    {
      cc_price_book_free (b);
      return cc_cli_fail (&err);
    }
  if (json)
    {
      static const char *const keys[] = { "sku", "region", "term", "unit",
                                          "currency", "effective_date",
                                          "source", "note" };
      const char *vals[8];
      vals[0] = r0->sku; vals[1] = r0->region; vals[2] = r0->term;
      vals[3] = r0->unit; vals[4] = r0->currency; vals[5] = r0->effective_date;
      vals[6] = r0->source; vals[7] = r0->note;
      putchar ('{');
      for (i = 0; i < 8; i++)
        {
          printf ("\"%s\": ", keys[i]);
          cc_report_json_str (stdout, vals[i]);
          fputs (", ", stdout);
        }
      printf ("\"quantity\": %.10g, \"cost\": %.6f, \"unconfirmed\": %s, "
              "\"tiers\": [", qs, cost,
              cc_price_row_unconfirmed (r0) ? "true" : "false");
      for (i = 0; i < count; i++)
        {
          printf ("%s{\"from\": %.10g, \"to\": ", i ? ", " : "", parts[i].from);
          if (isinf (parts[i].to))
            fputs ("null", stdout);
          else
            printf ("%.10g", parts[i].to);
          printf (", \"quantity\": %.10g, \"unit_price\": %.10g, "
                  "\"cost\": %.6f}", parts[i].quantity, parts[i].unit_price,
                  parts[i].cost);
        }
      fputs ("]}\n", stdout);
    }
  else
    {
      cc_group_digits (qs, 2, bq, sizeof bq);
      printf ("%s %s (%s, %s): %s %s a month\n", r0->provider, r0->sku,
              r0->region, r0->term, bq, r0->unit);
      for (i = 0; i < count; i++)
        {
          char from[64], to[64], qq[64];
          cc_group_digits (parts[i].from, 0, from, sizeof from);
          if (isinf (parts[i].to))
            snprintf (to, sizeof to, "and up");
          else
            cc_group_digits (parts[i].to, 0, to, sizeof to);
          cc_group_digits (parts[i].quantity, 2, qq, sizeof qq);
          cc_group_digits (parts[i].cost, 2, a, sizeof a);
          printf ("  tier %s to %s: %s x %.6g = %s %s\n", from, to, qq,
                  parts[i].unit_price, a, r0->currency);
        }
      cc_group_digits (cost, 2, a, sizeof a);
      printf ("  total: %s %s a month (list price, %s, effective %s)\n", a,
              r0->currency, r0->term, r0->effective_date);
      printf ("  source: %s\n", r0->source);
      if (cc_price_row_unconfirmed (r0))
        printf ("  UNCONFIRMED: %s\n", r0->note);
    }
  cc_price_book_free (b);
  return CC_OK;
}
