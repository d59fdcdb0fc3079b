/* json.h: the one JSON layer.  Every JSON document cloudcast writes is
 * built as a jansson tree and dumped here, so escaping, key order and
 * number formatting are the same everywhere. */
#ifndef CC_JSON_H
#define CC_JSON_H

#include <stdio.h>

#include <jansson.h>

/* A number rounded to SIG significant digits (1-17), or null when V is
 * not finite (JSON has no inf or nan). */
json_t *cc_json_num (double v, int sig);

/* A number rounded to DECIMALS places (0-9), or null when not finite. */
json_t *cc_json_fixed (double v, int decimals);

/* A string.  Invalid UTF-8 bytes become U+FFFD, so the document is always
 * valid JSON; NULL S is JSON null. */
json_t *cc_json_str (const char *s);

/* json_object_set_new that tolerates a NULL value (stored as null). */
void cc_json_set (json_t *obj, const char *key, json_t *value);

/* json_array_append_new, likewise. */
void cc_json_push (json_t *arr, json_t *value);

/* Dump ROOT to FP with 2-space indentation, keys in insertion order, reals
 * with up to PRECISION significant digits (15 prints values rounded by
 * cc_json_num/cc_json_fixed without binary noise; 17 keeps any double
 * exact), and a final newline.  0, or -1 on a write error. */
int cc_json_dump (FILE *fp, const json_t *root, int precision);

#endif
