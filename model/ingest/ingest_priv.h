/* ingest_priv.h: what the files of model/ingest/ share, private to them.
 *
 * The way through a file: ingest.c (cc_ingest_file) opens it, and
 * read.c (a regular file, in chunks on several threads) or stream.c (gzip
 * or a pipe, on one thread) feeds its bytes to workers (worker.c: libcsv
 * and the record's fields); the header goes to columns.c, which picks the
 * format from the registry (formats/) and maps its columns to roles; each
 * record goes to row.c, which adds it to a group (table.c); reconcile.c
 * gathers the workers' counts and checks the series against the rows.
 *
 * Names with linkage start with ingest_ (not cc_): they are not API. */
#ifndef CC_INGEST_PRIV_H
#define CC_INGEST_PRIV_H

#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/csvscan.h"
#include "ingest/ingest.h"

#define INGEST_BLOCK (1 << 20)       /* bytes read at a time */
#define INGEST_MAX_CURRENCIES 32     /* in one file */

/* ------------------------------------------------------------------ */
/* Compensated (Kahan-Neumaier) sums. */

typedef struct { double s, c; } nsum;

static inline void
nadd (nsum *a, double x)
{
  double t = a->s + x;
  if (fabs (a->s) >= fabs (x))
    a->c += (a->s - t) + x;
  else
    a->c += (x - t) + a->s;
  a->s = t;
}

static inline void
nmerge (nsum *a, const nsum *b)
{
  nadd (a, b->s);
  nadd (a, b->c);
}

static inline double
nval (const nsum *a)
{
  return a->s + a->c;
}

/* ------------------------------------------------------------------ */
/* Group tables (table.c): open addressing on a key of joined strings. */

/* The parts of a group key; K_DIMS holds the extra dimensions joined by
 * '\x1e' (empty when none is asked for). */
enum
{
  K_PROVIDER, K_SERVICE, K_CATEGORY, K_METER, K_UNIT, K_CURRENCY, K_CHARGE,
  K_DIMS, K_N
};

typedef struct
{
  uint64_t hash;
  char *key;          /* K_N strings joined by '\x1f' */
  size_t keylen;
  long month;
  nsum cost, qty;
  long rows;
  int chunk;          /* where its first row is: CHUNK and LINE (relative */
  long line;          /* to the chunk) in a worker's table, the file's line
                         (CHUNK 0) once gathered */
} group;

typedef struct
{
  group *g;           /* NULL key: empty slot */
  size_t n, cap;
} table;

/* The group for (key, month), created when new; NULL when out of memory. */
group *ingest_table_get (table *t, const char *key, size_t keylen,
                         long month);
/* The group for (key, month), or NULL when T has none. */
group *ingest_table_find (const table *t, const char *key, size_t keylen,
                          long month);
/* Add every group of SRC to DST, each keeping the first of its rows.
 * Returns 0 or -1 (out of memory). */
int ingest_table_merge (table *dst, const table *src);
/* Make the groups' first rows file lines: chunk K's lines start at
 * FIRST_LINE[K]. */
void ingest_table_rebase (table *t, const long *first_line);
void ingest_table_clear (table *t);
/* Split a key into its K_N parts (in place: separators become NULs). */
void ingest_key_split (char *key, const char *part[K_N]);

/* ------------------------------------------------------------------ */
/* Column roles.  A format names the header columns of each role
 * (formats/); the column map sends each role's column to a slot of the
 * record being assembled. */

enum
{
  R_DATE, R_COST, R_QTY, R_UNIT, R_QTY2, R_UNIT2, R_SERVICE, R_SERVICE2,
  R_CATEGORY, R_METER, R_METER2, R_CURRENCY, R_PROVIDER, R_LINETYPE,
  R_SPCOST, R_RICOST, R_SPTOTAL, R_SPUSED, R_RIUNUSEDUP, R_RIUNUSEDREC,
  R_RIARN, R_CREDITS, R_PRICE,
  R_CHARGE,        /* charge category: FOCUS ChargeCategory, Azure
                      ChargeType, GCP cost_type (CUR: R_LINETYPE) */
  R_COMMITSTATUS,  /* FOCUS CommitmentDiscountStatus (Used, Unused) */
  R_CHARGECLASS,   /* FOCUS ChargeClass (Correction) */
  R_CHARGESUB,     /* FOCUS 0.5 ChargeSubcategory (Refund, Credit) */
  /* Read only when --by asks for them: */
  R_ACCOUNT, R_ACCOUNT2, R_REGION,
  R_TAGS,          /* all tags in one column: JSON or key-value text */
  R_NROLES
};

