/* servicemap.h: service families (core/families.h) from
 * data/service-map.csv.
 *
 * Each rule names a provider (a glob such as "AWS", "Microsoft*" or "*"), the
 * field it looks at (service, category or meter), a glob for that field and
 * the family.  Globs match without regard to case.  The first rule that
 * matches wins; a row no rule matches is "other". */
#ifndef CC_SERVICEMAP_H
#define CC_SERVICEMAP_H

#include "core/error.h"

typedef struct cc_servicemap cc_servicemap;

/* Load PATH (header "provider,field,pattern,family").  Returns CC_OK or an
 * error status with err naming the file, line and column. */
int cc_servicemap_load (const char *path, cc_servicemap **map, cc_err *err);

void cc_servicemap_free (cc_servicemap *map);

/* The family of a charge; never NULL. */
const char *cc_servicemap_family (const cc_servicemap *map,
                                  const char *provider, const char *service,
                                  const char *category, const char *meter);

/* The rules in order, for compiling them elsewhere (ingest/sql.c): rule
 * I's provider glob, field ("service", "category" or "meter"), pattern
 * glob and family.  Returns 0, or -1 when there is no rule I. */
unsigned long cc_servicemap_count (const cc_servicemap *map);
int cc_servicemap_rule (const cc_servicemap *map, unsigned long i,
                        const char **provider, const char **field,
                        const char **pattern, const char **family);

#endif
