#!/bin/sh
# bench-engines.sh: the synthetic FOCUS benchmark file (tests/gen_billing)
# through `cloudcast ingest` and through the statement of `cloudcast sql`
# in DuckDB (over the CSV and over a Parquet copy DuckDB wrote) and in two
# ClickHouse servers as the shards of a Distributed table; throughput,
# peak memory, and whether each series equals ingest's (costs to 1e-9).
# A benchmark, not a test: run it through `make bench-engines`.
#
# Environment: CLOUDCAST, GEN, top_srcdir; BENCH_DIR (default
# ./bench-data), BENCH_ENGINES_MB (file size in MB, default 1000).
# Peak memory: the process's peak RSS (DuckDB: the node process running
# it); ClickHouse: both servers' peak RSS (VmHWM) summed, loading included.
set -u
: "${CLOUDCAST:?}" "${GEN:?}" "${top_srcdir:?}"
dir=${BENCH_DIR:-bench-data}
size=${BENCH_ENGINES_MB:-1000}
eng="$top_srcdir/tests/sql-engines.js"
mkdir -p "$dir" || exit 1
dir=$(cd "$dir" && pwd)
LC_ALL=C
export LC_ALL
NODE_PATH="${XDG_CACHE_HOME:-$HOME/.cache}/cloudcast-tests/node/node_modules"
export NODE_PATH

f="$dir/focus-${size}MB.csv"
if [ ! -s "$f" ] || [ ! -s "$f.expect" ]; then
  "$GEN" --seed 1 "$((size * 1000000))" "$f" "$f.expect" || exit 1
fi
bytes=$(awk '/^bytes/{print $2}' "$f.expect")
echo "engines benchmark: $(nproc) CPUs, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
echo "file: $f ($bytes bytes), --by family, --cost billed; file in page cache"
printf '%-22s %8s %8s %10s  %s\n' route seconds MB/s peak_RSS series

# line ROUTE SECS RSS_KB CSV: one result line, the series against ingest's.
line () {
  agree=$(node "$eng" compare "$dir/eng-ingest.csv" "$4" 2>&1 | tail -1)
  printf '%-22s %8.2f %8.0f %7.0f MB  %s\n' "$1" "$2" \
    "$(awk "BEGIN{print $bytes/1e6/$2}")" "$(awk "BEGIN{print $3/1024}")" "$agree"
}

cat "$f" >/dev/null
/usr/bin/time -f '%e %M' -o "$dir/t" "$CLOUDCAST" ingest -q --by family \
  -o "$dir/eng-ingest.csv" "$f" || exit 1
read -r secs rss <"$dir/t"
printf '%-22s %8.2f %8.0f %7.0f MB  %s\n' "cloudcast ingest" "$secs" \
  "$(awk "BEGIN{print $bytes/1e6/$secs}")" "$(awk "BEGIN{print $rss/1024}")" "(the reference)"

if ! command -v node >/dev/null 2>&1 || [ ! -d "$NODE_PATH/@duckdb/node-api" ]; then
  echo "duckdb: skipped (run make check once: tests/sql.test installs @duckdb/node-api)"
else
  "$CLOUDCAST" sql --dialect duckdb --by family --files "$f" >"$dir/eng-duck.sql" || exit 1
  /usr/bin/time -f '%e %M' -o "$dir/t" node "$eng" duckdb "$dir/eng-duck.sql" >"$dir/eng-duck.csv" || exit 1
  read -r secs rss <"$dir/t"
  line "duckdb sql, CSV" "$secs" "$rss" "$dir/eng-duck.csv"
  if [ ! -s "$f.parquet" ]; then
    node "$eng" parquet "$f" "$f.parquet.tmp" && mv "$f.parquet.tmp" "$f.parquet" || exit 1
  fi
  "$CLOUDCAST" sql --dialect duckdb --by family --files "$f.parquet" >"$dir/eng-pq.sql" || exit 1
  /usr/bin/time -f '%e %M' -o "$dir/t" node "$eng" duckdb "$dir/eng-pq.sql" >"$dir/eng-pq.csv" || exit 1
  read -r secs rss <"$dir/t"
  line "duckdb sql, Parquet" "$secs" "$rss" "$dir/eng-pq.csv"
fi

. "$top_srcdir/tests/clickhouse.sh"
if ! command -v node >/dev/null 2>&1 || ! ch_install; then
  echo "clickhouse: skipped (clickhouse-server not installed)"
  exit 0
fi
rm -rf "$dir/ch"
mkdir -p "$dir/ch"
trap 'ch_stop' EXIT
ch_start "$dir/ch" || { echo "clickhouse: the servers did not start"; exit 1; }
# The generated file has no line breaks inside fields: split by line.
awk -v a="$dir/ch/a.csv" -v b="$dir/ch/b.csv" 'NR > 1 { print > (NR % 2 ? a : b) }' "$f"
ch_load "$f" "$dir/ch/a.csv" "$dir/ch/b.csv" || exit 1
rm -f "$dir/ch/a.csv" "$dir/ch/b.csv"
"$CLOUDCAST" sql --dialect clickhouse --by family --table t_dist --header "$f" >"$dir/eng-ch.sql" || exit 1
/usr/bin/time -f '%e %M' -o "$dir/t" sh -c '. "$1"; ch_port1=$2; ch_query "$3"' _ \
  "$top_srcdir/tests/clickhouse.sh" "$ch_port1" "$dir/eng-ch.sql" >"$dir/eng-ch.csv" || exit 1
read -r secs rss <"$dir/t"
rss=0
for p in $ch_pids; do
  rss=$((rss + $(awk '/^VmHWM/{print $2}' "/proc/$p/status")))
done
line "clickhouse, 2 shards" "$secs" "$rss" "$dir/eng-ch.csv"
