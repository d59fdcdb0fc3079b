/* textutil.h: the small text helpers every reader and writer shares. */
#ifndef CC_TEXTUTIL_H
#define CC_TEXTUTIL_H

#include <stddef.h>
#include <stdio.h>

/* Edit (Levenshtein) distance between two short names; (size_t) -1 when
 * either is longer than 63 bytes.  For "did you mean" messages. */
size_t cc_edit_distance (const char *a, const char *b);

/* 1234567.891 -> "1,234,567.89" with DECIMALS (0 to 20) digits after the
 * point, for any finite double: 1e308 is 309 digits and 102 commas, so a
 * buffer of CC_GROUP_MAX bytes always holds the grouped figure.  When SIZE
 * is too small the value is written in exponent form ("1e+308"), never
 * cut. */
#define CC_GROUP_MAX 448
void cc_group_digits (double v, int decimals, char *buf, size_t size);

/* An amount for prose and chart annotations, to three significant
 * figures (the precision policy: tables keep every digit): "1.25
 * billion", "3.40 million", "12,300" (cc_sig_words). */
void cc_amount_words (double v, char *buf, size_t size);

/* V rounded to SIG significant figures, grouped, with only the decimals
 * those figures need: 88.627 -> "88.6", 121490 -> "121,000",
 * 99.96 -> "100". */
void cc_sig_number (double v, int sig, char *buf, size_t size);

/* The word prose scales V by: 1e9 "billion" (from what rounds to 1,000
 * million), 1e6 "million" (likewise), else 1 and "". */
double cc_sig_scale (double v, const char **word);

/* V to SIG significant figures in words: "121 million", "1.25 billion",
 * "88.6 million", "12,300". */
void cc_sig_words (double v, int sig, char *buf, size_t size);

/* Is S[0..N) valid UTF-8 (no overlong forms, surrogates or code points
 * beyond U+10FFFF)? */
int cc_utf8_valid (const char *s, size_t n);

/* A newly allocated copy of S with every byte that is not part of valid
 * UTF-8 replaced by U+FFFD; NULL when out of memory. */
char *cc_utf8_clean (const char *s);

/* The code point of the valid UTF-8 sequence at S[0..N) in *CP and its
 * length, or 0 when the bytes there are not valid UTF-8. */
size_t cc_utf8_decode (const char *s, size_t n, unsigned long *cp);

/* Characters (code points) in the UTF-8 string S. */
size_t cc_utf8_chars (const char *s);

/* Offset of the first byte of S[0..N) that is not valid UTF-8, or
 * (size_t) -1 when all of it is. */
size_t cc_utf8_invalid_at (const char *s, size_t n);

/* Is CP a bidirectional formatting character (LRM, RLM, ALM, LRE..RLO,
 * LRI..PDI)?  Does S hold one? */
int cc_bidi_control (unsigned long cp);
int cc_has_bidi (const char *s);

/* snprintf for a label shown to a reader: when the text does not fit, it
 * is cut on a character boundary and ends in "…" (so it stays valid UTF-8
 * and says it was cut).  Returns 1 when it was cut, 0 otherwise. */
int cc_label_printf (char *buf, size_t size, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/* Write S as chart label text: control characters become spaces,
 * bidirectional controls are dropped (a chart cannot isolate them), bytes
 * that are not valid UTF-8 become U+FFFD.  Never cut. */
void cc_label_put (FILE *fp, const char *s);

/* The same as XML text or attribute content: & < > " ' as character
 * references besides (an SVG's <title>). */
void cc_label_put_xml (FILE *fp, const char *s);

#endif
