/* test_ingest.c: billing ingest against the independent figures of
 * tests/data/billing/EXPECTED.md, the oddities real exports contain, and
 * parallel chunking. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ingest/ingest.h"
#include "ingest/servicemap.h"
#include "tap.h"
#include "core/timeutil.h"
#include "ingest/unitmap.h"

static const char *srcdir;
static char tmpdir[512];
static cc_servicemap *services;
static cc_unitmap *units;

typedef struct
{
  const char *file;
  const char *format;
  long rows;
  const char *currency;
  double total;
  const char *months;   /* "YYYY-MM=total;..." */
} sample;

/* tests/data/billing/EXPECTED.md: exact decimal sums, compared at 1e-9 relative. */
static const sample samples[] = {
  { "focus-1.0/focus_sample.csv", "focus", 1000, "USD", 20.52022672899,
    "2024-09=20.52022672899" },
  { "azure-ea/EA_ActualCost_Small.csv", "azure", 11, "USD", 8.5450077867419368,
    "2023-09=8.5450077867419368" },
  { "azure-ea/EA_AmortizedCost_Small.csv", "azure", 28, "USD",
    16.29693213663664462748541900, "2023-09=16.29693213663664462748541900" },
  { "azure-ea/EA_NoRows.csv", "azure", 0, NULL, 0, "" },
  { "azure-ea/koku_azure_version_2.csv", "azure", 5, "MC", 19.998413754,
    "2020-09=19.998413754" },
  { "azure-mca/koku_mca_camel_azure_version_2.csv", "azure", 4, "USD",
    0.0000262412, "2023-08=0.0000262412" },
  { "azure-legacy/koku_costreport_a243c6f2.csv", "azure", 3, "USD", 0.00011016,
    "2019-07=0.00011016" },
  { "azure-legacy/koku_azure_camelCased.csv", "azure", 3, "USD", 0.00011016,
    "2019-07=0.00011016" },
  { "aws-cur-legacy/koku_test_cur.csv", "aws-cur", 19, "USD",
    0.0827499841274349353, "2018-06=0.0827499841274349353" },
  { "aws-cur-legacy/koku_2023-06-01.csv", "aws-cur", 3, "NOK", 30,
    "2023-06=30" },
  { "@first10000", "aws-cur", 10000, "USD", 16096.843638684411135991050,
    "2018-06=3824.274195708748586945698;2018-07=11427.161680657921475885352;"
    "2018-08=845.4077623177410731600" },
  { "aws-cur-legacy/koku-local-1.csv.gz", "aws-cur", 13380, "USD",
    143227.763678187615017991050,
    "2018-06=34649.973272612318255145698;2018-07=100267.738649643334767685352;"
    "2018-08=8310.0517559319619951600" },
  { "aws-cur2/koku_2022-07-01-alt-columns.csv", "aws-cur", 2, "USD", 0,
    "2022-07=0" },
  { "gcp/koku_gcp_202011_2020-11-08_2020-11-11.csv", "gcp", 25, "USD", 0.000032,
    "2020-11=0.000032" },
  { "gcp/koku_gcp_2022-08-01_5.csv", "gcp", 9, "USD", 0.000012,
    "2022-08=0.000012" },
};

static int
near (double got, double want)
{
  return fabs (got - want) <= 1e-9 * fabs (want) + 1e-15;
}

/* Rebuild koku-local-1_first10000.csv (header + 10,000 records) from the
 * gzip file, as the reference collection made it. */
static int
make_first10000 (const char *out)
{
  char path[1024], buf[1 << 16];
  gzFile gz;
  FILE *f;
  long lines = 0;
  int n, i;

  snprintf (path, sizeof path,
            "%s/tests/data/billing/aws-cur-legacy/koku-local-1.csv.gz", srcdir);
  if ((gz = gzopen (path, "rb")) == NULL)
    return -1;
  if ((f = fopen (out, "wb")) == NULL)
    {
      gzclose (gz);
      return -1;
    }
  while (lines < 10001 && (n = gzread (gz, buf, sizeof buf)) > 0)
    {
      for (i = 0; i < n && lines < 10001; i++)
        if (buf[i] == '\n')
          lines++;
      fwrite (buf, 1, (size_t) i, f);
    }
  gzclose (gz);
  return fclose (f) == 0 && lines == 10001 ? 0 : -1;
}

