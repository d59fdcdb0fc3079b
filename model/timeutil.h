/* timeutil.h: calendar months as numbers.
 *
 * A month index counts months from January of year 0 (index = 12*year +
 * month - 1), so differences are whole months; a day inside the month adds
 * the fraction (day - 1) / days_in_month. */
#ifndef CC_TIMEUTIL_H
#define CC_TIMEUTIL_H

typedef struct
{
  int year, month, day;   /* day is 0 when the date gave only a month */
} cc_date;

/* Parse "YYYY-MM" or "YYYY-MM-DD" (a real calendar date).  Returns 0 on
 * success, -1 otherwise. */
int cc_date_parse_ym (const char *s, cc_date *d);

/* Month index with the day as a fraction of the month. */
double cc_date_months (const cc_date *d);

/* Month index of a date's month (day ignored). */
long cc_month_index (int year, int month);

/* Write the month index as "YYYY-MM" into buf (at least 8 bytes). */
void cc_month_format (long index, char *buf, unsigned long size);

int cc_days_in_month (int year, int month);

#endif
