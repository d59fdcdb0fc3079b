/* textutil.c: edit distance, digit grouping, UTF-8 and labels. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"

size_t
cc_edit_distance (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b), x, y, prev[64], cur[64];
  if (la > 63 || lb > 63)
    return (size_t) -1;
  for (y = 0; y <= lb; y++)
    prev[y] = y;
  for (x = 1; x <= la; x++)
    {
      cur[0] = x;
      for (y = 1; y <= lb; y++)
        {
          size_t c = prev[y - 1] + (a[x - 1] != b[y - 1]);
          if (prev[y] + 1 < c)
            c = prev[y] + 1;
          if (cur[y - 1] + 1 < c)
            c = cur[y - 1] + 1;
          cur[y] = c;
        }
      memcpy (prev, cur, (lb + 1) * sizeof cur[0]);
    }
  return prev[lb];
}

void
cc_group_digits (double v, int decimals, char *buf, size_t size)
{
  char *raw;
  const char *dot;
  size_t len, i, o = 0, intlen, need;
  int r;

  if (size == 0)
    return;
  if (decimals < 0)
    decimals = 0;
  if (decimals > 20)
    decimals = 20;
  if (!isfinite (v))
    {
      snprintf (buf, size, "%s", isnan (v) ? "nan" : v < 0 ? "-inf" : "inf");
      return;
    }
  r = snprintf (NULL, 0, "%.*f", decimals, v);
  if (r < 0 || (raw = malloc ((size_t) r + 1)) == NULL)
    {
      snprintf (buf, size, "%.*g", decimals + 6, v);
      return;
    }
  snprintf (raw, (size_t) r + 1, "%.*f", decimals, v);
  dot = strchr (raw, '.');
  len = strlen (raw);
  intlen = dot ? (size_t) (dot - raw) : len;
  need = len + (intlen - (raw[0] == '-')) / 3 + 1;
  if (need > size)
    {
      /* Never a cut figure: the same value in exponent form. */
      snprintf (buf, size, "%.6g", v);
      free (raw);
      return;
    }
  for (i = 0; i < len; i++)
    {
      if (i > 0 && i < intlen && raw[i - 1] != '-' && (intlen - i) % 3 == 0)
        buf[o++] = ',';
      buf[o++] = raw[i];
    }
  buf[o] = '\0';
  free (raw);
}

void
cc_amount_words (double v, char *buf, size_t size)
{
  cc_sig_words (v, 3, buf, size);
}

void
cc_sig_number (double v, int sig, char *buf, size_t size)
{
  double e, step, r;
  int decimals;
  if (sig < 1)
    sig = 1;
  if (v == 0 || !isfinite (v))
    {
      cc_group_digits (v, 0, buf, size);
      return;
    }
  e = floor (log10 (fabs (v)));
  step = pow (10, e - sig + 1);
  r = round (v / step) * step;
  /* Rounding may carry into a new digit (99.96 -> 100.0): count again. */
  e = floor (log10 (fabs (r)));
  decimals = sig - 1 - (int) e;
  if (decimals < 0)
    decimals = 0;
  if (decimals > 20)
    decimals = 20;
  cc_group_digits (r, decimals, buf, size);
}

double
cc_sig_scale (double v, const char **word)
{
  double a = fabs (v);
  /* What rounds to 1,000 million is a billion. */
  if (a >= 999.5e6)
    {
      *word = "billion";
      return 1e9;
    }
  if (a >= 999.5e3)
    {
      *word = "million";
      return 1e6;
    }
  *word = "";
  return 1;
}

void
cc_sig_words (double v, int sig, char *buf, size_t size)
{
  const char *word;
  double scale = cc_sig_scale (v, &word);
  char num[CC_GROUP_MAX];
  cc_sig_number (v / scale, sig, num, sizeof num);
  snprintf (buf, size, "%s%s%s", num, word[0] ? " " : "", word);
}

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0. */
static size_t
utf8_len (const unsigned char *s, size_t n)
{
  unsigned c = s[0];
  size_t len, i;
  unsigned long cp;
  if (c < 0x80)
    return 1;
  if (c >= 0xc2 && c <= 0xdf)
    len = 2, cp = c & 0x1f;
  else if (c >= 0xe0 && c <= 0xef)
    len = 3, cp = c & 0x0f;
  else if (c >= 0xf0 && c <= 0xf4)
    len = 4, cp = c & 0x07;
  else
    return 0;
  if (len > n)
    return 0;
  for (i = 1; i < len; i++)
    {
      if ((s[i] & 0xc0) != 0x80)
        return 0;
      cp = (cp << 6) | (s[i] & 0x3f);
    }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
      || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
    return 0;
  return len;
}

