/* focus.c: FOCUS, the FinOps Foundation's cost and usage format (0.5 and
 * 1.0 to 1.3), from any provider. */
#include <config.h>

#include "ingest/formats/format.h"

static const char *
focus_version (const ingest_header *h)
{
  if (ingest_header_has (h, "serviceprovidername|hostprovidername"
                         "|contractapplied|allocatedmethodid"
                         "|allocatedresourceid"))
    return "1.3";
  if (!ingest_header_has (h, "providername")
      && ingest_header_has (h, "provider|amortizedcost"))
    return "0.5";
  if (ingest_header_has (h, "billingaccounttype|invoiceid|pricingcurrency"
                         "|subaccounttype|pricingcurrencyeffectivecost"))
    return "1.2";
  if (ingest_header_has (h, "capacityreservationid|commitmentdiscountquantity"
                         "|servicesubcategory|skumeter|skupricedetails"))
    return "1.1";
  return "1.0";
}

const ingest_format ingest_format_focus = {
  .info = { "focus", "FOCUS 0.5, 1.0 to 1.3 (FinOps cost and usage), any "
            "provider" },
  .detect_order = 10,
  .detect = { { "billedcost", "chargeperiodstart" } },
  .cols = { {
    [R_DATE] = "chargeperiodstart",
    [R_QTY] = "consumedquantity", [R_UNIT] = "consumedunit",
    [R_QTY2] = "pricingquantity", [R_UNIT2] = "pricingunit",
    [R_SERVICE] = "servicename", [R_CATEGORY] = "servicecategory",
    [R_METER] = "skumeter|xskumetername",
    [R_CURRENCY] = "billingcurrency",
    [R_CHARGE] = "chargecategory|chargetype",
    [R_COMMITSTATUS] = "commitmentdiscountstatus",
    [R_CHARGECLASS] = "chargeclass", [R_CHARGESUB] = "chargesubcategory",
    /* 1.3 names the provider ServiceProviderName (ProviderName is
       deprecated), 0.5 Provider. */
    [R_PROVIDER] = "serviceprovidername|providername|provider",
  } },
  .date_shown = "ChargePeriodStart",
  .service_shown = "ServiceName",
  .basis = {
    [CC_COST_BILLED] = { .cost = "billedcost", .cost_shown = "BilledCost" },
    [CC_COST_EFFECTIVE] = { .cost = "effectivecost|amortizedcost",
                            .cost_shown = "EffectiveCost" },
    [CC_COST_LIST] = { .cost = "listcost", .cost_shown = "ListCost" },
  },
  .dims = { {
    [R_ACCOUNT] = "subaccountid", [R_ACCOUNT2] = "billingaccountid",
    [R_REGION] = "regionid|region", [R_TAGS] = "tags",
  } },
  .version = focus_version,
};
