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