static cc_ingest *
ingest (const char *path, const cc_ingest_options *opt, int *rc, cc_err *err)
{
  cc_ingest_options o;
  cc_ingest *in;
  if (opt)
    o = *opt;
  else
    memset (&o, 0, sizeof o), o.by = CC_BY_SERVICE;
  in = cc_ingest_alloc (&o, services, units);
  *rc = cc_ingest_file (in, path, err);
  if (*rc == CC_OK)
    *rc = cc_ingest_finish (in, err);
  return in;
}

static double
series_total (const cc_ingest *in, const char *currency, const char *month)
{
  double s = 0, c = 0;
  size_t i;
  for (i = 0; i < cc_ingest_nrows (in); i++)
    {
      const cc_series_row *r = cc_ingest_row (in, i);
      char m[16];
      cc_month_format (r->month, m, sizeof m);
      if ((currency == NULL || strcmp (r->currency, currency) == 0)
          && (month == NULL || strcmp (m, month) == 0))
        {
          /* Neumaier, as the tool does. */
          double t = s + r->cost;
          c += fabs (s) >= fabs (r->cost) ? (s - t) + r->cost : (r->cost - t) + s;
          s = t;
        }
    }
  return s + c;
}

static long
series_rows (const cc_ingest *in)
{
  long n = 0;
  size_t i;
  for (i = 0; i < cc_ingest_nrows (in); i++)
    n += cc_ingest_row (in, i)->rows;
  return n;
}

static void
test_sample (const sample *s, int threads)
{
  char path[1024];
  cc_ingest_options o;
  cc_ingest *in;
  const cc_ingest_report *rep;
  cc_err err;
  int rc;
  const char *m;

  if (strcmp (s->file, "@first10000") == 0)
    snprintf (path, sizeof path, "%s/koku-local-1_first10000.csv", tmpdir);
  else
    snprintf (path, sizeof path, "%s/tests/data/billing/%s", srcdir, s->file);
  memset (&o, 0, sizeof o);
  o.by = CC_BY_METER;
  o.threads = threads;
  o.min_chunk = threads > 1 ? 1 : 0;
  in = ingest (path, &o, &rc, &err);
  rep = cc_ingest_file_report (in, 0);
  if (!ok (rc == CC_OK, "%s (%d threads) ingests", s->file, threads))
    printf ("# %s\n", err.msg);
  is_str (rep->format, s->format, "%s: format %s", s->file, s->format);
  is_int (rep->rows_read, s->rows, "%s: %ld rows read", s->file, s->rows);
  is_int (rep->rows_used, s->rows, "%s: all rows used", s->file);
  is_int (series_rows (in), s->rows, "%s: series counts every row", s->file);
  if (s->currency)
    {
      ok (rep->ncurrency == 1 && strcmp (rep->currency[0].code, s->currency) == 0,
          "%s: one currency, %s", s->file, s->currency);
      ok (near (rep->currency[0].read, s->total), "%s: cost read %.17g = %.17g",
          s->file, rep->currency[0].read, s->total);
      ok (near (series_total (in, s->currency, NULL), s->total),
          "%s: series total %.17g = %.17g", s->file,
          series_total (in, s->currency, NULL), s->total);
    }
  else
    is_int (cc_ingest_nrows (in), 0, "%s: no series rows", s->file);
  for (m = s->months; *m;)
    {
      char month[8];
      double want = strtod (m + 8, NULL);
      memcpy (month, m, 7);
      month[7] = '\0';
      ok (near (series_total (in, s->currency, month), want),
          "%s: %s total %.17g", s->file, month, want);
      m = strchr (m, ';');
      m = m ? m + 1 : "";
    }
  if (threads > 1)
    ok (rep->threads > 1 || s->rows < 2, "%s: split into %d chunks", s->file,
        rep->threads);
  cc_ingest_free (in);
}

