/* textutil.c: edit distance, digit grouping. */
#include <config.h>

#include <errno.h>
#include <math.h>
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
  char raw[64];
  const char *dot;
  size_t len, i, o = 0, intlen;

  snprintf (raw, sizeof raw, "%.*f", decimals, v);
  dot = strchr (raw, '.');
  len = strlen (raw);
  intlen = dot ? (size_t) (dot - raw) : len;
  for (i = 0; i < len && o + 2 < size; i++)
    {
      if (i > 0 && i < intlen && raw[i - 1] != '-' && (intlen - i) % 3 == 0)
        buf[o++] = ',';
      buf[o++] = raw[i];
    }
  buf[o] = '\0';
}

void
cc_amount_words (double v, char *buf, size_t size)
{
  if (fabs (v) >= 1e9)
    snprintf (buf, size, "%.2f billion", v / 1e9);
  else if (fabs (v) >= 1e6)
    snprintf (buf, size, "%.1f million", v / 1e6);
  else
    cc_group_digits (v, 0, buf, size);
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
