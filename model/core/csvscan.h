/* csvscan.h: a fast scanner for the records libcsv reads the plain way.
 *
 * libcsv (core/csvread.h, ingest/worker.c) stays the parser of record: it
 * runs a byte-at-a-time state machine.  This scanner finds field and
 * record boundaries 64 bytes at a time (SSE2 compares, or eight bytes at
 * a time in portable SWAR), and takes a record only when it can prove
 * that libcsv, in strict mode with the comma and its default blanks,
 * starting between records, would read the same fields from it and end
 * in the same state: the record lies whole in the buffer and ends with LF
 * or CRLF; every field is unquoted text without '"', CR, LF or a leading
 * or trailing space or tab, or a quoted field ("..." with "" for a quote)
 * without CR or LF, closed right before a comma or the line break.
 * Anything else (a blank line, a stray quote, a record that runs past the
 * buffer, a bare CR, more fields than the caller has room for) is left to
 * libcsv: cc_csvscan_record returns 0 and the caller feeds those bytes to
 * libcsv instead, so results never depend on which path ran. */
#ifndef CC_CSVSCAN_H
#define CC_CSVSCAN_H

#include <stddef.h>
#include <stdint.h>

/* One field of a scanned record: its text is the LEN bytes at P, with
   each "" read as one '"' when ESC. */
typedef struct
{
  const char *p;
  size_t len;
  int esc;
} cc_csvscan_field;

/* Scan the record at the start of S (N bytes), into at most MAXF fields
   (*NF of them).  Returns the record's length with its line break, or 0
   when libcsv must read it. */
size_t cc_csvscan_record (const char *s, size_t n, cc_csvscan_field *f,
                          size_t maxf, size_t *nf);

/* Copy F's text to DST (room for F->len bytes), with "" as '"'; returns
   its length. */
size_t cc_csvscan_copy (char *dst, const cc_csvscan_field *f);

/* Whether ingest uses the scanner: the environment variable CLOUDCAST_CSV
   is unset or "fast"; "libcsv" sends every byte through libcsv. */
int cc_csvscan_enabled (void);

/* Bit i of the result is set when S[i] (of 64 bytes) is a comma, a
   quote, CR or LF: with SSE2 where the compiler has it, and in portable
   SWAR (exposed so that the tests compare the two). */
uint64_t cc_csvscan_mask (const char *s);
uint64_t cc_csvscan_mask_swar (const char *s);

#endif
