/* test_csvscan.c: the fast CSV scanner (core/csvscan.h): its two mask
 * implementations, records it takes and ones it leaves to libcsv, and
 * the differential check of csvdiff.h (the scanner against libcsv) on
 * random CSV-like bytes and on every file of the ingest and csvscan seed
 * corpora. */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/csvdiff.h"
#include "tap.h"

static uint64_t rng = 88172645463325252ULL;

static unsigned
next_rand (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned) (rng >> 32);
}

/* A byte of CSV-like text: mostly letters, often a special or a blank. */
static char
csv_byte (void)
{
  static const char alphabet[] = "ab1.,,,\"\"\n\r \t\0x";
  return alphabet[next_rand () % (sizeof alphabet - 1)];
}

static void
masks (void)
{
  int t, bad = 0, k;
  char s[64];
  for (t = 0; t < 20000; t++)
    {
      uint64_t want = 0;
      for (k = 0; k < 64; k++)
        {
          s[k] = t % 2 ? csv_byte () : (char) next_rand ();
          if (s[k] == ',' || s[k] == '"' || s[k] == '\n' || s[k] == '\r')
            want |= 1ULL << k;
        }
      bad += cc_csvscan_mask (s) != want || cc_csvscan_mask_swar (s) != want;
    }
  ok (bad == 0, "masks (SIMD and SWAR) mark exactly , \" CR LF: %d wrong of 20000", bad);
}

static void
taken (const char *s, size_t want_len, size_t want_nf, const char *want3)
{
  cc_csvscan_field f[8];
  char text[64];
  size_t nf = 0, len = cc_csvscan_record (s, strlen (s), f, 8, &nf);
  text[0] = '\0';
  if (len > 0 && nf >= 3)
    text[cc_csvscan_copy (text, &f[2])] = '\0';
  ok (len == want_len && nf == want_nf && strcmp (text, want3) == 0,
      "taken: %zu bytes, %zu fields, third \"%s\" (got %zu, %zu, \"%s\")",
      want_len, want_nf, want3, len, nf, text);
}

static void
fixed (void)
{
  static const char *const left[] = {
    "\n", "\r\n", " a,b,c\n", "a ,b,c\n", "a,\tb,c\n", "a\"b,c\n",
    "\"a\" ,b\n", "\"a\"x,b\n", "\"a\nb\",c\n", "a,b\rc,d\n", "a,b\r",
    "a,b", "\"a,b\n", "a,b,c,d,e,f,g,h,i\n", "a,b,\"c\"\"", NULL };
  cc_csvscan_field f[8];
  size_t i, nf;
  taken ("a,b,c\nnext", 6, 3, "c");
  taken ("a,b,c\r\nnext", 7, 3, "c");
  taken ("\"a,b\",x,\"say \"\"hi\"\"\"\n", 21, 3, "say \"hi\"");
  taken ("a,,\n", 4, 3, "");
  taken ("a,b,\"\"\r\n", 8, 3, "");
  taken ("a b,c d,e f\n", 12, 3, "e f");
  for (i = 0; left[i]; i++)
    ok (cc_csvscan_record (left[i], strlen (left[i]), f, 8, &nf) == 0,
        "left to libcsv: case %zu", i);
}

static void
random_bytes (void)
{
  static char s[400];
  size_t total = 0, got;
  int t, fails = 0;
  const char *why = NULL, *w;
  for (t = 0; t < 200000; t++)
    {
      size_t n = next_rand () % sizeof s, i;
      for (i = 0; i < n; i++)
        s[i] = csv_byte ();
      if ((w = csvdiff_check (s, n, &got)) != NULL)
        {
          fails++;
          why = w;
        }
      total += got;
    }
  ok (fails == 0, "200000 random inputs: scanner and libcsv agree (%d: %s)",
      fails, why ? why : "none");
  ok (total > 100000, "the scanner took records from them (%zu bytes)", total);
}

static void
corpus (const char *srcdir, const char *name)
{
  char dir[4096], path[8192];
  static char buf[1 << 20];
  DIR *d;
  struct dirent *e;
  snprintf (dir, sizeof dir, "%s/tests/fuzz/corpus/%s", srcdir, name);
  ok ((d = opendir (dir)) != NULL, "seed corpus %s opens", dir);
  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL)
    {
      FILE *fp;
      size_t n, got;
      const char *why;
      if (e->d_name[0] == '.')
        continue;
      snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
      if ((fp = fopen (path, "rb")) == NULL)
        continue;
      n = fread (buf, 1, sizeof buf, fp);
      fclose (fp);
      why = csvdiff_check (buf, n, &got);
      ok (why == NULL, "seed %s: scanner and libcsv agree on %zu bytes (%s)",
          e->d_name, got, why ? why : "ok");
    }
  closedir (d);
}

int
main (void)
{
  const char *srcdir = getenv ("top_srcdir");
  masks ();
  fixed ();
  random_bytes ();
  corpus (srcdir ? srcdir : ".", "ingest");
  corpus (srcdir ? srcdir : ".", "csvscan");
  return done_testing ();
}
