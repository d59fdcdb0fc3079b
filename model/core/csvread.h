/* csvread.h: stream a CSV file (plain, gzip or stdin) through libcsv, one
 * record at a time, with the line number where each record starts.
 *
 * Memory is bounded by the longest record, never by the file.  Fields are
 * NUL-terminated copies that stay valid only during the callback. */
#ifndef CC_CSVREAD_H
#define CC_CSVREAD_H

#include <stddef.h>

#include "core/error.h"

/* Caps on one record: beyond them the file is bad data (65). */
#define CC_CSV_MAX_FIELDS 10000          /* fields in one record */
#define CC_CSV_MAX_FIELD (1L << 20)      /* bytes in one field (1 MiB) */

typedef struct
{
  char **field;     /* field[i] is NUL-terminated; valid during the callback */
  size_t *len;      /* byte length of field[i] */
  size_t nfield;
  long line;        /* 1-based line on which the record starts */
  long record;      /* 1-based record number (the header is record 1) */
} cc_csv_row;

/* Return CC_OK to go on, anything else to stop (the value is returned by
 * cc_csv_read, with err as the callback left it). */
typedef int (*cc_csv_row_fn) (const cc_csv_row *row, void *ctx, cc_err *err);

/* Read PATH ("-" for standard input; gzip is recognised by its magic bytes,
 * whatever the name) and call FN for every record, the header included.  A
 * UTF-8 byte order mark is dropped.  Returns CC_OK, CC_ENOINPUT when the file
 * cannot be opened, CC_EDATA for a malformed file (unterminated quote,
 * truncated gzip stream: the message names the byte offset; a field that
 * is not valid UTF-8: the line and field), CC_EIO for a
 * read error, or the callback's status. */
int cc_csv_read (const char *path, cc_csv_row_fn fn, void *ctx, cc_err *err);

/* Find NAME in a header row, ignoring ASCII case; return its index or -1. */
long cc_csv_column (const cc_csv_row *header, const char *name);

#endif
