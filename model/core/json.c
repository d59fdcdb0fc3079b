/* json.c: JSON output through jansson. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/textutil.h"

/* V rounded through its decimal text: %.*g (FIXED 0) or %.*f. */
static json_t *
rounded (int fixed, int digits, double v)
{
  char buf[400];
  if (!isfinite (v))
    return json_null ();
  if (fixed)
    snprintf (buf, sizeof buf, "%.*f", digits, v);
  else
    snprintf (buf, sizeof buf, "%.*g", digits, v);
  v = strtod (buf, NULL);
  /* Integers stay reals: a cost of 12 is still a cost (12.0). */
  return json_real (v == 0 ? 0.0 : v);
}

json_t *
cc_json_num (double v, int sig)
{
  return rounded (0, sig < 1 ? 1 : sig > 17 ? 17 : sig, v);
}

json_t *
cc_json_fixed (double v, int decimals)
{
  return rounded (1, decimals < 0 ? 0 : decimals > 9 ? 9 : decimals, v);
}

json_t *
cc_json_str (const char *s)
{
  json_t *j;
  char *clean;
  if (s == NULL)
    return json_null ();
  if (cc_utf8_valid (s, strlen (s)))
    return json_string (s);
  clean = cc_utf8_clean (s);
  j = clean ? json_string (clean) : NULL;
  free (clean);
  return j;
}

void
cc_json_set (json_t *obj, const char *key, json_t *value)
{
  json_object_set_new (obj, key, value ? value : json_null ());
}

void
cc_json_push (json_t *arr, json_t *value)
{
  json_array_append_new (arr, value ? value : json_null ());
}

int
cc_json_dump (FILE *fp, const json_t *root, int precision)
{
  size_t flags = JSON_INDENT (2) | JSON_PRESERVE_ORDER
                 | JSON_REAL_PRECISION (precision < 1 ? 17 : precision);
  if (json_dumpf (root, fp, flags) != 0)
    return -1;
  putc ('\n', fp);
  return ferror (fp) ? -1 : 0;
}
