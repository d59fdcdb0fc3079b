/* textutil.h: the small text helpers every reader and writer shares. */
#ifndef CC_TEXTUTIL_H
#define CC_TEXTUTIL_H

#include <stddef.h>

/* Edit (Levenshtein) distance between two short names; (size_t) -1 when
 * either is longer than 63 bytes.  For "did you mean" messages. */
size_t cc_edit_distance (const char *a, const char *b);

/* 1234567.891 -> "1,234,567.89" with DECIMALS digits after the point. */
void cc_group_digits (double v, int decimals, char *buf, size_t size);

#endif
