/* ingest.h: billing exports (FOCUS, Azure, AWS CUR, GCP, reported usage)
 * into monthly usage-and-cost series per service, with a reconciliation
 * report that proves nothing was lost on the way.
 *
 * Memory is bounded by the number of distinct groups, never by rows or file
 * size.  Large uncompressed files are split at quote-safe record boundaries
 * and parsed on several threads; every byte still goes through libcsv. */
#ifndef CC_INGEST_H
#define CC_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "ingest/servicemap.h"
#include "ingest/unitmap.h"

/* A billing format of the registry (model/ingest/formats/): its name, as
 * --format takes it and the report shows it, and one line for --help. */
typedef struct
{
  const char *name;
  const char *description;
} cc_ingest_format_info;

/* The formats, in the order --help and messages list them. */
size_t cc_ingest_format_count (void);
const cc_ingest_format_info *cc_ingest_format_get (size_t i);

/* Which format to read: CC_FMT_AUTO detects it from the header; I + 1
 * is the registry's format I. */
typedef int cc_ingest_format;
#define CC_FMT_AUTO 0

/* The cc_ingest_format of format NAME ("auto" is CC_FMT_AUTO), or -1. */
cc_ingest_format cc_ingest_format_find (const char *name);

typedef enum
{
  CC_COST_BILLED = 0,  /* invoice basis: FOCUS BilledCost, CUR unblended,
                          Azure Cost*, GCP cost before credits */
  CC_COST_EFFECTIVE,   /* amortized: FOCUS EffectiveCost, CUR with RI/SP
                          effective cost, GCP cost + credits */
  CC_COST_LIST         /* list / on-demand price */
} cc_ingest_cost;

typedef enum { CC_BY_FAMILY = 0, CC_BY_SERVICE, CC_BY_METER } cc_ingest_by;

/* Charge categories: every row gets one (FOCUS ChargeCategory and
 * ChargeClass, Azure ChargeType, CUR line item type, GCP cost_type); a file
 * without such a column is all usage.  Only usage rows that are not unused
 * commitments count quantity. */
enum
{
  CC_CHARGE_USAGE = 0, CC_CHARGE_PURCHASE, CC_CHARGE_TAX, CC_CHARGE_CREDIT,
  CC_CHARGE_REFUND, CC_CHARGE_ADJUSTMENT, CC_CHARGE_N
};

/* A charge category's name ("usage", "purchase", ...). */
const char *cc_ingest_charge_name (int charge);

/* Extra dimensions a series may be grouped by (--by account,region,
 * tag:KEY): each is a series column after meter. */
#define CC_INGEST_MAX_TAGS 8
#define CC_INGEST_MAX_DIMS (2 + CC_INGEST_MAX_TAGS)
#define CC_INGEST_MAX_TAG_KEY 64

/* Why a row was skipped. */
enum
{
  CC_SKIP_DATE_MISSING = 0,  /* empty or NULL period start */
  CC_SKIP_DATE_BAD,          /* period start in no known form */
  CC_SKIP_COST_BAD,          /* cost not a number */
  CC_SKIP_QUANTITY_BAD,      /* quantity not a number */
  CC_SKIP_NREASONS
};

#define CC_INGEST_EXAMPLES 5

/* Caps: a cost or quantity beyond +-1e30 is not a number (the row
 * is skipped), and a file may make at most this many groups. */
#define CC_INGEST_MAX_NUMBER 1e30
#define CC_INGEST_MAX_GROUPS 1000000
#define CC_INGEST_MAX_LABELS 4096  /* bytes of one row's labels together */

typedef struct
{
  cc_ingest_format format;
  cc_ingest_cost cost;
  cc_ingest_by by;
  int by_account;            /* an account column (subscription, project) */
  int by_region;             /* a region column */
  int ntag;                  /* tag:KEY columns, keys as written */
  char tag[CC_INGEST_MAX_TAGS][CC_INGEST_MAX_TAG_KEY];
  int strict;                /* stop at the first bad row */
  int date_order;            /* slashed dates: CC_DATE_MDY (default, as
                                providers write them) or CC_DATE_DMY */
  int threads;               /* 0: one per online CPU */
  long long min_chunk;       /* smallest chunk; 0: 8 MiB (tests set 1) */
  /* Called from the calling thread while a file is read (every quarter
     second for a split file, every 8 MB of a stream), with bytes done and
     the file's size (-1 for a pipe; compressed bytes for gzip); may be
     NULL. */
  void (*progress) (void *ctx, const char *path, long long done,
                    long long total);
  void *progress_ctx;
} cc_ingest_options;

typedef struct
{
  char code[16];       /* as written in the file; "" when not given */
  double read;         /* sum of the cost of every used row */
  double series;       /* sum of the cost in this file's groups */
  double abs_read;     /* sum of |cost|, the scale of the tolerance */
  long rows;
  double skipped;      /* cost column of skipped rows, where a number */
  double skipped_abs;  /* the same, absolute values */
  long skipped_rows;
  double charge[CC_CHARGE_N];      /* series cost per charge category */
  long charge_rows[CC_CHARGE_N];   /* and rows */
} cc_ingest_currency;

