/* fuzz_csvscan: the fast CSV scanner against libcsv on the same input, two
 * ways, aborting on any difference: record by record (csvdiff.h: every
 * record the scanner takes, libcsv reads the same), and whole ingest runs
 * with CLOUDCAST_CSV=libcsv and =fast (status, message, series and
 * reconciliation report byte for byte).  The input's size picks the
 * options as fuzz_ingest does: odd sizes are split on two threads. */
#include <config.h>

#include "csvdiff.h"
#include "fuzz.h"
#include "ingest/ingest.h"

static cc_servicemap *services;
static cc_unitmap *units;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  cc_err err;
  (void) argc;
  (void) argv;
  fuzz_setup ("billing.csv");
  if (cc_servicemap_load (CC_SRCDATADIR "/service-map.csv", &services, &err)
        != CC_OK
      || cc_unitmap_load (CC_SRCDATADIR "/units.csv", &units, &err) != CC_OK)
    {
      fprintf (stderr, "fuzz_csvscan: %s\n", err.msg);
      abort ();
    }
  return 0;
}

/* One ingest run of the scratch file with PATH; its status, message,
   series and report in *OUT (newly allocated, *OUTLEN bytes). */
static int
run (const char *path, size_t size, char **out, size_t *outlen)
{
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;
  FILE *fp = open_memstream (out, outlen);
  int rc;
  if (fp == NULL)
    abort ();
  setenv ("CLOUDCAST_CSV", path, 1);
  memset (&o, 0, sizeof o);
  o.threads = size % 2 == 1 ? 2 : 1;
  o.min_chunk = 1;
  o.cost = (cc_ingest_cost) (size / 2 % 3);
  o.strict = size / 6 % 2;
  cc_err_clear (&err);
  if ((in = cc_ingest_alloc (&o, services, units)) == NULL)
    abort ();
  rc = cc_ingest_file (in, fuzz_file, &err);
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  fprintf (fp, "status %d: %s\n", rc, err.msg);
  if (rc == CC_OK)
    {
      (void) cc_ingest_write_series (in, fp);
      (void) cc_ingest_write_report (in, fp);
    }
  (void) cc_ingest_write_summary (in, fp);
  cc_ingest_free (in);
  fclose (fp);
  return rc;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *a = NULL, *b = NULL;
  size_t alen = 0, blen = 0, got;
  const char *why = csvdiff_check ((const char *) data, size, &got);
  if (why != NULL)
    {
      fprintf (stderr, "fuzz_csvscan: %s\n", why);
      abort ();
    }
  fuzz_write (data, size);
  run ("libcsv", size, &a, &alen);
  run ("fast", size, &b, &blen);
  if (alen != blen || memcmp (a, b, alen) != 0)
    {
      fprintf (stderr, "fuzz_csvscan: the two paths differ:\n--- libcsv\n%s"
               "--- fast\n%s", a, b);
      abort ();
    }
  free (a);
  free (b);
  return 0;
}