int
cc_utf8_valid (const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0, k;
  while (i < n)
    {
      if ((k = utf8_len (p + i, n - i)) == 0)
        return 0;
      i += k;
    }
  return 1;
}

char *
cc_utf8_clean (const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t n = strlen (s), i = 0, o = 0, k;
  char *out = malloc (3 * n + 1);
  if (out == NULL)
    return NULL;
  while (i < n)
    {
      if ((k = utf8_len (p + i, n - i)) == 0)
        {
          memcpy (out + o, "\xef\xbf\xbd", 3);
          o += 3;
          i++;
        }
      else
        {
          memcpy (out + o, s + i, k);
          o += k;
          i += k;
        }
    }
  out[o] = '\0';
  return out;
}

/* ---- labels kept whole ---- */

size_t
cc_utf8_decode (const char *s, size_t n, unsigned long *cp)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t k, i;
  if (n == 0)
    return 0;
  if ((k = utf8_len (p, n)) == 0)
    return 0;
  if (k == 1)
    *cp = p[0];
  else
    {
      *cp = p[0] & (k == 2 ? 0x1f : k == 3 ? 0x0f : 0x07);
      for (i = 1; i < k; i++)
        *cp = (*cp << 6) | (p[i] & 0x3f);
    }
  return k;
}

size_t
cc_utf8_chars (const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t n = 0;
  for (; *p; p++)
    if ((*p & 0xc0) != 0x80)
      n++;
  return n;
}

size_t
cc_utf8_invalid_at (const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0, k;
  while (i < n)
    {
      if ((k = utf8_len (p + i, n - i)) == 0)
        return i;
      i += k;
    }
  return (size_t) -1;
}

int
cc_bidi_control (unsigned long cp)
{
  return cp == 0x061c || cp == 0x200e || cp == 0x200f
         || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int
cc_has_bidi (const char *s)
{
  size_t n = strlen (s), i = 0, k;
  unsigned long cp;
  while (i < n)
    {
      if ((k = cc_utf8_decode (s + i, n - i, &cp)) == 0)
        k = 1;
      else if (cc_bidi_control (cp))
        return 1;
      i += k;
    }
  return 0;
}

/* Cut S (a NUL-terminated string in a buffer of SIZE bytes, SIZE >= 4)
 * back to a character boundary with room for "…" and append it. */
static void
ellipsize (char *s, size_t size)
{
  size_t n = strlen (s);
  if (n > size - 4)
    n = size - 4;
  while (n > 0 && ((unsigned char) s[n] & 0xc0) == 0x80)
    n--;
  /* A cut sequence left at the end (the input was invalid) goes too. */
  while (n > 0 && cc_utf8_invalid_at (s, n) != (size_t) -1)
    n--;
  memcpy (s + n, "\xe2\x80\xa6", 4);
}

int
cc_label_printf (char *buf, size_t size, const char *fmt, ...)
{
  va_list ap;
  int n;
  if (size == 0)
    return 0;
  va_start (ap, fmt);
  n = vsnprintf (buf, size, fmt, ap);
  va_end (ap);
  if (n < 0)
    {
      buf[0] = '\0';
      return 0;
    }
  if ((size_t) n < size)
    return 0;
  if (size < 4)
    buf[0] = '\0';
  else
    ellipsize (buf, size);
  return 1;
}

static void
label_write (FILE *fp, const char *s, int xml)
{
  size_t n = strlen (s), i = 0, k;
  unsigned long cp;
  while (i < n)
    {
      if ((k = cc_utf8_decode (s + i, n - i, &cp)) == 0)
        {
          fputs ("\xef\xbf\xbd", fp);
          i++;
          continue;
        }
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
        putc (' ', fp);
      else if (xml && cp < 0x80 && strchr ("&<>\"'", (int) cp) != NULL)
        fprintf (fp, "&#%lu;", cp);
      else if (!cc_bidi_control (cp))
        fwrite (s + i, 1, k, fp);
      i += k;
    }
}

void
cc_label_put (FILE *fp, const char *s)
{
  label_write (fp, s, 0);
}

void
cc_label_put_xml (FILE *fp, const char *s)
{
  label_write (fp, s, 1);
}
