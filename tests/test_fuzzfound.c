/* test_fuzzfound.c: every input the fuzzers of tests/fuzz found a crash,
 * sanitizer report or failed check with, read by the normal build: each
 * must give its clean status (and message), never a crash.  The inputs are
 * in tests/fuzz/found/, named READER-WHAT. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "tap.h"

static const char *srcdir;
static cc_servicemap *services;
static cc_unitmap *units;

static const char *
found (const char *name)
{
  static char path[4096];
  snprintf (path, sizeof path, "%s/tests/fuzz/found/%s", srcdir, name);
  return path;
}

/* Ingest NAME on THREADS threads (chunks of at least one byte); the
 * status must be WANT, the message contain MSG (when not NULL), and on
 * success every currency must reconcile. */
static void
ingest (const char *name, int threads, int want, const char *msg)
{
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;
  size_t i;
  int rc;

  memset (&o, 0, sizeof o);
  o.threads = threads;
  o.min_chunk = 1;
  cc_err_clear (&err);
  in = cc_ingest_alloc (&o, services, units);
  rc = cc_ingest_file (in, found (name), &err);
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  is_int (rc, want, "%s on %d thread(s): status %d (%s)", name, threads,
          want, err.msg);
  if (msg != NULL)
    has_str (err.msg, msg, "%s: message says '%s'", name, msg);
  if (rc == CC_OK)
    for (i = 0; i < cc_ingest_nfiles (in); i++)
      {
        const cc_ingest_report *r = cc_ingest_file_report (in, i);
        size_t c;
        for (c = 0; c < r->ncurrency; c++)
          is_near (r->currency[c].series, r->currency[c].read, 1e-9,
                   "%s: currency '%s' reconciles", name, r->currency[c].code);
      }
  cc_ingest_free (in);
}

/* NAME with --strict on THREADS threads: its status and summary. */
static char *
strict_summary (const char *name, int threads)
{
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;
  char *text = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&text, &len);
  int rc;

  memset (&o, 0, sizeof o);
  o.threads = threads;
  o.min_chunk = 1;
  o.strict = 1;
  cc_err_clear (&err);
  in = cc_ingest_alloc (&o, services, units);
  rc = cc_ingest_file (in, found (name), &err);
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  fprintf (fp, "status %d: %s\n", rc, err.msg);
  (void) cc_ingest_write_summary (in, fp);
  cc_ingest_free (in);
  fclose (fp);
  return text;
}

/* A strict stop in one chunk while the other thread parsed later ones:
   the summary counted the later chunks that happened to have run, so it
   changed from run to run (found by fuzz_csvscan comparing two runs). */
static void
strict_stop (void)
{
  const char *name = "ingest-strict-stop-later-chunks.csv";
  char *one = strict_summary (name, 1);
  int k, same = 0;
  for (k = 0; k < 30; k++)
    {
      char *two = strict_summary (name, 2);
      same += strcmp (one, two) == 0;
      free (two);
    }
  has_str (one, "status 65", "%s: --strict stops (exit 65)", name);
  is_int (same, 30, "%s: the summary on two threads is the one-thread "
          "summary in every run", name);
  free (one);
}

static void
test_ingest (void)
{
  char path[4096];
  cc_err err;
  int t;

  snprintf (path, sizeof path, "%s/data/service-map.csv", srcdir);
  ok (cc_servicemap_load (path, &services, &err) == CC_OK, "service map loads");
  snprintf (path, sizeof path, "%s/data/units.csv", srcdir);
  ok (cc_unitmap_load (path, &units, &err) == CC_OK, "unit map loads");

  for (t = 1; t <= 2; t++)
    {
      /* libcsv ends a record at a lone CR too: the header record ended
         inside its line and the next record reached a worker with no
         column slots (NULL dereference). */
      ingest ("ingest-cr-ends-header.csv", t, CC_OK, NULL);
      ingest ("ingest-cr-ends-header.csv.gz", t, CC_OK, NULL);
      /* A NUL byte in a field cut the group key short, and a line break
         in the currency was written differently in the key and in the
         currency totals: the reconciliation failed (CC_ESOFTWARE). */
      ingest ("ingest-nul-in-service.csv", t, CC_OK, NULL);
      ingest ("ingest-newline-in-currency.csv", t, CC_OK, NULL);
      /* An unknown header longer than the message buffer: pointer past
         the end of the buffer (UBSan). */
      ingest ("ingest-long-unknown-header.csv", t, CC_EDATA,
              "format not recognised");
    }
  strict_stop ();
  cc_servicemap_free (services);
  cc_unitmap_free (units);
}

int
main (void)
{
  srcdir = getenv ("top_srcdir");
  if (srcdir == NULL)
    srcdir = ".";
  test_ingest ();
  return done_testing ();
}
