/* test_csvread.c: the record reader: gzip, truncation, line numbers. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/csvread.h"
#include "tap.h"

typedef struct
{
  long rows, last_line;
  size_t fields;
  char first[64];
} tally;

static int
count (const cc_csv_row *row, void *ctx, cc_err *err)
{
  tally *t = ctx;
  (void) err;
  if (t->rows == 0)
    snprintf (t->first, sizeof t->first, "%s", row->field[0]);
  t->rows++;
  t->last_line = row->line;
  t->fields += row->nfield;
  return CC_OK;
}

static int
stop_at_3 (const cc_csv_row *row, void *ctx, cc_err *err)
{
  (void) ctx;
  if (row->record == 3)
    return cc_err_set (err, CC_EDATA, "f", row->line, 2, "stop here");
  return CC_OK;
}

int
main (void)
{
  char dir[] = "/tmp/cc-csvread-XXXXXX", plain[256], gz[256], cut[256];
  const char *text = "a,b,c\r\n1,\"x\ny\",3\n\n4,5,6\n";
  tally t;
  cc_err err;
  gzFile g;
  FILE *fp;
  long size;
  char *buf;

  if (mkdtemp (dir) == NULL)
    return 1;
  snprintf (plain, sizeof plain, "%s/t.csv", dir);
  snprintf (gz, sizeof gz, "%s/t.csv.gz", dir);
  snprintf (cut, sizeof cut, "%s/cut.gz", dir);
  fp = fopen (plain, "w");
  fputs (text, fp);
  fclose (fp);
  g = gzopen (gz, "wb");
  for (int i = 0; i < 20000; i++)
    gzprintf (g, "%d,row %d,\"q,%d\"\n", i, i, i);
  gzclose (g);

  memset (&t, 0, sizeof t);
  is_int (cc_csv_read (plain, count, &t, &err), CC_OK, "plain file reads");
  is_int (t.rows, 3, "three records (blank line skipped)");
  is_int (t.last_line, 5, "last record starts on line 5");
  is_int (t.fields, 9, "nine fields");

  memset (&t, 0, sizeof t);
  is_int (cc_csv_read (gz, count, &t, &err), CC_OK, "gzip file reads");
  is_int (t.rows, 20000, "all gzip records");
  is_int (t.last_line, 20000, "gzip line numbers");
  is_int (t.fields, 60000, "quoted commas inside gzip data");

  /* Cut the gzip stream in half: a truncated download. */
  fp = fopen (gz, "rb");
  fseek (fp, 0, SEEK_END);
  size = ftell (fp);
  rewind (fp);
  buf = malloc ((size_t) size);
  if (fread (buf, 1, (size_t) size, fp) != (size_t) size)
    return 1;
  fclose (fp);
  fp = fopen (cut, "wb");
  fwrite (buf, 1, (size_t) size / 2, fp);
  fclose (fp);
  free (buf);
  memset (&t, 0, sizeof t);
  is_int (cc_csv_read (cut, count, &t, &err), CC_EDATA, "truncated gzip is bad data");
  has_str (err.msg, "cut.gz: truncated or corrupt gzip stream after byte",
           "message names the file and byte offset");

  is_int (cc_csv_read (plain, stop_at_3, NULL, &err), CC_EDATA,
          "a callback status stops the read");
  has_str (err.msg, "f:5:2: stop here", "callback message kept");
  is_int (cc_csv_read ("/nonexistent/q.csv", count, &t, &err), CC_ENOINPUT,
          "missing file");

  unlink (plain);
  unlink (gz);
  unlink (cut);
  rmdir (dir);
  return done_testing ();
}
