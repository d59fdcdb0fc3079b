/* test_reported.c: reading reported figures into bytes. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "reported/reported.h"
#include "tap.h"

int
main (void)
{
  char path[4096];
  const char *top = getenv ("top_srcdir");
  const cc_reported_metric *m;
  cc_reported *r = NULL;
  cc_err err;

  snprintf (path, sizeof path, "%s/tests/data/reported/ok.csv", top ? top : ".");
  is_int (cc_reported_read (path, &r, &err), CC_OK, "ok.csv reads");
  if (r == NULL)
    return done_testing ();
  is_int (r->nmetric, 1, "one metric");
  m = cc_reported_find (r, NULL);
  is_str (m->metric, "azure-blob-storage", "metric name");
  is_int (m->n, 2, "two figures");
  is_str (m->unit->name, "TB", "display unit TB");
  ok (m->unit->system == CC_UNIT_DECIMAL, "TB is decimal");
  is_rel (m->point[0].bytes, 400e12, 1e-15, "400 TB = 4e14 bytes");
  is_rel (m->point[1].bytes, 1400e12, 1e-15, "1,400 TB = 1.4e15 bytes");
  is_rel (m->point[1].months - m->point[0].months, 6, 1e-15, "six months apart");
  is_int (m->point[1].line, 3, "second figure on line 3");
  has_str (m->point[0].source, "The Guardian", "source kept");
  ok (cc_reported_find (r, "nope") == NULL, "unknown metric is NULL");
  cc_reported_free (r);

  snprintf (path, sizeof path, "%s/tests/data/reported/ok-bom-crlf.csv",
            top ? top : ".");
  is_int (cc_reported_read (path, &r, &err), CC_OK, "BOM/CRLF file reads");
  if (r == NULL)
    return done_testing ();
  is_int (r->nmetric, 2, "two metrics");
  m = cc_reported_find (r, NULL);
  is_str (m->unit->name, "TiB", "display unit TiB");
  is_rel (m->point[0].bytes, 409.6 * 1099511627776.0, 1e-15, "409.6 TiB in bytes");
  is_rel (m->point[1].bytes, 1.4 * 1125899906842624.0, 1e-15, "1.4 PiB in bytes");
  is_int (m->point[1].line, 5, "line after a quoted newline and a blank line");
  has_str (m->point[0].source, "a, \"quoted\" source\r\nover two lines",
           "quoted comma, doubled quotes and newline kept");
  is_int (m->point[0].date.day, 1, "YYYY-MM-DD day kept");
  cc_reported_free (r);

  is_int (cc_reported_read ("/nonexistent/x.csv", &r, &err), CC_ENOINPUT,
          "missing file is CC_ENOINPUT");
  has_str (err.msg, "/nonexistent/x.csv: cannot open", "message names the file");
  return done_testing ();
}