static void
test_dates (void)
{
  static const struct { const char *s; const char *want; } good[] = {
    { "2024-09-01T00:00:00Z", "2024-09" },
    { "2024-09-30T23:00:00-02:00", "2024-10" },   /* offset moves to UTC */
    { "2024-10-01T01:00:00+02:00", "2024-09" },
    { "2024-10-01 00:30:00+0100", "2024-09" },
    { "2024-01-01T00:00Z", "2024-01" },           /* no seconds (MS FOCUS 1.0) */
    { "2024-09-30 22:00:00", "2024-09" },
    { "2022-07-01 00:00:00.000", "2022-07" },
    { "2020-11-09 23:00:00+00:00", "2020-11" },
    { "2020-11-10 05:49:32.199000+00:00", "2020-11" },
    { "2026-09-01T00:00:00.000Z", "2026-09" },
    { "2024-02-29", "2024-02" },
    { "09/01/2023", "2023-09" },
    { "12/31/2023 11:00:00 PM", "2023-12" },
    { "2018-06-18T01:00:00Z/2018-06-18T02:00:00Z", "2018-06" },
    { "2025-07", "2025-07" },
    { "9/2/2023", "2023-09" },                    /* Azure EA, no padding */
    { "4/1/25", "2025-04" },                      /* FOCUS spec examples */
    { "9/2/2023 12:00:00 AM", "2023-09" },
    { "12/31/2023 1:00:00 PM", "2023-12" },
    { "1/31/2024 11:30 PM +02:00", "2024-01" },
  };
  static const char *const bad[] = {
    "", "NULL", "2023-02-29", "13/01/2023", "2024-13-01", "2024-09-01T25:00:00Z",
    "01.09.2023", "2024-09-01X", "2024-09-01T00:00:00+2", "yesterday", "20240901",
    "13/2/2023", "9/2/202", "9/2/20233", "123/1/2023", "9//2023", "2/30/2024",
    "9/2/2023 13:00:00 PM"
  };
  size_t i;
  for (i = 0; i < sizeof good / sizeof good[0]; i++)
    {
      long m = -1;
      char buf[16] = "";
      const char *got = buf;
      int rc = cc_billing_month (good[i].s, strlen (good[i].s), &m);
      if (rc == 0)
        cc_month_format (m, buf, sizeof buf);
      is_str (got, good[i].want, "date '%s' is month %s", good[i].s, good[i].want);
    }
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      long m;
      ok (cc_billing_month (bad[i], strlen (bad[i]), &m) != 0,
          "date '%s' is refused", bad[i]);
    }
  /* Day first only when asked for. */
  {
    long m = -1;
    char buf[16] = "";
    ok (cc_billing_month_order ("13/2/2023", 9, CC_DATE_DMY, &m) == 0,
        "13/2/2023 read day first with CC_DATE_DMY");
    cc_month_format (m, buf, sizeof buf);
    is_str (buf, "2023-02", "13/2/2023 day first is February");
    ok (cc_billing_month_order ("9/2/2023", 8, CC_DATE_DMY, &m) == 0,
        "9/2/2023 read day first");
    cc_month_format (m, buf, sizeof buf);
    is_str (buf, "2023-02", "9/2/2023 day first is February");
    ok (cc_billing_month_order ("2/13/2023", 9, CC_DATE_DMY, &m) != 0,
        "2/13/2023 refused day first");
  }
}

static void
test_maps (void)
{
  const char *c;
  double f;
  ok (cc_unitmap_lookup (units, "10K", &c, &f) && strcmp (c, "1K transactions") == 0
      && f == 10, "unit 10K is 10 x 1K transactions");
  ok (cc_unitmap_lookup (units, "1 gb/month", &c, &f) && strcmp (c, "GB-month") == 0
      && f == 1, "unit spelling ignores case and spaces");
  ok (cc_unitmap_lookup (units, "Hrs", &c, &f) && strcmp (c, "hour") == 0,
      "unit Hrs is hour");
  ok (!cc_unitmap_lookup (units, "Frobs", &c, &f) && strcmp (c, "Frobs") == 0
      && f == 1, "an unknown unit passes through unchanged");
  is_str (cc_servicemap_family (services, "Microsoft", "Storage", "Storage", ""),
          "storage", "Azure Storage is storage");
  is_str (cc_servicemap_family (services, "AWS", "AmazonEC2", "Compute Instance",
                                "BoxUsage:t2.micro"), "compute", "EC2 is compute");
  is_str (cc_servicemap_family (services, "AWS", "AmazonEC2", "Storage",
                                "USE1-EBS:VolumeUsage.gp2"), "storage",
          "EBS volumes are storage");
  is_str (cc_servicemap_family (services, "Oracle", "X", "AI and Machine Learning", ""),
          "ai", "FOCUS category AI and Machine Learning is ai");
  is_str (cc_servicemap_family (services, "Nobody", "Frob", "", ""), "other",
          "an unmatched service is other");
}

