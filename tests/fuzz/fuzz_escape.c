/* fuzz_escape: every data string through the Markdown, HTML and CSV
 * escaping, parsed back and compared (tests/fuzz/roundtrip.h); any
 * difference aborts.  Seeds: tests/fuzz/corpus/escape, also replayed by
 * tests/test_escape in make check. */
#include <config.h>

#include "roundtrip.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);
  const char *why;
  if (s == NULL)
    return 0;
  memcpy (s, data, size);
  s[size] = '\0';
  if ((why = rt_all (s)) != NULL)
    {
      fprintf (stderr, "fuzz_escape: %s round trip broken\n", why);
      abort ();
    }
  free (s);
  return 0;
}
