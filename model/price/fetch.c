/* fetch.c: the providers' price catalogs through libcurl, into the cache. */
#define _GNU_SOURCE 1   /* asprintf */
#include <config.h>

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/output.h"
#include "price/fetch.h"
#include "price/import.h"

/* One response's Retry-After, in seconds (-1: none). */
typedef struct
{
  long retry_after;
} hdr_ctx;

static size_t
on_header (char *buf, size_t size, size_t n, void *ctx_)
{
  hdr_ctx *ctx = ctx_;
  size_t len = size * n;
  if (len > 12 && strncasecmp (buf, "Retry-After:", 12) == 0)
    ctx->retry_after = strtol (buf + 12, NULL, 10);
  return len;
}

static int
mkdirs (const char *dir, cc_err *err)
{
  char path[4096], *p;
  snprintf (path, sizeof path, "%s", dir);
  for (p = path + 1; *p; p++)
    if (*p == '/')
      {
        *p = '\0';
        if (mkdir (path, 0777) != 0 && errno != EEXIST)
          return cc_err_set (err, CC_ECANTCREAT, path, 0, 0,
                             "cannot create the cache directory: %s",
                             strerror (errno));
        *p = '/';
      }
  if (mkdir (path, 0777) != 0 && errno != EEXIST)
    return cc_err_set (err, CC_ECANTCREAT, path, 0, 0,
                       "cannot create the cache directory: %s",
                       strerror (errno));
  return CC_OK;
}

/* The cache file of URL: FNV-1a of the URL, with EXT. */
static char *
cache_name (const char *dir, const char *url, const char *ext)
{
  uint64_t h = 1469598103934665603ULL;
  const char *p;
  char name[64];
  for (p = url; *p; p++)
    h = (h ^ (unsigned char) *p) * 1099511628211ULL;
  snprintf (name, sizeof name, "%016llx%s", (unsigned long long) h, ext);
  return cc_path_join (dir, name);
}

/* The provider's own message in an error body ({"error":{"message"}} or
   {"message"}), or "". */
static void
body_message (int fd, char *msg, size_t n)
{
  json_t *root = lseek (fd, 0, SEEK_SET) == 0 ? json_loadfd (fd, 0, NULL)
                                               : NULL, *e;
  const char *m = NULL;
  msg[0] = '\0';
  if (root == NULL)
    return;
  e = json_object_get (root, "error");
  if (json_is_object (e))
    m = json_string_value (json_object_get (e, "message"));
  else if (json_is_string (e))
    m = json_string_value (e);
  if (m == NULL)
    m = json_string_value (json_object_get (root, "message"));
  if (m == NULL)
    m = json_string_value (json_object_get (root, "Message"));
  if (m != NULL)
    snprintf (msg, n, ": %s", m);
  json_decref (root);
}

/* One GET of URL into a temporary; *STATUS the HTTP status, *RETRY the
   Retry-After.  CC_EUNAVAIL for a transfer failure. */
