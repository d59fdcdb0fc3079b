/* csvdiff.h: the fast scanner (core/csvscan.h) against libcsv on the same
 * bytes.  Every record the scanner takes must be one that libcsv, strict,
 * from a fresh start, reads as exactly one record of the same fields,
 * consuming the same bytes and ending between records.  Used by the fuzz
 * target fuzz_csvscan (libFuzzer) and by tests/test_csvscan (make check).
 *
 * csvdiff_check returns NULL when that holds for every record of the
 * input, else what broke. */
#ifndef CC_CSVDIFF_H
#define CC_CSVDIFF_H

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvscan.h"

#define CSVDIFF_MAXF 256

typedef struct
{
  char buf[1 << 16];     /* fields, back to back */
  size_t used, off[CSVDIFF_MAXF + 1], len[CSVDIFF_MAXF + 1];
  size_t nf;
  int nrec, overflow;
} csvdiff_rec;

static void
csvdiff_field (void *data, size_t len, void *ctx)
{
  csvdiff_rec *r = ctx;
  if (r->nf > CSVDIFF_MAXF || r->used + len > sizeof r->buf)
    {
      r->overflow = 1;
      return;
    }
  if (len)
    memcpy (r->buf + r->used, data, len);
  r->off[r->nf] = r->used;
  r->len[r->nf++] = len;
  r->used += len;
}

static void
csvdiff_record (int c, void *ctx)
{
  (void) c;
  ((csvdiff_rec *) ctx)->nrec++;
}

/* The record of LEN bytes at S that the scanner read as the NF fields F:
   libcsv's view of the same bytes.  NULL or what differs. */
static const char *
csvdiff_record_check (const char *s, size_t len, const cc_csvscan_field *f,
                      size_t nf)
{
  static csvdiff_rec r;
  static char text[1 << 16];
  struct csv_parser p;
  const char *bad = NULL;
  size_t i;

  memset (&r, 0, sizeof r);
  if (csv_init (&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    abort ();
  if (csv_parse (&p, s, len, csvdiff_field, csvdiff_record, &r) != len)
    bad = "libcsv refused a record the scanner took";
  else if (r.overflow)
    bad = NULL;   /* too big for this check: nothing to compare */
  else if (r.nrec != 1)
    bad = "libcsv read another number of records";
  else if (p.pstate != 0 || p.entry_pos != 0 || p.quoted != 0)
    bad = "libcsv did not end between records";
  else if (r.nf != nf)
    bad = "libcsv read another number of fields";
  for (i = 0; bad == NULL && !r.overflow && i < nf; i++)
    {
      size_t k;
      if (f[i].len > sizeof text)
        break;
      k = cc_csvscan_copy (text, &f[i]);
      if (k != r.len[i] || memcmp (text, r.buf + r.off[i], k) != 0)
        bad = "libcsv read a field differently";
    }
  csv_free (&p);
  return bad;
}

/* Scan S (N bytes) record by record as ingest does: where the scanner
   declines, skip to the next line.  *TAKEN counts the bytes it took. */
static const char *
csvdiff_check (const char *s, size_t n, size_t *taken)
{
  static cc_csvscan_field f[CSVDIFF_MAXF];
  size_t pos = 0;
  *taken = 0;
  while (pos < n)
    {
      size_t nf = 0, len = cc_csvscan_record (s + pos, n - pos, f,
                                              CSVDIFF_MAXF, &nf);
      if (len > 0)
        {
          const char *bad;
          if (len > n - pos || nf == 0)
            return "the scanner took more bytes than it was given";
          if ((bad = csvdiff_record_check (s + pos, len, f, nf)) != NULL)
            return bad;
          *taken += len;
          pos += len;
        }
      else
        {
          const char *nl = memchr (s + pos, '\n', n - pos);
          pos = nl ? (size_t) (nl - s) + 1 : n;
        }
    }
  return NULL;
}

#endif
