/* region.c: the nearest-region table. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "price/region.h"

/* Nearest first within each group: the same metro area, then the same
   part of the country. */
const cc_region_site cc_region_sites[] = {
  { "US East (Virginia)", "azure", "eastus2", "Boydton, Virginia" },
  { "US East (Virginia)", "azure", "eastus", "Virginia" },
  { "US East (Virginia)", "aws", "us-east-1", "Northern Virginia" },
  { "US East (Virginia)", "gcp", "us-east4", "Ashburn, Northern Virginia" },
  { "US East (Virginia)", "gcp", "us-east1", "Moncks Corner, South Carolina" },
  { "US Central", "azure", "centralus", "Iowa" },
  { "US Central", "azure", "southcentralus", "Texas" },
  { "US Central", "aws", "us-east-2", "Ohio" },
  { "US Central", "gcp", "us-central1", "Council Bluffs, Iowa" },
  { "US West", "azure", "westus2", "Washington" },
  { "US West", "azure", "westus", "California" },
  { "US West", "aws", "us-west-2", "Oregon" },
  { "US West", "aws", "us-west-1", "Northern California" },
  { "US West", "gcp", "us-west1", "The Dalles, Oregon" },
  { "US Government", "azure", "usgovvirginia", "Virginia" },
  { "US Government", "azure", "usgovtexas", "Texas" },
  { "US Government", "aws", "us-gov-east-1", "Ohio" },
  { "US Government", "aws", "us-gov-west-1", "Oregon" },
  { "Western Europe", "azure", "westeurope", "Netherlands" },
  { "Western Europe", "azure", "northeurope", "Ireland" },
  { "Western Europe", "aws", "eu-west-1", "Ireland" },
  { "Western Europe", "gcp", "europe-west4", "Eemshaven, Netherlands" },
  { "Western Europe", "gcp", "europe-west1", "St. Ghislain, Belgium" },
  { "Germany", "azure", "germanywestcentral", "Frankfurt" },
  { "Germany", "aws", "eu-central-1", "Frankfurt" },
  { "Germany", "gcp", "europe-west3", "Frankfurt" },
  { "United Kingdom", "azure", "uksouth", "London" },
  { "United Kingdom", "aws", "eu-west-2", "London" },
  { "United Kingdom", "gcp", "europe-west2", "London" },
};
const size_t cc_region_nsites = sizeof cc_region_sites / sizeof cc_region_sites[0];

const cc_region_site *
cc_region_nearest (const char *from_provider, const char *from_region,
                   const char *provider, size_t k)
{
  const char *area = NULL;
  size_t i;
  for (i = 0; i < cc_region_nsites && area == NULL; i++)
    if (strcasecmp (cc_region_sites[i].provider, from_provider) == 0
        && strcmp (cc_region_sites[i].region, from_region) == 0)
      area = cc_region_sites[i].area;
  if (area == NULL)
    return NULL;
  for (i = 0; i < cc_region_nsites; i++)
    if (strcmp (cc_region_sites[i].area, area) == 0
        && strcasecmp (cc_region_sites[i].provider, provider) == 0
        && k-- == 0)
      return &cc_region_sites[i];
  return NULL;
}
