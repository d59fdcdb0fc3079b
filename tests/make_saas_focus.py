#!/usr/bin/env python3
"""make_saas_focus.py: the billing export of the 'steady SaaS' teaching case.

A made-up SaaS company on AWS, 24 months (2024-01 to 2025-12), daily FOCUS
1.0 rows for S3 storage, EC2 hours and data transfer.  Storage grows along a
logistic curve (the business is maturing), compute grows linearly, both with
seeded noise.  Deterministic: the same seed gives the same bytes (gzip mtime
0), so tests can check the shipped file against this script.

Usage: make_saas_focus.py OUT.csv.gz
"""
import csv
import datetime as dt
import gzip
import io
import math
import random
import sys

COLUMNS = ["AvailabilityZone", "BilledCost", "BillingAccountId",
           "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
           "BillingPeriodStart", "ChargeCategory", "ChargeClass",
           "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd",
           "ChargePeriodStart", "CommitmentDiscountCategory",
           "CommitmentDiscountId", "CommitmentDiscountName",
           "CommitmentDiscountStatus", "CommitmentDiscountType",
           "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
           "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName",
           "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity",
           "PricingUnit", "ProviderName", "PublisherName", "RegionId",
           "RegionName", "ResourceId", "ResourceName", "ResourceType",
           "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId",
           "SubAccountId", "SubAccountName", "Tags"]

# service, category, unit, price, description
SERVICES = [
    ("Amazon Simple Storage Service", "Storage", "GB-Mo", 0.023,
     "$0.023 per GB-Mo for the first 50 TB / month of storage used"),
    ("Amazon Elastic Compute Cloud", "Compute", "Hrs", 0.192,
     "$0.192 per On Demand Linux m6i.xlarge Instance Hour"),
    ("AWS Data Transfer", "Networking", "GB", 0.09,
     "$0.09 per GB - first 10 TB / month data transfer out"),
]


def month_start(d):
    return d.replace(day=1)


def next_month(d):
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def main(out):
    rng = random.Random(20240101)
    day = dt.date(2024, 1, 1)
    end = dt.date(2026, 1, 1)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    t = 0.0
    while day < end:
        # Months since the start, for the trends.
        t = (day.year - 2024) * 12 + day.month - 1 + (day.day - 1) / 30.0
        mdays = (next_month(day) - month_start(day)).days
        # Storage held (GB over the month, per day share): logistic to
        # about 180 TB; compute: 40 instances growing by 1.5 a month.
        stored = 180000.0 / (1 + math.exp(-(t - 14) / 5.0))
        stored *= math.exp(rng.gauss(0, 0.02))
        hours = (40 + 1.5 * t) * 24 * math.exp(rng.gauss(0, 0.03))
        transfer = 0.04 * stored / mdays * math.exp(rng.gauss(0, 0.1))
        qty = [stored / mdays, hours, transfer]
        for (svc, cat, unit, price, desc), q in zip(SERVICES, qty):
            q = round(q, 6)
            cost = round(q * price, 10)
            start = dt.datetime(day.year, day.month, day.day)
            row = {c: "" for c in COLUMNS}
            row.update({
                "BilledCost": "%.10f" % cost, "BillingAccountId": "100000000001",
                "BillingAccountName": "Example SaaS", "BillingCurrency": "USD",
                "BillingPeriodStart": month_start(day).strftime("%Y-%m-%d 00:00:00"),
                "BillingPeriodEnd": next_month(day).strftime("%Y-%m-%d 00:00:00"),
                "ChargeCategory": "Usage", "ChargeDescription": desc,
                "ChargeFrequency": "Usage-Based",
                "ChargePeriodStart": start.strftime("%Y-%m-%d %H:%M:%S"),
                "ChargePeriodEnd": (start + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S"),
                "ConsumedQuantity": "%.6f" % q, "ConsumedUnit": unit,
                "ContractedCost": "%.10f" % cost, "EffectiveCost": "%.10f" % cost,
                "InvoiceIssuerName": "Amazon Web Services, Inc.",
                "ListCost": "%.10f" % cost, "ListUnitPrice": "%g" % price,
                "PricingCategory": "Standard", "PricingQuantity": "%.6f" % q,
                "PricingUnit": unit, "ProviderName": "AWS",
                "PublisherName": "Amazon Web Services, Inc.",
                "RegionId": "us-east-1", "RegionName": "US East (N. Virginia)",
                "ServiceCategory": cat, "ServiceName": svc,
                "SubAccountId": "100000000001", "SubAccountName": "production",
                "Tags": '{"team": "platform", "env": "prod"}',
            })
            w.writerow([row[c] for c in COLUMNS])
        day += dt.timedelta(days=1)
    data = buf.getvalue().encode("utf-8")
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
            g.write(data)


if __name__ == "__main__":
    main(sys.argv[1])
