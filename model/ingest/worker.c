/* worker.c: a worker is one libcsv parser over one byte range of a file
 * (a chunk, or the whole of a stream), with the fast scanner of
 * core/csvscan.h in front of it: between records, each record the scanner
 * proves libcsv reads the same way skips libcsv.  It keeps the header
 * whole, keeps only the fields some role needs from every other record,
 * counts lines for messages, and hands each record to the row code
 * (row.c). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/csvread.h"
#include "core/csvscan.h"
#include "ingest/ingest_priv.h"

int
ingest_worker_init (worker *w, filectx *fc)
{
  memset (w, 0, sizeof *w);
  w->fc = fc;
  w->tp = &w->t;
  w->at_start = 1;
  w->fast = cc_csvscan_enabled ();
  if (csv_init (&w->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    return -1;
  w->parser_ok = 1;
  return 0;
}

int
ingest_worker_slots (worker *w)
{
  int n = w->fc->nslots;
  w->col_slot = w->fc->col_slot;
  w->ncols = w->fc->ncols;
  w->slot = calloc ((size_t) n + 1, sizeof *w->slot);
  w->slot_len = calloc ((size_t) n + 1, sizeof *w->slot_len);
  w->slot_cap = calloc ((size_t) n + 1, sizeof *w->slot_cap);
  w->slot_set = calloc ((size_t) n + 1, 1);
  w->sfield = calloc ((size_t) w->ncols + 1, sizeof *w->sfield);
  return w->slot && w->slot_len && w->slot_cap && w->slot_set && w->sfield
    ? 0 : -1;
}

void
ingest_worker_free (worker *w)
{
  size_t i;
  if (w->parser_ok)
    csv_free (&w->p);
  if (w->slot)
    for (i = 0; i < (size_t) w->fc->nslots; i++)
      free (w->slot[i]);
  free (w->slot);
  free (w->slot_len);
  free (w->slot_cap);
  free (w->slot_set);
  free (w->sfield);
  for (i = 0; i < w->nh; i++)
    free (w->hfield[i]);
  free (w->hfield);
  free (w->kbuf);
  ingest_table_clear (&w->t);
}

void
ingest_hard_error (worker *w, int status, const char *fmt, ...)
{
  va_list ap;
  if (w->stop)
    return;
  w->stop = 1;
  w->status = status;
  w->hard_line = w->rec_line;
  va_start (ap, fmt);
  vsnprintf (w->msg, sizeof w->msg, fmt, ap);
  va_end (ap);
}

/* A field of the header, kept whole. */
static void
header_field (worker *w, long i, const void *data, size_t len)
{
  char *f;
  if (i >= CC_CSV_MAX_FIELDS)
    {
      ingest_hard_error (w, CC_EDATA, "more than %d columns in the header "
                         "(the cap)", CC_CSV_MAX_FIELDS);
      return;
    }
  if ((size_t) i >= w->hcap)
    {
      size_t cap = w->hcap ? 2 * w->hcap : 64;
      char **h = realloc (w->hfield, cap * sizeof *h);
      if (h == NULL)
        {
          ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
          return;
        }
      w->hfield = h;
      w->hcap = cap;
    }
  f = malloc (len + 1);
  if (f == NULL)
    {
      ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
      return;
    }
  memcpy (f, data, len);
  f[len] = '\0';
  w->hfield[w->nh++] = f;
}

/* Room for LEN bytes and a NUL in slot S; returns 0, or -1 after a hard
   error. */
static int
slot_room (worker *w, int s, size_t len)
{
  if (len + 1 > w->slot_cap[s])
    {
      size_t cap = w->slot_cap[s] ? w->slot_cap[s] : 32;
      char *p;
      while (cap < len + 1)
        cap *= 2;
      p = realloc (w->slot[s], cap);
      if (p == NULL)
        {
          ingest_hard_error (w, CC_ESOFTWARE, "out of memory");
          return -1;
        }
      w->slot[s] = p;
      w->slot_cap[s] = cap;
    }
  return 0;
}

/* libcsv callbacks: a field, and the end of a record. */
static void
on_field (void *data, size_t len, void *w_)
{
  worker *w = w_;
  long i = w->nf++;

  if (__builtin_expect (w->stop | w->header_mode, 0))
    {
      if (!w->stop)
        header_field (w, i, data, len);
      return;
    }
  if (i < w->ncols)
    {
      int s = w->col_slot[i];
      if (s >= 0 && slot_room (w, s, len) == 0)
        {
          if (len)
            memcpy (w->slot[s], data, len);
          w->slot[s][len] = '\0';
          w->slot_len[s] = len;
          w->slot_set[s] = 1;
        }
    }
}

/* A data record is complete: add it, and clear its slots. */
static void
end_row (worker *w)
{
  ingest_process_row (w);
  memset (w->slot_set, 0, (size_t) w->fc->nslots);
}

