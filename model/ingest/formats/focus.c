/* focus.c: FOCUS, the FinOps Foundation's cost and usage format (1.0 to
 * 1.2), from any provider. */
#include <config.h>

#include "ingest/formats/format.h"

static const char *
focus_version (const ingest_header *h)
{
  if (ingest_header_has (h, "billingaccounttype|invoiceid|pricingcurrency"
                         "|subaccounttype|pricingcurrencyeffectivecost"))
    return "1.2";
  if (ingest_header_has (h, "capacityreservationid|commitmentdiscountquantity"
                         "|servicesubcategory|skumeter|skupricedetails"))
    return "1.1";
  return "1.0";
}

const ingest_format ingest_format_focus = {
  .info = { "focus", "FOCUS 1.0 to 1.2 (FinOps cost and usage), any provider" },
  .detect_order = 10,
  .detect = { { "billedcost", "chargeperiodstart" } },
  .cols = { {
    [R_DATE] = "chargeperiodstart",
    [R_QTY] = "consumedquantity", [R_UNIT] = "consumedunit",
    [R_QTY2] = "pricingquantity", [R_UNIT2] = "pricingunit",
    [R_SERVICE] = "servicename", [R_CATEGORY] = "servicecategory",
    [R_METER] = "skumeter|xskumetername",
    [R_CURRENCY] = "billingcurrency",
    [R_PROVIDER] = "providername|serviceprovidername",
  } },
  .date_shown = "ChargePeriodStart",
  .service_shown = "ServiceName",
  .basis = {
    [CC_COST_BILLED] = { .cost = "billedcost", .cost_shown = "BilledCost" },
    [CC_COST_EFFECTIVE] = { .cost = "effectivecost",
                            .cost_shown = "EffectiveCost" },
    [CC_COST_LIST] = { .cost = "listcost", .cost_shown = "ListCost" },
  },
  .version = focus_version,
};
