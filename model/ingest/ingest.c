/* ingest.c: the public API of the ingest stage: the workspace, one file
 * at a time (read.c or stream.c does the reading), the merged and sorted
 * series, and the writers.  ingest_priv.h says which file does what. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "ingest/ingest_priv.h"
#include "core/csvwrite.h"
#include "core/json.h"
#include "core/timeutil.h"
#include "core/timing.h"
#include "core/units.h"

/* ------------------------------------------------------------------ */
/* The workspace. */

struct cc_ingest
{
  cc_ingest_options opt;
  const cc_servicemap *services;
  const cc_unitmap *units;
  table raw;                  /* all files, before mapping */
  cc_ingest_report *rep;
  size_t nrep;
  /* After finish. */
  table out;
  cc_series_row *rows;
  size_t nrows;
  char **unknown;
  size_t nunknown;
  int finished;
  int ndim;                   /* the extra dimensions, named as columns */
  char dimname[CC_INGEST_MAX_DIMS][CC_INGEST_MAX_TAG_KEY + 8];
};

cc_ingest *
cc_ingest_alloc (const cc_ingest_options *opt, const cc_servicemap *services,
                 const cc_unitmap *units)
{
  cc_ingest *in = calloc (1, sizeof *in);
  int i;
  if (in == NULL)
    return NULL;
  if (opt)
    in->opt = *opt;
  if (in->opt.min_chunk <= 0)
    in->opt.min_chunk = 8LL << 20;
  in->services = services;
  in->units = units;
  if (in->opt.by_account)
    strcpy (in->dimname[in->ndim++], "account");
  if (in->opt.by_region)
    strcpy (in->dimname[in->ndim++], "region");
  if (in->opt.ntag > CC_INGEST_MAX_TAGS)
    in->opt.ntag = CC_INGEST_MAX_TAGS;
  for (i = 0; i < in->opt.ntag; i++)
    snprintf (in->dimname[in->ndim++], sizeof in->dimname[0], "tag:%.*s",
              CC_INGEST_MAX_TAG_KEY - 1, in->opt.tag[i]);
  return in;
}

static void
free_report (cc_ingest_report *r)
{
  size_t i;
  free (r->path);
  free (r->currency);
  for (i = 0; i < r->nunknown_unit; i++)
    free (r->unknown_unit[i]);
  free (r->unknown_unit);
}

void
cc_ingest_free (cc_ingest *in)
{
  size_t i;
  if (in == NULL)
    return;
  ingest_table_clear (&in->raw);
  ingest_table_clear (&in->out);
  for (i = 0; i < in->nrep; i++)
    free_report (&in->rep[i]);
  free (in->rep);
  free (in->rows);
  for (i = 0; i < in->nunknown; i++)
    free (in->unknown[i]);
  free (in->unknown);
  free (in);
}

const char *
cc_ingest_skip_name (int reason)
{
  static const char *const names[CC_SKIP_NREASONS] = {
    "missing_date", "bad_date", "bad_cost", "bad_quantity"
  };
  return reason >= 0 && reason < CC_SKIP_NREASONS ? names[reason] : "?";
}

static const char *
skip_text (int reason)
{
  static const char *const t[CC_SKIP_NREASONS] = {
    "no period start", "period start in no known date form",
    "cost is not a number", "quantity is not a number"
  };
  return t[reason];
}

const char *
ingest_skip_text (int reason)
{
  return skip_text (reason);
}

/* A hint for dates skipped as unreadable: the order slashed dates are
 * read in, and the option for the other.  "" when it does not apply. */
static const char *
date_hint (const cc_ingest_report *p, int order)
{
  if (p->skipped[CC_SKIP_DATE_BAD] == 0
      || strchr (p->example_value[CC_SKIP_DATE_BAD], '/') == NULL)
    return "";
  return order == CC_DATE_DMY
    ? "; slashed dates are read day first (--date-order dmy): if the file "
      "writes month first, give --date-order mdy"
    : "; slashed dates are read month first, as providers write them, and "
      "day first is never guessed: if the file writes day first, give "
      "--date-order dmy";
}

/* The error for a file with data rows of which none was used: each
 * reason's count and first lines. */
