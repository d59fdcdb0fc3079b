/* fuzz_reported: the reported-usage reader (cc_reported_read). */
#include <config.h>

#include "fuzz.h"
#include "reported/reported.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ("reported.csv");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  cc_reported *r = NULL;
  cc_err err;
  int rc;
  fuzz_write (data, size);
  cc_err_clear (&err);
  rc = cc_reported_read (fuzz_file, &r, &err);
  if (rc == CC_OK)
    {
      size_t i;
      if (r == NULL || cc_reported_find (r, NULL) == NULL)
        abort ();
      for (i = 0; i < r->nmetric; i++)
        if (cc_reported_find (r, r->metric[i].metric) == NULL
            || r->metric[i].n < 2)
          abort ();
    }
  else if (rc != CC_EDATA || err.msg[0] == '\0')
    abort ();   /* bad data is CC_EDATA with a message, nothing else */
  cc_reported_free (r);
  return 0;
}
