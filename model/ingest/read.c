/* read.c: a regular, uncompressed file, in chunks on several threads.
 *
 * The header is read on the calling thread.  The data is cut into chunks,
 * many more than threads (8 per thread), which the work pool
 * (core/pool.h) hands out one at a time, so a thread slowed by other work
 * on a shared CPU does not hold the others up.  A cut must fall between
 * records, and a quoted field may hold line breaks: phase 1 takes the
 * quote parity of each nominal range, in parallel, and moves each cut to
 * the first line break after it that is outside quotes.  Phase 2 parses
 * the chunks, each thread adding rows to its own group table. */
#include <config.h>

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/pool.h"
#include "ingest/ingest_priv.h"

/* The file's chunks and the threads' workspaces. */
typedef struct
{
  filectx *fc;
  long long size;          /* the file's */
  int nchunks, nthreads;
  worker *w;               /* one per chunk, in file order */
  long *first_line;        /* of each chunk, 1-based */
  long long *bounds;       /* chunk i is bounds[i] .. bounds[i + 1] */
  table *tables;           /* phase 2: one group table per thread */
  char **buf;              /* one read buffer per thread */
  int count_quotes;        /* phase 1: quote parity of each chunk's range */
  unsigned char *parity;
  atomic_int stop_at;      /* the first chunk that stopped */
  atomic_llong done;       /* bytes parsed, for progress */
} split;

/* The parity of the number of '"' bytes in S, eight bytes at a time: a
 * byte of x is zero exactly where S has a quote, and the high bit of t is
 * clear exactly there; XOR keeps the parity of every bit position. */
static int
quote_parity (const char *s, size_t n)
{
  const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL, q = 0x2222222222222222ULL;
  uint64_t acc = 0;
  size_t i = 0;
  int par = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w, x, t;
      memcpy (&w, s + i, 8);
      x = w ^ q;
      t = ((x & lo7) + lo7) | x;
      acc ^= ~t & ~lo7;
    }
  for (; i < n; i++)
    par ^= s[i] == '"';
  return par ^ __builtin_parityll (acc);
}

/* Read chunk I with pread and feed it (or take its quote parity), using
 * BUF and the group table of thread T. */
static void
run_chunk (split *sp, int i, char *buf, size_t t)
{
  worker *w = &sp->w[i];
  long long pos = w->start;
  int par = 0;

  if (!sp->count_quotes)
    w->tp = &sp->tables[t];
  w->off = pos;
  while (pos < w->end && !w->stop)
    {
      size_t want = (size_t) (w->end - pos < INGEST_BLOCK ? w->end - pos
                              : INGEST_BLOCK);
      ssize_t got = pread (w->fd, buf, want, pos);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          ingest_hard_error (w, got < 0 ? CC_EIO : CC_EDATA, "read error: %s",
                             got < 0 ? strerror (errno)
                             : "file shrank while read");
          break;
        }
      if (sp->count_quotes)
        par ^= quote_parity (buf, (size_t) got);
      else
        {
          ingest_feed (w, buf, (size_t) got, 0);
          atomic_fetch_add (&sp->done, (long long) got);
        }
      pos += got;
    }
  if (sp->count_quotes)
    sp->parity[i] = (unsigned char) par;
  else if (w->is_last)
    ingest_finish (w);
  else
    ingest_end_chunk (w);
  if (w->stop)
    {
      int cur = atomic_load (&sp->stop_at);
      while (i < cur && !atomic_compare_exchange_weak (&sp->stop_at, &cur, i))
        ;
    }
}

/* The pool's job: chunk ITEM on thread T. */
static void
chunk_job (size_t item, size_t t, void *ctx)
{
  split *sp = ctx;
  int i = (int) item;
  if (sp->buf[t] == NULL && (sp->buf[t] = malloc (INGEST_BLOCK)) == NULL)
    {
      ingest_hard_error (&sp->w[i], CC_ESOFTWARE, "out of memory");
      return;
    }
  /* After a stop, later chunks cannot matter. */
  if (!sp->count_quotes && i > atomic_load (&sp->stop_at))
    return;
  run_chunk (sp, i, sp->buf[t], t);
}

static void
progress_tick (void *ctx)
{
  split *sp = ctx;
  const cc_ingest_options *opt = sp->fc->opt;
  opt->progress (opt->progress_ctx, sp->fc->path, atomic_load (&sp->done),
                 sp->size);
}

