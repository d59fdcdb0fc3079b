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

/* Month index (UTC) of the period start written in a billing export:
 * YYYY-MM-DD, YYYY-MM, YYYY-MM-DD[T ]HH:MM[:SS[.fff]] optionally followed by
 * Z, UTC or an offset (+HH:MM, +HHMM, +HH), M/D/Y with one- or two-digit
 * month and day and a four- or two-digit (20YY) year (US order, never
 * guessed D/M) with an optional time (12-hour clock with AM/PM too), and
 * an ISO interval "start/end" (the start counts).  An offset moves the instant to UTC first, which can change the
 * month.  S need not be NUL-terminated.  Returns 0, or -1 when S is not one
 * of these forms or not a real date and time. */
int cc_billing_month (const char *s, unsigned long n, long *month);

/* The order of a slashed date's day and month. */
enum { CC_DATE_MDY = 0, CC_DATE_DMY = 1 };

/* cc_billing_month with slashed dates read in ORDER (CC_DATE_MDY or
 * CC_DATE_DMY). */
int cc_billing_month_order (const char *s, unsigned long n, int order,
                            long *month);

#endif
