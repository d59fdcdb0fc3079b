/* gen_billing.c: deterministic synthetic billing exports for tests and the
 * benchmark, with their expected totals computed independently.
 *
 *   gen_billing [--cur] [--seed N] SIZE OUT.csv EXPECT.txt
 *
 * writes about SIZE bytes of FOCUS 1.0 (43 columns, quoted fields with
 * commas, JSON tags with doubled quotes; or AWS CUR legacy with --cur) to
 * OUT.csv, and to EXPECT.txt the row count and the exact cost totals, per
 * month and overall.  Costs are whole micro-dollars summed in 64-bit
 * integers, so the expectation has no rounding at all. */
#include <config.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng;

static uint64_t
next (void)
{
  /* xorshift64*: fast, deterministic on every platform. */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717ULL;
}

static const char *const services[][4] = {
  /* ServiceName, ServiceCategory, ConsumedUnit, CUR ProductCode */
  { "Amazon Simple Storage Service", "Storage", "GB-Mo", "AmazonS3" },
  { "Amazon Elastic Compute Cloud", "Compute", "Hrs", "AmazonEC2" },
  { "Amazon Relational Database Service", "Databases", "Hrs", "AmazonRDS" },
  { "AWS Data Transfer", "Networking", "GB", "AWSDataTransfer" },
  { "Amazon Bedrock", "AI and Machine Learning", "1K Tokens", "AmazonBedrock" },
  { "Amazon CloudWatch", "Management and Governance", "Metrics", "AmazonCloudWatch" },
  { "Amazon Elastic File System", "Storage", "GB-Mo", "AmazonEFS" },
  { "AWS Lambda", "Compute", "Requests", "AWSLambda" },
};
#define NSVC (sizeof services / sizeof services[0])

static const char *const regions[] = { "us-east-1", "eu-west-1", "ap-southeast-2",
                                       "us-west-2" };

static void
money (char *buf, size_t n, int64_t micro)
{
  uint64_t a = (uint64_t) (micro < 0 ? -micro : micro);
  snprintf (buf, n, "%s%" PRIu64 ".%06" PRIu64, micro < 0 ? "-" : "",
            a / 1000000, a % 1000000);
}

