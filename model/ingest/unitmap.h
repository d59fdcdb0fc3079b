/* unitmap.h: billing unit spellings to canonical units, from data/units.csv.
 *
 * Providers spell one unit many ways and put pack sizes inside the unit
 * ("10K", "10 Hours", "1 GB/Month").  Each spelling maps to a canonical unit
 * and the factor that turns a quantity in that spelling into the canonical
 * unit.  Spellings match without regard to ASCII case or spaces. */
#ifndef CC_UNITMAP_H
#define CC_UNITMAP_H

#include "core/error.h"

typedef struct cc_unitmap cc_unitmap;

/* Load PATH, a CSV with header "unit,canonical,factor".  Returns CC_OK, or
 * an error status with err naming the file and line. */
int cc_unitmap_load (const char *path, cc_unitmap **map, cc_err *err);

void cc_unitmap_free (cc_unitmap *map);

/* Look UNIT up.  Returns 1 and sets *canonical and *factor when known; 0
 * when unknown (then *canonical is UNIT itself and *factor 1: an unknown
 * unit passes through unchanged).  An empty unit is known: "" with 1. */
int cc_unitmap_lookup (const cc_unitmap *map, const char *unit,
                       const char **canonical, double *factor);

/* Number of spellings loaded. */
unsigned long cc_unitmap_size (const cc_unitmap *map);

/* Entry I (in matching-key order): the key (lower case, blanks removed),
 * the canonical unit and the factor.  Returns 0, or -1 when there is none. */
int cc_unitmap_entry (const cc_unitmap *map, unsigned long i,
                      const char **key, const char **canonical,
                      double *factor);

#endif
