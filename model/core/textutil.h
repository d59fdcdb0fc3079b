/* textutil.h: the small text helpers every reader and writer shares. */
#ifndef CC_TEXTUTIL_H
#define CC_TEXTUTIL_H

#include <stddef.h>

/* Edit (Levenshtein) distance between two short names; (size_t) -1 when
 * either is longer than 63 bytes.  For "did you mean" messages. */
size_t cc_edit_distance (const char *a, const char *b);

/* 1234567.891 -> "1,234,567.89" with DECIMALS digits after the point. */
void cc_group_digits (double v, int decimals, char *buf, size_t size);

/* An amount for prose: "1.25 billion", "3.4 million", below a million
 * cc_group_digits with no decimals ("12,345"). */
void cc_amount_words (double v, char *buf, size_t size);

/* Is S[0..N) valid UTF-8 (no overlong forms, surrogates or code points
 * beyond U+10FFFF)? */
int cc_utf8_valid (const char *s, size_t n);

/* A newly allocated copy of S with every byte that is not part of valid
 * UTF-8 replaced by U+FFFD; NULL when out of memory. */
char *cc_utf8_clean (const char *s);

#endif