int
main (int argc, char **argv)
{
  int cur = 0, i = 1, m;
  long long size, written = 0, rows = 0;
  int64_t month_total[12] = { 0 }, total = 0;
  long long month_rows[12] = { 0 };
  FILE *out, *exp;
  char line[4096];

  rng = 0x9E3779B97F4A7C15ULL;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++)
    if (strcmp (argv[i], "--cur") == 0)
      cur = 1;
    else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
      rng ^= strtoull (argv[++i], NULL, 10) * 0x2545F4914F6CDD1DULL;
    else
      break;
  if (argc - i != 3)
    {
      fprintf (stderr, "usage: gen_billing [--cur] [--seed N] SIZE OUT.csv EXPECT.txt\n");
      return 64;
    }
  size = strtoll (argv[i], NULL, 10);
  if ((out = fopen (argv[i + 1], "wb")) == NULL
      || (exp = fopen (argv[i + 2], "w")) == NULL)
    {
      perror ("gen_billing");
      return 73;
    }
  if (!cur)
    written += fprintf (out,
      "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,"
      "BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,"
      "ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,"
      "ChargePeriodStart,CommitmentDiscountCategory,CommitmentDiscountId,"
      "CommitmentDiscountName,CommitmentDiscountStatus,CommitmentDiscountType,"
      "ConsumedQuantity,ConsumedUnit,ContractedCost,ContractedUnitPrice,"
      "EffectiveCost,InvoiceIssuerName,ListCost,ListUnitPrice,PricingCategory,"
      "PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,"
      "RegionName,ResourceId,ResourceName,ResourceType,ServiceCategory,"
      "ServiceName,SkuId,SkuPriceId,SubAccountId,SubAccountName,Tags\n");
  else
    written += fprintf (out,
      "identity/LineItemId,identity/TimeInterval,bill/BillingEntity,"
      "bill/PayerAccountId,bill/BillingPeriodStartDate,bill/BillingPeriodEndDate,"
      "lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,"
      "lineItem/UsageEndDate,lineItem/ProductCode,lineItem/UsageType,"
      "lineItem/Operation,lineItem/AvailabilityZone,lineItem/ResourceId,"
      "lineItem/UsageAmount,lineItem/CurrencyCode,lineItem/UnblendedRate,"
      "lineItem/UnblendedCost,lineItem/BlendedCost,lineItem/LineItemDescription,"
      "product/ProductName,product/productFamily,product/region,pricing/unit,"
      "pricing/publicOnDemandCost,resourceTags/user:Name,resourceTags/user:env\n");

  while (written < size)
    {
      uint64_t r = next ();
      int s = (int) (r % NSVC), mo = (int) ((r >> 8) % 12), day = 1 + (int) ((r >> 12) % 28);
      int hour = (int) ((r >> 20) % 24);
      int64_t cost = (int64_t) ((r >> 28) % 5000000) - ((r >> 60) == 0 ? 3000000 : 0);
      int64_t eff = cost - (cost > 0 ? cost / 10 : 0);
      uint64_t q = next ();
      long long qty_milli = (long long) (q % 10000000);
      char c1[32], c2[32], c3[32];
      const char *region = regions[(q >> 40) % 4];
      int len;

      money (c1, sizeof c1, cost);
      money (c2, sizeof c2, eff);
      money (c3, sizeof c3, cost + cost / 5);
      if (!cur)
        len = snprintf (line, sizeof line,
          "%sa,%s,\"%012" PRIu64 "\",\"Example Corp, Inc.\",USD,"
          "2024-%02d-01T00:00:00Z,2024-%02d-01T00:00:00Z,Usage,,"
          "\"%s usage, %s, hour %d\",Usage-Based,2024-%02d-%02dT%02d:59:59Z,"
          "2024-%02d-%02dT%02d:00:00Z,NULL,NULL,NULL,NULL,NULL,"
          "%lld.%03lld,%s,%s,NULL,%s,\"Amazon Web Services, Inc.\",%s,0.0000004,"
          "Standard,%lld.%03lld,%s,AWS,\"Amazon Web Services, Inc.\",%s,"
          "\"%s region\",arn:aws:service:%s:%012" PRIu64 ":resource/r-%016" PRIx64 ","
          "r-%08" PRIx64 ",Resource,%s,%s,SKU%06d,SKUP%08d,\"%012" PRIu64 "\","
          "\"Account, %d\",\"{\"\"application\"\": \"\"App%d\"\", \"\"environment\"\": "
          "\"\"%s\"\", \"\"business_unit\"\": \"\"Unit %d\"\"}\"\n",
          region, c1, (q >> 20) % (uint64_t) 1000000000000ULL, mo == 11 ? 12 : mo + 2, mo + 1,
          services[s][0], region, hour, mo + 1, day, hour,
          mo + 1, day, hour, qty_milli / 1000, qty_milli % 1000, services[s][2],
          c2, c2, c3, qty_milli / 1000, qty_milli % 1000, services[s][2],
          region, region, region, (q >> 16) % (uint64_t) 1000000000000ULL, q,
          (uint64_t) (q >> 32), services[s][1], services[s][0],
          (int) (q % 1000), (int) (q % 100000), (q >> 24) % (uint64_t) 1000000000000ULL,
          (int) (q % 7), (int) (q % 50), (q & 1) ? "prod" : "dev", (int) (q % 9));
      else
        len = snprintf (line, sizeof line,
          "li%016" PRIx64 ",2024-%02d-%02dT%02d:00:00Z/2024-%02d-%02dT%02d:59:59Z,AWS,"
          "%012" PRIu64 ",2024-%02d-01T00:00:00Z,2024-%02d-01T00:00:00Z,%012" PRIu64 ","
          "Usage,2024-%02d-%02dT%02d:00:00Z,2024-%02d-%02dT%02d:59:59Z,%s,"
          "USE1-%s-Usage,RunInstances,%sa,i-%016" PRIx64 ",%lld.%03lld,USD,0.0123,"
          "%s,%s,\"%s usage, hour %d\",\"%s\",%s,%s,%s,%s,\"name, %d\",%s\n",
          r, mo + 1, day, hour, mo + 1, day, hour, (q >> 20) % (uint64_t) 1000000000000ULL,
          mo + 1, mo == 11 ? 12 : mo + 2, (q >> 24) % (uint64_t) 1000000000000ULL,
          mo + 1, day, hour, mo + 1, day, hour, services[s][3], services[s][3],
          region, q, qty_milli / 1000, qty_milli % 1000, c1, c1, services[s][0],
          hour, services[s][0], services[s][1], region, services[s][2], c3,
          (int) (q % 100), (q & 1) ? "prod" : "dev");
      if (len <= 0 || (size_t) len >= sizeof line)
        return 70;
      fwrite (line, 1, (size_t) len, out);
      written += len;
      rows++;
      month_total[mo] += cost;
      month_rows[mo]++;
      total += cost;
    }
  if (fclose (out) != 0)
    return 74;
  {
    char t[32];
    fprintf (exp, "rows %lld\nbytes %lld\n", rows, written);
    money (t, sizeof t, total);
    fprintf (exp, "total %s\n", t);
    for (m = 0; m < 12; m++)
      {
        money (t, sizeof t, month_total[m]);
        fprintf (exp, "2024-%02d %s %lld\n", m + 1, t, month_rows[m]);
      }
  }
  return fclose (exp) == 0 ? 0 : 74;
}
