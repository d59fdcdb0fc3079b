/* units.h: storage size units.  Decimal (KB = 1000 B) and binary
 * (KiB = 1024 B) units are both accepted and never confused: every size is
 * converted to bytes through the factor of the unit it was written in. */
#ifndef CC_UNITS_H
#define CC_UNITS_H

typedef enum
{
  CC_UNIT_DECIMAL = 1,   /* powers of 1000: B, KB, MB, GB, TB, PB, EB */
  CC_UNIT_BINARY = 2     /* powers of 1024: KiB, MiB, GiB, TiB, PiB, EiB */
} cc_unit_system;

typedef struct
{
  const char *name;        /* canonical spelling, e.g. "TB" */
  double bytes;            /* bytes in one unit */
  cc_unit_system system;   /* B counts as decimal */
} cc_size_unit;

/* Look up a size unit by its exact spelling ("TB", "TiB"; case matters
 * because "Mb" would be a megabit).  Returns NULL when unknown. */
const cc_size_unit *cc_size_unit_find (const char *name);

/* The size unit NAME may have meant, ignoring case ("tb" -> "TB"), for a
 * hint; never used silently, as "Mb" would be a megabit.  NULL: none. */
const cc_size_unit *cc_size_unit_like (const char *name);

/* A comma-separated list of the accepted spellings, for messages. */
const char *cc_size_unit_names (void);

#endif
