/* csvread.c: libcsv + zlib record streaming with line tracking. */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/csvread.h"
#include "core/textutil.h"

typedef struct
{
  /* The record being assembled: fields packed NUL-separated in buf. */
  char *buf;
  size_t buf_len, buf_cap;
  size_t *off;
  size_t *len;
  char **field;
  size_t nfield, field_cap;

  long line;          /* line currently being fed to libcsv */
  long start_line;    /* line where the pending record started */
  int at_start;       /* no byte of the next record seen yet */
  long record;

  const char *path;
  cc_csv_row_fn fn;
  void *ctx;
  cc_err *err;
  int status;         /* first non-OK status; stops the parse */
} reader;

static int
grow (void **p, size_t *cap, size_t need, size_t size)
{
  size_t n = *cap ? *cap : 16;
  void *q;
  if (need <= *cap)
    return 0;
  while (n < need)
    n *= 2;
  q = realloc (*p, n * size);
  if (q == NULL)
    return -1;
  *p = q;
  *cap = n;
  return 0;
}

/* Make room for one more field and LEN more bytes of the record. */
static int
reserve (reader *rd, size_t len)
{
  if (rd->nfield + 1 > rd->field_cap)
    {
      size_t n = rd->field_cap ? 2 * rd->field_cap : 16;
      size_t *off = realloc (rd->off, n * sizeof *off);
      size_t *ln = off ? realloc (rd->len, n * sizeof *ln) : NULL;
      char **f = ln ? realloc (rd->field, n * sizeof *f) : NULL;
      if (off)
        rd->off = off;
      if (ln)
        rd->len = ln;
      if (f == NULL)
        return -1;
      rd->field = f;
      rd->field_cap = n;
    }
  return grow ((void **) &rd->buf, &rd->buf_cap, rd->buf_len + len + 1, 1);
}

static void
on_field (void *data, size_t len, void *rd_)
{
  reader *rd = rd_;

  if (rd->status != CC_OK)
    return;
  if (rd->nfield >= CC_CSV_MAX_FIELDS)
    {
      rd->status = cc_err_set (rd->err, CC_EDATA, rd->path, rd->start_line, 0,
                               "more than %d fields in one record (the cap)",
                               CC_CSV_MAX_FIELDS);
      return;
    }
  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      rd->status = cc_err_set (rd->err, CC_EDATA, rd->path, rd->start_line,
                               (long) rd->nfield + 1,
                               "NUL byte in a field (a binary file?)");
      return;
    }
  if (len > 0)
    {
      size_t bad = cc_utf8_invalid_at (data, len);
      if (bad != (size_t) -1)
        {
          rd->status = cc_err_set (rd->err, CC_EDATA, rd->path,
                                   rd->start_line, (long) rd->nfield + 1,
                                   "byte %zu of the field (0x%02x) is not "
                                   "UTF-8; save the file as UTF-8", bad + 1,
                                   ((const unsigned char *) data)[bad]);
          return;
        }
    }
  if (reserve (rd, len) != 0)
    {
      rd->status = cc_err_set (rd->err, CC_ESOFTWARE, rd->path, rd->start_line,
                               0, "out of memory reading a field");
      return;
    }
  rd->off[rd->nfield] = rd->buf_len;
  rd->len[rd->nfield] = len;
  if (len)
    memcpy (rd->buf + rd->buf_len, data, len);
  rd->buf_len += len;
  rd->buf[rd->buf_len++] = '\0';
  rd->nfield++;
}

static void
on_record (int c, void *rd_)
{
  reader *rd = rd_;
  cc_csv_row row;
  size_t i;

  (void) c;
  if (rd->status == CC_OK)
    {
      for (i = 0; i < rd->nfield; i++)
        rd->field[i] = rd->buf + rd->off[i];
      row.field = rd->field;
      row.len = rd->len;
      row.nfield = rd->nfield;
      row.line = rd->start_line;
      row.record = ++rd->record;
      rd->status = rd->fn (&row, rd->ctx, rd->err);
    }
  rd->nfield = 0;
  rd->buf_len = 0;
  rd->at_start = 1;
}

/* Feed one piece that holds at most one '\n', at its end. */
static int
feed (struct csv_parser *p, reader *rd, const char *s, size_t n)
{
  if (rd->at_start)
    {
      size_t k;
      /* libcsv skips blank lines; a record starts at its first other byte. */
      for (k = 0; k < n && (s[k] == '\n' || s[k] == '\r'); k++)
        ;
      if (k < n)
        {
          rd->at_start = 0;
          rd->start_line = rd->line;
        }
    }
  if (csv_parse (p, s, n, on_field, on_record, rd) != n)
    return -1;
  return 0;
}

/* Open PATH ("-": a duplicate of standard input) for gzread, which reads
   plain files as they are. */
static int
open_input (const char *path, gzFile *out, cc_err *err)
{
  gzFile gz;
  if (strcmp (path, "-") == 0)
    {
      int fd = dup (STDIN_FILENO);
      gz = fd < 0 ? NULL : gzdopen (fd, "rb");
      if (gz == NULL && fd >= 0)
        close (fd);
    }
  else
    {
      struct stat st;
      if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
        return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                           strerror (EISDIR));
      gz = gzopen (path, "rb");
    }
  if (gz == NULL)
    return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno ? errno : ENOENT));
  gzbuffer (gz, 1 << 17);
  *out = gz;
  return CC_OK;
}

