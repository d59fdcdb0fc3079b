/* timeutil.c: month arithmetic and the reported-usage date forms. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "timeutil.h"

int
cc_days_in_month (int year, int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12)
    return 0;
  return days[month - 1] + (month == 2 && leap);
}

static int
digits (const char *s, int n, int *v)
{
  int i, x = 0;
  for (i = 0; i < n; i++)
    {
      if (!isdigit ((unsigned char) s[i]))
        return -1;
      x = 10 * x + (s[i] - '0');
    }
  *v = x;
  return 0;
}

int
cc_date_parse_ym (const char *s, cc_date *d)
{
  size_t n = strlen (s);
  cc_date t = { 0, 0, 0 };

  if ((n != 7 && n != 10) || s[4] != '-' || digits (s, 4, &t.year) != 0
      || digits (s + 5, 2, &t.month) != 0 || t.month < 1 || t.month > 12
      || t.year < 1900 || t.year > 9999)
    return -1;
  if (n == 10)
    {
      if (s[7] != '-' || digits (s + 8, 2, &t.day) != 0 || t.day < 1
          || t.day > cc_days_in_month (t.year, t.month))
        return -1;
    }
  *d = t;
  return 0;
}

long
cc_month_index (int year, int month)
{
  return 12L * year + (month - 1);
}

double
cc_date_months (const cc_date *d)
{
  double m = (double) cc_month_index (d->year, d->month);
  if (d->day > 0)
    m += (d->day - 1) / (double) cc_days_in_month (d->year, d->month);
  return m;
}

void
cc_month_format (long index, char *buf, unsigned long size)
{
  long y = index / 12, m = index % 12 + 1;
  snprintf (buf, size, "%04ld-%02ld", y, m);
}