/* What a message calls each role when its column is not known. */
extern const char *const ingest_role_name[R_NROLES];

/* Candidate header names per role: folded (letters and digits, lower
 * case), most specific first, "|"-separated; NULL when unused. */
typedef struct
{
  const char *names[R_NROLES];
} colspec;

/* A header row: the names as written and folded. */
typedef struct
{
  char *const *name;
  char *const *folded;
  long n;
} ingest_header;

/* The first column whose folded name is one of NAMES ("a|b|c"), or -1. */
long ingest_header_find (const ingest_header *h, const char *names);
int ingest_header_has (const ingest_header *h, const char *names);

/* ------------------------------------------------------------------ */
/* Per-file state shared by the workers (read-only while they run). */

typedef struct worker worker;
typedef struct ingest_format ingest_format;

/* A format's hook on every row (formats/format.h). */
typedef int (*ingest_row_hook) (worker *w, double *cost);

/* Cost totals per currency: the rows as read, and skipped rows. */
typedef struct
{
  char code[16];
  nsum read, abs;
  long rows;
  nsum skipped;        /* cost of skipped rows whose cost column was a number */
  nsum skipped_abs;    /* and its absolute value */
  long skipped_rows;
} curtot;

typedef struct
{
  const cc_ingest_options *opt;
  const char *path;
  const ingest_format *format;
  ingest_row_hook row_hook;     /* the format's, for this cost basis */
  long ncols;
  int *col_slot;         /* header column -> slot, -1 when unused */
  int role_slot[R_NROLES];
  int role_col[R_NROLES];   /* 1-based column for messages, 0 if none */
  char *role_header[R_NROLES];
  int nslots;
  const char *const_provider;
  /* What a preamble before the header states (the GCP console's
     "Currency,USD", "Invoice date,..."): "" and -1 when none. */
  char pre_currency[16];
  long pre_month;
  /* The extra dimensions: each reads the column SLOT (SLOT2 when that is
     empty), or, for a tag without a column of its own, KEY in the tags
     column's text. */
  int ndim;
  struct
  {
    int slot, slot2, tags;     /* record slots, -1 when none */
    const char *key;           /* a tag's key; NULL for account, region */
  } dim[CC_INGEST_MAX_DIMS];
  /* The file's results, gathered from the workers (reconcile.c). */
  table groups;
  curtot cur[INGEST_MAX_CURRENCIES];
  int ncur;
} filectx;

/* ------------------------------------------------------------------ */
/* A worker (worker.c): one libcsv parser over one byte range. */

/* A skipped row's location, relative to its chunk. */
typedef struct
{
  long line, col;
  int reason, role;
  char value[48];
} example;

struct worker
{
  filectx *fc;
  struct csv_parser p;
  int parser_ok;

  /* The record being assembled: only the columns some role needs.  The
     column map is copied here so that on_field, called for every field,
     reaches it in one load. */
  const int *col_slot;
  long ncols;
  char **slot;
  size_t *slot_len, *slot_cap;
  unsigned char *slot_set;
  long nf;
  /* The fast scanner (core/csvscan.h): whether it runs, its fields (one
     per header column), and the bytes it took. */
  int fast;
  cc_csvscan_field *sfield;
  long long bytes_fast;

  /* Header mode: the first record is kept whole. */
  int header_mode, header_done;
  char **hfield;
  size_t nh, hcap;