/* One phase over every chunk; this thread reports progress in phase 2. */
static void
run_phase (split *sp, int count_quotes)
{
  const cc_ingest_options *opt = sp->fc->opt;
  sp->count_quotes = count_quotes;
  atomic_store (&sp->stop_at, sp->nchunks);
  atomic_store (&sp->done, 0);
  if (opt->progress != NULL && !count_quotes)
    cc_pool_run_ticking ((size_t) sp->nchunks, (size_t) sp->nthreads,
                         chunk_job, sp, progress_tick, sp, 250);
  else
    cc_pool_run ((size_t) sp->nchunks, (size_t) sp->nthreads, chunk_job, sp);
}

/* Where to end the chunk that nominally ends at POS: after the first line
 * break outside quotes at or after POS, given the quote parity at POS. */
static long long
safe_boundary (int fd, long long pos, long long end, int inside)
{
  char buf[1 << 16];
  while (pos < end)
    {
      size_t want = (size_t) (end - pos < (long long) sizeof buf ? end - pos
                              : (long long) sizeof buf);
      ssize_t got = pread (fd, buf, want, pos), i;
      if (got <= 0)
        return end;
      for (i = 0; i < got; i++)
        {
          if (buf[i] == '"')
            inside = !inside;
          else if (buf[i] == '\n' && !inside)
            return pos + i + 1;
        }
      pos += got;
    }
  return end;
}

static void
split_free (split *sp)
{
  int i;
  for (i = 0; sp->w != NULL && i < sp->nchunks; i++)
    ingest_worker_free (&sp->w[i]);
  for (i = 0; sp->tables != NULL && i < sp->nthreads; i++)
    ingest_table_clear (&sp->tables[i]);
  for (i = 0; sp->buf != NULL && i < sp->nthreads; i++)
    free (sp->buf[i]);
  free (sp->w);
  free (sp->first_line);
  free (sp->bounds);
  free (sp->tables);
  free (sp->buf);
  free (sp->parity);
  sp->w = NULL, sp->first_line = NULL, sp->bounds = NULL;
  sp->tables = NULL, sp->buf = NULL, sp->parity = NULL;
}

static int
split_alloc (split *sp, filectx *fc, int fd, long long size, int nchunks,
             int nthreads)
{
  int i;
  memset (sp, 0, sizeof *sp);
  atomic_init (&sp->stop_at, nchunks);
  atomic_init (&sp->done, 0);
  sp->fc = fc;
  sp->size = size;
  sp->nchunks = nchunks;
  sp->nthreads = nthreads;
  sp->w = calloc ((size_t) nchunks, sizeof *sp->w);
  sp->first_line = calloc ((size_t) nchunks, sizeof *sp->first_line);
  sp->bounds = calloc ((size_t) nchunks + 1, sizeof *sp->bounds);
  sp->parity = calloc ((size_t) nchunks, 1);
  sp->tables = calloc ((size_t) nthreads, sizeof *sp->tables);
  sp->buf = calloc ((size_t) nthreads, sizeof *sp->buf);
  if (sp->w == NULL || sp->first_line == NULL || sp->bounds == NULL
      || sp->parity == NULL || sp->tables == NULL || sp->buf == NULL)
    return -1;
  for (i = 0; i < nchunks; i++)
    {
      if (ingest_worker_init (&sp->w[i], fc) != 0
          || ingest_worker_slots (&sp->w[i]) != 0)
        return -1;
      sp->w[i].fd = fd;
      sp->w[i].chunk = i;
    }
  return 0;
}

/* Phase 1: cut the data after the header at HDR_END into nominal ranges
 * and move each cut to a record boundary. */
static int
find_bounds (split *sp, int fd, long long hdr_end, cc_err *err)
{
  long long size = sp->size, data = size - hdr_end;
  int i, q = 0, n = sp->nchunks;

  sp->bounds[0] = hdr_end;
  sp->bounds[n] = size;
  if (n == 1)
    return CC_OK;
  for (i = 0; i < n; i++)
    {
      sp->w[i].start = hdr_end + data / n * i;
      sp->w[i].end = i == n - 1 ? size : hdr_end + data / n * (i + 1);
    }
  run_phase (sp, 1);
  for (i = 0; i < n; i++)
    if (sp->w[i].stop)
      return ingest_worker_error (&sp->w[i], sp->fc, 0, err);
  for (i = 1; i < n; i++)
    {
      q ^= sp->parity[i - 1];
      sp->bounds[i] = safe_boundary (fd, sp->w[i].start, size, q);
      if (sp->bounds[i] < sp->bounds[i - 1])
        sp->bounds[i] = sp->bounds[i - 1];
    }
  return CC_OK;
}

