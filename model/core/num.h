/* num.h: the one strict number parser.  Every reader of numbers (data
 * files, scenario values, command-line options) goes through here, so a
 * number means the same thing everywhere: plain decimal, C locale. */
#ifndef CC_NUM_H
#define CC_NUM_H

#include <stddef.h>

/* Parse exactly the N bytes at S as a finite decimal number:
 *   [+-]? (DIGITS [. DIGITS?] | . DIGITS) ([eE] [+-]? DIGITS)?
 * No blanks, hex, inf, nan or thousands separators; a value that overflows
 * a double is refused.  S need not be NUL-terminated.  0 on success with
 * *V set, -1 otherwise (*V unspecified). */
int cc_num_parse_n (const char *s, size_t n, double *v);

/* The same for a NUL-terminated string. */
int cc_num_parse (const char *s, double *v);

/* Parse the whole of S as a decimal integer in [MIN, MAX]: digits only,
 * with a leading '-' only when MIN < 0; no blanks, '+', hex or octal
 * reading (leading zeros are decimal).  0 on success, -1 when S is not
 * such an integer, 1 when it is one but outside [MIN, MAX]. */
int cc_num_parse_long (const char *s, long min, long max, long *v);

/* The same for unsigned values up to MAX (at most ULONG_MAX): digits
 * only, never a sign, so "-1" cannot wrap to a huge value. */
int cc_num_parse_ulong (const char *s, unsigned long max, unsigned long *v);

#endif
