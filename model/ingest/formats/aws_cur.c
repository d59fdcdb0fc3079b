/* aws_cur.c: the AWS Cost and Usage Report, legacy CUR and CUR 2.0, with
 * AWS's amortized cost for --cost effective. */
#include <config.h>

#include "ingest/formats/format.h"

static int
linetype_is (const char *lt, size_t n, const char *name)
{
  return n == strlen (name) && strncasecmp (lt, name, n) == 0;
}

/* AWS's amortized cost (the formula of AWS's CUR query library): covered
 * usage at its effective cost, the unused part of savings plans and
 * reservations, and the fees and negations that pay for used commitment
 * out.  *COST holds the unblended cost on entry.  Returns 0, or -1 after
 * skipping the row. */
static int
aws_amortized (worker *w, double *cost)
{
  size_t nt, na;
  const char *lt = ingest_slot (w, R_LINETYPE, &nt);
  double a, b;

  if (linetype_is (lt, nt, "SavingsPlanCoveredUsage"))
    return ingest_role_num (w, R_SPCOST, cost);
  if (linetype_is (lt, nt, "DiscountedUsage"))
    return ingest_role_num (w, R_RICOST, cost);
  if (linetype_is (lt, nt, "SavingsPlanRecurringFee"))
    {
      if (ingest_role_num (w, R_SPTOTAL, &a) || ingest_role_num (w, R_SPUSED, &b))
        return -1;
      *cost = a - b;
    }
  else if (linetype_is (lt, nt, "RIFee"))
    {
      if (ingest_role_num (w, R_RIUNUSEDUP, &a)
          || ingest_role_num (w, R_RIUNUSEDREC, &b))
        return -1;
      *cost = a + b;
    }
  else if (linetype_is (lt, nt, "SavingsPlanNegation")
           || linetype_is (lt, nt, "SavingsPlanUpfrontFee"))
    *cost = 0;
  else if (linetype_is (lt, nt, "Fee"))
    {
      const char *arn = ingest_slot (w, R_RIARN, &na);
      if (!ingest_is_null (arn, na))
        *cost = 0;   /* a reservation's upfront fee, amortized in DiscountedUsage */
    }
  return 0;
}

/* The charge category of a line item type.  Covered usage and its
 * negation are usage; fees that buy a commitment are purchases, except on
 * the amortized basis, where what RIFee and SavingsPlanRecurringFee still
 * cost is the unused commitment: usage without quantity. */
static int
aws_charge (worker *w)
{
  size_t n;
  const char *lt = ingest_slot (w, R_LINETYPE, &n);
  if (ingest_is_null (lt, n)
      || ingest_is_one_of (lt, n, "usage|discountedusage"
                           "|savingsplancoveredusage|savingsplannegation"))
    return CC_CHARGE_USAGE;
  if (ingest_is_one_of (lt, n, "rifee|savingsplanrecurringfee"))
    return w->fc->opt->cost == CC_COST_EFFECTIVE ? CC_CHARGE_USAGE
      : CC_CHARGE_PURCHASE;
  if (ingest_is_one_of (lt, n, "fee|savingsplanupfrontfee"))
    return CC_CHARGE_PURCHASE;
  if (ingest_is_one_of (lt, n, "tax"))
    return CC_CHARGE_TAX;
  if (ingest_is_one_of (lt, n, "credit|bundleddiscount|edpdiscount"
                        "|privateratediscount|sppdiscount"
                        "|distributordiscount"))
    return CC_CHARGE_CREDIT;
  if (ingest_is_one_of (lt, n, "refund"))
    return CC_CHARGE_REFUND;
  return CC_CHARGE_ADJUSTMENT;
}

/* Legacy CUR headers are "category/Name"; CUR 2.0's are snake_case. */
static const char *
aws_version (const ingest_header *h)
{
  long i;
  for (i = 0; i < h->n; i++)
    if (strchr (h->name[i], '/') != NULL)
      return "legacy CUR";
  return "CUR 2.0";
}

const ingest_format ingest_format_aws_cur = {
  .info = { "aws-cur", "AWS Cost and Usage Report (legacy CUR and CUR 2.0)" },
  .detect_order = 20,
  .detect = { { "lineitemunblendedcost", "lineitemusagestartdate" } },
  .cols = { {
    [R_DATE] = "lineitemusagestartdate",
    [R_QTY] = "lineitemusageamount", [R_UNIT] = "pricingunit",
    [R_SERVICE] = "lineitemproductcode", [R_SERVICE2] = "productservicecode",
    [R_CATEGORY] = "productproductfamily|productfamily",
    [R_METER] = "lineitemusagetype",
    [R_CURRENCY] = "lineitemcurrencycode",
    [R_LINETYPE] = "lineitemlineitemtype",
  } },
  .provider = "AWS",
  .date_shown = "lineItem/UsageStartDate",
  .service_shown = "lineItem/ProductCode",
  .basis = {
    [CC_COST_BILLED] = { .cost = "lineitemunblendedcost",
                         .cost_shown = "lineItem/UnblendedCost" },
    [CC_COST_EFFECTIVE] = {
      .cost = "lineitemunblendedcost",
      .cost_shown = "lineItem/UnblendedCost",
      /* Optional: a CUR without savings plans or reservations lacks them,
         and their line item types do not occur. */
      .more = { {
        [R_SPCOST] = "savingsplansavingsplaneffectivecost",
        [R_RICOST] = "reservationeffectivecost",
        [R_SPTOTAL] = "savingsplantotalcommitmenttodate",
        [R_SPUSED] = "savingsplanusedcommitment",
        [R_RIUNUSEDUP] = "reservationunusedamortizedupfrontfeeforbillingperiod",
        [R_RIUNUSEDREC] = "reservationunusedrecurringfee",
        [R_RIARN] = "reservationreservationarn",
      } },
      .row = aws_amortized,
    },
    [CC_COST_LIST] = { .cost = "pricingpublicondemandcost",
                       .cost_shown = "pricing/publicOnDemandCost (for --cost "
                       "list)" },
  },
  .charge = aws_charge,
  .dims = { {
    [R_ACCOUNT] = "lineitemusageaccountid",
    [R_REGION] = "productregion|productregioncode",
    [R_TAGS] = "resourcetags",
  } },
  .tag_columns = "resourceTags/user:%s|resourceTags/%s"
  "|resource_tags_user_%s|resource_tags_%s",
  .tag_user_prefix = 1,
  .version = aws_version,
};
