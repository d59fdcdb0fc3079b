/* csvwrite.c: one quoting rule for every CSV cloudcast writes. */
#include <config.h>

#include <string.h>

#include "core/csvwrite.h"

int
cc_csv_needs_quotes (const char *s)
{
  size_t n = strlen (s);
  return strpbrk (s, ",\"\r\n") != NULL
         || (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' '
                       || s[n - 1] == '\t'));
}

void
cc_csv_field_quoted (FILE *fp, const char *s)
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
cc_csv_field (FILE *fp, const char *s)
{
  if (cc_csv_needs_quotes (s))
    cc_csv_field_quoted (fp, s);
  else
    fputs (s, fp);
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
