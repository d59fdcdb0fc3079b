/* cmd_sql.c: cloudcast sql: ingest's aggregation as SQL for a query
 * engine (ingest/sql.h does the work; this reads the options). */
#include <config.h>

#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/timeutil.h"
#include "ingest/sql.h"

typedef struct
{
  cc_sql_options o;
  const char *header;
} sql_args;

#define HELPED (-1)


/* A --table NAME goes into the statement as written: dot-separated parts,
 * each plain (letters, digits, _ $) or a quoted name ("..." or `...`)
 * holding no quote of its kind, backslash or control character. */
static int
table_name_ok (const char *t)
{
  for (;;)
    {
      if (*t == '"' || *t == '`')
        {
          char q = *t++;
          const char *start = t;
          while (*t != '\0' && *t != q && *t != '\\'
                 && (unsigned char) *t >= 0x20 && *t != 0x7f)
            t++;
          if (*t != q || t == start)
            return 0;
          t++;
        }
      else
        {
          size_t n = strspn (t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "abcdefghijklmnopqrstuvwxyz0123456789_$");
          if (n == 0)
            return 0;
          t += n;
        }
      if (*t == '\0')
        return 1;
      if (*t++ != '.')
        return 0;
    }
}
static int
sql_options (int argc, char **argv, sql_args *a)
{
  static const char *const costs[] = { "billed", "effective", "list" };
  static const char *const orders[] = { "mdy", "dmy" };
  cc_opts go;
  int c, v, level = -1, by_given = 0, dialect = -1;

  cc_opts_init (&go, "sql");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'd':
        if ((dialect = cc_sql_dialect_find (optarg)) < 0)
          return cc_cli_usage ("sql: invalid --dialect '%s' (duckdb, "
                               "clickhouse, trino, bigquery or spark)",
                               optarg);
        break;
      case 'f':
        if ((a->o.ingest.format = cc_ingest_format_find (optarg)) < 0)
          return cc_cli_usage ("sql: invalid --format '%s'", optarg);
        break;
      case 'c':
        if (cc_cli_choice ("sql", "--cost", optarg, costs, 3, &v) != 0)
          return CC_EUSAGE;
        a->o.ingest.cost = (cc_ingest_cost) v;
        break;
      case 'b':
        if (cc_cli_parse_by ("sql", optarg, &a->o.ingest, &level) != 0)
          return CC_EUSAGE;
        by_given = 1;
        break;
      case 'D':
        if (cc_cli_choice ("sql", "--date-order", optarg, orders, 2, &v) != 0)
          return CC_EUSAGE;
        a->o.ingest.date_order = v == 1 ? CC_DATE_DMY : CC_DATE_MDY;
        break;
      case 't':
        a->o.table = optarg;
        break;
      case 'F':
        a->o.files = optarg;
        break;
      case 'H':
        a->header = optarg;
        break;
      case 'r':
        a->o.reconcile = 1;
        break;
      case 'h':
        cc_opts_help (&go);
        return HELPED;
      default:
        fputs ("Try 'cloudcast --help' for more information.\n", stderr);
        return CC_EUSAGE;
      }
  if (optind < argc)
    return cc_cli_usage ("sql: unexpected operand '%s'", argv[optind]);
  if (dialect < 0)
    return cc_cli_usage ("sql: --dialect is required (duckdb, clickhouse, "
                         "trino, bigquery or spark)");
  if ((a->o.table == NULL) == (a->o.files == NULL))
    return cc_cli_usage ("sql: give one of --table NAME and --files GLOB");
  if (a->o.table != NULL && !table_name_ok (a->o.table))
    return cc_cli_usage ("sql: invalid --table '%s': a table name such as "
                         "billing or catalog.schema.table, each part "
                         "letters, digits, _ $ or a quoted name (\"...\" "
                         "or `...`) without its quote or a backslash inside",
                         a->o.table);
  if (a->o.table != NULL && a->header == NULL)
    return cc_cli_usage ("sql: --table needs --header FILE (a CSV or Parquet "
                         "file with the table's columns)");
  a->o.dialect = (cc_sql_dialect) dialect;
  /* As ingest: no --by is by service; a --by naming no level, family. */
  a->o.ingest.by = (cc_ingest_by) (level >= 0 ? level : by_given
                                   ? CC_BY_FAMILY : CC_BY_SERVICE);
  return CC_OK;
}

int
cc_cmd_sql (int argc, char **argv)
{
  sql_args a;
  char path[PATH_MAX], **names = NULL;
  const char *header;
  long n = 0;
  cc_servicemap *services = NULL;
  cc_unitmap *units = NULL;
  glob_t gl;
  int rc, globbed = 0;
  cc_err err;

  memset (&a, 0, sizeof a);
  if ((rc = sql_options (argc, argv, &a)) != CC_OK)
    return rc == HELPED ? CC_OK : rc;
  cc_err_clear (&err);
  header = a.header;
  if (header == NULL)
    {
      /* The header of the first file the glob names here. */
      if (glob (a.o.files, 0, NULL, &gl) != 0)
        {
          globfree (&gl);
          return cc_cli_usage ("sql: no file here matches '%s': give "
                               "--header FILE (a CSV or Parquet file with "
                               "the export's columns)", a.o.files);
        }
      globbed = 1;
      header = gl.gl_pathv[0];
    }
  rc = cc_sql_header (header, &names, &n, &err);
  if (rc == CC_OK)
    rc = cc_servicemap_load (cc_cli_datafile (path, sizeof path,
                                              "service-map.csv"),
                             &services, &err);
  if (rc == CC_OK)
    rc = cc_unitmap_load (cc_cli_datafile (path, sizeof path, "units.csv"),
                          &units, &err);
  if (rc == CC_OK)
    rc = cc_sql_write (stdout, &a.o, names, n, header, services, units, &err);
  if (rc == CC_OK && fflush (stdout) != 0)
    rc = cc_err_set (&err, CC_EIO, NULL, 0, 0, "write error on standard "
                     "output");
  if (rc != CC_OK)
    {
      err.status = rc;
      cc_cli_fail (&err);
    }
  cc_sql_header_free (names, n);
  cc_unitmap_free (units);
  cc_servicemap_free (services);
  if (globbed)
    globfree (&gl);
  return rc;
}
