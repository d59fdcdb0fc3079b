/* gcp_console.c: the Google Cloud console's cost table, downloaded as
 * CSV (Billing > Cost table > Download): a preamble of invoice lines
 * ("Invoice number,...", "Currency,USD", ...) before the header, `Cost
 * ($)` and `Unrounded cost ($)`, amounts with thousands separators
 * ("6,282.708"), and summary lines at the end (",,,Total,,,1509.995,...")
 * that total the rows above. */
#include <config.h>

#include "ingest/formats/format.h"

/* The charge: a credit when the row names its credit type (the export
 * with savings), else its cost type (Usage, Tax, Adjustment, Rounding
 * error). */
static int
console_charge (worker *w)
{
  size_t n;
  const char *s = ingest_slot (w, R_CHARGESUB, &n);
  if (!ingest_is_null (s, n))
    return CC_CHARGE_CREDIT;
  s = ingest_slot (w, R_CHARGE, &n);
  if (ingest_is_null (s, n) || ingest_is_one_of (s, n, "usage|regular"))
    return CC_CHARGE_USAGE;
  if (ingest_is_one_of (s, n, "tax"))
    return CC_CHARGE_TAX;
  return CC_CHARGE_ADJUSTMENT;
}

/* The "Total" line: in the cost type column, with no service. */
static int
console_total (worker *w)
{
  size_t n, ns;
  const char *s = ingest_slot (w, R_CHARGE, &n);
  ingest_slot (w, R_SERVICE, &ns);
  return ns == 0 && ingest_is_one_of (s, n, "total");
}

static const char *
console_version (const ingest_header *h)
{
  return ingest_header_has (h, "unroundedcost")
    ? "cost table (with unrounded cost)" : "cost table";
}

const ingest_format ingest_format_gcp_console = {
  .info = { "gcp-console", "Google Cloud console cost table (CSV download "
            "with its invoice preamble)" },
  .detect_order = 31,
  .detect = { { "servicedescription", "usagestartdate", "cost" } },
  .cols = { {
    [R_DATE] = "usagestartdate",
    [R_QTY] = "usageamount", [R_UNIT] = "usageunit",
    [R_SERVICE] = "servicedescription", [R_METER] = "skudescription",
    [R_CHARGE] = "costtype", [R_CHARGESUB] = "credittype",
  } },
  .provider = "Google Cloud",
  .date_shown = "Usage start date",
  .service_shown = "Service description",
  .basis = {
    /* The unrounded cost where the table has it: the rounded one drifts
       from the invoice row by row. */
    [CC_COST_BILLED] = { .cost = "unroundedcost|cost",
                         .cost_shown = "Cost ($)" },
    [CC_COST_EFFECTIVE] = { .cost = "unroundedcost|cost",
                            .cost_shown = "Cost ($)" },
    [CC_COST_LIST] = { .cost = "listcost",
                       .cost_shown = "List cost ($) (for --cost list)" },
  },
  .charge = console_charge,
  .dims = { { [R_ACCOUNT] = "projectid" } },
  .thousands = 1,
  .summary_row = console_total,
  .version = console_version,
};
