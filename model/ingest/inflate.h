/* inflate.h: a gzip stream (one member or several, concatenated) or a
 * plain one read from a file descriptor, inflated through ISA-L when
 * cloudcast was built with it (configure says which; `cloudcast
 * --version` names it) and CLOUDCAST_GZIP is not "zlib", zlib otherwise.
 * Either way it reads as zlib's gzread does: a stream that does not start
 * with the gzip magic is passed through as it is, bytes after the last
 * member that are not another member are ignored, and errors are reported
 * with zlib's codes so that the caller words them once. */
#ifndef CC_INFLATE_H
#define CC_INFLATE_H

typedef struct ingest_gz ingest_gz;

/* Open FD for reading (the reader owns it, even on failure): NULL when
   out of memory. */
ingest_gz *ingest_gz_open (int fd);

/* Read up to LEN uncompressed bytes into BUF: how many; 0 at the end of
   the stream, or when it ends early (then *ZERR is Z_BUF_ERROR); -1 on an
   error (*ZERR Z_DATA_ERROR for corrupt data, Z_ERRNO for a failed read,
   with errno).  *MSG says what, without the file's name. */
int ingest_gz_read (ingest_gz *g, char *buf, int len, int *zerr,
                    const char **msg);

/* Compressed bytes read so far. */
long long ingest_gz_offset (const ingest_gz *g);

void ingest_gz_close (ingest_gz *g);

/* "ISA-L" or "zlib": what inflates (CLOUDCAST_GZIP=zlib picks zlib in a
   build with ISA-L). */
const char *ingest_gz_backend (void);

#endif