static int
get_once (CURL *c, const char *url, FILE *fp, const cc_fetch_opts *o,
          long *status, long *retry, cc_err *err)
{
  hdr_ctx h = { -1 };
  CURLcode rc;
  curl_easy_reset (c);
  curl_easy_setopt (c, CURLOPT_URL, url);
  curl_easy_setopt (c, CURLOPT_WRITEDATA, fp);
  curl_easy_setopt (c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (c, CURLOPT_HEADERDATA, &h);
  curl_easy_setopt (c, CURLOPT_TIMEOUT, o->timeout > 0 ? o->timeout : 120L);
  curl_easy_setopt (c, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt (c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt (c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt (c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (c, CURLOPT_USERAGENT, "cloudcast/" PACKAGE_VERSION);
  rc = curl_easy_perform (c);
  *retry = h.retry_after;
  curl_easy_getinfo (c, CURLINFO_RESPONSE_CODE, status);
  if (rc != CURLE_OK)
    return cc_err_set (err, CC_EUNAVAIL, url, 0, 0, "download failed: %s%s",
                       curl_easy_strerror (rc),
                       rc == CURLE_PARTIAL_FILE ? " (truncated body)" : "");
  return CC_OK;
}

/* GET URL into the cache (retrying 429 and 503 after Retry-After); *PATH
   is the cached file. */
static int
download (CURL *c, const char *url, const cc_fetch_opts *o, char **path,
          cc_err *err)
{
  char *dst = cache_name (o->cache_dir, url, ".body");
  char *meta = cache_name (o->cache_dir, url, ".url");
  char msg[512];
  int attempt, rc = CC_OK;

  for (attempt = 0;; attempt++)
    {
      cc_outfile of;
      long status = 0, retry = -1;
      if ((rc = cc_outfile_open (&of, dst, err)) != CC_OK)
        break;
      rc = get_once (c, url, of.fp, o, &status, &retry, err);
      if (rc == CC_OK && status == 200)
        {
          rc = cc_outfile_commit (&of, err);
          break;
        }
      fflush (of.fp);
      if (rc == CC_OK)
        body_message (of.fd, msg, sizeof msg);
      cc_outfile_abort (&of);
      if (rc != CC_OK)
        break;
      if ((status == 429 || status == 503) && attempt < o->retries)
        {
          sleep ((unsigned) (retry >= 0 && retry <= 300 ? retry : 1 << attempt));
          continue;
        }
      rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0, "HTTP status %ld%s%s",
                       status, msg, status == 429 ? " (still rate-limited "
                       "after the retries)" : "");
      break;
    }
  if (rc == CC_OK)
    {
      FILE *m = fopen (meta, "w");
      if (m != NULL)
        {
          fprintf (m, "%s\t%ld\n", url, (long) time (NULL));
          fclose (m);
        }
      *path = dst;
    }
  else
    free (dst);
  free (meta);
  return rc;
}

typedef struct
{
  char **file;
  size_t n;
} pages;

static int
push (pages *p, char *path, cc_err *err)
{
  char **nf = realloc (p->file, (p->n + 1) * sizeof *nf);
  if (nf == NULL)
    {
      free (path);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  p->file = nf;
  p->file[p->n++] = path;
  return CC_OK;
}

/* A downloaded JSON page, or CC_EUNAVAIL naming URL (a truncated or
   garbled body). */
static int
load_page (const char *path, const char *url, json_t **root, cc_err *err)
{
  json_error_t je;
  *root = json_load_file (path, 0, &je);
  if (*root == NULL || !json_is_object (*root))
    {
      json_decref (*root);
      *root = NULL;
      return cc_err_set (err, CC_EUNAVAIL, url, 0, 0,
                         "the response is not a complete JSON page "
                         "(truncated?): %s", je.text);
    }
  return CC_OK;
}

static void
add_filter (char *f, size_t n, const char *field, const char *value)
{
  size_t k = strlen (f);
  if (value != NULL)
    snprintf (f + k, n - k, "%s%s eq '%s'", k ? " and " : "", field, value);
}

static int
fetch_azure (CURL *c, const cc_fetch_opts *o, pages *p, cc_err *err)
{
  char filter[512] = "", *url, *enc;
  int rc, page;
  json_t *root;

  add_filter (filter, sizeof filter, "serviceName", o->service);
  add_filter (filter, sizeof filter, "armRegionName", o->region);
  enc = curl_easy_escape (c, filter, 0);
  if (enc == NULL || asprintf (&url, "%s?api-version=2023-01-01-preview%s%s",
                               o->endpoint, filter[0] ? "&$filter=" : "",
                               filter[0] ? enc : "") < 0)
    {
      curl_free (enc);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  curl_free (enc);
  for (page = 0; url != NULL; page++)
    {
      char *path;
      const char *next;
      if (page == o->max_pages)
        rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0,
                         "more than %d pages", o->max_pages);
      else if ((rc = download (c, url, o, &path, err)) == CC_OK
               && (rc = push (p, path, err)) == CC_OK
               && (rc = load_page (path, url, &root, err)) == CC_OK)
        {
          if (!json_is_array (json_object_get (root, "Items")))
            rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0,
                             "not a Retail Prices page (no Items)");
          next = json_string_value (json_object_get (root, "NextPageLink"));
          free (url);
          url = rc == CC_OK && next && next[0] ? strdup (next) : NULL;
          json_decref (root);
          if (rc == CC_OK)
            continue;
          return rc;
        }
      free (url);
      return rc;
    }
  return CC_OK;
}

static int
fetch_gcp (CURL *c, const cc_fetch_opts *o, pages *p, cc_err *err)
{
  char token[1024] = "", *url, *key;
  int rc = CC_OK, page;
  json_t *root;

  if (o->service == NULL)
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                       "gcp needs --service SERVICE_ID (Compute Engine is "
                       "6F81-5844-456A, Cloud Storage 95FF-2EF5-5EA1)");
  if (o->api_key == NULL || o->api_key[0] == '\0')
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                       "gcp needs an API key in CLOUDCAST_GCP_API_KEY");
  key = curl_easy_escape (c, o->api_key, 0);
  for (page = 0; rc == CC_OK; page++)
    {
      char *path, *tok = curl_easy_escape (c, token, 0);
      const char *next;
      if (asprintf (&url, "%s/v1/services/%s/skus?key=%s%s%s", o->endpoint,
                    o->service, key, token[0] ? "&pageToken=" : "",
                    token[0] ? tok : "") < 0)
        url = NULL;
      curl_free (tok);
      if (url == NULL)
        rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      else if (page == o->max_pages)
        rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0, "more than %d pages",
                         o->max_pages);
      else if ((rc = download (c, url, o, &path, err)) == CC_OK
               && (rc = push (p, path, err)) == CC_OK
               && (rc = load_page (path, url, &root, err)) == CC_OK)
        {
          next = json_string_value (json_object_get (root, "nextPageToken"));
          snprintf (token, sizeof token, "%s", next ? next : "");
          json_decref (root);
          if (token[0] == '\0')
            {
              free (url);
              break;
            }
        }
      free (url);
    }
  curl_free (key);
  return rc;
}

/* AWS: index -> the offer's region index -> the region's offer CSV. */
static int
fetch_aws (CURL *c, const cc_fetch_opts *o, pages *p, cc_err *err)
{
  char *url = NULL, *path = NULL;
  const char *rel;
  json_t *root = NULL;
  int rc;

  if (o->service == NULL || o->region == NULL)
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                       "aws needs --service OFFER_CODE (e.g. AmazonS3) and "
                       "--region REGION_CODE");
  if (asprintf (&url, "%s/offers/v1.0/aws/index.json", o->endpoint) < 0)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if ((rc = download (c, url, o, &path, err)) != CC_OK
      || (rc = load_page (path, url, &root, err)) != CC_OK)
    goto done;
  rel = json_string_value (json_object_get (json_object_get (
          json_object_get (root, "offers"), o->service), "currentRegionIndexUrl"));
  if (rel == NULL)
    {
      rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0, "no offer '%s' in the "
                       "index", o->service);
      goto done;
    }
  free (url);
  free (path);
  path = NULL;
  if (asprintf (&url, "%s%s", o->endpoint, rel) < 0)
    url = NULL;
  json_decref (root);
  root = NULL;
  if (url == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if ((rc = download (c, url, o, &path, err)) != CC_OK
      || (rc = load_page (path, url, &root, err)) != CC_OK)
    goto done;
  rel = json_string_value (json_object_get (json_object_get (
          json_object_get (root, "regions"), o->region), "currentVersionUrl"));
  if (rel == NULL || strlen (rel) < 5
      || strcmp (rel + strlen (rel) - 5, ".json") != 0)
    {
      rc = cc_err_set (err, CC_EUNAVAIL, url, 0, 0, "no region '%s' in the "
                       "region index", o->region);
      goto done;
    }
  free (url);
  free (path);
  path = NULL;
  if (asprintf (&url, "%s%.*s.csv", o->endpoint, (int) strlen (rel) - 5, rel) < 0)
    url = NULL;
  if (url == NULL)
    rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  else if ((rc = download (c, url, o, &path, err)) == CC_OK)
    {
      rc = push (p, path, err);
      path = NULL;
    }
done:
  json_decref (root);
  free (url);
  free (path);
  return rc;
}

