/* azure.c: Azure cost details exports (EA, MCA) and the legacy usage
 * export. */
#include <config.h>

#include <ctype.h>

#include "ingest/formats/format.h"

#define AZURE_COST "costinbillingcurrency|cost|pretaxcost"

static const char *
azure_version (const ingest_header *h)
{
  long c = ingest_header_find (h, AZURE_COST);
  int cibc = c >= 0 && strcmp (h->folded[c], "costinbillingcurrency") == 0;
  if (ingest_header_has (h, "usagedatetime") && c >= 0
      && strcmp (h->folded[c], "pretaxcost") != 0)
    return "mixed layout (UsageDateTime with CostInBillingCurrency)";
  if (ingest_header_has (h, "usagedatetime"))
    return "legacy usage export (PreTaxCost)";
  if (cibc && islower ((unsigned char) h->name[c][0]))
    return "MCA (camelCase)";
  if (cibc)
    return "EA (CostInBillingCurrency layout)";
  return "EA (Cost/Product layout)";
}

const ingest_format ingest_format_azure = {
  .info = { "azure", "Azure cost details (EA, MCA) and the legacy usage "
            "export" },
  .detect_order = 40,
  .detect = { { "usagedatetime", "pretaxcost" },
              { "date", "metercategory", AZURE_COST },
              { "usagedatetime", "metercategory", AZURE_COST } },
  .cols = { {
    [R_DATE] = "date|usagedatetime",
    [R_QTY] = "quantity|usagequantity", [R_UNIT] = "unitofmeasure",
    [R_SERVICE] = "metercategory",
    [R_CATEGORY] = "servicefamily|consumedservice",
    [R_METER] = "metersubcategory", [R_METER2] = "metername",
    [R_CURRENCY] = "billingcurrencycode|billingcurrency|currency",
    [R_CHARGE] = "chargetype",
  } },
  .provider = "Microsoft",
  .date_shown = "Date or UsageDateTime",
  .service_shown = "MeterCategory",
  .basis = {
    /* An amortized export is already amortized: the same column. */
    [CC_COST_BILLED] = { .cost = AZURE_COST,
                         .cost_shown = "CostInBillingCurrency, Cost or "
                         "PreTaxCost" },
    [CC_COST_EFFECTIVE] = { .cost = AZURE_COST,
                            .cost_shown = "CostInBillingCurrency, Cost or "
                            "PreTaxCost" },
    [CC_COST_LIST] = { .cost = "paygcostinbillingcurrency",
                       .cost_shown = "paygCostInBillingCurrency",
                       .price = "paygprice",
                       .price_shown = "PayGPrice or paygCostInBillingCurrency "
                       "(for --cost list)" },
  },
  .dims = { {
    [R_ACCOUNT] = "subscriptionid|subscriptionguid",
    [R_REGION] = "resourcelocation", [R_TAGS] = "tags",
  } },
  .version = azure_version,
};
