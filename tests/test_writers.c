/* test_writers.c: the one CSV writer and the one JSON layer (model/core),
 * each checked by reading its output back with the real parser (libcsv,
 * jansson). */
#include <config.h>

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/json.h"
#include "core/textutil.h"
#include "tap.h"

typedef struct
{
  char field[8][256];
  int n, records;
} parsed;

static void
on_field (void *s, size_t len, void *data)
{
  parsed *p = data;
  if (p->n < 8 && len < 256)
    {
      memcpy (p->field[p->n], s, len);
      p->field[p->n][len] = '\0';
    }
  p->n++;
}

static void
on_record (int c, void *data)
{
  ((parsed *) data)->records++;
}

/* Write FIELDS as one record and parse it back with libcsv. */
static void
roundtrip (const char *const *fields, size_t n, const char *what)
{
  struct csv_parser cp;
  parsed p;
  char *buf = NULL;
  size_t len = 0, i;
  FILE *fp = open_memstream (&buf, &len);
  int same;

  cc_csv_record (fp, fields, n);
  fclose (fp);
  memset (&p, 0, sizeof p);
  csv_init (&cp, CSV_STRICT | CSV_STRICT_FINI);
  csv_parse (&cp, buf, len, on_field, on_record, &p);
  csv_fini (&cp, on_field, on_record, &p);
  csv_free (&cp);
  same = p.records == 1 && p.n == (int) n;
  for (i = 0; same && i < n; i++)
    same = strcmp (p.field[i], fields[i]) == 0;
  ok (same, "CSV round trip: %s", what) || printf ("# wrote [%s]\n", buf);
  free (buf);
}

/* S as written by cc_csv_field or, with ALWAYS, cc_csv_field_quoted, is
   WANT. */
static void
csv_is (const char *s, int always, const char *want, const char *what)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  if (always)
    cc_csv_field_quoted (fp, s);
  else
    cc_csv_field (fp, s);
  fclose (fp);
  is_str (buf, want, "%s", what);
  free (buf);
}

static char *
json_text (json_t *root, int precision)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);
  cc_json_dump (fp, root, precision);
  fclose (fp);
  json_decref (root);
  return buf;
}

int
main (void)
{
  static const char *const plain[] = { "azure", "blob-hot-lrs", "1400", "" };
  static const char *const hard[] = { "Blob \"hot\", tier", "eu,west",
                                      "two\nlines", "cr\rhere", " lead",
                                      "trail ", "\"", "," };
  json_t *o, *back;
  json_error_t je;
  char *t;

  roundtrip (plain, 4, "plain fields");
  roundtrip (hard, 8, "quotes, commas, line breaks, edge blanks");
  csv_is ("plain", 0, "plain", "a plain field is not quoted");
  csv_is ("Blob \"hot\", tier", 0, "\"Blob \"\"hot\"\", tier\"",
          "quotes doubled inside quotes");
  csv_is (" x", 0, "\" x\"", "a leading blank is kept by quoting");
  csv_is ("Blob Storage", 1, "\"Blob Storage\"",
          "an always-quoted field is quoted");
  csv_is ("a \"b\"", 1, "\"a \"\"b\"\"\"",
          "an always-quoted field doubles its quotes");

  /* JSON: escaping, rounding, non-finite numbers, invalid UTF-8. */
  o = json_object ();
  cc_json_set (o, "name", cc_json_str ("a \"q\" \\ \n\t\x01 \xc3\xa9"));
  cc_json_set (o, "money", cc_json_fixed (121490405.123456, 2));
  cc_json_set (o, "sig", cc_json_num (0.1234567890123456, 12));
  cc_json_set (o, "inf", cc_json_num (1.0 / 0.0, 12));
  cc_json_set (o, "latin1", cc_json_str ("caf\xe9"));
  cc_json_set (o, "none", NULL);
  t = json_text (o, 15);
  back = json_loads (t, 0, &je);
  ok (back != NULL, "the JSON parses back") || printf ("# %s\n%s", je.text, t);
  if (back != NULL)
    {
      is_str (json_string_value (json_object_get (back, "name")),
              "a \"q\" \\ \n\t\x01 \xc3\xa9", "string escaped and restored");
      ok (json_real_value (json_object_get (back, "money")) == 121490405.12,
          "fixed(2) rounds to cents");
      ok (json_real_value (json_object_get (back, "sig")) == 0.123456789012,
          "num(12) rounds to 12 significant digits");
      ok (json_is_null (json_object_get (back, "inf")), "inf is null");
      is_str (json_string_value (json_object_get (back, "latin1")),
              "caf\xef\xbf\xbd", "invalid UTF-8 becomes U+FFFD");
      ok (json_is_null (json_object_get (back, "none")), "NULL is null");
      json_decref (back);
    }
  has_str (t, "\"money\": 121490405.12,", "cents print without binary noise");
  ok (strstr (t, "\"sig\": 0.123456789012,") != NULL, "12 digits print as 12");
  ok (strstr (t, "\"name\"") < strstr (t, "\"money\""), "keys keep their order");
  free (t);

  ok (cc_utf8_valid ("\xe2\x82\xac", 3), "euro sign is valid UTF-8");
  ok (!cc_utf8_valid ("\xc0\xaf", 2), "overlong form is invalid");
  ok (!cc_utf8_valid ("\xed\xa0\x80", 3), "surrogate is invalid");
  ok (!cc_utf8_valid ("\xe2\x82", 2), "cut sequence is invalid");
  return done_testing ();
}