int
cc_price_fetch (const char *provider, const cc_fetch_opts *o_in,
                char ***files, size_t *n, int *kind, cc_err *err)
{
  cc_fetch_opts o = *o_in;
  pages p = { NULL, 0 };
  CURL *c;
  int rc;

  *files = NULL;
  *n = 0;
  if (strcmp (provider, "azure") == 0)
    {
      *kind = CC_CATALOG_AZURE;
      if (o.endpoint == NULL)
        o.endpoint = "https://prices.azure.com/api/retail/prices";
    }
  else if (strcmp (provider, "aws") == 0)
    {
      *kind = CC_CATALOG_AWS;
      if (o.endpoint == NULL)
        o.endpoint = "https://pricing.us-east-1.amazonaws.com";
    }
  else if (strcmp (provider, "gcp") == 0)
    {
      *kind = CC_CATALOG_GCP;
      if (o.endpoint == NULL)
        o.endpoint = "https://cloudbilling.googleapis.com";
    }
  else
    return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                       "provider '%s' is not azure, aws or gcp", provider);
  if (o.max_pages <= 0)
    o.max_pages = 10000;
  if ((rc = mkdirs (o.cache_dir, err)) != CC_OK)
    return rc;
  if (curl_global_init (CURL_GLOBAL_DEFAULT) != 0
      || (c = curl_easy_init ()) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "cannot start libcurl");
  rc = *kind == CC_CATALOG_AZURE ? fetch_azure (c, &o, &p, err)
    : *kind == CC_CATALOG_AWS ? fetch_aws (c, &o, &p, err)
    : fetch_gcp (c, &o, &p, err);
  curl_easy_cleanup (c);
  if (rc != CC_OK)
    {
      while (p.n > 0)
        free (p.file[--p.n]);
      free (p.file);
      return rc;
    }
  *files = p.file;
  *n = p.n;
  return CC_OK;
}
