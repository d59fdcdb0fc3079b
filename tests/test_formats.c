/* test_formats.c: the billing format registry: names and descriptions,
 * --format names, detection of every format from a small header (and the
 * order in which formats are tried), and the message that lists them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "tap.h"

static char tmpdir[512];

/* Ingest TEXT as a file with FORMAT (CC_FMT_AUTO: detect).  *FMT gets
 * the format the report names; returns the status, ERR the message. */
static int
ingest_text (const char *text, cc_ingest_format format, char *fmt,
             size_t size, cc_err *err)
{
  char path[1024];
  cc_ingest_options o;
  cc_ingest *in;
  FILE *f;
  int rc;

  snprintf (path, sizeof path, "%s/f.csv", tmpdir);
  f = fopen (path, "wb");
  if (f == NULL)
    return -1;
  fputs (text, f);
  fclose (f);
  memset (&o, 0, sizeof o);
  o.format = format;
  in = cc_ingest_alloc (&o, NULL, NULL);
  rc = cc_ingest_file (in, path, err);
  snprintf (fmt, size, "%s", cc_ingest_file_report (in, 0)->format);
  cc_ingest_free (in);
  unlink (path);
  return rc;
}

/* One small export per format: what detection must pick. */
static const struct
{
  const char *format, *text;
} detected[] = {
  { "focus", "BilledCost,ChargePeriodStart,ServiceName\n1.5,2024-09-01,S3\n" },
  { "azure", "Date,MeterCategory,Cost\n2024-09-01,Storage,2\n" },
  { "azure", "UsageDateTime,PreTaxCost,MeterCategory\n2019-01-01,1,Storage\n" },
  { "aws-cur", "lineItem/UnblendedCost,lineItem/UsageStartDate,"
    "lineItem/ProductCode\n1,2024-09-01T00:00:00Z,AmazonS3\n" },
  { "aws-cur", "line_item_unblended_cost,line_item_usage_start_date,"
    "line_item_product_code\n1,2024-09-01T00:00:00Z,AmazonS3\n" },
  { "gcp", "service.description,usage_start_time,cost\n"
    "Cloud Storage,2024-09-01 00:00:00 UTC,1\n" },
  { "reported", "date,metric,value,unit\n2024-09-01,storage,5,TB\n" },
  { "gcp-console", "Invoice number,1,\nCurrency,USD,\nService description,"
    "Usage start date,Cost ($)\nCloud Storage,2024-09-01,\"1,000.5\"\n" },
  { "gcp-console", "Service description,Usage start date,Cost ($)\n"
    "Cloud Storage,2024-09-01,1\n" },
  /* Both GCP's and Azure's signatures: GCP is tried first. */
  { "gcp", "service.description,usage_start_time,cost,date,metercategory\n"
    "Cloud Storage,2024-09-01 00:00:00 UTC,1,2024-09-01,x\n" },
  /* Both reported usage's and Azure's: reported usage is tried last. */
  { "azure", "date,metric,value,unit,metercategory,cost\n"
    "2024-09-01,storage,5,TB,Storage,1\n" },
};

/* One GCP row of cost 1 with CREDITS, on the effective basis (cost plus
 * credits).  *COST gets the series' cost and *SKIPPED the rows skipped. */