/* Feed the N bytes at S to the parser one line at a time, counting lines.
   *CR_PENDING carries "the last block ended with a CR" across blocks. */
static int
feed_block (struct csv_parser *p, reader *rd, const char *s, size_t n,
            int *cr_pending)
{
  const char *end = s + n, *nl;
  while (s < end)
    {
      /* A line ends at LF, CRLF or a bare CR (libcsv takes all three); an
         LF right after a CR that ended the previous block is the rest of a
         CRLF, not a new line. */
      int crlf_tail = *cr_pending && *s == '\n';
      size_t piece;
      for (nl = s; nl < end && *nl != '\n' && *nl != '\r'; nl++)
        ;
      if (nl < end && *nl == '\r' && nl + 1 < end && nl[1] == '\n')
        nl++;
      if (nl == end)
        nl = NULL;
      *cr_pending = nl != NULL && *nl == '\r';
      if (crlf_tail)
        nl = NULL;   /* the line was counted at its CR */
      piece = crlf_tail ? 1 : nl ? (size_t) (nl - s) + 1 : (size_t) (end - s);
      if (feed (p, rd, s, piece) != 0)
        return rd->status != CC_OK ? rd->status
          : cc_err_set (rd->err, CC_EDATA, rd->path, rd->line, 0,
                        "malformed CSV (%s)", csv_strerror (csv_error (p)));
      if (rd->status != CC_OK)
        return rd->status;
      if (p->entry_pos > (size_t) CC_CSV_MAX_FIELD)
        return cc_err_set (rd->err, CC_EDATA, rd->path, rd->start_line,
                           (long) rd->nfield + 1,
                           "field longer than %ld bytes (the cap)%s",
                           CC_CSV_MAX_FIELD, rd->start_line < rd->line
                           ? "; an unterminated quote?" : "");
      s += piece;
      if (nl)
        rd->line++;
    }
  return CC_OK;
}

/* Read GZ to its end through the parser; *CONSUMED counts the bytes. */
static int
read_blocks (gzFile gz, struct csv_parser *p, reader *rd, char *chunk,
             size_t chunk_size, long long *consumed)
{
  static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
  int first = 1, cr_pending = 0, zerr, rc;

  for (;;)
    {
      int n = gzread (gz, chunk, (unsigned) chunk_size);
      const char *s = chunk;
      if (n < 0)
        {
          const char *m = gzerror (gz, &zerr);
          return cc_err_set (rd->err, zerr == Z_ERRNO ? CC_EIO : CC_EDATA,
                             rd->path, 0, 0, "read error near byte %lld: %s",
                             *consumed,
                             zerr == Z_ERRNO ? strerror (errno) : m);
        }
      if (n == 0)
        return CC_OK;
      if (first)
        {
          first = 0;
          if (n >= 3 && memcmp (s, bom, 3) == 0)
            s += 3;
        }
      rc = feed_block (p, rd, s, (size_t) (chunk + n - s), &cr_pending);
      if (rc != CC_OK)
        return rc;
      *consumed += n;
    }
}

int
cc_csv_read (const char *path, cc_csv_row_fn fn, void *ctx, cc_err *err)
{
  struct csv_parser p;
  reader rd;
  gzFile gz = NULL;
  char *chunk;
  const size_t chunk_size = 1 << 16;
  int rc, zerr;
  long long consumed = 0;

  memset (&rd, 0, sizeof rd);
  rd.path = path;
  rd.fn = fn;
  rd.ctx = ctx;
  rd.err = err;
  rd.line = 1;
  rd.at_start = 1;

  if ((rc = open_input (path, &gz, err)) != CC_OK)
    return rc;
  chunk = malloc (chunk_size);
  if (chunk == NULL || csv_init (&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      free (chunk);
      gzclose (gz);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  rc = read_blocks (gz, &p, &rd, chunk, chunk_size, &consumed);
  /* A clean end of file, or a truncated gzip stream? */
  if (rc == CC_OK && (gzerror (gz, &zerr), zerr != Z_OK))
    rc = cc_err_set (err, CC_EDATA, path, 0, 0,
                     "truncated or corrupt gzip stream after byte %lld of "
                     "uncompressed data", consumed);
  if (rc == CC_OK && csv_fini (&p, on_field, on_record, &rd) != 0)
    rc = cc_err_set (err, CC_EDATA, path, rd.start_line, 0,
                     "file ends inside a quoted field that starts on this "
                     "line (byte offset %lld)", consumed);
  if (rc == CC_OK)
    rc = rd.status;
  csv_free (&p);
  gzclose (gz);
  free (chunk);
  free (rd.buf);
  free (rd.off);
  free (rd.len);
  free (rd.field);
  return rc;
}

long
cc_csv_column (const cc_csv_row *header, const char *name)
{
  size_t i;
  for (i = 0; i < header->nfield; i++)
    if (strcasecmp (header->field[i], name) == 0)
      return (long) i;
  return -1;
}
