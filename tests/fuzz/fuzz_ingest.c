/* fuzz_ingest: billing ingest through format auto-detection (FOCUS, Azure,
 * AWS CUR, GCP, OCI, reported usage; plain, gzip or ZIP), then the
 * series, the reconciliation report and the summary.  The input's size
 * picks the options (threads, cost basis, grouping, strict, the extra
 * dimensions account, region and two tags), so every input replays the
 * same way: odd sizes are split into chunks on two threads. */
#include <config.h>

#include "fuzz.h"
#include "ingest/ingest.h"

static cc_servicemap *services;
static cc_unitmap *units;
static FILE *devnull;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  cc_err err;
  fuzz_setup ("billing.csv");
  if (cc_servicemap_load (CC_SRCDATADIR "/service-map.csv", &services, &err)
        != CC_OK
      || cc_unitmap_load (CC_SRCDATADIR "/units.csv", &units, &err) != CC_OK
      || (devnull = fopen ("/dev/null", "w")) == NULL)
    {
      fprintf (stderr, "fuzz_ingest: %s\n", err.msg);
      abort ();
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  cc_ingest_options o;
  cc_ingest *in;
  cc_err err;
  int rc;
  memset (&o, 0, sizeof o);
  o.threads = size % 2 == 1 ? 2 : 1;
  o.min_chunk = 1;
  o.cost = (cc_ingest_cost) (size / 2 % 3);
  o.by = (cc_ingest_by) (size / 6 % 3);
  o.strict = size / 18 % 2;
  if (size / 36 % 2)
    {
      o.by_account = o.by_region = 1;
      o.ntag = 2;
      strcpy (o.tag[0], "team");
      strcpy (o.tag[1], "env");
    }
  fuzz_write (data, size);
  cc_err_clear (&err);
  in = cc_ingest_alloc (&o, services, units);
  if (in == NULL)
    abort ();
  rc = cc_ingest_file (in, fuzz_file, &err);
  if (rc == CC_OK)
    rc = cc_ingest_finish (in, &err);
  if (rc == CC_OK)
    {
      if (cc_ingest_write_series (in, devnull) != CC_OK
          || cc_ingest_write_report (in, devnull) != CC_OK)
        abort ();
    }
  else if (rc != CC_EDATA || err.msg[0] == '\0')
    {
      /* CC_ESOFTWARE is a failed reconciliation: a bug. */
      fprintf (stderr, "fuzz_ingest: status %d: %s\n", rc, err.msg);
      abort ();
    }
  (void) cc_ingest_write_summary (in, devnull);
  cc_ingest_free (in);
  return 0;
}