static int
gcp_credits (const char *credits, double *cost, long *skipped)
{
  char path[1024];
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;
  FILE *f;
  int rc;

  snprintf (path, sizeof path, "%s/gcp.csv", tmpdir);
  if ((f = fopen (path, "wb")) == NULL)
    return -1;
  fprintf (f, "service.description,usage_start_time,cost,credits\n"
           "Cloud Storage,2024-09-01 00:00:00 UTC,1,\"%s\"\n"
           /* A row that is always used: a file of which no row is used
              is an error of its own. */
           "Cloud Storage,2024-09-01 00:00:00 UTC,0,\n", credits);
  fclose (f);
  memset (&o, 0, sizeof o);
  o.cost = CC_COST_EFFECTIVE;
  in = cc_ingest_alloc (&o, NULL, NULL);
  rc = cc_ingest_file (in, path, &err);
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  *cost = cc_ingest_nrows (in) == 1 ? cc_ingest_row (in, 0)->cost : -999;
  *skipped = cc_ingest_file_report (in, 0)->rows_skipped;
  cc_ingest_free (in);
  unlink (path);
  return rc;
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR");
  char fmt[64], want[512] = "";
  size_t i, n = cc_ingest_format_count ();
  cc_err err;
  int rc;

  snprintf (tmpdir, sizeof tmpdir, "%s/cc-test-formats.XXXXXX",
            tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp (tmpdir) == NULL)
    {
      printf ("Bail out! cannot make a temporary directory\n");
      return 1;
    }

  is_int (n, 7, "seven formats in the registry");
  ok (cc_ingest_format_get (n) == NULL, "no format past the end");
  for (i = 0; i < n; i++)
    {
      const cc_ingest_format_info *f = cc_ingest_format_get (i);
      ok (f != NULL && f->name[0] != '\0' && f->description != NULL
          && strlen (f->description) > 10, "format %zu has a name and a "
          "description", i);
      is_int (cc_ingest_format_find (f->name), (long) i + 1,
              "--format %s finds it", f->name);
      snprintf (want + strlen (want), sizeof want - strlen (want), "%s%s",
                i ? ", " : "", f->name);
    }
  is_str (cc_ingest_format_get (0)->name, "focus", "FOCUS is listed first");
  is_int (cc_ingest_format_find ("auto"), CC_FMT_AUTO, "auto detects");
  is_int (cc_ingest_format_find ("parquet"), -1, "an unknown name is -1");
  is_int (cc_ingest_format_find ("FOCUS"), -1, "names are case-sensitive");

  for (i = 0; i < sizeof detected / sizeof detected[0]; i++)
    {
      rc = ingest_text (detected[i].text, CC_FMT_AUTO, fmt, sizeof fmt, &err);
      is_int (rc, CC_OK, "sample %zu reads (%s)", i,
              rc == CC_OK ? "" : err.msg);
      is_str (fmt, detected[i].format, "sample %zu is detected as %s", i,
              detected[i].format);
    }

  /* --format overrides detection, and names the format in the message. */
  rc = ingest_text (detected[0].text, cc_ingest_format_find ("gcp"), fmt,
                    sizeof fmt, &err);
  is_int (rc, CC_EDATA, "FOCUS read as gcp: bad data");
  has_str (err.msg, "the header has no usage_start_time column, which the "
           "gcp format needs", "FOCUS read as gcp: the missing column");
  rc = ingest_text (detected[6].text, cc_ingest_format_find ("reported"),
                    fmt, sizeof fmt, &err);
  is_str (fmt, "reported", "--format reported on reported usage");

  /* GCP's row hook: the credits' amounts are strict decimal numbers. */
  {
    double cost;
    long skipped;
    rc = gcp_credits ("[{'name': 'Free tier', 'amount': -0.25, 'type': 'x'}, "
                      "{'name': 'b', 'amount': -5e-01}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 0 && fabs (cost - 0.25) < 1e-15,
        "GCP credits (Python literal) are added to the cost");
    rc = gcp_credits ("[{\"\"amount\"\":-0.5}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 0 && fabs (cost - 0.5) < 1e-15,
        "GCP credits (JSON) are added to the cost");
    rc = gcp_credits ("[]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 0 && cost == 1, "no credits: the cost");
    rc = gcp_credits ("[{'amount': 0x10}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 1, "a hex amount is not a number");
    rc = gcp_credits ("[{'amount': 5abc}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 1, "an amount with junk is not a number");
    rc = gcp_credits ("[{'amount': -1e31}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 1, "an amount beyond the cap is refused");
    rc = gcp_credits ("[{'amount': nan}]", &cost, &skipped);
    ok (rc == CC_OK && skipped == 1, "a nan amount is not a number");
  }

  /* The formats tried, from the registry. */
  rc = ingest_text ("alpha,beta\n1,2\n", CC_FMT_AUTO, fmt, sizeof fmt, &err);
  is_int (rc, CC_EDATA, "an unknown header: bad data");
  {
    char msg[600];
    snprintf (msg, sizeof msg, "format not recognised (tried %s); the header "
              "starts: alpha,beta", want);
    has_str (err.msg, msg, "the message lists every registry format");
  }
  is_str (fmt, "unknown", "an unknown header's report says unknown");

  rmdir (tmpdir);
  return done_testing ();
}
