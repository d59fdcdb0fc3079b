/* oci.c: Oracle Cloud Infrastructure cost reports (the CSV files OCI
 * writes to its usage-report bucket: lineItem/intervalUsageStart,
 * cost/myCost, ...).  OCI's FOCUS reports are read by the FOCUS format. */
#include <config.h>

#include "ingest/formats/format.h"

/* A correction of an earlier charge (lineItem/isCorrection) is an
 * adjustment; everything else is usage. */
static int
oci_charge (worker *w)
{
  size_t n;
  const char *s = ingest_slot (w, R_CHARGE, &n);
  return ingest_is_one_of (s, n, "true|1|yes") ? CC_CHARGE_ADJUSTMENT
    : CC_CHARGE_USAGE;
}

static const char *
oci_version (const ingest_header *h)
{
  return ingest_header_has (h, "costmycostoverage")
    ? "cost report (with overage columns)" : "cost report";
}

const ingest_format ingest_format_oci = {
  .info = { "oci", "Oracle Cloud (OCI) cost reports" },
  .detect_order = 35,
  .detect = { { "lineitemintervalusagestart", "costmycost",
                "productservice" } },
  .cols = { {
    [R_DATE] = "lineitemintervalusagestart",
    [R_QTY] = "usagebilledquantity", [R_UNIT] = "costskuunitdescription",
    [R_SERVICE] = "productservice", [R_METER] = "productdescription",
    [R_CURRENCY] = "costcurrencycode",
    [R_CHARGE] = "lineitemiscorrection",
  } },
  .provider = "Oracle",
  .date_shown = "lineItem/intervalUsageStart",
  .service_shown = "product/service",
  .basis = {
    [CC_COST_BILLED] = { .cost = "costmycost", .cost_shown = "cost/myCost" },
    [CC_COST_EFFECTIVE] = { .cost = "costmycost",
                            .cost_shown = "cost/myCost" },
    [CC_COST_LIST] = { .price = "costunitprice",
                       .price_shown = "cost/unitPrice (for --cost list)" },
  },
  .charge = oci_charge,
  .dims = { {
    [R_ACCOUNT] = "lineitemtenantid", [R_REGION] = "productregion",
  } },
  .tag_columns = "tags/%s",
  .version = oci_version,
};
