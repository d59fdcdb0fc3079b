#!/bin/sh
# tests/bad/gen.sh: make, in the current directory, the hostile inputs that
# are too large for git or cannot live in it (symlinks, non-UTF-8 names,
# deep paths).  Run by tests/bad.test; the MANIFEST names them @gen/...
# Needs only sh and awk; the files are deterministic.
set -eu
: "${top_srcdir:?run through make check}"
data=$top_srcdir/tests/data
# rep(C, N): C repeated N times (mawk's sprintf cannot pad that far).
REP='function rep (c, n,  s) { s = c; while (length (s) < n) s = s s; return substr (s, 1, n) } '
H=date,metric,value,unit,source

# Reported usage: a 1 MB field (fine), a 2 MiB field and an unterminated
# quote running over 3 MB (the 1 MiB field cap), 100k columns (the 10000
# field cap), 1001 metrics (the 1000 metric cap).
awk -v h=$H "$REP"'BEGIN { s = rep("x", 1000000);
  print h; print "2025-01,m,1,TB," s; print "2025-07,m,2,TB,s" }' > field-1mb.csv
awk -v h=$H "$REP"'BEGIN { s = rep("x", 2097152);
  print h; print "2025-01,m,1,TB," s; print "2025-07,m,2,TB,s" }' > field-2mib.csv
awk -v h=$H 'BEGIN { print h; print "2025-01,m,1,TB,\"open";
  for (i = 0; i < 100000; i++) print "2025-01,m,1,TB,some filler text here" }' > unterminated-3mb.csv
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "c%d,", i; print "date";
  for (i = 0; i < 100000; i++) printf "0,"; print "2025-01" }' > columns-100k.csv
awk -v h=$H 'BEGIN { print h; for (i = 0; i <= 1000; i++) {
  print "2025-01,m" i ",1,TB,s"; print "2025-07,m" i ",2,TB,s" } }' > metrics-1001.csv
# A CRLF split across the reader's 64 KiB chunks: the CR is byte 65535.
awk 'BEGIN { printf "date,metric,value,unit,source\r\n2025-01,m,1,TB,";
  for (i = 0; i < 65489; i++) printf "x"; printf "\r\n2025-07,m,x,TB,s\r\n" }' > crlf-chunk.csv

# Price books: 20001 rows (the 20000 row cap).
awk 'BEGIN { print "provider,service,sku,region,unit,tier_start,unit_price,currency,effective_date,source";
  for (i = 0; i <= 20000; i++) print "A,S,k" i ",r,GiB-month,0,1,USD,2026-01-01,s" }' > prices-20001.csv

# Series: 10001 series, 10001 points of one series, 10001 x,y points.
S=period,provider,family,service,meter,unit,quantity,cost,currency,rows
awk -v h=$S 'BEGIN { print h; for (i = 0; i <= 10000; i++)
  print "2023-01,aws,storage,S3,m" i ",GB-month,1,1,USD,1" }' > series-10001.csv
awk -v h=$S 'BEGIN { print h; for (i = 0; i <= 10000; i++)
  printf "%04d-%02d,aws,storage,S3,m,GB-month,%d,1,USD,1\n", 1900 + int (i / 12), i % 12 + 1, i + 1 }' > points-10001.csv
awk 'BEGIN { print "x,y"; for (i = 0; i <= 10000; i++) print i "," 2 * i + 1 }' > xy-10001.csv

# Billing (FOCUS): 100k columns, a 2 MiB field, a 1 MB field in a column no
# role reads (fine), a 5000-byte service name (the 4096-byte label cap), an
# unterminated quote over 3 MB through gzip (the stream reader), and
# 1000001 groups (the cap).
F=BilledCost,BillingCurrency,ChargePeriodStart,ServiceName,ConsumedQuantity,ConsumedUnit,ProviderName
awk -v h=$F 'BEGIN { printf "%s", h; for (i = 0; i < 100000; i++) printf ",x%d", i; print "" }' > focus-columns-100k.csv
awk -v h=$F "$REP"'BEGIN { s = rep("x", 2097152);
  print h; print "1,USD,2024-09-01," s ",1,GB,AWS" }' > focus-field-2mib.csv
awk -v h=$F "$REP"'BEGIN { s = rep("x", 1000000);
  print h ",Note"; print "1,USD,2024-09-01,S3,1,GB,AWS," s }' > focus-field-1mb.csv
awk -v h=$F "$REP"'BEGIN { s = rep("s", 5000);
  print h; print "1,USD,2024-09-01," s ",1,GB,AWS" }' > focus-label-5000.csv
# A tag value of 5000 bytes, read with --by tag:team.
awk -v h=$F "$REP"'BEGIN { s = rep("t", 5000);
  print h ",Tags"; print "1,USD,2024-09-01,S3,1,GB,AWS,\"{\"\"team\"\": \"\"" s "\"\"}\"" }' > focus-tag-5000.csv
awk -v h=$F 'BEGIN { print h; print "1,USD,2024-09-01,\"S3,1,GB,AWS";
  for (i = 0; i < 100000; i++) print "1,USD,2024-09-01,S3,1,GB,AWS" }' | gzip -n > focus-unterminated.csv.gz
awk -v h=$F 'BEGIN { print h; for (i = 0; i <= 1000000; i++)
  print "1,USD,2024-09-01,S3,1,GB,m" i }' > focus-groups-1000001.csv

# Scenarios: a 1 MB line, and 100000 continuation lines.
B="[scenario]
name = x
start = 2026-02
providers = test
price_books = $top_srcdir/tests/data/prices/terms.csv"
{ echo "$B"; awk "$REP"'BEGIN { s = rep("a", 1000000); print "note = " s }'; } > scenario-line-1mb.ini
{ echo "$B"; echo "note = start"; awk 'BEGIN { for (i = 0; i < 100000; i++) print "  more" }'; } > scenario-continued.ini

# File-system oddities: symlinks (good, dangling, a loop), a directory, a
# name longer than NAME_MAX, deep directories, non-UTF-8 names, and a
# scenario reached through a symlink from another directory.
ln -s "$data/reported/ok.csv" symlink-ok.csv
ln -s no-such-target.csv symlink-dangling.csv
ln -s loop-b.csv loop-a.csv
ln -s loop-a.csv loop-b.csv
mkdir a-directory.csv
d=deep
i=0
while [ $i -lt 100 ]; do d=$d/level-$i; i=$((i + 1)); done
mkdir -p "$d"
printf '%s\n2025-01,m,1,TB,s\n2025-07,m,x,TB,s\n' $H > "$d/bad.csv"
echo "$d/bad.csv" > deep.path
ln -s "$d" deep-link
mkdir nonutf8
printf '%s\n2025-01,m,1,TB,s\n2025-07,m,x,TB,s\n' $H > "nonutf8/$(printf 'caf\351-\377\376.csv')"
mkdir nonutf8-ok
cp "$data/reported/ok.csv" "nonutf8-ok/$(printf '\377\376\375.csv')"
mkdir elsewhere
ln -s "$top_srcdir/tests/bad/scenario/ok.ini" elsewhere/linked.ini
