/* inflate.c: gzip streams through ISA-L or zlib (inflate.h). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#ifdef HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "ingest/inflate.h"

#ifdef HAVE_ISAL
enum { IN_SIZE = 1 << 17 };
enum { LOOK, MEMBER, COPY, END };

/* ISA-L's state: the input read and not yet inflated. */
typedef struct
{
  int fd, mode, in_eof, members;
  long long zread;
  struct inflate_state st;
  unsigned char in[IN_SIZE];
} isal_src;

static void
i_open (isal_src *g, int fd)
{
  g->fd = fd;
  g->mode = LOOK;
  isal_inflate_init (&g->st);
  g->st.next_in = g->in;
  g->st.avail_in = 0;
}

/* Keep the unread input at the front and read more after it: 0, or -1
   on a read error. */
static int
refill (isal_src *g)
{
  ssize_t n;
  if (g->in_eof)
    return 0;
  if (g->st.avail_in > 0 && g->st.next_in != g->in)
    memmove (g->in, g->st.next_in, g->st.avail_in);
  g->st.next_in = g->in;
  do
    n = read (g->fd, g->in + g->st.avail_in, IN_SIZE - g->st.avail_in);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return -1;
  if (n == 0)
    g->in_eof = 1;
  g->st.avail_in += (uint32_t) n;
  g->zread += n;
  return 0;
}

/* At the start of the stream or after a member: another member, the
   plain stream, or the end (bytes after a member that start no other are
   ignored, as zlib does). */
static void
look (isal_src *g)
{
  const unsigned char *p = g->st.next_in;
  if (g->st.avail_in >= 2 && p[0] == 0x1f && p[1] == 0x8b)
    {
      unsigned char *in = g->st.next_in;
      uint32_t avail = g->st.avail_in;
      isal_inflate_reset (&g->st);
      g->st.next_in = in;
      g->st.avail_in = avail;
      g->st.crc_flag = ISAL_GZIP;
      g->mode = MEMBER;
    }
  else if (g->members > 0 || g->st.avail_in == 0)
    g->mode = END;
  else
    g->mode = COPY;
}

static const char *
isal_message (int ret)
{
  switch (ret)
    {
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    default: return "invalid compressed data";
    }
}

/* Inflate into BUF (LEN bytes) from the current member. */
static int
inflate_member (isal_src *g, char *buf, int len, int *zerr,
                const char **msg)
{
  int ret;
  g->st.next_out = (uint8_t *) buf;
  g->st.avail_out = (uint32_t) len;
  ret = isal_inflate (&g->st);
  if (ret < 0)
    {
      *zerr = Z_DATA_ERROR;
      *msg = isal_message (ret);
      g->mode = END;
      return -1;
    }
  if (g->st.block_state == ISAL_BLOCK_FINISH)
    {
      g->members++;
      g->mode = LOOK;
    }
  return len - (int) g->st.avail_out;
}

static int
i_read (isal_src *g, char *buf, int len, int *zerr, const char **msg)
{
  *zerr = Z_OK;
  *msg = "";
  for (;;)
    {
      int n = 0;
      if (g->mode == END)
        return 0;
      if (g->st.avail_in < 2 && !g->in_eof && refill (g) != 0)
        {
          *zerr = Z_ERRNO;
          *msg = strerror (errno);
          g->mode = END;
          return -1;
        }
      if (g->mode == LOOK)
        {
          if (g->st.avail_in < 2 && !g->in_eof)
            continue;
          look (g);
          continue;
        }
      if (g->mode == COPY)
        {
          n = (int) g->st.avail_in < len ? (int) g->st.avail_in : len;
          memcpy (buf, g->st.next_in, (size_t) n);
          g->st.next_in += n;
          g->st.avail_in -= (uint32_t) n;
          if (n == 0 && g->in_eof)
            g->mode = END;
        }
      else if ((n = inflate_member (g, buf, len, zerr, msg)) < 0)
        return -1;
      else if (n == 0 && g->mode == MEMBER && g->st.avail_in == 0
               && g->in_eof)
        {
          *zerr = Z_BUF_ERROR;
          *msg = "unexpected end of file";
          g->mode = END;
          return 0;
        }
      if (n > 0)
        return n;
    }
}
#endif

struct ingest_gz
{
  gzFile gz;                  /* zlib's stream, or NULL */
#ifdef HAVE_ISAL
  isal_src *is;               /* else ISA-L's */
#endif
};

static int
z_open (ingest_gz *g, int fd)
{
  if ((g->gz = gzdopen (fd, "rb")) == NULL)
    {
      close (fd);
      return -1;
    }
  gzbuffer (g->gz, 1 << 17);
  return 0;
}

static int
z_read (ingest_gz *g, char *buf, int len, int *zerr,
                const char **msg)
{
  int n = gzread (g->gz, buf, (unsigned) len);
  *zerr = Z_OK;
  *msg = "";
  if (n <= 0)
    {
      const char *m = gzerror (g->gz, zerr);
      /* zlib names a gzdopen'ed file "<fd:N>": drop it */
      if (m != NULL && strncmp (m, "<fd:", 4) == 0 && strstr (m, ": "))
        m = strstr (m, ": ") + 2;
      *msg = m != NULL ? m : "";
    }
  return n;
}

static int
use_isal (void)
{
#ifdef HAVE_ISAL
  const char *e = getenv ("CLOUDCAST_GZIP");
  return e == NULL || strcmp (e, "zlib") != 0;
#else
  return 0;
#endif
}

ingest_gz *
ingest_gz_open (int fd)
{
  ingest_gz *g = calloc (1, sizeof *g);
  if (g == NULL)
    {
      close (fd);
      return NULL;
    }
#ifdef HAVE_ISAL
  if (use_isal ())
    {
      if ((g->is = calloc (1, sizeof *g->is)) == NULL)
        {
          close (fd);
          free (g);
          return NULL;
        }
      i_open (g->is, fd);
      return g;
    }
#endif
  if (z_open (g, fd) != 0)
    {
      free (g);
      return NULL;
    }
  return g;
}

int
ingest_gz_read (ingest_gz *g, char *buf, int len, int *zerr,
                const char **msg)
{
#ifdef HAVE_ISAL
  if (g->is != NULL)
    return i_read (g->is, buf, len, zerr, msg);
#endif
  return z_read (g, buf, len, zerr, msg);
}

long long
ingest_gz_offset (const ingest_gz *g)
{
#ifdef HAVE_ISAL
  if (g->is != NULL)
    return g->is->zread - g->is->st.avail_in;
#endif
  return (long long) gzoffset (g->gz);
}

void
ingest_gz_close (ingest_gz *g)
{
  if (g == NULL)
    return;
#ifdef HAVE_ISAL
  if (g->is != NULL)
    close (g->is->fd);
  free (g->is);
#endif
  if (g->gz != NULL)
    gzclose (g->gz);
  free (g);
}

const char *
ingest_gz_backend (void)
{
  return use_isal () ? "ISA-L" : "zlib";
}