static void
on_record (int c, void *w_)
{
  worker *w = w_;
  (void) c;
  if (!w->stop)
    {
      if (w->header_mode && ingest_preamble_line (w->fc, w->hfield, w->nh))
        {
          /* A preamble line: the header is still to come. */
          while (w->nh > 0)
            free (w->hfield[--w->nh]);
        }
      else if (w->header_mode)
        {
          w->header_mode = 0;
          w->header_done = 1;
        }
      else if (w->col_slot == NULL)
        /* A safety net: the header path maps the columns before any data
           record can arrive. */
        ingest_hard_error (w, CC_EDATA, "a record arrived before the "
                           "header's columns were mapped");
      else
        end_row (w);
    }
  w->nf = 0;
  w->at_start = 1;
}

/* libcsv refused the bytes (or a field grew past the cap): stop. */
static void
parse_error (worker *w)
{
  if (w->stop)
    return;
  w->csv_error = 1;
  if (csv_error (&w->p) == CSV_EPARSE)
    ingest_hard_error (w, CC_EDATA, "malformed CSV: a quote inside an "
                       "unquoted field, or text after a closing quote");
  else
    ingest_hard_error (w, CC_EDATA, "malformed CSV (%s)",
                       csv_strerror (csv_error (&w->p)));
  w->hard_line = w->line;
  w->hard_col = w->nf + 1;
}

/* Whether libcsv sits between records, with nothing pending: ROW_NOT_BEGUN
   is its state 0. */
static int
parser_clean (const worker *w)
{
  return w->p.pstate == 0 && w->p.entry_pos == 0 && w->p.quoted == 0;
}

/* The records at S (N bytes) that the scanner proves libcsv would read the
 * same way, each handled as on_field and on_record would: returns the
 * bytes consumed (whole records), stopping at the first it cannot prove. */
static size_t
fast_records (worker *w, const char *s, size_t n)
{
  size_t done = 0;
  while (done < n && !w->stop)
    {
      size_t nf, i, len = cc_csvscan_record (s + done, n - done, w->sfield,
                                              (size_t) w->ncols, &nf);
      if (len == 0)
        break;
      w->rec_line = w->line;
      w->rec_off = w->off;
      for (i = 0; i < nf; i++)
        {
          int sl = w->col_slot[i];
          const cc_csvscan_field *f = &w->sfield[i];
          if (sl >= 0 && slot_room (w, sl, f->len) == 0)
            {
              size_t k = cc_csvscan_copy (w->slot[sl], f);
              w->slot[sl][k] = '\0';
              w->slot_len[sl] = k;
              w->slot_set[sl] = 1;
            }
        }
      w->nf = (long) nf;
      if (!w->stop)
        end_row (w);
      w->nf = 0;
      done += len;
      w->off += (long long) len;
      w->line++;
    }
  w->bytes_fast += (long long) done;
  return done;
}

size_t
ingest_feed (worker *w, const char *s, size_t n, int stop_after_header)
{
  size_t done = 0;
  while (done < n && !w->stop)
    {
      const char *p;
      const char *nl;
      size_t piece;
      if (w->fast && !stop_after_header && !w->header_mode && w->at_start
          && w->col_slot != NULL && parser_clean (w))
        {
          done += fast_records (w, s + done, n - done);
          if (done == n || w->stop)
            break;
        }
      p = s + done;
      nl = memchr (p, '\n', n - done);
      piece = nl ? (size_t) (nl - p) + 1 : n - done;
      if (stop_after_header)
        {
          /* libcsv also ends a record at a lone CR: stop the header there,
             before the record after it reaches a worker without slots. */
          const char *cr = memchr (p, '\r', piece);
          if (cr != NULL && (size_t) (cr - p) + 1 < piece)
            {
              piece = (size_t) (cr - p) + 1;
              nl = NULL;
            }
        }
      if (w->at_start)
        {
          size_t k;
          for (k = 0; k < piece && (p[k] == '\n' || p[k] == '\r'); k++)
            ;
          if (k < piece)
            {
              w->at_start = 0;
              w->rec_line = w->line;
              w->rec_off = w->off + (long long) k;
            }
        }
      if (csv_parse (&w->p, p, piece, on_field, on_record, w) != piece)
        {
          parse_error (w);
          return done;
        }
      if (w->p.entry_pos > (size_t) CC_CSV_MAX_FIELD && !w->stop)
        {
          ingest_hard_error (w, CC_EDATA, "field longer than %ld bytes (the "
                             "cap)%s", CC_CSV_MAX_FIELD, w->rec_line < w->line
                             ? "; an unterminated quote?" : "");
          w->hard_col = w->nf + 1;
          return done;
        }
      done += piece;
      w->off += (long long) piece;
      if (nl)
        w->line++;
      if (stop_after_header && w->header_done)
        break;
    }
  return done;
}

/* A chunk's end: it ends on a line break outside quotes, so anything
 * pending means the split guessed wrong. */
int
ingest_end_chunk (worker *w)
{
  if (w->stop)
    return 0;
  if (csv_fini (&w->p, on_field, on_record, w) != 0)
    {
      w->csv_error = 2;
      w->stop = 1;
      w->status = CC_EDATA;
      return -1;
    }
  return 0;
}

/* The file's end: the same, and a quote left open says where its record
 * started. */
int
ingest_finish (worker *w)
{
  if (ingest_end_chunk (w) == 0)
    return 0;
  w->hard_line = w->rec_line;
  snprintf (w->msg, sizeof w->msg, "file ends inside a quoted field (the "
            "record starts at byte offset %lld)", w->rec_off);
  return -1;
}
