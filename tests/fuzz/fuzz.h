/* fuzz.h: helpers shared by the libFuzzer targets (built only with
 * ./configure --enable-fuzz).  The readers take paths, so each target keeps
 * one scratch file per process and rewrites it with every input. */
#ifndef CC_FUZZ_H
#define CC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* A scratch directory made once per process and removed at exit. */
static char fuzz_dir[256];
static char fuzz_file[300];

__attribute__ ((unused)) static void
fuzz_cleanup (void)
{
  char cmd[300];
  if (fuzz_dir[0] == '\0')
    return;
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
  if (system (cmd) != 0)
    fprintf (stderr, "fuzz: cannot remove %s\n", fuzz_dir);
}

/* Make the scratch directory; NAME is the scratch file's name in it. */
__attribute__ ((unused)) static void
fuzz_setup (const char *name)
{
  const char *t = getenv ("TMPDIR");
  snprintf (fuzz_dir, sizeof fuzz_dir, "%s/ccfuzz.XXXXXX",
            t != NULL && *t != '\0' ? t : "/tmp");
  if (mkdtemp (fuzz_dir) == NULL)
    {
      perror ("fuzz: mkdtemp");
      abort ();
    }
  snprintf (fuzz_file, sizeof fuzz_file, "%s/%s", fuzz_dir, name);
  atexit (fuzz_cleanup);
}

/* Write DATA to the scratch file. */
__attribute__ ((unused)) static void
fuzz_write (const uint8_t *data, size_t size)
{
  FILE *f = fopen (fuzz_file, "wb");
  if (f == NULL || (size > 0 && fwrite (data, 1, size, f) != size)
      || fclose (f) != 0)
    {
      perror (fuzz_file);
      abort ();
    }
}

#endif