/* Phase 2: parse every chunk.  Returns 1 when a chunk libcsv refused may
 * only mean that the parity guess was wrong (stray quotes), else 0.  (A
 * chunk that starts right after one that ended cleanly starts on a record
 * boundary, so a clean run is exact.) */
static int
parse_chunks (split *sp)
{
  int i, n = sp->nchunks;
  for (i = 0; i < n; i++)
    {
      sp->w[i].start = sp->bounds[i];
      sp->w[i].end = sp->bounds[i + 1];
      sp->w[i].is_last = i == n - 1;
    }
  run_phase (sp, 0);
  for (i = 0; i < n; i++)
    if (sp->w[i].csv_error && !(sp->w[i].is_last && sp->w[i].csv_error == 2)
        && n > 1)
      return 1;
  return 0;
}

/* The header, on this thread, up to the end of its record; then the
 * format and the column map.  *HDR_END gets where the data starts and
 * *HDR_LINES the lines the header took. */
static int
read_header (filectx *fc, int fd, long long size, cc_ingest_report *rep,
             long long *hdr_end, long *hdr_lines, cc_err *err)
{
  static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
  unsigned char magic[3];
  char buf[1 << 16];
  long long end = 0;
  worker hw;
  int rc;

  if (ingest_worker_init (&hw, fc) != 0)
    {
      ingest_worker_free (&hw);
      return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
    }
  hw.header_mode = 1;
  if (pread (fd, magic, 3, 0) == 3 && memcmp (magic, bom, 3) == 0)
    end = 3;
  hw.off = end;
  while (!hw.header_done && !hw.stop && end < size)
    {
      ssize_t got = pread (fd, buf, sizeof buf, end);
      if (got <= 0)
        break;
      end += (long long) ingest_feed (&hw, buf, (size_t) got, 1);
    }
  if (!hw.header_done && !hw.stop)
    ingest_finish (&hw);
  if (hw.stop)
    rc = ingest_worker_error (&hw, fc, 1, err);
  else if (!hw.header_done)
    rc = cc_err_set (err, CC_EDATA, fc->path, 0, 0, "empty file: no header");
  else
    rc = ingest_build_map (fc, rep, hw.hfield, (long) hw.nh, err);
  *hdr_end = end;
  *hdr_lines = hw.line;
  ingest_worker_free (&hw);
  return rc;
}

/* Threads and chunks for DATA bytes. */
static void
plan (const cc_ingest_options *opt, long long data, int *nchunks,
      int *nthreads)
{
  int nt = opt->threads > 0 ? opt->threads : (int) cc_pool_cpus ();
  int nc;
  if (nt < 1)
    nt = 1;
  if (nt > CC_POOL_MAX_WORKERS)
    nt = CC_POOL_MAX_WORKERS;
  nc = nt == 1 ? 1 : 8 * nt;
  if (nc > data / opt->min_chunk)
    nc = data / opt->min_chunk > 0 ? (int) (data / opt->min_chunk) : 1;
  if (nt > nc)
    nt = nc;
  *nchunks = nc;
  *nthreads = nt;
}

int
ingest_read_split (filectx *fc, int fd, long long size,
                   cc_ingest_report *rep, cc_err *err)
{
  split sp;
  long long hdr_end;
  long hdr_lines;
  int nchunks, nthreads, retry, rc, i;

  memset (&sp, 0, sizeof sp);
  rc = read_header (fc, fd, size, rep, &hdr_end, &hdr_lines, err);
  if (rc != CC_OK)
    return rc;
  rep->bytes = size;
  plan (fc->opt, size - hdr_end, &nchunks, &nthreads);
  for (retry = 0; retry < 2; retry++)
    {
      if (split_alloc (&sp, fc, fd, size, nchunks, nthreads) != 0)
        {
          rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
          goto out;
        }
      if ((rc = find_bounds (&sp, fd, hdr_end, err)) != CC_OK)
        goto out;
      if (!parse_chunks (&sp))
        break;
      /* A wrong split: parse the file again in one piece. */
      split_free (&sp);
      nchunks = nthreads = 1;
    }
  rep->threads = nthreads;
  rep->chunks = nchunks;
  sp.first_line[0] = hdr_lines + 1;
  for (i = 1; i < nchunks; i++)
    sp.first_line[i] = sp.first_line[i - 1] + sp.w[i - 1].line;
  rc = ingest_gather (fc, sp.w, nchunks, sp.first_line, sp.tables, nthreads,
                      rep, err);
out:
  split_free (&sp);
  return rc;
}
