/* stream.c: a stream (gzip, a pipe or standard input), read on one
 * worker.  The stream is decompressed and read on a second thread while
 * this one parses: inflate and libcsv cost about the same per byte, so the
 * two stages nearly halve the time.  A ring of a few blocks between them
 * keeps memory bounded. */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "ingest/ingest_priv.h"
#include "ingest/inflate.h"

#define NRING 4

typedef struct
{
  ingest_gz *gz;             /* gzip or plain (inflate.h) */
  zip_file_t *zf;           /* a ZIP member instead (not owned) */
  long long zlimit, zread;  /* its declared size (-1: none) and bytes read */
  char *buf[NRING];
  int nbuf;                 /* buffers allocated */
  int len[NRING];
  long long zoff[NRING];    /* compressed bytes read after each block */
  int head, tail, count;
  int eof, zerr, err_no, failed;
  char zmsg[256];
  int cancel;
  pthread_mutex_t mu;
  pthread_cond_t not_full, not_empty;
  pthread_t tid;
  int started;              /* the reader thread runs */
} ring;

/* Read one block into the ring's next free slot (there must be one).
 * Returns 1 to go on, 0 at the end of the stream or on an error. */
static int
ring_step (ring *r)
{
  int slot, n, zerr = Z_OK;
  const char *m = NULL;

  pthread_mutex_lock (&r->mu);
  slot = r->head;
  pthread_mutex_unlock (&r->mu);
  if (r->zf != NULL)
    {
      zip_int64_t got = zip_fread (r->zf, r->buf[slot], INGEST_BLOCK);
      n = (int) got;
      if (got > 0)
        r->zread += got;
      if (got < 0)
        {
          zerr = Z_DATA_ERROR;
          m = zip_file_strerror (r->zf);
        }
      else if (r->zlimit >= 0 && r->zread > r->zlimit)
        {
          /* libzip inflates on past a member's declared size: stop. */
          n = -1;
          zerr = Z_DATA_ERROR;
          m = "the member inflates past its declared size (a ZIP bomb?)";
        }
    }
  else
    {
      n = ingest_gz_read (r->gz, r->buf[slot], INGEST_BLOCK, &zerr, &m);
    }
  pthread_mutex_lock (&r->mu);
  if (n > 0)
    {
      r->len[slot] = n;
      r->zoff[slot] = r->gz != NULL ? ingest_gz_offset (r->gz) : 0;
      r->head = (slot + 1) % NRING;
      r->count++;
    }
  else
    {
      r->eof = 1;
      r->failed = n < 0;
      r->zerr = zerr;
      r->err_no = errno;
      snprintf (r->zmsg, sizeof r->zmsg, "%s", m ? m : "");
    }
  pthread_cond_signal (&r->not_empty);
  pthread_mutex_unlock (&r->mu);
  return n > 0;
}

static void *
ring_reader (void *arg)
{
  ring *r = arg;
  for (;;)
    {
      int cancel;
      pthread_mutex_lock (&r->mu);
      while (r->count == NRING && !r->cancel)
        pthread_cond_wait (&r->not_full, &r->mu);
      cancel = r->cancel;
      pthread_mutex_unlock (&r->mu);
      if (cancel || !ring_step (r))
        break;
    }
  return NULL;
}

/* Open the ring on FD (which it then owns), or on the ZIP member ZF when
 * FD is -1, and start its reader thread, or read on this thread when none
 * can be started.  Returns 0 or -1. */
static int
ring_open (ring *r, int fd, zip_file_t *zf, long long zlimit)
{
  memset (r, 0, sizeof *r);
  r->zlimit = zlimit;
  if (fd < 0)
    r->zf = zf;
  else if ((r->gz = ingest_gz_open (fd)) == NULL)
    return -1;
  for (r->nbuf = 0; r->nbuf < NRING; r->nbuf++)
    if ((r->buf[r->nbuf] = malloc (INGEST_BLOCK)) == NULL)
      return -1;
  pthread_mutex_init (&r->mu, NULL);
  pthread_cond_init (&r->not_full, NULL);
  pthread_cond_init (&r->not_empty, NULL);
  r->started = pthread_create (&r->tid, NULL, ring_reader, r) == 0;
  return 0;
}

static void
ring_close (ring *r)
{
  int i;
  if (r->started)
    {
      pthread_mutex_lock (&r->mu);
      r->cancel = 1;
      pthread_cond_signal (&r->not_full);
      pthread_mutex_unlock (&r->mu);
      pthread_join (r->tid, NULL);
    }
  if (r->nbuf == NRING)
    {
      pthread_mutex_destroy (&r->mu);
      pthread_cond_destroy (&r->not_full);
      pthread_cond_destroy (&r->not_empty);
    }
  ingest_gz_close (r->gz);
  for (i = 0; i < r->nbuf; i++)
    free (r->buf[i]);
}

/* The next block: its slot (with *ZOFF set), or -1 at the end. */
static int
ring_take (ring *r, long long *zoff)
{
  int slot = -1;
  if (!r->started && r->count == 0 && !r->eof)
    ring_step (r);   /* no second thread: read here */
  pthread_mutex_lock (&r->mu);
  while (r->count == 0 && !r->eof)
    pthread_cond_wait (&r->not_empty, &r->mu);
  if (r->count > 0)
    {
      slot = r->tail;
      *zoff = r->zoff[slot];
    }
  pthread_mutex_unlock (&r->mu);
  return slot;
}

