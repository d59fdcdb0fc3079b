/* csvwrite.h: the one CSV writer.  Every CSV file cloudcast writes quotes
 * its text fields through here, by one rule (RFC 4180): a field holding a
 * comma, a double quote, CR or LF, or starting or ending with a blank, is
 * written between double quotes with its quotes doubled; any other field
 * is written as it is.  Numbers are written by the caller with printf.
 *
 * Spreadsheet safety (OWASP "CSV injection"): a text field that starts
 * with '=', '+', '-', '@', a tab or a carriage return and is not a number
 * (cc_num_parse) is written with a leading apostrophe ("'=SUM(A1)"), so a
 * spreadsheet shows it as text instead of running it as a formula.  A
 * program reading the file back sees the apostrophe.
 *
 * Every file written is UTF-8: bytes of a field that are not valid UTF-8
 * (a Latin-1 service name in a billing export) are written as U+FFFD. */
#ifndef CC_CSVWRITE_H
#define CC_CSVWRITE_H

#include <stddef.h>
#include <stdio.h>

/* Write S as one CSV field (no separator). */
void cc_csv_field (FILE *fp, const char *s);

/* Write N fields separated by commas (no separator before the first, no
 * record end), for a record that goes on with more fields. */
void cc_csv_fields (FILE *fp, const char *const *field, size_t n);

/* Write N fields separated by commas and end the record with "\n". */
void cc_csv_record (FILE *fp, const char *const *field, size_t n);

/* Write S between double quotes whatever it holds, its quotes doubled:
 * for a column that has always been written quoted (the service in
 * 'cloudcast prices'), so its output stays the same bytes. */
void cc_csv_field_quoted (FILE *fp, const char *s);

/* Would S get the leading apostrophe under the rule above? */
int cc_csv_formula_risk (const char *s);

/* Does S need quoting under the rule above? */
int cc_csv_needs_quotes (const char *s);

#endif