  int chunk;           /* which chunk of the file (0 for a stream) */
  long line;           /* newlines consumed in this chunk */
  long rec_line;       /* line (chunk-relative, 0-based) of the record */
  long long off, rec_off;   /* byte offsets (absolute) */
  int at_start;

  /* Results: groups go to *tp (the worker's own t, or its thread's). */
  table t, *tp;
  curtot cur[INGEST_MAX_CURRENCIES];
  int ncur;
  long rows_read, rows_used, skipped[CC_SKIP_NREASONS];
  long rows_short, rows_long, null_cost, null_qty, neg_cost;
  long dim_empty[CC_INGEST_MAX_DIMS];   /* rows used with a --by dimension empty */
  long rows_summary;   /* summary rows left out (formats/format.h) */
  int row_not_utf8;    /* the row being added had bytes not UTF-8 */
  long not_utf8;       /* rows used with such bytes (now U+FFFD) */
  long not_utf8_line;  /* the first (chunk-relative) */
  example ex[CC_SKIP_NREASONS][CC_INGEST_EXAMPLES];
  int nex[CC_SKIP_NREASONS];

  int stop;            /* a strict error, a hard error or out of memory */
  int status;
  example strict_ex;
  char msg[512];       /* hard errors (chunk-relative line in hard_line) */
  long hard_line, hard_col;
  int csv_error;       /* libcsv refused the bytes: maybe a bad split */

  /* The keys of the current row, and a tag's value being read. */
  char *kbuf;
  size_t kcap;
  char tagval[CC_INGEST_MAX_LABELS];

  /* The byte range of its chunk, the file, and whether it is the last. */
  long long start, end;
  int fd;
  int is_last;
};

