/* sql.h: what `cloudcast ingest` computes, as one SQL statement for a
 * query engine (DuckDB, ClickHouse, Trino, BigQuery, Spark SQL).
 *
 * The statement is built from the same format descriptors ingest reads
 * with (formats/ files): the header names the columns, the format's roles
 * pick them, and the service-family rules and unit table are compiled into
 * it from the loaded maps.  Its result has the series columns of
 * cc_ingest_write_series, in the same order. */
#ifndef CC_INGEST_SQL_H
#define CC_INGEST_SQL_H

#include <stdio.h>

#include "core/error.h"
#include "ingest/ingest.h"

typedef enum
{
  CC_SQL_DUCKDB = 0, CC_SQL_CLICKHOUSE, CC_SQL_TRINO, CC_SQL_BIGQUERY,
  CC_SQL_SPARK, CC_SQL_NDIALECTS
} cc_sql_dialect;

/* The dialect called NAME, or -1; and the name of dialect D. */
int cc_sql_dialect_find (const char *name);
const char *cc_sql_dialect_name (int d);

typedef struct
{
  cc_sql_dialect dialect;
  cc_ingest_options ingest;   /* format, cost, by, dimensions, date order */
  const char *table;          /* a table or view to read, or NULL */
  const char *files;          /* a file name or glob the engine reads */
  int reconcile;              /* the reconciliation query instead */
} cc_sql_options;

/* The header of a billing file (CSV, gzip CSV or Parquet): its column
 * names in *NAMES (N of them; free with cc_sql_header_free). */
int cc_sql_header (const char *path, char ***names, long *n, cc_err *err);
void cc_sql_header_free (char **names, long n);

/* Write the statement for a source whose header is NAMES (N, read from
 * HEADER_PATH, for messages) to F.  Returns CC_OK, CC_EDATA when the
 * header lacks a column the format needs (or the format has no SQL form),
 * CC_EIO on a write error. */
int cc_sql_write (FILE *f, const cc_sql_options *o, char **names, long n,
                  const char *header_path, const cc_servicemap *services,
                  const cc_unitmap *units, cc_err *err);

#endif