/* Hand block SLOT back to the reader. */
static void
ring_release (ring *r, int slot)
{
  pthread_mutex_lock (&r->mu);
  r->tail = (slot + 1) % NRING;
  r->count--;
  pthread_cond_signal (&r->not_full);
  pthread_mutex_unlock (&r->mu);
}

/* Parse one block of the stream; the header's end maps the columns. */
static int
stream_block (filectx *fc, cc_ingest_report *rep, worker *w, const char *s,
              size_t len, int first, cc_err *err)
{
  static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
  int rc;
  if (first && len >= 4 && memcmp (s, "PK\3\4", 4) == 0)
    /* A ZIP archive needs its central directory at the end: not from a
       pipe, nor inside gzip or another ZIP. */
    return cc_err_set (err, CC_EDATA, fc->path, 0, 0, "a ZIP archive in a "
                       "stream (a pipe, gzip or another ZIP): ZIP archives "
                       "are read from a file; give its name (or unzip it "
                       "first)");
  if (first && len >= 3 && memcmp (s, bom, 3) == 0)
    {
      s += 3;
      len -= 3;
      w->off = 3;
    }
  while (len > 0 && !w->stop)
    {
      size_t used = ingest_feed (w, s, len, w->header_mode);
      s += used;
      len -= used;
      if (w->header_done && fc->col_slot == NULL)
        {
          rc = ingest_build_map (fc, rep, w->hfield, (long) w->nh, err);
          if (rc == CC_OK && ingest_worker_slots (w) != 0)
            rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0,
                             "out of memory");
          if (rc != CC_OK)
            return rc;
        }
    }
  return CC_OK;
}

/* The end of the stream: a read or gzip error, else the last record (and
 * a header that ended there). */
static int
stream_end (filectx *fc, cc_ingest_report *rep, const ring *r, worker *w,
            long long consumed, cc_err *err)
{
  if (r->failed)
    return cc_err_set (err, r->zerr == Z_ERRNO ? CC_EIO : CC_EDATA, fc->path,
                       0, 0, "read error after byte %lld of uncompressed "
                       "data: %s", consumed,
                       r->zerr == Z_ERRNO ? strerror (r->err_no) : r->zmsg);
  if (r->zerr != Z_OK)
    return cc_err_set (err, CC_EDATA, fc->path, 0, 0,
                       "truncated or corrupt %s stream after byte %lld "
                       "of uncompressed data%s%s", r->zf ? "ZIP" : "gzip",
                       consumed, r->zf ? ": " : "", r->zf ? r->zmsg : "");
  ingest_finish (w);
  if (w->header_done && fc->col_slot == NULL)
    return ingest_build_map (fc, rep, w->hfield, (long) w->nh, err);
  if (!w->header_done && !w->stop)
    return cc_err_set (err, CC_EDATA, fc->path, 0, 0, "empty file: no header");
  return CC_OK;
}

/* A stream from FD (gzip or plain), or from the ZIP member ZF of TOTAL
 * uncompressed bytes when FD is -1. */
static int
read_stream (filectx *fc, int fd, zip_file_t *zf, long long total,
             cc_ingest_report *rep, cc_err *err)
{
  const cc_ingest_options *opt = fc->opt;
  long long consumed = 0, next_progress = 8LL << 20, zoff = 0;
  long one = 1;
  ring r;
  worker w;
  int slot, first = 1, rc = CC_OK;

  memset (&r, 0, sizeof r);
  if (ingest_worker_init (&w, fc) != 0)
    {
      close (fd);
      rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
      goto out;
    }
  if (ring_open (&r, fd, zf, zf ? total : -1) != 0)   /* the ring owns FD, even then */
    {
      rc = cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
      goto out;
    }
  w.header_mode = 1;
  while ((slot = ring_take (&r, &zoff)) >= 0)
    {
      rc = stream_block (fc, rep, &w, r.buf[slot], (size_t) r.len[slot], first,
                         err);
      first = 0;
      consumed += r.len[slot];
      ring_release (&r, slot);
      if (rc != CC_OK)
        goto out;
      if (opt->progress && consumed >= next_progress)
        {
          opt->progress (opt->progress_ctx, fc->path, zf ? consumed : zoff,
                         total);
          next_progress += 8LL << 20;
        }
      if (w.stop)
        break;
    }
  if (!w.stop)
    rc = stream_end (fc, rep, &r, &w, consumed, err);
out:
  ring_close (&r);
  rep->bytes = consumed;
  if (rc == CC_OK)
    rc = ingest_gather (fc, &w, 1, &one, NULL, 0, rep, err);
  ingest_worker_free (&w);
  return rc;
}

int
ingest_read_stream (filectx *fc, int fd, cc_ingest_report *rep, cc_err *err)
{
  struct stat st;
  long long total = fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
    ? st.st_size : -1;
  return read_stream (fc, fd, NULL, total, rep, err);
}

int
ingest_read_zip_member (filectx *fc, struct zip_file *zf, long long size,
                        cc_ingest_report *rep, cc_err *err)
{
  return read_stream (fc, -1, zf, size, rep, err);
}
