/* timeutil.c: month arithmetic and the reported-usage date forms. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"

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

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil), and back; exact for any year we accept. */
static long
days_from_civil (long y, int m, int d)
{
  long era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (long z, long *y, int *m)
{
  long era, doe, yoe, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* Parse the time and zone after a date, from s[0] (a 'T' or ' ', or the
 * end).  Returns the offset east of UTC in minutes through OFF and the time
 * of day in minutes through TOD; 0 on success. */
static int
parse_time_zone (const char *s, size_t n, int *tod, int *off)
{
  size_t i = 0;
  int hh = 0, mi = 0, ss = 0, oh = 0, om = 0;

  *tod = 0;
  *off = 0;
  if (n == 0)
    return 0;
  if (s[0] != 'T' && s[0] != ' ')
    return -1;
  i = 1;
  /* US forms write the hour with one digit ("9/2/2023 1:00:00 PM"). */
  if (n - i >= 4 && isdigit ((unsigned char) s[i]) && s[i + 1] == ':')
    {
      hh = s[i] - '0';
      i--;
    }
  else if (n - i < 5 || digits (s + i, 2, &hh) != 0 || s[i + 2] != ':')
    return -1;
  if (n - i < 5 || digits (s + i + 3, 2, &mi) != 0)
    return -1;
  i += 5;
  if (i < n && s[i] == ':')
    {
      if (n - i < 3 || digits (s + i + 1, 2, &ss) != 0)
        return -1;
      i += 3;
      if (i < n && s[i] == '.')
        {
          i++;
          if (i >= n || !isdigit ((unsigned char) s[i]))
            return -1;
          while (i < n && isdigit ((unsigned char) s[i]))
            i++;
        }
    }
  /* US forms sometimes carry a 12-hour clock. */
  if (i + 3 <= n && s[i] == ' ' && (s[i + 1] == 'A' || s[i + 1] == 'P')
      && s[i + 2] == 'M')
    {
      if (hh < 1 || hh > 12)
        return -1;
      hh = hh % 12 + (s[i + 1] == 'P' ? 12 : 0);
      i += 3;
    }
  if (hh > 24 || mi > 59 || ss > 60 || (hh == 24 && (mi || ss)))
    return -1;
  *tod = hh * 60 + mi;
  if (i == n)
    return 0;
  if (s[i] == ' ')
    i++;
  if (n - i == 1 && s[i] == 'Z')
    return 0;
  if (n - i == 3 && strncmp (s + i, "UTC", 3) == 0)
    return 0;
  if (s[i] != '+' && s[i] != '-')
    return -1;
  if (n - i == 3 && digits (s + i + 1, 2, &oh) == 0)
    om = 0;
  else if (n - i == 5 && digits (s + i + 1, 2, &oh) == 0
           && digits (s + i + 3, 2, &om) == 0)
    ;
  else if (n - i == 6 && s[i + 3] == ':' && digits (s + i + 1, 2, &oh) == 0
           && digits (s + i + 4, 2, &om) == 0)
    ;
  else
    return -1;
  if (oh > 18 || om > 59)
    return -1;
  *off = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
  return 0;
}

/* A number of one or two digits at S, then SEP; returns the characters
 * taken (with SEP), or 0. */
static size_t
short_field (const char *s, size_t n, char sep, int *v)
{
  size_t k = 0;
  int x = 0;
  while (k < n && k < 2 && isdigit ((unsigned char) s[k]))
    x = 10 * x + (s[k++] - '0');
  if (k == 0 || k >= n || s[k] != sep)
    return 0;
  *v = x;
  return k + 1;
}

/* A slashed date, M/D/Y or D/M/Y by ORDER, with one- or two-digit day and
 * month and a two-digit (20YY) or four-digit year.  Returns the characters
 * taken, or 0. */
static size_t
slashed_date (const char *s, size_t n, int order, int *y, int *m, int *d)
{
  size_t a, b, k = 0;
  int first, second;
  if ((a = short_field (s, n, '/', &first)) == 0
      || (b = short_field (s + a, n - a, '/', &second)) == 0)
    return 0;
  while (a + b + k < n && k < 5 && isdigit ((unsigned char) s[a + b + k]))
    k++;
  if (k == 4)
    digits (s + a + b, 4, y);
  else if (k == 2)
    {
      digits (s + a + b, 2, y);
      *y += 2000;
    }
  else
    return 0;
  *m = order == CC_DATE_DMY ? second : first;
  *d = order == CC_DATE_DMY ? first : second;
  return a + b + k;
}

int
cc_billing_month (const char *s, unsigned long len, long *month)
{
  return cc_billing_month_order (s, len, CC_DATE_MDY, month);
}

int
cc_billing_month_order (const char *s, unsigned long len, int order,
                        long *month)
{
  size_t n = len, k;
  const char *slash;
  int y = 0, m = 0, d = 0, tod, off;
  const char *rest;
  size_t nrest;
  long minutes, yy;
  int mm;

  /* Trim surrounding blanks. */
  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  /* An ISO interval: the start counts. */
  if (n > 10 && s[4] == '-' && (slash = memchr (s + 10, '/', n - 10)) != NULL)
    n = (size_t) (slash - s);

  if (n >= 10 && s[4] == '-' && s[7] == '-')
    {
      if (digits (s, 4, &y) || digits (s + 5, 2, &m) || digits (s + 8, 2, &d))
        return -1;
      rest = s + 10;
      nrest = n - 10;
    }
  else if (n == 7 && s[4] == '-')
    {
      if (digits (s, 4, &y) || digits (s + 5, 2, &m))
        return -1;
      d = 1;
      rest = s + 7;
      nrest = 0;
    }
  else if (n >= 6 && (k = slashed_date (s, n, order, &y, &m, &d)) > 0)
    {
      rest = s + k;
      nrest = n - k;
    }
  else
    return -1;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1
      || d > cc_days_in_month (y, m))
    return -1;
  if (parse_time_zone (rest, nrest, &tod, &off) != 0)
    return -1;
  if (off == 0 && tod < 24 * 60)
    {
      *month = cc_month_index (y, m);
      return 0;
    }
  minutes = days_from_civil (y, m, d) * 1440L + tod - off;
  civil_from_days (minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440),
                   &yy, &mm);
  *month = cc_month_index ((int) yy, mm);
  return 0;
}