static int
no_rows_used (const cc_ingest_report *p, int order, cc_err *err)
{
  char why[512] = "";
  size_t len = 0;
  int r, e;
  for (r = 0; r < CC_SKIP_NREASONS; r++)
    if (p->skipped[r] && len < sizeof why)
      {
        len += (size_t) snprintf (why + len, sizeof why - len, "%s%ld %s "
                                  "(first at line", len ? "; " : "",
                                  p->skipped[r], skip_text (r));
        for (e = 0; e < p->nexample[r] && len < sizeof why; e++)
          len += (size_t) snprintf (why + len, sizeof why - len, "%s %ld",
                                    e ? "," : "", p->example_line[r][e]);
        if (len < sizeof why)
          len += (size_t) snprintf (why + len, sizeof why - len, ": '%s')",
                                    p->example_value[r]);
      }
  return cc_err_set (err, CC_EDATA, p->path, 0, 0, "%ld data rows, none "
                     "used: %s%s", p->rows_read, why, date_hint (p, order));
}

/* A binary container at the start of a file (MAGIC, N bytes): refused
 * with what to do instead, never by printing its bytes.  Returns CC_OK for
 * anything else (text, or gzip, which is read; a NUL byte inside a field
 * is the CSV reader's business). */
static int
refuse_container (const char *path, const unsigned char *m, size_t n,
                  cc_err *err)
{
  static const struct { const char *magic; size_t len; const char *what; }
  known[] = {
    { "\xfd" "7zXZ", 5, "an xz archive: decompress it (xz -d) first" },
    { "BZh", 3, "a bzip2 archive: decompress it (bzip2 -d) first" },
    { "\x28\xb5\x2f\xfd", 4, "a zstd archive: decompress it (zstd -d) "
      "first" },
    { "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive: extract it first" },
    { "\xd0\xcf\x11\xe0", 4, "an Excel (.xls) workbook: save it as CSV "
      "first" },
  };
  size_t i;
  if (n >= 4 && memcmp (m, "PAR1", 4) == 0)
    return cc_err_set (err, CC_EDATA, path, 0, 0, "a Parquet file: ingest "
                       "reads CSV; let a query engine aggregate it with the "
                       "statement of: cloudcast sql --dialect duckdb --files "
                       "%s", path);
  for (i = 0; i < sizeof known / sizeof known[0]; i++)
    if (n >= known[i].len && memcmp (m, known[i].magic, known[i].len) == 0)
      return cc_err_set (err, CC_EDATA, path, 0, 0, "%s", known[i].what);
  return CC_OK;
}

static int
add_unknown (char ***list, size_t *n, const char *u)
{
  size_t i;
  char **l;
  for (i = 0; i < *n; i++)
    if (strcmp ((*list)[i], u) == 0)
      return 0;
  l = realloc (*list, (*n + 1) * sizeof *l);
  if (l == NULL)
    return -1;
  *list = l;
  if ((l[*n] = strdup (u)) == NULL)
    return -1;
  (*n)++;
  return 0;
}

/* Map a unit: size units for reported usage (a stock held for the month,
 * in billing GB of 2^30 bytes like the providers' GB-month), units.csv for
 * everything else.  Returns 1 when known. */
static int
map_unit (const cc_ingest *in, const char *provider, const char *unit,
          const char **canon, double *factor)
{
  if (strcmp (provider, "reported") == 0)
    {
      const cc_size_unit *su = cc_size_unit_find (unit);
      if (su != NULL)
        {
          *canon = "GB-month";
          *factor = su->bytes / 1073741824.0;
          return 1;
        }
    }
  return cc_unitmap_lookup (in->units, unit, canon, factor);
}

/* ------------------------------------------------------------------ */
/* Reading a file. */

static int
open_input (const char *path, int *fd, cc_err *err)
{
  struct stat st;
  if (strcmp (path, "-") == 0)
    *fd = dup (STDIN_FILENO);
  else
    *fd = open (path, O_RDONLY);
  if (*fd < 0)
    return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno));
  if (fstat (*fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (*fd);
      *fd = -1;
      return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                         strerror (EISDIR));
    }
  return CC_OK;
}

/* A new report for PATH, or NULL when out of memory. */
static cc_ingest_report *
new_report (cc_ingest *in, const char *path)
{
  cc_ingest_report *rep, *reps;
  reps = realloc (in->rep, (in->nrep + 1) * sizeof *reps);
  if (reps == NULL)
    return NULL;
  in->rep = reps;
  rep = &in->rep[in->nrep++];
  memset (rep, 0, sizeof *rep);
  rep->path = strdup (path);
  rep->format = "unknown";
  rep->threads = 1;
  rep->chunks = 1;
  return rep;
}