static void
write_file (const char *name, const char *text, char *path, size_t size)
{
  FILE *f;
  snprintf (path, size, "%s/%s", tmpdir, name);
  f = fopen (path, "wb");
  fputs (text, f);
  fclose (f);
}

static const char focus_head[] =
  "BilledCost,EffectiveCost,ListCost,ChargePeriodStart,ServiceName,"
  "ServiceCategory,ConsumedQuantity,ConsumedUnit,BillingCurrency,"
  "ProviderName,ChargeDescription\n";

/* Oddities from formats.md, one file each, through the library. */
static void
test_oddities (void)
{
  char path[1024], text[4096];
  cc_ingest *in;
  const cc_ingest_report *rep;
  cc_err err;
  int rc;

  /* BOM + CRLF + quoted commas + doubled quotes + quoted newline. */
  snprintf (text, sizeof text, "\xEF\xBB\xBF%s", focus_head);
  strcat (text,
          "1.5,1.5,2,2024-09-01T00:00:00Z,S3,Storage,10,GB-Mo,USD,AWS,\"a, b\"\r\n"
          "2.25,2,3,2024-09-02 00:00:00,S3,Storage,5,GB-Mo,USD,AWS,\"say \"\"hi\"\"\"\r\n"
          "-0.75,-0.75,0,2024-09-03,S3,Storage,NULL,GB-Mo,USD,AWS,\"line one\nline two\"\n"
          "1e-3,1E-3,0,2024-10-01T00:00Z,S3,Storage,2.5E1,GB-Mo,USD,AWS,x\n");
  write_file ("odd.csv", text, path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  rep = cc_ingest_file_report (in, 0);
  ok (rc == CC_OK, "BOM, CRLF and LF, quoted commas, doubled quotes, quoted "
      "newline: ingests (%s)", err.msg);
  is_str (rep->format, "focus", "BOM stripped: first column BilledCost found");
  is_int (rep->rows_read, 4, "a quoted newline does not split the record");
  ok (near (series_total (in, "USD", "2024-09"), 3.0), "credit kept: 1.5 + 2.25 - 0.75");
  ok (near (series_total (in, "USD", "2024-10"), 0.001), "scientific notation 1e-3");
  is_int (rep->negative_cost, 1, "one negative cost counted");
  is_int (rep->null_quantity, 1, "NULL quantity counted, not skipped");
  cc_ingest_free (in);

  /* Ragged rows, empty numerics, bad rows with line numbers after a
     quoted newline. */
  snprintf (text, sizeof text, "%s", focus_head);
  strcat (text,
          "1,1,1,2024-09-01,S3,Storage,1,GB-Mo,USD,AWS,\"two\nlines\"\n"   /* 2-3 */
          "abc,1,1,2024-09-01,S3,Storage,1,GB-Mo,USD,AWS,x\n"              /* 4 */
          "1,1,1,someday,S3,Storage,1,GB-Mo,USD,AWS,x\n"                   /* 5 */
          ",1,1,2024-09-01,S3,Storage,,GB-Mo,USD\n"                         /* 6 */
          "2,1,1,NULL,S3,Storage,1,GB-Mo,USD,AWS,x\n"                      /* 7 */
          "2,1,1,2024-09-01,S3,Storage,1x,GB-Mo,USD,AWS,x\n");             /* 8 */
  write_file ("bad.csv", text, path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  rep = cc_ingest_file_report (in, 0);
  ok (rc == CC_OK, "bad rows are skipped by default");
  is_int (rep->rows_read, 6, "6 rows read");
  is_int (rep->rows_used, 2, "2 rows used");
  is_int (rep->skipped[CC_SKIP_COST_BAD], 1, "1 bad cost");
  is_int (rep->example_line[CC_SKIP_COST_BAD][0], 4, "bad cost on line 4");
  is_int (rep->example_col[CC_SKIP_COST_BAD][0], 1, "bad cost in column 1");
  is_int (rep->skipped[CC_SKIP_DATE_BAD], 1, "1 bad date");
  is_int (rep->example_line[CC_SKIP_DATE_BAD][0], 5, "bad date on line 5");
  is_int (rep->example_col[CC_SKIP_DATE_BAD][0], 4, "bad date in column 4");
  is_int (rep->skipped[CC_SKIP_DATE_MISSING], 1, "1 missing date (NULL)");
  is_int (rep->example_line[CC_SKIP_DATE_MISSING][0], 7, "missing date on line 7");
  is_int (rep->skipped[CC_SKIP_QUANTITY_BAD], 1, "1 bad quantity");
  is_int (rep->example_line[CC_SKIP_QUANTITY_BAD][0], 8, "bad quantity on line 8");
  is_int (rep->rows_short, 1, "1 ragged row counted");
  {
    size_t k;
    for (k = 0; k < rep->ncurrency && strcmp (rep->currency[k].code, "USD"); k++)
      ;
    ok (k < rep->ncurrency && rep->currency[k].skipped_rows == 3
        && near (rep->currency[k].skipped, 5),
        "skipped rows with a readable cost carried 1 + 2 + 2 USD");
  }
  is_int (rep->null_cost, 1, "empty cost is null, not an error");
  ok (near (series_total (in, "", NULL), 0) && near (series_total (in, "USD", NULL), 1),
      "ragged row's missing currency is empty; empty cost counts 0");
  cc_ingest_free (in);

  /* --strict: the first bad row stops the run with its location. */
  {
    cc_ingest_options o;
    memset (&o, 0, sizeof o);
    o.strict = 1;
    in = ingest (path, &o, &rc, &err);
    is_int (rc, CC_EDATA, "strict: bad row is exit 65");
    has_str (err.msg, "bad.csv:4:1: cost is not a number: 'abc' in column BilledCost",
             "strict: message names FILE:LINE:COLUMN");
    cc_ingest_free (in);
  }

  /* Header names differing in case (Azure legacy MeterSubcategory). */
  write_file ("case.csv",
              "usagedatetime,METERCATEGORY,MeterSubcategory,metername,"
              "UsageQuantity,PRETAXCOST,Currency,UnitOfMeasure\r\n"
              "2019-07-01 00:00:00,Storage,Hot LRS,Data Stored,2,0.5,USD,1 GB/Month\r\n",
              path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  ok (rc == CC_OK && cc_ingest_nrows (in) == 1, "header names match without case");
  {
    cc_ingest_options o;
    memset (&o, 0, sizeof o);
    o.by = CC_BY_METER;
    cc_ingest_free (in);
    in = ingest (path, &o, &rc, &err);
    is_str (cc_ingest_row (in, 0)->meter, "Hot LRS", "MeterSubcategory is the meter");
    is_str (cc_ingest_row (in, 0)->unit, "GB-month", "1 GB/Month is GB-month");
    is_str (cc_ingest_row (in, 0)->family, "storage", "Storage is storage");
  }
  cc_ingest_free (in);

  /* Header only, no final newline: 0 rows, no error. */
  write_file ("hdr.csv", "BilledCost,ChargePeriodStart,ServiceName,BillingCurrency",
              path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  ok (rc == CC_OK && cc_ingest_file_report (in, 0)->rows_read == 0,
      "header-only file: 0 rows, no error");
  cc_ingest_free (in);

  /* Not a billing format. */
  write_file ("what.csv", "alpha,beta,gamma\n1,2,3\n", path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  is_int (rc, CC_EDATA, "unknown format is exit 65");
  has_str (err.msg, "tried focus, azure, aws-cur, gcp, gcp-console, oci, reported", "lists formats tried");
  has_str (err.msg, "alpha,beta,gamma", "shows the header's first columns");
  cc_ingest_free (in);

  /* A file ending inside a quoted field. */
  snprintf (text, sizeof text, "%s1,1,1,2024-09-01,S3,Storage,1,GB-Mo,USD,AWS,\"open\n",
            focus_head);
  write_file ("open.csv", text, path, sizeof path);
  in = ingest (path, NULL, &rc, &err);
  is_int (rc, CC_EDATA, "unterminated quote is exit 65");
  has_str (err.msg, "ends inside a quoted field", "unterminated quote message");
  {
    char want[128];
    snprintf (want, sizeof want, ":2: file ends inside a quoted field (the record "
              "starts at byte offset %zu)", strlen (focus_head));
    has_str (err.msg, want, "names the line and byte offset of the record");
  }
  cc_ingest_free (in);

  /* GCP effective cost = cost + credits. */
  {
    cc_ingest_options o;
    snprintf (path, sizeof path, "%s/tests/data/billing/gcp/"
              "koku_gcp_202011_2020-11-08_2020-11-11.csv", srcdir);
    memset (&o, 0, sizeof o);
    o.cost = CC_COST_EFFECTIVE;
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && fabs (series_total (in, "USD", NULL)) < 1e-12,
        "GCP effective: credits cancel the cost (EXPECTED: net 0)");
    cc_ingest_free (in);
    /* FOCUS effective and list. */
    snprintf (path, sizeof path, "%s/tests/data/billing/focus-1.0/focus_sample.csv",
              srcdir);
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "USD", NULL), 14.97651418586),
        "FOCUS effective cost total 14.97651418586");
    cc_ingest_free (in);
    o.cost = CC_COST_LIST;
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "USD", NULL), 20.39090575119),
        "FOCUS list cost total 20.39090575119");
    cc_ingest_free (in);
    /* Azure EA list: PayGPrice x Quantity (Python Decimal: 5.295007719). */
    snprintf (path, sizeof path, "%s/tests/data/billing/azure-ea/EA_ActualCost_Small.csv",
              srcdir);
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "USD", NULL), 5.295007719),
        "Azure EA list cost = PayGPrice x Quantity = 5.295007719");
    cc_ingest_free (in);
    /* AWS: SavingsPlanCoveredUsage at its effective cost (3 x 0.1 NOK),
       list at the public on-demand cost (3 x 10). */
    snprintf (path, sizeof path, "%s/tests/data/billing/aws-cur-legacy/koku_2023-06-01.csv",
              srcdir);
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "NOK", NULL), 30), "CUR list cost 30 NOK");
    cc_ingest_free (in);
    o.cost = CC_COST_EFFECTIVE;
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "NOK", NULL), 0.3),
        "CUR effective: savings-plan covered usage at 0.3 NOK");
    cc_ingest_free (in);
  }

  /* AWS amortized cost, line type by line type (AWS's CUR query library
     formula), against the unblended (billed) total. */
  {
    cc_ingest_options o;
    write_file ("amort.csv",
      "identity/LineItemId,lineItem/LineItemType,lineItem/UsageStartDate,"
      "lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,"
      "lineItem/CurrencyCode,lineItem/UnblendedCost,pricing/unit,"
      "savingsPlan/SavingsPlanEffectiveCost,savingsPlan/TotalCommitmentToDate,"
      "savingsPlan/UsedCommitment,reservation/EffectiveCost,"
      "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod,"
      "reservation/UnusedRecurringFee,reservation/ReservationARN\n"
      "a,Usage,2024-05-01T00:00:00Z,AmazonEC2,BoxUsage,1,USD,1.00,Hrs,,,,,,,\n"
      "b,SavingsPlanCoveredUsage,2024-05-01T00:00:00Z,AmazonEC2,BoxUsage,1,USD,2.00,Hrs,1.20,,,,,,\n"
      "c,SavingsPlanNegation,2024-05-01T00:00:00Z,AmazonEC2,BoxUsage,1,USD,-2.00,Hrs,,,,,,,\n"
      "d,SavingsPlanRecurringFee,2024-05-01T00:00:00Z,ComputeSavingsPlans,Fee,1,USD,5.00,,,5.00,3.50,,,,\n"
      "e,DiscountedUsage,2024-05-01T00:00:00Z,AmazonRDS,InstanceUsage,1,USD,0,Hrs,,,,0.70,,,arn:r1\n"
      "f,RIFee,2024-05-01T00:00:00Z,AmazonRDS,HeavyUsage,1,USD,4.00,Hrs,,,,,0.25,0.50,arn:r1\n"
      "g,Fee,2024-05-01T00:00:00Z,AmazonRDS,HeavyUsage,1,USD,100,,,,,,,,arn:r1\n"
      "h,Fee,2024-05-01T00:00:00Z,AWSSupport,Support,1,USD,3.00,,,,,,,,\n"
      "i,SavingsPlanUpfrontFee,2024-05-01T00:00:00Z,ComputeSavingsPlans,Fee,1,USD,50,,,,,,,,\n",
      path, sizeof path);
    memset (&o, 0, sizeof o);
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "USD", NULL), 163),
        "CUR billed: unblended total 163 (%s)", err.msg);
    cc_ingest_free (in);
    o.cost = CC_COST_EFFECTIVE;
    in = ingest (path, &o, &rc, &err);
    ok (rc == CC_OK && near (series_total (in, "USD", NULL), 8.15),
        "CUR effective: 1 + 1.20 + 0 + (5.00-3.50) + 0.70 + (0.25+0.50) + 0 + 3 + 0 = 8.15");
    ok (near (cc_ingest_file_report (in, 0)->currency[0].read, 8.15),
        "CUR effective: reconciliation uses the same basis");
    cc_ingest_free (in);
  }

  /* FOCUS versions from the columns each version added; x_ columns and
     ServiceProviderName-free files are fine. */
  {
    static const struct { const char *extra, *version; } v[] = {
      { "", "1.0" }, { ",SkuMeter,ServiceSubcategory", "1.1" },
      { ",SkuMeter,InvoiceId,PricingCurrency,x_SkuMeterName,x_ServiceCode", "1.2" },
    };
    size_t k;
    for (k = 0; k < 3; k++)
      {
        char hdr[512];
        snprintf (hdr, sizeof hdr, "BilledCost,ChargePeriodStart,ServiceName,"
                  "BillingCurrency,ProviderName%s\n1,2024-09-01T00:00:00Z,S,USD,AWS%s\n",
                  v[k].extra, k == 0 ? "" : k == 1 ? ",m1,sub" : ",m2,inv,USD,x,y");
        write_file ("ver.csv", hdr, path, sizeof path);
        in = ingest (path, NULL, &rc, &err);
        ok (rc == CC_OK && strcmp (cc_ingest_file_report (in, 0)->version, v[k].version) == 0,
            "FOCUS %s detected", v[k].version);
        if (k == 2)
          {
            cc_ingest_options o;
            cc_ingest_free (in);
            memset (&o, 0, sizeof o);
            o.by = CC_BY_METER;
            in = ingest (path, &o, &rc, &err);
            is_str (cc_ingest_row (in, 0)->meter, "m2", "FOCUS 1.2: SkuMeter is the meter");
          }
        cc_ingest_free (in);
      }
  }
}

