/* num.c: strict decimal numbers. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Length of the number grammar at S (at most N bytes) or 0 if S does not
 * start with one. */
static size_t
scan (const char *s, size_t n)
{
  size_t i = 0, d = 0;
  if (i < n && (s[i] == '+' || s[i] == '-'))
    i++;
  while (i < n && is_digit (s[i]))
    i++, d++;
  if (i < n && s[i] == '.')
    {
      i++;
      while (i < n && is_digit (s[i]))
        i++, d++;
    }
  if (d == 0)
    return 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
      size_t j = i + 1, e = 0;
      if (j < n && (s[j] == '+' || s[j] == '-'))
        j++;
      while (j < n && is_digit (s[j]))
        j++, e++;
      if (e == 0)
        return 0;
      i = j;
    }
  return i;
}

int
cc_num_parse_n (const char *s, size_t n, double *v)
{
  static const double p10[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                  1e15 };
  char small[128], *buf;
  char *end;
  size_t i;
  int nd = 0, frac = -1, neg;
  int64_t m = 0;

  if (n == 0 || scan (s, n) != n)
    return -1;
  /* Plain decimals of up to 15 digits: the digits and the power of ten
     are exact doubles, so one division rounds correctly (Clinger). */
  neg = s[0] == '-';
  i = (s[0] == '-' || s[0] == '+');
  for (; i < n && nd <= 15; i++)
    {
      if (is_digit (s[i]))
        {
          m = m * 10 + (s[i] - '0');
          nd++;
          if (frac >= 0)
            frac++;
        }
      else if (s[i] == '.' && frac < 0)
        frac = 0;
      else
        break;
    }
  if (i == n && nd <= 15)
    {
      double v0 = (double) m / p10[frac > 0 ? frac : 0];
      *v = neg ? -v0 : v0;
      return 0;
    }
  /* Anything else through strtod, on a NUL-terminated copy (the grammar
     above already excludes what strtod would also take: blanks, hex, inf,
     nan). */
  buf = n < sizeof small ? small : malloc (n + 1);
  if (buf == NULL)
    return -1;
  memcpy (buf, s, n);
  buf[n] = '\0';
  errno = 0;
  *v = strtod (buf, &end);
  i = (size_t) (end - buf);
  if (buf != small)
    free (buf);
  return i != n || errno == ERANGE || !isfinite (*v) ? -1 : 0;
}

int
cc_num_parse (const char *s, double *v)
{
  return cc_num_parse_n (s, strlen (s), v);
}

int
cc_num_parse_ulong (const char *s, unsigned long max, unsigned long *v)
{
  unsigned long x = 0;
  const char *p = s;
  int over = 0;

  if (!is_digit (*p))
    return -1;
  for (; is_digit (*p); p++)
    {
      unsigned d = (unsigned) (*p - '0');
      if (x > (ULONG_MAX - d) / 10)
        over = 1;
      else
        x = x * 10 + d;
    }
  if (*p != '\0')
    return -1;
  if (over || x > max)
    return 1;
  *v = x;
  return 0;
}

int
cc_num_parse_long (const char *s, long min, long max, long *v)
{
  unsigned long u;
  int neg = s[0] == '-' && min < 0, rc;

  rc = cc_num_parse_ulong (s + neg, ULONG_MAX, &u);
  if (rc < 0)
    return -1;
  if (rc > 0)
    return 1;
  if (neg)
    {
      /* -LONG_MIN does not fit a long: compare in unsigned. */
      if (u > (unsigned long) LONG_MAX + 1u)
        return 1;
      *v = u == (unsigned long) LONG_MAX + 1u ? LONG_MIN : -(long) u;
    }
  else
    {
      if (u > (unsigned long) LONG_MAX)
        return 1;
      *v = (long) u;
    }
  return *v < min || *v > max ? 1 : 0;
}