int ingest_worker_init (worker *w, filectx *fc);
/* The record's slots, once the column map is built. */
int ingest_worker_slots (worker *w);
void ingest_worker_free (worker *w);
/* Stop the worker with STATUS and a message (the first error wins). */
void ingest_hard_error (worker *w, int status, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
/* Feed N bytes, one line at a time so that every record knows the line it
 * starts on.  Stops after the header when STOP_AFTER_HEADER; returns the
 * bytes consumed. */
size_t ingest_feed (worker *w, const char *s, size_t n, int stop_after_header);
/* The end of the input: flush a last record without a line break.
 * Returns 0, or -1 when the input ends inside a quoted field. */
int ingest_finish (worker *w);
/* The end of a chunk that is not the file's last: nothing may be pending.
 * Returns 0, or -1 (with csv_error set) when something is. */
int ingest_end_chunk (worker *w);

/* ------------------------------------------------------------------ */
/* Rows (row.c). */

static inline int
ingest_is_null (const char *s, size_t n)
{
  return n == 0 || (n == 4 && strncasecmp (s, "NULL", 4) == 0);
}

/* The text in ROLE's column of the current record ("" when absent). */
static inline const char *
ingest_slot (const worker *w, int role, size_t *len)
{
  int s = w->fc->role_slot[role];
  if (s < 0 || !w->slot_set[s])
    {
      *len = 0;
      return "";
    }
  *len = w->slot_len[s];
  return w->slot[s];
}

/* The charge category of the current record, from the format's columns
 * (CC_CHARGE_*). */
int ingest_row_charge (worker *w);
/* Whether S (N bytes) is, ignoring case, one of the '|'-separated WORDS. */
int ingest_is_one_of (const char *s, size_t n, const char *words);

/* The value of tag KEY in the text S (N bytes) of a tags column: a JSON
 * object, the brace-less '"k": "v", ...' of Azure exports, or a list of
 * {key, value} objects (GCP labels, JSON or Python-literal quoting); with
 * USER_PREFIX, "user_KEY" and "user:KEY" are tried after KEY (CUR 2.0).
 * Returns the value's length with its text in OUT, -1 when the tag is
 * absent, -2 when its value does not fit in SIZE bytes. */
long ingest_tag_value (const char *s, size_t n, const char *key,
                       int user_prefix, char *out, size_t size);

/* Add the current record to its group, or skip it. */
void ingest_process_row (worker *w);
/* Record a skipped row; returns 1 when the run must stop (strict). */
int ingest_skip_row (worker *w, int reason, int role, const char *value);
/* The number in ROLE's column; a missing column or a null counts 0.
 * Returns 0, or -1 after skipping the row as a bad cost. */
int ingest_role_num (worker *w, int role, double *v);

/* ------------------------------------------------------------------ */
/* The header (columns.c) and the readers (read.c, stream.c). */

/* Whether a record read before the header is a preamble line ("Invoice
 * number,123", "Currency,USD", ...: at most 3 fields, a known key); its
 * currency and invoice month are kept in FC.  N fields in F. */
int ingest_preamble_line (filectx *fc, char *const *f, size_t n);

/* Pick the format and build the column map of FC from the header HDR.
 * Returns CC_OK, or an error with ERR set. */
int ingest_build_map (filectx *fc, cc_ingest_report *rep, char **hdr, long n,
                      cc_err *err);

/* A regular, uncompressed file of SIZE bytes, in chunks on threads. */
int ingest_read_split (filectx *fc, int fd, long long size,
                       cc_ingest_report *rep, cc_err *err);
/* A stream: gzip (any file), a pipe or standard input.  Closes FD. */
int ingest_read_stream (filectx *fc, int fd, cc_ingest_report *rep,
                        cc_err *err);

/* A member of a ZIP archive (zip.c opens it), of SIZE uncompressed bytes,
 * as a stream on one worker. */
struct zip_file;
int ingest_read_zip_member (filectx *fc, struct zip_file *zf, long long size,
                            cc_ingest_report *rep, cc_err *err);

/* ZIP archives (zip.c): opened with the caps checked, then each member. */
typedef struct ingest_zip ingest_zip;
#define INGEST_ZIP_MAX_ENTRIES 1000
#define INGEST_ZIP_MAX_RATIO 200            /* uncompressed : archive */
#define INGEST_ZIP_RATIO_FLOOR (256LL << 20) /* ratio checked above this */
/* Open the archive on FD (which it then owns).  CC_EDATA when it is not a
 * readable ZIP archive, has more than INGEST_ZIP_MAX_ENTRIES entries, an
 * encrypted member, or declares more than INGEST_ZIP_MAX_RATIO times its
 * own size uncompressed (a ZIP bomb). */
int ingest_zip_open (const char *path, int fd, ingest_zip **z, cc_err *err);
long ingest_zip_count (const ingest_zip *z);
/* Member I's name, or NULL for one that is not read (a directory, macOS
 * resource forks). */
const char *ingest_zip_name (const ingest_zip *z, long i);
/* Read member I into FC. */
int ingest_zip_read (ingest_zip *z, long i, filectx *fc,
                     cc_ingest_report *rep, cc_err *err);
void ingest_zip_close (ingest_zip *z);

/* ------------------------------------------------------------------ */
/* Gathering and checking (reconcile.c). */

/* Add the counts of N finished workers (in file order) to the report and
 * their groups and currencies to FC's; FIRST_LINE[i] is the 1-based line
 * on which worker i starts, TABLES (may be NULL) the workers' threads'
 * group tables.  Returns CC_OK, or the error of the first worker that
 * stopped. */
int ingest_gather (filectx *fc, worker *w, int n, const long *first_line,
                   table *tables, int ntables, cc_ingest_report *rep,
                   cc_err *err);
/* The message of a stopped worker, with absolute lines. */
int ingest_worker_error (const worker *w, const filectx *fc, long first_line,
                         cc_err *err);
/* Check FC's groups against its row-level totals, per currency, and fill
 * the report's currencies. */
int ingest_reconcile (cc_ingest_report *rep, const filectx *fc, cc_err *err);

/* What a skip reason means, in a few words (ingest.c). */
const char *ingest_skip_text (int reason);

/* The top-level column names of Parquet file PATH (parquet.c), in *NAMES
 * (N of them, each malloc'd); CC_EUSAGE when PATH is not Parquet. */
int ingest_parquet_columns (const char *path, char ***names, long *n,
                            cc_err *err);

#endif
