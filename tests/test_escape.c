/* test_escape.c: the Markdown, HTML and CSV escaping round trips of
 * tests/fuzz/roundtrip.h (the checks the fuzz target fuzz_escape runs),
 * on every seed in tests/fuzz/corpus/escape and on fixed cases, plus the
 * text helpers they rest on: labels cut on a character boundary, digit
 * grouping of any finite double, the spreadsheet rule. */
#include <config.h>

#include <dirent.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/roundtrip.h"
#include "tap.h"

static char *
slurp (const char *path)
{
  FILE *fp = fopen (path, "rb");
  char *buf;
  long n;
  if (fp == NULL)
    return NULL;
  fseek (fp, 0, SEEK_END);
  n = ftell (fp);
  rewind (fp);
  buf = calloc (1, (size_t) n + 1);
  if (buf != NULL && fread (buf, 1, (size_t) n, fp) != (size_t) n)
    buf[0] = '\0';
  fclose (fp);
  return buf;
}

static void
seeds (const char *srcdir)
{
  char dir[4096], path[8192];
  DIR *d;
  struct dirent *e;
  int n = 0;
  snprintf (dir, sizeof dir, "%s/tests/fuzz/corpus/escape", srcdir);
  d = opendir (dir);
  ok (d != NULL, "seed corpus %s opens", dir);
  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL)
    {
      char *s;
      const char *why;
      if (e->d_name[0] == '.')
        continue;
      snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
      if ((s = slurp (path)) == NULL)
        continue;
      why = rt_all (s);
      ok (why == NULL, "seed %s: round trip (%s)", e->d_name,
          why ? why : "ok");
      free (s);
      n++;
    }
  closedir (d);
  ok (n >= 10, "%d seeds read", n);
}

static void
labels (void)
{
  char buf[8], big[CC_GROUP_MAX], raw[400];
  /* "aé" is 3 bytes; "aéééé" 9: cut to fit 8 with an ellipsis, never
     inside the two bytes of an é. */
  is_int (cc_label_printf (buf, sizeof buf, "%s", "a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
          1, "a label that does not fit says so");
  ok (cc_utf8_valid (buf, strlen (buf)), "the cut label is valid UTF-8");
  ok (strcmp (buf, "a\xc3\xa9\xe2\x80\xa6") == 0, "cut after a whole character, with an ellipsis (%s)", buf);
  is_int (cc_label_printf (buf, sizeof buf, "%s", "abc"), 0, "a label that fits is whole");
  ok (strcmp (buf, "abc") == 0, "... and unchanged");
  is_int ((int) cc_utf8_chars ("a\xc3\xa9\xe2\x82\xac"), 3, "characters, not bytes, are counted");

  cc_group_digits (1e308, 2, big, sizeof big);
  snprintf (raw, sizeof raw, "%.2f", 1e308);
  {
    /* Strip the commas: the same digits as printf, grouped by three. */
    char digits[400];
    size_t i, o = 0, intlen = strchr (raw, '.') - raw;
    for (i = 0; big[i]; i++)
      if (big[i] != ',')
        digits[o++] = big[i];
    digits[o] = '\0';
    ok (strcmp (digits, raw) == 0, "1e308 grouped keeps every digit");
    is_int ((int) (strchr (big, '.') - big), (int) (intlen + (intlen - 1) / 3),
            "1e308: a comma every three digits");
  }
  cc_group_digits (-DBL_MAX, 0, big, sizeof big);
  ok (big[0] == '-' && big[1] != ',' && strlen (big) > 400, "-DBL_MAX grouped");
  cc_group_digits (1e308, 0, buf, sizeof buf);
  ok (strcmp (buf, "1e+308") == 0, "too small a buffer: exponent form, not a cut figure (%s)", buf);
  cc_group_digits (-1234567.891, 2, big, sizeof big);
  ok (strcmp (big, "-1,234,567.89") == 0, "-1234567.891 -> -1,234,567.89 (%s)", big);

  /* Three significant figures for prose. */
  {
    static const struct { double v; const char *want; } sig[] = {
      { 121490405, "121 million" }, { 88627653, "88.6 million" },
      { 158211957, "158 million" }, { 1.25e9, "1.25 billion" },
      { 999.6e6, "1.00 billion" }, { 999600, "1.00 million" },
      { 12345, "12,300" }, { 99.96, "100" }, { 0.012345, "0.0123" },
      { -344171, "-344,000" }, { 0, "0" } };
    size_t i;
    for (i = 0; i < sizeof sig / sizeof sig[0]; i++)
      {
        cc_sig_words (sig[i].v, 3, big, sizeof big);
        ok (strcmp (big, sig[i].want) == 0, "%.10g to three figures: %s (%s)",
            sig[i].v, sig[i].want, big);
      }
  }
}

static void
spreadsheet (void)
{
  static const char *const risky[] = { "=1+2", "+cmd", "-x", "@SUM(A1)",
                                       "\tx", "\rx", "-", "+", NULL };
  static const char *const safe[] = { "-5", "+1e3", "-0.25", "x=1", "",
                                      "a-b", NULL };
  size_t i;
  for (i = 0; risky[i]; i++)
    ok (cc_csv_formula_risk (risky[i]), "'%s' gets the apostrophe", risky[i]);
  for (i = 0; safe[i]; i++)
    ok (!cc_csv_formula_risk (safe[i]), "'%s' is written as it is", safe[i]);
}

int
main (void)
{
  const char *srcdir = getenv ("top_srcdir");
  seeds (srcdir ? srcdir : ".");
  labels ();
  spreadsheet ();
  return done_testing ();
}
