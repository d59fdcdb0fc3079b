/* test_num.c: the one strict number parser (model/core/num.c). */
#include <config.h>

#include <float.h>
#include <limits.h>
#include <string.h>

#include "core/num.h"
#include "tap.h"

static void
good (const char *s, double want)
{
  double v = -12345;
  int rc = cc_num_parse (s, &v);
  ok (rc == 0 && v == want, "'%s' is %.17g", s, want)
    || printf ("# rc %d, got %.17g\n", rc, v);
}

static void
bad (const char *s)
{
  double v;
  ok (cc_num_parse (s, &v) != 0, "'%s' is refused", s);
}

int
main (void)
{
  static const char *const refused[] = {
    "", " 1", "1 ", "\t1", "+", "-", ".", "e5", "1e", "1e+", "1.2.3",
    "0x10", "0x1p8", "1p8", "inf", "-inf", "nan", "NaN", "infinity",
    "1,000", "1_000", "1e400", "-1e400", "12abc", "--1", "+-1", "1d",
  };
  double v;
  long l;
  unsigned long u;
  size_t i;

  good ("0", 0);
  good ("-0", -0.0);
  good ("42", 42);
  good ("+42", 42);
  good ("-3.25", -3.25);
  good (".5", 0.5);
  good ("5.", 5);
  good ("0.1", 0.1);
  good ("123456789012345", 123456789012345.0);
  good ("1234567890123456789", 1234567890123456789.0);
  good ("2.5893953072562468e-05", 2.5893953072562468e-05);
  good ("6.123E-7", 6.123E-7);
  good ("1e308", 1e308);
  good ("0.000000000000000000001", 1e-21);
  for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
    bad (refused[i]);

  /* Length-bounded: the byte after N is not read as part of the number. */
  ok (cc_num_parse_n ("12345", 3, &v) == 0 && v == 123, "first 3 bytes of 12345");
  ok (cc_num_parse_n ("1.5e3x", 5, &v) == 0 && v == 1500, "bounded before the x");
  ok (cc_num_parse_n ("1", 0, &v) != 0, "zero bytes refused");
  {
    char longnum[300];
    memset (longnum, '1', 200);
    longnum[200] = '\0';
    ok (cc_num_parse (longnum, &v) == 0 && v > 1e199 && v < 1.2e200,
        "a 200-digit number goes through strtod");
  }

  /* Integers. */
  ok (cc_num_parse_long ("17", 0, 100, &l) == 0 && l == 17, "17 in [0,100]");
  ok (cc_num_parse_long ("0", 0, 100, &l) == 0 && l == 0, "0 in [0,100]");
  ok (cc_num_parse_long ("007", 0, 100, &l) == 0 && l == 7, "007 is decimal 7");
  ok (cc_num_parse_long ("-5", -10, 10, &l) == 0 && l == -5, "-5 in [-10,10]");
  is_int (cc_num_parse_long ("-1", 0, 100, &l), -1, "-1 with min 0 is not a whole number");
  is_int (cc_num_parse_long (" -1", 0, 100, &l), -1, "' -1' refused");
  is_int (cc_num_parse_long (" 1", 0, 100, &l), -1, "' 1' refused");
  is_int (cc_num_parse_long ("+1", 0, 100, &l), -1, "'+1' refused");
  is_int (cc_num_parse_long ("0x10", 0, 100, &l), -1, "hex refused");
  is_int (cc_num_parse_long ("1.5", 0, 100, &l), -1, "1.5 refused");
  is_int (cc_num_parse_long ("", 0, 100, &l), -1, "empty refused");
  is_int (cc_num_parse_long ("101", 0, 100, &l), 1, "101 out of [0,100]");
  is_int (cc_num_parse_long ("99999999999999999999999", 0, LONG_MAX, &l), 1,
          "overflow is out of range");
  ok (cc_num_parse_long ("-9223372036854775808", LONG_MIN, LONG_MAX, &l) == 0
      && l == LONG_MIN, "LONG_MIN");
  ok (cc_num_parse_ulong ("18446744073709551615", ULONG_MAX, &u) == 0
      && u == ULONG_MAX, "ULONG_MAX");
  is_int (cc_num_parse_ulong ("18446744073709551616", ULONG_MAX, &u), 1,
          "ULONG_MAX + 1 out of range");
  is_int (cc_num_parse_ulong ("-1", ULONG_MAX, &u), -1, "-1 never wraps");
  is_int (cc_num_parse_ulong ("4294967296", 4294967295ul, &u), 1,
          "2^32 over a 32-bit cap");
  return done_testing ();
}
