/* zip.c: ZIP archives of billing CSV (an AWS CUR delivery option), read
 * member by member through libzip.  An archive is refused before anything
 * is read when it holds too many entries, an encrypted member, or declares
 * far more uncompressed bytes than it has (a ZIP bomb); libzip stops each
 * member at its declared size and checks its CRC. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "ingest/ingest_priv.h"

struct ingest_zip
{
  zip_t *za;
  const char *path;
  long n;
};

/* Whether member NAME is not read: a directory, or macOS's resource
 * forks. */
static int
skipped_name (const char *name)
{
  size_t len = strlen (name);
  return len == 0 || name[len - 1] == '/' || strncmp (name, "__MACOSX/", 9) == 0;
}

/* The caps on the archive's entries and declared sizes. */
static int
check_archive (ingest_zip *z, long long archive_size, cc_err *err)
{
  long long total = 0;
  long i;
  if (z->n > INGEST_ZIP_MAX_ENTRIES)
    return cc_err_set (err, CC_EDATA, z->path, 0, 0, "a ZIP archive of %ld "
                       "entries, more than %d (the cap): extract the CSV files "
                       "and ingest them", z->n, INGEST_ZIP_MAX_ENTRIES);
  for (i = 0; i < z->n; i++)
    {
      zip_stat_t st;
      zip_stat_init (&st);
      if (zip_stat_index (z->za, (zip_uint64_t) i, 0, &st) != 0)
        return cc_err_set (err, CC_EDATA, z->path, 0, 0, "ZIP entry %ld "
                           "cannot be read: %s", i + 1,
                           zip_strerror (z->za));
      if ((st.valid & ZIP_STAT_NAME) && skipped_name (st.name))
        continue;
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD)
          && st.encryption_method != ZIP_EM_NONE)
        return cc_err_set (err, CC_EDATA, z->path, 0, 0, "ZIP member '%s' "
                           "is encrypted: extract it first",
                           (st.valid & ZIP_STAT_NAME) ? st.name : "?");
      if (st.valid & ZIP_STAT_SIZE)
        total += st.size > (zip_uint64_t) (1LL << 62) ? (1LL << 62)
          : (long long) st.size;
      if (total > (1LL << 62))
        total = 1LL << 62;
    }
  if (total > INGEST_ZIP_RATIO_FLOOR
      && total / INGEST_ZIP_MAX_RATIO > archive_size)
    return cc_err_set (err, CC_EDATA, z->path, 0, 0, "a ZIP archive of %lld "
                       "bytes that declares %lld bytes uncompressed, more "
                       "than %d times its size (a ZIP bomb?): refused; "
                       "extract it yourself if you trust it", archive_size,
                       total, INGEST_ZIP_MAX_RATIO);
  return CC_OK;
}

int
ingest_zip_open (const char *path, int fd, ingest_zip **zp, cc_err *err)
{
  struct stat st;
  ingest_zip *z;
  int code = 0, rc;
  zip_error_t ze;

  *zp = NULL;
  if (fstat (fd, &st) != 0 || (z = calloc (1, sizeof *z)) == NULL)
    {
      close (fd);
      return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
    }
  z->path = path;
  if ((z->za = zip_fdopen (fd, ZIP_RDONLY | ZIP_CHECKCONS, &code)) == NULL)
    {
      close (fd);
      free (z);
      zip_error_init_with_code (&ze, code);
      rc = cc_err_set (err, CC_EDATA, path, 0, 0, "not a readable ZIP "
                       "archive: %s", zip_error_strerror (&ze));
      zip_error_fini (&ze);
      return rc;
    }
  z->n = (long) zip_get_num_entries (z->za, 0);
  if ((rc = check_archive (z, (long long) st.st_size, err)) != CC_OK)
    {
      ingest_zip_close (z);
      return rc;
    }
  *zp = z;
  return CC_OK;
}

long
ingest_zip_count (const ingest_zip *z)
{
  return z->n;
}

const char *
ingest_zip_name (const ingest_zip *z, long i)
{
  const char *name = zip_get_name (z->za, (zip_uint64_t) i, 0);
  return name == NULL || skipped_name (name) ? NULL : name;
}

int
ingest_zip_read (ingest_zip *z, long i, filectx *fc, cc_ingest_report *rep,
                 cc_err *err)
{
  zip_stat_t st;
  zip_file_t *zf;
  int rc;
  zip_stat_init (&st);
  if (zip_stat_index (z->za, (zip_uint64_t) i, 0, &st) != 0
      || (zf = zip_fopen_index (z->za, (zip_uint64_t) i, 0)) == NULL)
    return cc_err_set (err, CC_EDATA, fc->path, 0, 0, "cannot open the "
                       "ZIP member: %s", zip_strerror (z->za));
  rc = ingest_read_zip_member (fc, zf, (st.valid & ZIP_STAT_SIZE)
                               ? (long long) st.size : -1, rep, err);
  zip_fclose (zf);
  return rc;
}

void
ingest_zip_close (ingest_zip *z)
{
  if (z == NULL)
    return;
  if (z->za != NULL)
    zip_discard (z->za);
  free (z);
}
