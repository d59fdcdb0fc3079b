/* tap.h: a tiny TAP producer for the C unit tests (read by tap-driver.sh). */
#ifndef CC_TAP_H
#define CC_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_fail;

static int
tap_ok (int cond, const char *fmt, ...)
{
  va_list ap;
  tap_n++;
  if (!cond)
    tap_fail++;
  printf ("%sok %d - ", cond ? "" : "not ", tap_n);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  fflush (stdout);
  return cond;
}

#define ok(cond, ...) tap_ok (!!(cond), __VA_ARGS__)

/* |got - want| <= tol (absolute). */
#define is_near(got, want, tol, ...)                                         \
  (ok (fabs ((double) (got) - (double) (want)) <= (tol), __VA_ARGS__)        \
   || (printf ("# got %.17g, want %.17g (tol %g)\n", (double) (got),         \
               (double) (want), (double) (tol)), 0))

/* |got - want| <= relerr * |want|. */
#define is_rel(got, want, relerr, ...)                                       \
  (ok (fabs ((double) (got) - (double) (want))                               \
         <= (relerr) * fabs ((double) (want)), __VA_ARGS__)                  \
   || (printf ("# got %.17g, want %.17g (rel %g)\n", (double) (got),         \
               (double) (want), (double) (relerr)), 0))

#define is_int(got, want, ...)                                               \
  (ok ((long) (got) == (long) (want), __VA_ARGS__)                           \
   || (printf ("# got %ld, want %ld\n", (long) (got), (long) (want)), 0))

/* String checks go through functions so arrays and pointers both work. */
__attribute__ ((unused)) static int
tap_str_eq (const char *got, const char *want)
{
  if (got != NULL && strcmp (got, want) == 0)
    return 1;
  printf ("# got '%s', want '%s'\n", got ? got : "(null)", want);
  return 0;
}

__attribute__ ((unused)) static int
tap_str_has (const char *hay, const char *needle)
{
  if (hay != NULL && strstr (hay, needle) != NULL)
    return 1;
  printf ("# '%s' does not contain '%s'\n", hay ? hay : "(null)", needle);
  return 0;
}

#define is_str(got, want, ...) ok (tap_str_eq ((got), (want)), __VA_ARGS__)
#define has_str(hay, needle, ...) ok (tap_str_has ((hay), (needle)), __VA_ARGS__)

#define skip(why) (printf ("ok %d # SKIP %s\n", ++tap_n, (why)))

static int
done_testing (void)
{
  printf ("1..%d\n", tap_n);
  fflush (stdout);
  return tap_fail ? 1 : 0;
}

#endif
