/* parquet.c: the top-level column names of a Parquet file, from the
 * schema in its footer (Thrift compact protocol), so that `cloudcast sql`
 * can map a Parquet export's columns as ingest maps a CSV header.  Only
 * the footer is read; the data is the query engine's business. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats/format.h"

#define FOOTER_MAX (64L << 20)

typedef struct
{
  const unsigned char *p, *end;
  int bad;
} rd;

static unsigned long long
varint (rd *r)
{
  unsigned long long v = 0;
  int shift = 0;
  while (r->p < r->end && shift < 64)
    {
      unsigned char b = *r->p++;
      v |= (unsigned long long) (b & 0x7f) << shift;
      if (!(b & 0x80))
        return v;
      shift += 7;
    }
  r->bad = 1;
  return 0;
}

static long long
zigzag (rd *r)
{
  unsigned long long v = varint (r);
  return (long long) (v >> 1) ^ -(long long) (v & 1);
}

static void
skip_bytes (rd *r, unsigned long long n)
{
  if (n > (unsigned long long) (r->end - r->p))
    r->bad = 1, r->p = r->end;
  else
    r->p += n;
}

static void skip (rd *r, int type, int depth);

static void
skip_struct (rd *r, int depth)
{
  while (!r->bad && r->p < r->end)
    {
      unsigned char b = *r->p++;
      if (b == 0)
        return;
      if ((b >> 4) == 0)
        zigzag (r);
      skip (r, b & 0x0f, depth + 1);
    }
  r->bad = 1;
}

/* Skip a value of compact TYPE. */
static void
skip (rd *r, int type, int depth)
{
  unsigned long long n, i;
  if (depth > 32)
    {
      r->bad = 1;
      return;
    }
  switch (type)
    {
    case 1: case 2:
      break;
    case 3:
      skip_bytes (r, 1);
      break;
    case 4: case 5: case 6:
      varint (r);
      break;
    case 7:
      skip_bytes (r, 8);
      break;
    case 8:
      skip_bytes (r, varint (r));
      break;
    case 9: case 10:
      {
        unsigned char b;
        if (r->p >= r->end)
          {
            r->bad = 1;
            return;
          }
        b = *r->p++;
        n = b >> 4;
        if (n == 15)
          n = varint (r);
        for (i = 0; i < n && !r->bad; i++)
          skip (r, (b & 0x0f) == 1 || (b & 0x0f) == 2 ? 3 : b & 0x0f,
                depth + 1);
      }
      break;
    case 11:
      n = varint (r);
      if (n > 0 && r->p < r->end)
        {
          unsigned char kv = *r->p++;
          /* In a collection a bool takes one byte (type 3), as in lists:
           * never zero bytes, so a huge count runs out of input. */
          int kt = kv >> 4, vt = kv & 0x0f;
          kt = kt == 1 || kt == 2 ? 3 : kt;
          vt = vt == 1 || vt == 2 ? 3 : vt;
          for (i = 0; i < n && !r->bad; i++)
            {
              skip (r, kt, depth + 1);
              skip (r, vt, depth + 1);
            }
        }
      break;
    case 12:
      skip_struct (r, depth);
      break;
    default:
      r->bad = 1;
    }
}

/* One SchemaElement: its name (field 4) and number of children (5). */
static void
schema_element (rd *r, char **name, long *children)
{
  int id = 0;
  *name = NULL;
  *children = 0;
  while (!r->bad && r->p < r->end)
    {
      unsigned char b = *r->p++;
      int type = b & 0x0f;
      if (b == 0)
        return;
      id = (b >> 4) ? id + (b >> 4) : (int) zigzag (r);
      if (id == 4 && type == 8 && *name == NULL)
        {
          unsigned long long n = varint (r);
          if (n > (unsigned long long) (r->end - r->p))
            break;
          *name = strndup ((const char *) r->p, n);
          r->p += n;
        }
      else if (id == 5 && type == 5)
        *children = (long) zigzag (r);
      else
        skip (r, type, 1);
    }
  r->bad = 1;
}

/* The schema list (FileMetaData field 2): the top-level names. */
static int
schema (rd *r, char ***names, long *nnames)
{
  unsigned char b;
  unsigned long long n, i;
  long pending = 0, top = 0;   /* leaves left in the current subtree */
  char **out;
  if (r->p >= r->end)
    return -1;
  b = *r->p++;
  n = b >> 4;
  if (n == 15)
    n = varint (r);
  if ((b & 0x0f) != 12 || n == 0 || n > 1000000)
    return -1;
  if ((out = calloc (n, sizeof *out)) == NULL)
    return -1;
  *names = out;
  for (i = 0; i < n && !r->bad; i++)
    {
      char *name;
      long children;
      schema_element (r, &name, &children);
      if (i == 0)
        free (name), top = children;
      else if (pending == 0 && *nnames < top)
        {
          if (name == NULL)
            {
              r->bad = 1;   /* a column with no name */
              break;
            }
          out[(*nnames)++] = name;
          pending = children;
        }
      else
        {
          free (name);
          pending += children - 1;
        }
    }
  return r->bad ? -1 : 0;
}

int
ingest_parquet_columns (const char *path, char ***names, long *n,
                        cc_err *err)
{
  FILE *f = fopen (path, "rb");
  unsigned char tail[8], magic[4];
  unsigned char *buf = NULL;
  long len;
  rd r;
  int rc = CC_OK;

  *names = NULL;
  *n = 0;
  if (f == NULL)
    return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno));
  if (fread (magic, 1, 4, f) != 4 || memcmp (magic, "PAR1", 4) != 0)
    {
      fclose (f);
      return CC_EUSAGE;   /* not Parquet */
    }
  if (fseek (f, -8, SEEK_END) != 0 || fread (tail, 1, 8, f) != 8
      || memcmp (tail + 4, "PAR1", 4) != 0)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "a truncated Parquet file "
                     "(no footer)");
  len = (long) tail[0] | (long) tail[1] << 8 | (long) tail[2] << 16
    | (long) tail[3] << 24;
  if (rc == CC_OK && (len <= 0 || len > FOOTER_MAX))
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "a Parquet footer of %ld "
                     "bytes", len);
  if (rc == CC_OK && ((buf = malloc ((size_t) len)) == NULL
                      || fseek (f, -8 - len, SEEK_END) != 0
                      || fread (buf, 1, (size_t) len, f) != (size_t) len))
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "cannot read the Parquet "
                     "footer");
  fclose (f);
  if (rc != CC_OK)
    {
      free (buf);
      return rc;
    }
  r.p = buf, r.end = buf + len, r.bad = 0;
  {
    int id = 0, found = 0;
    while (!r.bad && r.p < r.end && !found)
      {
        unsigned char b = *r.p++;
        if (b == 0)
          break;
        id = (b >> 4) ? id + (b >> 4) : (int) zigzag (&r);
        if (id == 2 && (b & 0x0f) == 9)
          found = 1, r.bad = schema (&r, names, n) != 0;
        else
          skip (&r, b & 0x0f, 1);
      }
    if (!found || r.bad || *n == 0)
      rc = cc_err_set (err, CC_EDATA, path, 0, 0, "cannot read the schema "
                       "in the Parquet footer");
  }
  free (buf);
  return rc;
}
