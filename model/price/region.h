/* region.h: the nearest-region table for cross-cloud comparisons.
 *
 * Regions of the three providers grouped by where they are, each group in
 * order of preference (nearest first).  A driver that does not name its
 * region on a provider is priced there in the first region of the group
 * holding the valued provider's region that prices its sku. */
#ifndef CC_REGION_H
#define CC_REGION_H

#include <stddef.h>

typedef struct
{
  const char *area;       /* where the group is */
  const char *provider;   /* azure, aws or gcp */
  const char *region;     /* the provider's region code */
  const char *place;      /* where the region's data centres are */
} cc_region_site;

extern const cc_region_site cc_region_sites[];
extern const size_t cc_region_nsites;

/* The K-th (0-based) region of PROVIDER in the group of FROM_PROVIDER's
 * FROM_REGION, nearest first; NULL when there is none (or FROM_REGION is in
 * no group).  Provider names compare without case. */
const cc_region_site *cc_region_nearest (const char *from_provider,
                                         const char *from_region,
                                         const char *provider, size_t k);

#endif
