/* scnfile.h: scenario files (INI, read with inih) as plain strings.
 *
 * This stage knows the file's shape (sections, keys, where each value was
 * written) and nothing about what the values mean: the caller turns them
 * into a model and reports a bad value with the line kept here.
 *
 *   [scenario]            name, title, start, horizon, currency,
 *                         discount_rate, seed, draws, levels, providers,
 *                         price_books, annual_price_change, rates, formats,
 *                         source, note
 *   [driver NAME]         family, title, label, source, unit, data, metric,
 *                         series, measure, growth, model, quantity_label,
 *                         factor_label, growth_label, phi_label, cap_label,
 *                         phi, cap, quantity, factor, annual_growth,
 *                         growth_months, link,
 *                         sku.PROVIDER, region.PROVIDER, term.PROVIDER,
 *                         reserved_blocks.PROVIDER, reserved_term.PROVIDER
 *   [discounts]           PROVIDER = fraction, PROVIDER.DRIVER = fraction
 *   [price_lock]          PROVIDER = lock, PROVIDER.DRIVER = lock (none,
 *                         term or renewal:MONTHS)
 *
 * Unknown sections and keys are errors naming the closest valid one. */
#ifndef CC_SCNFILE_H
#define CC_SCNFILE_H

/* Caps: sections in a file, keys in a section, and the length of
 * a value joined from continuation lines. */
#define CC_SCNFILE_MAX_SECTIONS 64
#define CC_SCNFILE_MAX_KEYS 256
#define CC_SCNFILE_MAX_VALUE 4096
/* Characters (not bytes) in one line; text must be UTF-8. */
#define CC_SCNFILE_MAX_LINE 198
/* inih keeps 49 characters of a section or key name. */
#define CC_SCNFILE_MAX_NAME 49
#define CC_STR_(x) #x
#define CC_STR(x) CC_STR_(x)

#include <stddef.h>

#include "core/error.h"

typedef struct
{
  char *key, *value;
  long line;
} cc_scnfile_kv;

typedef struct
{
  char *name;            /* "scenario", "driver storage", "discounts" */
  long line;
  size_t n;
  cc_scnfile_kv *kv;
} cc_scnfile_section;

typedef struct
{
  char *path;
  char *dir;             /* directory of the file: the first place a
                            named input is looked for (core/datapath.h) */
  size_t nsec;
  cc_scnfile_section *sec;
} cc_scnfile;

int cc_scnfile_read (const char *path, cc_scnfile **out, cc_err *err);
void cc_scnfile_free (cc_scnfile *f);

/* The section called NAME, or NULL. */
const cc_scnfile_section *cc_scnfile_section_find (const cc_scnfile *f,
                                                   const char *name);

/* The value of KEY in S (NULL if absent), and its line in *LINE. */
const char *cc_scnfile_get (const cc_scnfile_section *s, const char *key,
                            long *line);

/* Split a comma-separated list in place into at most MAX trimmed items. */
size_t cc_scnfile_split (char *list, char **items, size_t max);

#endif
