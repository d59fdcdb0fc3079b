/* reported.c: reported usage (date,metric,value,unit), the figures a
 * provider or a team states without a billing export; no cost. */
#include <config.h>

#include "ingest/formats/format.h"

static const char *
reported_version (const ingest_header *h)
{
  (void) h;
  return "date,metric,value,unit";
}

const ingest_format ingest_format_reported = {
  .info = { "reported", "reported usage: date,metric,value,unit (no cost)" },
  /* The most generic signature: tried last. */
  .detect_order = 90,
  .detect = { { "date", "metric", "value", "unit" } },
  .cols = { {
    [R_DATE] = "date", [R_QTY] = "value", [R_UNIT] = "unit",
    [R_SERVICE] = "metric",
  } },
  .provider = "reported",
  .date_shown = "date",
  .version = reported_version,
};
