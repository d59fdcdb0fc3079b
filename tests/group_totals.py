#!/usr/bin/env python3
"""Totals per group of a billing file, computed here without cloudcast, and
compared with the totals per group of a cloudcast series.

group_totals.py BILLING SERIES --cost COL [--dim NAME=SPEC]... [--charge COL]
                [--where COL=VALUE]

SPEC says where a dimension is read: 'col:A|B' (the first of the columns
that is not empty), 'json:COL:KEY' (a JSON object; Azure's brace-less
'"k": "v"' form too), 'gcp:COL:KEY' (a list of {key, value}, JSON or a
Python literal).  --charge sums the cost per charge category column
(lower-cased; GCP's regular is usage) against the series' charge column.  Exit 0 when every group's
cost agrees to 1e-9 of the largest."""
import argparse, ast, csv, gzip, json, sys


def tag(text, key, kind):
    text = (text or "").strip()
    if text in ("", "NULL", "[]", "{}"):
        return ""
    if kind == "gcp":
        try:
            items = json.loads(text)
        except ValueError:
            items = ast.literal_eval(text)
        for it in items:
            if it.get("key") == key:
                return it.get("value") or ""
        return ""
    obj = json.loads(text if text.startswith("{") else "{" + text + "}")
    v = obj.get(key)
    return "" if v is None else str(v)


def dim_value(row, spec):
    kind, _, rest = spec.partition(":")
    if kind == "col":
        for c in rest.split("|"):
            v = row.get(c) or ""
            if v and v != "NULL":
                return v
        return ""
    col, _, key = rest.rpartition(":")
    return tag(row.get(col), key, kind)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("billing")
    ap.add_argument("series")
    ap.add_argument("--cost", required=True)
    ap.add_argument("--dim", action="append", default=[])
    ap.add_argument("--charge")
    a = ap.parse_args()
    dims = [d.split("=", 1) for d in a.dim]
    opener = gzip.open if a.billing.endswith(".gz") else open
    want = {}
    with opener(a.billing, "rt", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            k = tuple(dim_value(row, s) for _, s in dims)
            if a.charge:
                c = (row.get(a.charge) or "usage").lower()
                k += ({"regular": "usage"}.get(c, c),)
            want[k] = want.get(k, 0.0) + float(row[a.cost] or 0)
    got = {}
    with open(a.series, newline="") as f:
        for row in csv.DictReader(f):
            k = tuple(row[n] for n, _ in dims)
            if a.charge:
                k += (row["charge"],)
            got[k] = got.get(k, 0.0) + float(row["cost"])
    scale = max([abs(v) for v in want.values()] + [1.0])
    bad = [(k, got.get(k), want.get(k)) for k in set(want) | set(got)
           if abs(got.get(k, 0.0) - want.get(k, 0.0)) > 1e-9 * scale]
    if bad or not want:
        sys.exit("groups differ (or none): %r" % (bad or want))
    print("%d groups agree" % len(want))


main()
