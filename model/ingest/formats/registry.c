/* registry.c: the billing formats ingest reads, one line each.  The order
 * is the order --help and messages list them in, and --format's numbers
 * (cc_ingest_format) follow it; detection order is each format's own
 * (detect_order). */
#include <config.h>

#include "ingest/formats/format.h"

#define INGEST_FORMATS(X) \
  X (focus)               \
  X (azure)               \
  X (aws_cur)             \
  X (gcp)                 \
  X (gcp_console)         \
  X (oci)                 \
  X (reported)

#define DECLARE(id) extern const ingest_format ingest_format_##id;
#define ENTRY(id) &ingest_format_##id,

INGEST_FORMATS (DECLARE)

static const ingest_format *const registry[] = { INGEST_FORMATS (ENTRY) };

#define NFORMATS (sizeof registry / sizeof registry[0])

const ingest_format *
ingest_format_at (size_t i)
{
  return i < NFORMATS ? registry[i] : NULL;
}

size_t
cc_ingest_format_count (void)
{
  return NFORMATS;
}

const cc_ingest_format_info *
cc_ingest_format_get (size_t i)
{
  return i < NFORMATS ? &registry[i]->info : NULL;
}

cc_ingest_format
cc_ingest_format_find (const char *name)
{
  size_t i;
  if (strcmp (name, "auto") == 0)
    return CC_FMT_AUTO;
  for (i = 0; i < NFORMATS; i++)
    if (strcmp (name, registry[i]->info.name) == 0)
      return (cc_ingest_format) i + 1;
  return -1;
}