typedef struct
{
  char *path;
  const char *format;      /* the format's name ("focus", ...); "unknown" */
  char version[64];        /* e.g. "1.0", "EA (Cost layout)", "legacy" */
  long long bytes;         /* bytes read (uncompressed) */
  long long bytes_fast;    /* of them, the records the fast scanner took
                              (core/csvscan.h); libcsv read the rest */
  int threads;             /* threads that parsed it */
  int chunks;              /* pieces it was split into */
  long rows_read, rows_used, rows_skipped;
  long skipped[CC_SKIP_NREASONS];
  long example_line[CC_SKIP_NREASONS][CC_INGEST_EXAMPLES];
  long example_col[CC_SKIP_NREASONS][CC_INGEST_EXAMPLES];
  int nexample[CC_SKIP_NREASONS];
  char example_value[CC_SKIP_NREASONS][48];  /* the first example's text */
  long rows_summary;       /* summary lines ("Total") left out */
  long rows_short;         /* fewer fields than the header: rest empty */
  long rows_long;          /* more fields than the header: extra ignored */
  long null_cost;          /* empty or NULL cost, counted as 0 */
  long null_quantity;      /* empty or NULL quantity, counted as 0 */
  long negative_cost;      /* credits and refunds, kept */
  long not_utf8;           /* rows whose labels held bytes that are not
                              UTF-8, each now U+FFFD (kept: a billing
                              export's cost must all be accounted for) */
  long not_utf8_line;      /* the first of them */
  cc_ingest_currency *currency;
  size_t ncurrency;
  int ndim;                /* the extra dimensions (cc_ingest_dim_name) */
  char dim_column[CC_INGEST_MAX_DIMS][96];  /* the column each was read
                                              from ("" when the file has
                                              none: every row empty) */
  long dim_empty[CC_INGEST_MAX_DIMS];       /* rows used with it empty */
  char **unknown_unit;     /* units not in units.csv, passed through */
  size_t nunknown_unit;
  int counted;             /* the counts above are complete (or stopped
                              by --strict); 0 when reading failed */
} cc_ingest_report;

/* One row of the series: a group of charges. */
typedef struct
{
  long month;              /* month index (timeutil.h) */
  const char *provider, *family, *charge, *service, *meter, *unit, *currency;
  const char *dim[CC_INGEST_MAX_DIMS];   /* extra dimensions, in order */
  double quantity, cost;
  long rows;
} cc_series_row;

typedef struct cc_ingest cc_ingest;

/* A workspace.  The maps must outlive it; either may be NULL (every family
 * is then "other" and every unit passes through). */
cc_ingest *cc_ingest_alloc (const cc_ingest_options *opt,
                            const cc_servicemap *services,
                            const cc_unitmap *units);
void cc_ingest_free (cc_ingest *in);

/* Read one file ("-" is standard input; gzip is recognised by its magic
 * bytes) and add its rows to the groups.  Returns CC_OK; CC_ENOINPUT when
 * it cannot be opened; CC_EDATA for an unrecognised format, a truncated
 * gzip stream, a file ending inside a quoted field, or (strict) the first
 * bad row, with FILE:LINE:COLUMN in err; CC_ESOFTWARE when the
 * reconciliation fails (a bug).  The file's report is kept even on error. */
int cc_ingest_file (cc_ingest *in, const char *path, cc_err *err);

/* Map families and units, merge, sort.  Call once after the files. */
int cc_ingest_finish (cc_ingest *in, cc_err *err);

size_t cc_ingest_nrows (const cc_ingest *in);
const cc_series_row *cc_ingest_row (const cc_ingest *in, size_t i);
size_t cc_ingest_nfiles (const cc_ingest *in);
const cc_ingest_report *cc_ingest_file_report (const cc_ingest *in, size_t i);

/* Units seen in all files that units.csv does not know. */
size_t cc_ingest_nunknown_units (const cc_ingest *in);
const char *cc_ingest_unknown_unit (const cc_ingest *in, size_t i);

/* The extra dimensions (--by account, region, tag:KEY), in column order,
 * named as their series columns ("account", "region", "tag:team"). */
int cc_ingest_ndims (const cc_ingest *in);
const char *cc_ingest_dim_name (const cc_ingest *in, int i);

/* A skip reason's name, for reports. */
const char *cc_ingest_skip_name (int reason);

/* The series CSV (header period,provider,family,charge,service,meter,
 * then the extra dimensions, unit,quantity,cost,currency,rows).  Returns
 * CC_OK or CC_EIO. */
int cc_ingest_write_series (const cc_ingest *in, FILE *out);

/* The reconciliation report as JSON.  Returns CC_OK or CC_EIO. */
int cc_ingest_write_report (const cc_ingest *in, FILE *out);

/* A short human summary (one paragraph per file), for stderr; it ends
 * with the warnings below. */
int cc_ingest_write_summary (const cc_ingest *in, FILE *out);

/* Only the warnings that --quiet does not silence: skipped rows carrying
 * more than 1 % of a file's absolute cost in a currency. */
int cc_ingest_write_warnings (const cc_ingest *in, FILE *out);

#endif
