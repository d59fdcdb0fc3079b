/* fetch.h: download the providers' price catalogs (libcurl) into the
 * cache, for cc_price_import.
 *
 *   azure  {endpoint}?api-version=2023-01-01-preview&$filter=..., following
 *          NextPageLink (default endpoint
 *          https://prices.azure.com/api/retail/prices)
 *   aws    {endpoint}/offers/v1.0/aws/index.json -> the offer's region
 *          index -> the region's offer CSV (default endpoint
 *          https://pricing.us-east-1.amazonaws.com); needs the offer code
 *          (service) and the region
 *   gcp    {endpoint}/v1/services/{service}/skus?key=KEY, following
 *          nextPageToken (default https://cloudbilling.googleapis.com);
 *          needs the service id and an API key
 *
 * Each download is written to CACHE_DIR under a name derived from its URL
 * (with a ".url" file holding the URL and the download time), through a
 * temporary renamed when complete.  429 and 503 are retried after their
 * Retry-After (at most RETRIES times); any other failure — a status other
 * than 200, a timeout, a truncated body, an unreadable JSON page — is
 * CC_EUNAVAIL naming the URL (and the provider's message when it sent
 * one).  Nothing here prints. */
#ifndef CC_PRICE_FETCH_H
#define CC_PRICE_FETCH_H

#include <stddef.h>

#include "core/error.h"

typedef struct
{
  const char *endpoint;   /* NULL: the provider's public endpoint */
  const char *service;    /* Azure serviceName, AWS offer code, GCP service id */
  const char *region;     /* Azure armRegionName, AWS region code */
  const char *api_key;    /* GCP */
  const char *cache_dir;  /* created when missing */
  long timeout;           /* seconds for one request */
  int retries;            /* retries after 429/503 */
  int max_pages;          /* paging stops with an error beyond this */
} cc_fetch_opts;

/* Download PROVIDER's ("azure", "aws", "gcp") catalog pages.  *FILES
 * (N of them, each to be freed, then the array) are the cached pages in
 * order, ready for cc_price_import with the matching catalog kind
 * (*KIND). */
int cc_price_fetch (const char *provider, const cc_fetch_opts *o,
                    char ***files, size_t *n, int *kind, cc_err *err);

#endif
