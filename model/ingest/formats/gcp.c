/* gcp.c: Google Cloud's billing export (standard or detailed), as CSV;
 * --cost effective adds the credits to the cost. */
#include <config.h>

#include "core/num.h"
#include "ingest/formats/format.h"

/* Sum the amounts in a GCP credits list, written as JSON or as a Python
 * literal: [{'name': ..., 'amount': -5e-06, ...}].  Each amount is a
 * decimal number (core/num.h) up to the next ',', '}', ']' or blank,
 * within the cap on a cost.  Returns 0 or -1. */
static int
parse_credits (const char *s, double *sum)
{
  const char *p = s;
  *sum = 0;
  while ((p = strstr (p, "amount")) != NULL)
    {
      size_t len;
      double v;
      p += 6;
      if (*p == '\'' || *p == '"')
        p++;
      while (*p == ' ')
        p++;
      if (*p != ':')
        continue;
      p++;
      while (*p == ' ')
        p++;
      len = strcspn (p, ",}] \t\r\n");
      if (cc_num_parse_n (p, len, &v) != 0 || fabs (v) > CC_INGEST_MAX_NUMBER)
        return -1;
      *sum += v;
      p += len;
    }
  return 0;
}

/* The cost after credits.  Returns 0, or -1 after skipping the row. */
static int
gcp_credits (worker *w, double *cost)
{
  size_t n;
  double credits;
  const char *s = ingest_slot (w, R_CREDITS, &n);
  if (ingest_is_null (s, n))
    return 0;
  if (parse_credits (s, &credits) != 0)
    {
      ingest_skip_row (w, CC_SKIP_COST_BAD, R_CREDITS, s);
      return -1;
    }
  *cost += credits;
  return 0;
}

static const char *
gcp_version (const ingest_header *h)
{
  return ingest_header_has (h, "resourcename")
    ? "detailed (resource-level) export" : "standard export";
}

const ingest_format ingest_format_gcp = {
  .info = { "gcp", "Google Cloud billing export (standard or detailed), "
            "as CSV" },
  .detect_order = 30,
  .detect = { { "servicedescription", "usagestarttime", "cost" } },
  .cols = { {
    [R_DATE] = "usagestarttime",
    [R_QTY] = "usageamountinpricingunits", [R_UNIT] = "usagepricingunit",
    [R_QTY2] = "usageamount", [R_UNIT2] = "usageunit",
    [R_SERVICE] = "servicedescription", [R_METER] = "skudescription",
    [R_CURRENCY] = "currency",
    [R_CHARGE] = "costtype",
  } },
  .provider = "Google Cloud",
  .date_shown = "usage_start_time",
  .service_shown = "service.description",
  .basis = {
    [CC_COST_BILLED] = { .cost = "cost", .cost_shown = "cost" },
    [CC_COST_EFFECTIVE] = { .cost = "cost", .cost_shown = "cost",
                            .more = { { [R_CREDITS] = "credits" } },
                            .more_shown = "credits (for --cost effective)",
                            .row = gcp_credits },
    [CC_COST_LIST] = { .cost = "costatlist",
                       .cost_shown = "cost_at_list (for --cost list)" },
  },
  .dims = { {
    [R_ACCOUNT] = "projectid", [R_REGION] = "locationregion",
    [R_TAGS] = "labels",
  } },
  .version = gcp_version,
};
