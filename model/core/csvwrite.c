/* csvwrite.c: one quoting rule for every CSV cloudcast writes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/num.h"
#include "core/textutil.h"

int
cc_csv_needs_quotes (const char *s)
{
  size_t n = strlen (s);
  return strpbrk (s, ",\"\r\n") != NULL
         || (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' '
                       || s[n - 1] == '\t'));
}

int
cc_csv_formula_risk (const char *s)
{
  double v;
  if (strchr ("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
    return 0;
  return cc_num_parse (s, &v) != 0;
}

/* S with the leading apostrophe a formula-looking text cell gets, or S
 * itself; *OWNED is set when the result must be freed. */
static const char *
defused (const char *s, char **owned)
{
  size_t n;
  char *clean = NULL;
  *owned = NULL;
  if (!cc_utf8_valid (s, strlen (s)) && (clean = cc_utf8_clean (s)) != NULL)
    s = clean;
  if (!cc_csv_formula_risk (s))
    return *owned = clean, s;
  n = strlen (s);
  if ((*owned = malloc (n + 2)) == NULL)
    return *owned = clean, s;
  (*owned)[0] = '\'';
  memcpy (*owned + 1, s, n + 1);
  free (clean);
  return *owned;
}

static void
put_quoted (FILE *fp, const char *s)
{
  putc ('"', fp);
  for (; *s; s++)
    {
      if (*s == '"')
        putc ('"', fp);
      putc (*s, fp);
    }
  putc ('"', fp);
}

void
cc_csv_field_quoted (FILE *fp, const char *s)
{
  char *owned;
  put_quoted (fp, defused (s, &owned));
  free (owned);
}

void
cc_csv_field (FILE *fp, const char *s)
{
  char *owned;
  const char *t = defused (s, &owned);
  if (cc_csv_needs_quotes (t))
    put_quoted (fp, t);
  else
    fputs (t, fp);
  free (owned);
}

void
cc_csv_fields (FILE *fp, const char *const *field, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    {
      if (i > 0)
        putc (',', fp);
      cc_csv_field (fp, field[i]);
    }
}

void
cc_csv_record (FILE *fp, const char *const *field, size_t n)
{
  cc_csv_fields (fp, field, n);
  putc ('\n', fp);
}