/* Chunk boundaries must respect quotes: many quoted newlines and commas,
 * parsed in one piece and in many, give the same groups and lines. */
static void
test_chunks (void)
{
  char path[1024];
  FILE *f;
  int i, rc, t;
  double want = 0;
  cc_err err;

  snprintf (path, sizeof path, "%s/chunks.csv", tmpdir);
  f = fopen (path, "wb");
  fputs (focus_head, f);
  for (i = 0; i < 3000; i++)
    {
      int cents = (i * 7919) % 1000 - 100;
      want += cents / 100.0;
      fprintf (f, "%.2f,0,0,2024-%02d-01T00:00:00Z,\"Svc, %d\",Storage,%d,GB-Mo,USD,"
               "AWS,\"desc \"\"%d\"\"\n, more\n\"\n", cents / 100.0,
               1 + i % 12, i % 5, i, i);
    }
  /* A bad row near the end, to check absolute line numbers per chunk. */
  fputs ("oops,0,0,2024-01-01,S,Storage,1,GB-Mo,USD,AWS,x\n", f);
  fclose (f);
  for (t = 1; t <= 4; t += 3)
    {
      cc_ingest_options o;
      cc_ingest *in;
      const cc_ingest_report *rep;
      memset (&o, 0, sizeof o);
      o.threads = t;
      o.min_chunk = 1;
      o.by = CC_BY_SERVICE;
      in = ingest (path, &o, &rc, &err);
      rep = cc_ingest_file_report (in, 0);
      ok (rc == CC_OK, "%d thread(s): quoted newlines file ingests (%s)", t, err.msg);
      is_int (rep->threads, t, "%d chunk(s) used", t);
      is_int (rep->rows_read, 3001, "%d thread(s): 3001 records", t);
      is_int (rep->example_line[CC_SKIP_COST_BAD][0], 1 + 3 * 3000 + 1,
              "%d thread(s): bad row on line 9002", t);
      ok (rep->rows_skipped == 1 || printf ("# %ld %ld %ld\n", rep->skipped[0],
          rep->skipped[1], rep->skipped[2]) == 0, "%d thread(s): only it skipped", t);
      ok (near (series_total (in, "USD", NULL), want),
          "%d thread(s): total %.2f", t, want);
      is_int (cc_ingest_nrows (in), 12 * 5, "%d thread(s): 60 groups", t);
      cc_ingest_free (in);
      o.strict = 1;
      in = ingest (path, &o, &rc, &err);
      ok (rc == CC_EDATA && strstr (err.msg, "chunks.csv:9002:1: cost is not a number"),
          "%d thread(s), strict: stops at line 9002 (%s)", t, err.msg);
      cc_ingest_free (in);
    }
}

