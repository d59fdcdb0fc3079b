/* fuzz_scenario: a scenario file through the INI reader into a value case
 * (cc_valuecase_load).  The scenario is written to SCRATCH/scenarios/ where
 * prices/, reported/ and fit/ link to the fixed files of tests/data, so the
 * seed scenarios' "../prices/ok.csv" and the like resolve. */
#include <config.h>

#include <fcntl.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "value/valuecase.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  static const char *const link[] = { "prices", "reported", "fit" };
  char from[512], to[512];
  size_t i;
  int fd;
  fuzz_setup ("scenarios");
  if (mkdir (fuzz_file, 0700) != 0)
    abort ();
  for (i = 0; i < sizeof link / sizeof link[0]; i++)
    {
      snprintf (from, sizeof from, "%s/%s", CC_FUZZ_TESTDATA, link[i]);
      snprintf (to, sizeof to, "%s/%s", fuzz_dir, link[i]);
      if (symlink (from, to) != 0)
        abort ();
    }
  strcat (fuzz_file, "/s.ini");
  /* A data file named "-" is standard input: keep it empty. */
  if ((fd = open ("/dev/null", O_RDONLY)) < 0 || dup2 (fd, 0) < 0)
    abort ();
  close (fd);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  cc_valuecase *c = NULL;
  cc_err err;
  int rc;
  fuzz_write (data, size);
  cc_err_clear (&err);
  rc = cc_valuecase_load (fuzz_file, &c, &err);
  if (rc == CC_OK ? c == NULL : c != NULL || err.msg[0] == '\0'
                                    || rc == CC_ESOFTWARE)
    {
      fprintf (stderr, "fuzz_scenario: status %d: %s\n", rc, err.msg);
      abort ();
    }
  cc_valuecase_free (c);
  return 0;
}