/* Units the file's groups use that units.csv does not know. */
static int
file_units (const cc_ingest *in, const table *ft, cc_ingest_report *rep,
            cc_err *err)
{
  size_t i;
  for (i = 0; i < ft->cap; i++)
    if (ft->g[i].key != NULL)
      {
        const char *part[K_N], *canon;
        char *k = strdup (ft->g[i].key);
        double f;
        int fail;
        if (k == NULL)
          return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                             "out of memory");
        ingest_key_split (k, part);
        fail = !map_unit (in, part[K_PROVIDER], part[K_UNIT], &canon, &f)
          && add_unknown (&rep->unknown_unit, &rep->nunknown_unit,
                          part[K_UNIT]) != 0;
        free (k);
        if (fail)
          return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                             "out of memory");
      }
  return CC_OK;
}

static void
filectx_free (filectx *fc)
{
  int r;
  free (fc->col_slot);
  for (r = 0; r < R_NROLES; r++)
    free (fc->role_header[r]);
  ingest_table_clear (&fc->groups);
}

static int
cmp_long (const void *a, const void *b)
{
  long x = *(const long *) a, y = *(const long *) b;
  return (x > y) - (x < y);
}

/* The line of FILE's rows where the groups of every file read pass the
   cap (RAW holds those before it): the first row of the group, new to
   RAW, that is one too many in file order; 0 when none is (or out of
   memory, when the cap is still said, without a line, after merging). */
static long
cap_line (const table *raw, const table *file)
{
  size_t i, n = 0, room = CC_INGEST_MAX_GROUPS - raw->n;
  long *line = malloc (file->n * sizeof *line), at = 0;
  if (line == NULL)
    return 0;
  for (i = 0; i < file->cap; i++)
    {
      const group *g = &file->g[i];
      if (g->key != NULL
          && ingest_table_find (raw, g->key, g->keylen, g->month) == NULL)
        line[n++] = g->line;
    }
  if (n > room)
    {
      qsort (line, n, sizeof *line, cmp_long);
      at = line[room];
    }
  free (line);
  return at;
}

/* After a file (or ZIP member) was read with status RC: its units, the
 * reconciliation, the rule that a file with rows uses some, and its groups
 * into the workspace. */
static int
file_done (cc_ingest *in, filectx *fc, cc_ingest_report *rep, int rc,
           cc_err *err)
{
  long line;
  cc_timing_note ("csv: %s: %lld bytes by the fast scanner, %lld by libcsv",
                  rep->path, rep->bytes_fast, rep->bytes - rep->bytes_fast);
  if (rc == CC_OK)
    rc = file_units (in, &fc->groups, rep, err);
  if (rc == CC_OK)
    rc = ingest_reconcile (rep, fc, err);
  if (rc == CC_OK && rep->rows_read > 0 && rep->rows_used == 0)
    rc = no_rows_used (rep, in->opt.date_order, err);
  if (rc != CC_OK)
    return rc;
  if (in->raw.n + fc->groups.n > CC_INGEST_MAX_GROUPS
      && (line = cap_line (&in->raw, &fc->groups)) != 0)
    return cc_err_set (err, CC_EDATA, rep->path, line, 0, "more than %d "
                       "groups (distinct provider, service, meter, unit, "
                       "currency, charge, --by dimensions and month) in the "
                       "files read so far; this row starts one more (the "
                       "cap)", CC_INGEST_MAX_GROUPS);
  if (ingest_table_merge (&in->raw, &fc->groups) != 0)
    return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0, "out of memory");
  if (in->raw.n > CC_INGEST_MAX_GROUPS)
    return cc_err_set (err, CC_EDATA, rep->path, 0, 0, "more than %d groups "
                       "in the files read so far (the cap)",
                       CC_INGEST_MAX_GROUPS);
  return CC_OK;
}

/* A ZIP archive (FD, which this closes): each member as a file of its own,
 * reported as ARCHIVE(MEMBER). */