/* A stray quote fools the quote parity: the split is detected as wrong,
 * the file is parsed again in one piece, and the error has the true line. */
static void
test_stray_quote (void)
{
  char path[1024];
  FILE *f;
  int i, rc;
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;

  snprintf (path, sizeof path, "%s/stray.csv", tmpdir);
  f = fopen (path, "wb");
  fputs (focus_head, f);
  for (i = 0; i < 2000; i++)
    fprintf (f, "1,0,0,2024-01-01,S,Storage,1,GB-Mo,USD,AWS,%s\n",
             i == 1500 ? "a 5\" disk" : "\"quoted, \"\"x\"\"\"");
  fclose (f);
  memset (&o, 0, sizeof o);
  o.threads = 4;
  o.min_chunk = 1;
  in = ingest (path, &o, &rc, &err);
  is_int (rc, CC_EDATA, "stray quote in an unquoted field is exit 65");
  has_str (err.msg, "stray.csv:1502:11: malformed CSV: a quote inside an unquoted field",
           "stray quote: true line and column after the split is redone");
  cc_ingest_free (in);
}

int
main (void)
{
  char path[1024];
  cc_err err = { 0, "" };
  size_t i;
  const char *tmp = getenv ("TMPDIR");

  srcdir = getenv ("top_srcdir");
  if (srcdir == NULL)
    srcdir = ".";
  snprintf (tmpdir, sizeof tmpdir, "%s/cc-test-ingest.XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp (tmpdir) == NULL)
    {
      printf ("Bail out! cannot make a temporary directory\n");
      return 1;
    }
  snprintf (path, sizeof path, "%s/data/service-map.csv", srcdir);
  ok (cc_servicemap_load (path, &services, &err) == CC_OK, "service map loads (%s)", err.msg);
  snprintf (path, sizeof path, "%s/data/units.csv", srcdir);
  ok (cc_unitmap_load (path, &units, &err) == CC_OK, "unit map loads (%s)", err.msg);
  snprintf (path, sizeof path, "%s/koku-local-1_first10000.csv", tmpdir);
  ok (make_first10000 (path) == 0, "rebuilt koku-local-1_first10000.csv");

  for (i = 0; i < sizeof samples / sizeof samples[0]; i++)
    test_sample (&samples[i], 1);
  /* The big ones again in parallel chunks. */
  test_sample (&samples[0], 2);
  test_sample (&samples[10], 3);
  test_dates ();
  test_maps ();
  test_oddities ();
  test_chunks ();
  test_stray_quote ();

  cc_servicemap_free (services);
  cc_unitmap_free (units);
  {
    char cmd[600];
    snprintf (cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system (cmd) != 0)
      printf ("# could not remove %s\n", tmpdir);
  }
  return done_testing ();
}