static int
ingest_zip_file (cc_ingest *in, const char *path, int fd, cc_err *err)
{
  ingest_zip *z;
  long i, read = 0;
  int rc = ingest_zip_open (path, fd, &z, err);
  for (i = 0; rc == CC_OK && i < ingest_zip_count (z); i++)
    {
      const char *name = ingest_zip_name (z, i);
      cc_ingest_report *rep;
      filectx fc;
      char *mpath;
      size_t len;
      if (name == NULL)
        continue;
      len = strlen (path) + strlen (name) + 3;
      if ((mpath = malloc (len)) == NULL
          || (rep = new_report (in, (snprintf (mpath, len, "%s(%s)", path,
                                               name), mpath))) == NULL)
        {
          free (mpath);
          rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
          break;
        }
      free (mpath);
      memset (&fc, 0, sizeof fc);
      fc.opt = &in->opt;
      fc.pre_month = -1;
      fc.path = rep->path;
      rc = file_done (in, &fc, rep, ingest_zip_read (z, i, &fc, rep, err),
                      err);
      filectx_free (&fc);
      read++;
    }
  if (rc == CC_OK && read == 0)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "a ZIP archive with no file "
                     "in it");
  ingest_zip_close (z);
  return rc;
}

int
cc_ingest_file (cc_ingest *in, const char *path, cc_err *err)
{
  filectx fc;
  cc_ingest_report *rep;
  struct stat st;
  unsigned char head[8];
  ssize_t got = 0;
  int fd = -1, rc;

  cc_err_clear (err);
  if (in->finished)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "ingest already finished");
  memset (&st, 0, sizeof st);
  if ((rc = open_input (path, &fd, err)) != CC_OK)
    {
      if (new_report (in, path) == NULL)
        rc = cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
      return rc;
    }
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    got = pread (fd, head, sizeof head, 0);
  /* A ZIP archive: its members, each reported on its own. */
  if (got >= 4 && (memcmp (head, "PK\3\4", 4) == 0
                   || memcmp (head, "PK\5\6", 4) == 0))
    return ingest_zip_file (in, path, fd, err);
  if ((rep = new_report (in, path)) == NULL)
    {
      close (fd);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  memset (&fc, 0, sizeof fc);
  fc.opt = &in->opt;
  fc.pre_month = -1;
  fc.path = path;
  if (got > 0
      && (rc = refuse_container (path, head, (size_t) got, err)) != CC_OK)
    goto done;
  /* A regular file that is not gzip is read in chunks; anything else is a
     stream. */
  if (S_ISREG (st.st_mode) && got >= 2 && !(head[0] == 0x1f && head[1] == 0x8b))
    rc = ingest_read_split (&fc, fd, st.st_size, rep, err);
  else
    {
      rc = ingest_read_stream (&fc, fd, rep, err);
      fd = -1;   /* the stream closed it */
    }
  rc = file_done (in, &fc, rep, rc, err);

done:
  if (fd >= 0)
    close (fd);
  filectx_free (&fc);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Mapping, merging and sorting. */

static int
cmp_row (const void *a_, const void *b_)
{
  const cc_series_row *a = a_, *b = b_;
  int c, d;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if ((c = strcmp (a->provider, b->provider)) != 0) return c;
  if ((c = strcmp (a->family, b->family)) != 0) return c;
  if ((c = strcmp (a->charge, b->charge)) != 0) return c;
  if ((c = strcmp (a->service, b->service)) != 0) return c;
  if ((c = strcmp (a->meter, b->meter)) != 0) return c;
  for (d = 0; d < CC_INGEST_MAX_DIMS && a->dim[d] != NULL; d++)
    if ((c = strcmp (a->dim[d], b->dim[d])) != 0) return c;
  if ((c = strcmp (a->unit, b->unit)) != 0) return c;
  return strcmp (a->currency, b->currency);
}

/* Point R's dimensions at the '\x1e'-ended values of DIMS (split in
 * place). */
static void
split_dims (char *dims, cc_series_row *r, int n)
{
  int d;
  for (d = 0; d < n; d++)
    {
      char *sep = strchr (dims, '\x1e');
      r->dim[d] = dims;
      if (sep != NULL)
        {
          *sep = '\0';
          dims = sep + 1;
        }
      else
        dims += strlen (dims);
    }
}

int
cc_ingest_ndims (const cc_ingest *in)
{
  return in->ndim;
}

const char *
cc_ingest_dim_name (const cc_ingest *in, int i)
{
  return i >= 0 && i < in->ndim ? in->dimname[i] : NULL;
}

int
cc_ingest_finish (cc_ingest *in, cc_err *err)
{
  size_t i, j;
  cc_err_clear (err);
  if (in->finished)
    return CC_OK;
  in->finished = 1;
  for (i = 0; i < in->raw.cap; i++)
    {
      const group *g = &in->raw.g[i];
      const char *part[K_N], *canon, *family;
      char *k, *okey;
      size_t len;
      double factor;
      group *o;
      nsum q = { 0, 0 };

      if (g->key == NULL)
        continue;
      if ((k = strdup (g->key)) == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      ingest_key_split (k, part);
      if (!map_unit (in, part[K_PROVIDER], part[K_UNIT], &canon, &factor)
          && add_unknown (&in->unknown, &in->nunknown, part[K_UNIT]) != 0)
        {
          free (k);
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        }
      family = cc_servicemap_family (in->services, part[K_PROVIDER],
                                     part[K_SERVICE], part[K_CATEGORY],
                                     part[K_METER]);
      len = strlen (part[K_PROVIDER]) + strlen (family) + strlen (part[K_SERVICE])
        + strlen (part[K_METER]) + strlen (canon) + strlen (part[K_CURRENCY])
        + strlen (part[K_CHARGE]) + strlen (part[K_DIMS]) + 10;
      okey = malloc (len);
      if (okey == NULL)
        {
          free (k);
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        }
      /* The output key: provider, family, service, meter, unit, currency,
         charge, dimensions. */
      len = (size_t) snprintf (okey, len, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s"
                               "\x1f%s\x1f%s", part[K_PROVIDER], family,
                               in->opt.by >= CC_BY_SERVICE ? part[K_SERVICE] : "",
                               in->opt.by >= CC_BY_METER ? part[K_METER] : "",
                               canon, part[K_CURRENCY], part[K_CHARGE],
                               part[K_DIMS]);
      o = ingest_table_get (&in->out, okey, len, g->month);
      free (okey);
      free (k);
      if (o == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      nmerge (&o->cost, &g->cost);
      /* Units convert linearly, so the factor applies to the sum. */
      nadd (&q, g->qty.s * factor);
      nadd (&q, g->qty.c * factor);
      nmerge (&o->qty, &q);
      o->rows += g->rows;
    }
  in->rows = calloc (in->out.n + 1, sizeof *in->rows);
  if (in->rows == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0, j = 0; i < in->out.cap; i++)
    {
      group *g = &in->out.g[i];
      const char *part[K_N];
      cc_series_row *r;
      if (g->key == NULL)
        continue;
      /* The output key has K_N parts too; reuse key_split's slots. */
      ingest_key_split (g->key, part);
      r = &in->rows[j++];
      r->month = g->month;
      r->provider = part[0];
      r->family = part[1];
      r->service = part[2];
      r->meter = part[3];
      r->unit = part[4];
      r->currency = part[5];
      r->charge = part[6];
      split_dims ((char *) part[7], r, cc_ingest_ndims (in));
      r->cost = nval (&g->cost);
      r->quantity = nval (&g->qty);
      r->rows = g->rows;
    }
  in->nrows = j;
  qsort (in->rows, in->nrows, sizeof *in->rows, cmp_row);
  return CC_OK;
}

size_t cc_ingest_nrows (const cc_ingest *in) { return in->nrows; }

const cc_series_row *
cc_ingest_row (const cc_ingest *in, size_t i)
{
  return i < in->nrows ? &in->rows[i] : NULL;
}

size_t cc_ingest_nfiles (const cc_ingest *in) { return in->nrep; }

const cc_ingest_report *
cc_ingest_file_report (const cc_ingest *in, size_t i)
{
  return i < in->nrep ? &in->rep[i] : NULL;
}

size_t cc_ingest_nunknown_units (const cc_ingest *in) { return in->nunknown; }

const char *
cc_ingest_unknown_unit (const cc_ingest *in, size_t i)
{
  return i < in->nunknown ? in->unknown[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Writers. */

int
cc_ingest_write_series (const cc_ingest *in, FILE *f)
{
  const char *field[10 + CC_INGEST_MAX_DIMS];
  int nd = cc_ingest_ndims (in), d, nf;
  size_t i;

  nf = 0;
  field[nf++] = "period", field[nf++] = "provider", field[nf++] = "family";
  field[nf++] = "charge", field[nf++] = "service", field[nf++] = "meter";
  for (d = 0; d < nd; d++)
    field[nf++] = cc_ingest_dim_name (in, d);
  field[nf++] = "unit", field[nf++] = "quantity", field[nf++] = "cost";
  field[nf++] = "currency", field[nf++] = "rows";
  cc_csv_record (f, field, (size_t) nf);
  for (i = 0; i < in->nrows; i++)
    {
      const cc_series_row *r = &in->rows[i];
      char period[16], quantity[32], cost[32], rows[32];
      cc_month_format (r->month, period, sizeof period);
      /* 15 significant digits: exact for every decimal the exports carry
         up to that precision, and no binary noise. */
      snprintf (quantity, sizeof quantity, "%.15g", r->quantity + 0.0);
      snprintf (cost, sizeof cost, "%.15g", r->cost + 0.0);
      snprintf (rows, sizeof rows, "%ld", r->rows);
      nf = 0;
      field[nf++] = period, field[nf++] = r->provider;
      field[nf++] = r->family, field[nf++] = r->charge;
      field[nf++] = r->service, field[nf++] = r->meter;
      for (d = 0; d < nd; d++)
        field[nf++] = r->dim[d];
      field[nf++] = r->unit, field[nf++] = quantity, field[nf++] = cost;
      field[nf++] = r->currency, field[nf++] = rows;
      cc_csv_record (f, field, (size_t) nf);
    }
  return ferror (f) ? CC_EIO : CC_OK;
}

/* The rows skipped for each reason, with the first places. */
static json_t *
report_skipped (const cc_ingest_report *p)
{
  json_t *skipped = json_object ();
  int r, e;
  for (r = 0; r < CC_SKIP_NREASONS; r++)
    {
      json_t *reason = json_object (), *first = json_array ();
      cc_json_set (reason, "rows", json_integer (p->skipped[r]));
      for (e = 0; e < p->nexample[r]; e++)
        {
          json_t *at = json_object ();
          cc_json_set (at, "line", json_integer (p->example_line[r][e]));
          cc_json_set (at, "column", json_integer (p->example_col[r][e]));
          cc_json_push (first, at);
        }
      cc_json_set (reason, "first", first);
      cc_json_set (skipped, cc_ingest_skip_name (r), reason);
    }
  return skipped;
}

/* A currency's cost and rows per charge category. */
static json_t *
report_charges (const cc_ingest_currency *c)
{
  json_t *o = json_object ();
  int k;
  for (k = 0; k < CC_CHARGE_N; k++)
    {
      json_t *one = json_object ();
      cc_json_set (one, "cost", cc_json_num (c->charge[k], 17));
      cc_json_set (one, "rows", json_integer (c->charge_rows[k]));
      cc_json_set (o, cc_ingest_charge_name (k), one);
    }
  return o;
}

/* The extra dimensions: the column each was read from and the rows in
 * which it was empty. */
static json_t *
report_dims (const cc_ingest *in, const cc_ingest_report *p)
{
  json_t *a = json_array ();
  int d;
  for (d = 0; d < p->ndim; d++)
    {
      json_t *o = json_object ();
      cc_json_set (o, "name", cc_json_str (cc_ingest_dim_name (in, d)));
      cc_json_set (o, "column", p->dim_column[d][0]
                   ? cc_json_str (p->dim_column[d]) : json_null ());
      cc_json_set (o, "rows_empty", json_integer (p->dim_empty[d]));
      cc_json_push (a, o);
    }
  return a;
}

/* One currency's reconciliation; *BALANCED is cleared when the cost read
   and the series cost differ.  Sums keep all 17 digits. */
static json_t *
report_currency (const cc_ingest_currency *c, int *balanced)
{
  json_t *o = json_object ();
  int ok = fabs (c->read - c->series) <= 1e-9 * c->abs_read;
  *balanced &= ok;
  cc_json_set (o, "currency", cc_json_str (c->code));
  cc_json_set (o, "rows", json_integer (c->rows));
  cc_json_set (o, "cost_read", cc_json_num (c->read, 17));
  cc_json_set (o, "cost_series", cc_json_num (c->series, 17));
  cc_json_set (o, "equal", json_boolean (ok));
  cc_json_set (o, "skipped_rows_with_cost", json_integer (c->skipped_rows));
  cc_json_set (o, "charges", report_charges (c));
  cc_json_set (o, "cost_skipped", cc_json_num (c->skipped, 17));
  cc_json_set (o, "cost_skipped_abs", cc_json_num (c->skipped_abs, 17));
  return o;
}

static json_t *
report_file (const cc_ingest *in, const cc_ingest_report *p)
{
  json_t *o = json_object (), *cur = json_array (), *units = json_array ();
  size_t k;
  int balanced = 1;

  cc_json_set (o, "path", cc_json_str (p->path ? p->path : ""));
  cc_json_set (o, "format", cc_json_str (p->format));
  cc_json_set (o, "version", cc_json_str (p->version));
  cc_json_set (o, "bytes", json_integer (p->bytes));
  cc_json_set (o, "threads", json_integer (p->threads));
  cc_json_set (o, "chunks", json_integer (p->chunks));
  cc_json_set (o, "rows_read", json_integer (p->rows_read));
  cc_json_set (o, "rows_used", json_integer (p->rows_used));
  cc_json_set (o, "rows_skipped", json_integer (p->rows_skipped));
  cc_json_set (o, "rows_summary", json_integer (p->rows_summary));
  cc_json_set (o, "skipped", report_skipped (p));
  cc_json_set (o, "rows_short", json_integer (p->rows_short));
  cc_json_set (o, "rows_long", json_integer (p->rows_long));
  cc_json_set (o, "null_cost", json_integer (p->null_cost));
  cc_json_set (o, "null_quantity", json_integer (p->null_quantity));
  cc_json_set (o, "negative_cost", json_integer (p->negative_cost));
  cc_json_set (o, "rows_not_utf8", json_integer (p->not_utf8));
  cc_json_set (o, "first_not_utf8_line",
               p->not_utf8 > 0 ? json_integer (p->not_utf8_line)
                               : json_null ());
  for (k = 0; k < p->ncurrency; k++)
    cc_json_push (cur, report_currency (&p->currency[k], &balanced));
  cc_json_set (o, "currencies", cur);
  cc_json_set (o, "dimensions", report_dims (in, p));
  for (k = 0; k < p->nunknown_unit; k++)
    cc_json_push (units, cc_json_str (p->unknown_unit[k]));
  cc_json_set (o, "unknown_units", units);
  cc_json_set (o, "balanced", json_boolean (balanced));
  return o;
}

int
cc_ingest_write_report (const cc_ingest *in, FILE *f)
{
  static const char *const basis[] = { "billed", "effective", "list" };
  static const char *const by[] = { "family", "service", "meter" };
  json_t *root = json_object (), *files = json_array (), *units = json_array ();
  json_t *grouping = json_array ();
  size_t i;
  int rc, d;

  cc_json_set (root, "cost_basis", cc_json_str (basis[in->opt.cost]));
  /* The level, charge (always kept apart) and the extra dimensions. */
  cc_json_push (grouping, cc_json_str (by[in->opt.by]));
  cc_json_push (grouping, cc_json_str ("charge"));
  for (d = 0; d < in->ndim; d++)
    cc_json_push (grouping, cc_json_str (in->dimname[d]));
  cc_json_set (root, "group_by", grouping);
  cc_json_set (root, "strict", json_boolean (in->opt.strict));
  for (i = 0; i < in->nrep; i++)
    cc_json_push (files, report_file (in, &in->rep[i]));
  cc_json_set (root, "files", files);
  cc_json_set (root, "series_rows", json_integer ((json_int_t) in->nrows));
  for (i = 0; i < in->nunknown; i++)
    cc_json_push (units, cc_json_str (in->unknown[i]));
  cc_json_set (root, "unknown_units", units);
  rc = cc_json_dump (f, root, 17);
  json_decref (root);
  return rc != 0 || ferror (f) ? CC_EIO : CC_OK;
}

/* The warning for skipped rows that carry more than 1 % of a currency's
 * absolute cost, naming the reasons. */
static void
warn_skipped_cost (const cc_ingest *in, const cc_ingest_report *p, FILE *f)
{
  size_t k;
  int r, n;
  for (k = 0; k < p->ncurrency; k++)
    {
      const cc_ingest_currency *c = &p->currency[k];
      double all = c->abs_read + c->skipped_abs;
      if (all <= 0 || c->skipped_abs <= 0.01 * all)
        continue;
      fprintf (f, "cloudcast: %s: warning: skipped rows carry %.1f %% of the "
               "%s cost (", p->path, 100 * c->skipped_abs / all,
               c->code[0] ? c->code : "no-currency");
      for (r = 0, n = 0; r < CC_SKIP_NREASONS; r++)
        if (p->skipped[r])
          fprintf (f, "%s%ld %s", n++ ? "; " : "", p->skipped[r],
                   skip_text (r));
      fprintf (f, ")%s\n", date_hint (p, in->opt.date_order));
    }
}

int
cc_ingest_write_warnings (const cc_ingest *in, FILE *f)
{
  size_t i;
  for (i = 0; i < in->nrep; i++)
    if (in->rep[i].counted)
      warn_skipped_cost (in, &in->rep[i], f);
  return ferror (f) ? CC_EIO : CC_OK;
}

/* The charge categories of a currency that carry rows, on one line. */
static void
summary_charges (const cc_ingest_currency *c, FILE *f)
{
  int k, n = 0;
  for (k = 0; k < CC_CHARGE_N; k++)
    if (c->charge_rows[k])
      fprintf (f, "%s%s %.10g (%ld rows)", n++ ? ", " : "cloudcast:     by "
               "charge: ", cc_ingest_charge_name (k), c->charge[k],
               c->charge_rows[k]);
  if (n)
    fputc ('\n', f);
}

int
cc_ingest_write_summary (const cc_ingest *in, FILE *f)
{
  size_t i, k;
  int r;
  for (i = 0; i < in->nrep; i++)
    {
      const cc_ingest_report *p = &in->rep[i];
      if (!p->counted)
        continue;   /* it failed before its rows were counted */
      fprintf (f, "cloudcast: %s: %s %s: %ld rows read, %s%ld used%s, %ld "
               "skipped", p->path, p->format, p->version, p->rows_read,
               p->rows_read > 0 && p->rows_used == 0 ? "*** " : "",
               p->rows_used, p->rows_read > 0 && p->rows_used == 0
               ? " ***" : "", p->rows_skipped);
      if (p->rows_short)
        fprintf (f, ", %ld short (missing fields empty)", p->rows_short);
      if (p->rows_summary)
        fprintf (f, ", %ld summary rows (totals) left out", p->rows_summary);
      fputc ('\n', f);
      if (p->not_utf8)
        fprintf (f, "cloudcast:   %ld rows used with text that is not UTF-8 "
                 "(first at %s:%ld): each such byte is U+FFFD in the series; "
                 "their cost is kept\n", p->not_utf8, p->path,
                 p->not_utf8_line);
      for (r = 0; r < CC_SKIP_NREASONS; r++)
        if (p->skipped[r])
          {
            int e;
            fprintf (f, "cloudcast:   skipped %ld: %s (first at", p->skipped[r],
                     skip_text (r));
            for (e = 0; e < p->nexample[r]; e++)
              fprintf (f, "%s %s:%ld:%ld", e ? "," : "", p->path,
                       p->example_line[r][e], p->example_col[r][e]);
            fputs (")\n", f);
          }
      for (k = 0; k < p->ncurrency; k++)
        {
          const cc_ingest_currency *c = &p->currency[k];
          fprintf (f, "cloudcast:   cost %s: read %.10g, series %.10g (%s)",
                   c->code[0] ? c->code : "(no currency)", c->read, c->series,
                   fabs (c->read - c->series) <= 1e-9 * c->abs_read
                   ? "equal" : "NOT EQUAL");
          if (c->skipped_rows)
            fprintf (f, "; %ld skipped rows carried %.10g", c->skipped_rows,
                     c->skipped);
          fputc ('\n', f);
          summary_charges (c, f);
        }
      for (r = 0; r < p->ndim; r++)
        fprintf (f, "cloudcast:   %s: from %s%s, empty in %ld rows\n",
                 in->dimname[r], p->dim_column[r][0] ? "column " : "",
                 p->dim_column[r][0] ? p->dim_column[r] : "no column (all "
                 "empty)", p->dim_empty[r]);
      for (k = 0; k < p->nunknown_unit; k++)
        fprintf (f, "cloudcast:   unknown unit passed through: '%s'\n",
                 p->unknown_unit[k]);
      warn_skipped_cost (in, p, f);
    }
  return ferror (f) ? CC_EIO : CC_OK;
}
