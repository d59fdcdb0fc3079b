#!/bin/sh
# bench-ingest.sh: throughput and peak memory of `cloudcast ingest` on
# deterministic synthetic FOCUS 1.0 and AWS CUR files (tests/gen_billing),
# checked against the generator's exact totals, each read with the fast
# CSV scanner (the default) and with libcsv alone (CLOUDCAST_CSV=libcsv: the
# *-libcsv kinds), with the bytes each path took; and DuckDB head to head
# on the largest FOCUS, CUR and gzip files with the same grouping, runs
# alternated, when node and @duckdb/node-api can be installed.
# A benchmark, not a test: run it through `make bench-ingest`.
#
# Environment: CLOUDCAST, GEN (the programs), BENCH_DIR (scratch space for
# the generated files, default ./bench-data), BENCH_SIZES (MB, default
# "100 1000"), BENCH_RUNS (default 3; the median is shown), BENCH_THREADS
# (cloudcast -j, default: all online CPUs), BENCH_DUCKDB=no to skip DuckDB.
set -u
: "${CLOUDCAST:?}" "${GEN:?}"
dir=${BENCH_DIR:-bench-data}
sizes=${BENCH_SIZES:-100 1000}
runs=${BENCH_RUNS:-3}
threads=${BENCH_THREADS:-}
mkdir -p "$dir" || exit 1
LC_ALL=C
export LC_ALL

median () { sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

# run_timed OUT CMD...: run CMD BENCH_RUNS times; OUT gets "secs rss_kb cpu"
# (median wall time, largest peak RSS, median user+system CPU seconds).
run_timed () {
  out=$1; shift
  : >"$dir/times"
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f '%e %M %U %S' -o "$dir/time1" "$@" || return 1
    cat "$dir/time1" >>"$dir/times"
    i=$((i + 1))
  done
  secs=$(awk '{print $1}' "$dir/times" | median)
  rss=$(awk '$2>m{m=$2} END{print m}' "$dir/times")
  cpu=$(awk '{print $3+$4}' "$dir/times" | median)
  echo "$secs $rss $cpu" >"$out"
}

echo "cloudcast ingest benchmark: $(nproc) CPUs, $(uname -m); median of $runs runs, file in page cache"
echo "(CPU s = user + system time of all threads: steadier than wall time when the CPUs are shared)"
# gzip is inflated by ISA-L when cloudcast was built with it: then the same
# file is also read through zlib (CLOUDCAST_GZIP=zlib) for the comparison.
gzbe=$("$CLOUDCAST" --version | sed -n 's/^gzip billing exports are inflated by \(.*\)\.$/\1/p')
kinds="focus focus-libcsv cur cur-libcsv focus.gz"
[ "$gzbe" = ISA-L ] && kinds="$kinds gz-zlib"
echo "gzip: focus.gz inflated by ${gzbe:-zlib}; gz-zlib is the same file through zlib"
echo "CSV: *-libcsv read the same file with libcsv alone (CLOUDCAST_CSV=libcsv); fast% = bytes the fast scanner took"
printf '%-12s %5s %8s %7s %10s %6s %9s %5s  %s\n' kind MB seconds MB/s rows/s CPU_s peak_RSS fast% totals
for size in $sizes; do
  for kind in $kinds; do
    base=${kind%.gz}
    base=${base%-libcsv}
    [ "$kind" = gz-zlib ] && base=focus
    CLOUDCAST_GZIP=; [ "$kind" = gz-zlib ] && CLOUDCAST_GZIP=zlib
    CLOUDCAST_CSV=fast
    case $kind in *-libcsv) CLOUDCAST_CSV=libcsv ;; esac
    export CLOUDCAST_GZIP CLOUDCAST_CSV
    f="$dir/$base-${size}MB.csv"
    if [ ! -s "$f" ] || [ ! -s "$f.expect" ]; then
      flag=; [ "$base" = cur ] && flag=--cur
      "$GEN" $flag --seed 1 "$((size * 1000000))" "$f" "$f.expect" || exit 1
      sync
    fi
    if [ "$kind" = focus.gz ] || [ "$kind" = gz-zlib ]; then
      # The same FOCUS file gzipped: inflated on a reader thread.
      if [ ! -s "$f.gz" ]; then
        gzip -1 -c "$f" >"$f.gz.tmp" && mv "$f.gz.tmp" "$f.gz" || exit 1
      fi
      cp "$f.expect" "$f.gz.expect"
      f="$f.gz"
    fi
    cat "$f" >/dev/null
    jopt=; [ -n "$threads" ] && jopt="-j $threads"
    # shellcheck disable=SC2086
    CLOUDCAST_TIMINGS=1 "$CLOUDCAST" ingest -q $jopt "$f" 2>"$dir/timings" >/dev/null   # warm-up, not timed
    fastb=$(sed -n 's/^cloudcast: timing: csv: .*: \([0-9]*\) bytes by the fast scanner.*/\1/p' "$dir/timings" | head -1)
    # shellcheck disable=SC2086
    run_timed "$dir/res" "$CLOUDCAST" ingest -q $jopt --report "$dir/report.json" \
      -o "$dir/series.csv" "$f" || { echo "cloudcast ingest failed"; exit 1; }
    read -r secs rss cpu <"$dir/res"
    bytes=$(awk '/^bytes/{print $2}' "$f.expect")
    rows=$(awk '/^rows/{print $2}' "$f.expect")
    # The series against the generator's integer sums, month by month.
    check=$(awk '
      FNR==NR { if ($1 ~ /^2024-/) want[$1]=$2; if ($1=="total") tot=$2; next }
      FNR==1 { split($0, h, ","); for (i in h) col[h[i]]=i; next }
      { split($0, f, ","); got[f[1]]+=f[col["cost"]]; all+=f[col["cost"]]
        n+=f[col["rows"]] }
      END { bad=0
            for (m in want) { d=got[m]-want[m]; if (d<0) d=-d
                              if (d > 1e-9*(want[m]<0?-want[m]:want[m])) bad=1 }
            d=all-tot; if (d<0) d=-d; if (d > 1e-9*(tot<0?-tot:tot)) bad=1
            printf "%s (total %.6f, want %s; %d rows)", bad?"DIFFER":"equal", all, tot, n }
    ' "$f.expect" "$dir/series.csv")
    printf '%-12s %5d %8.2f %7.0f %10.0f %6.2f %6.1f MB %5.1f  %s\n' "$kind" "$size" "$secs" \
      "$(awk "BEGIN{print $bytes/1e6/$secs}")" "$(awk "BEGIN{print $rows/$secs}")" \
      "$cpu" "$(awk "BEGIN{print $rss/1024}")" "$(awk "BEGIN{print 100*${fastb:-0}/$bytes}")" "$check"
  done
done
CLOUDCAST_CSV=fast CLOUDCAST_GZIP=
export CLOUDCAST_CSV CLOUDCAST_GZIP

# DuckDB on the largest FOCUS file: the same month/service grouping.
if [ "${BENCH_DUCKDB:-yes}" = no ]; then
  echo "duckdb: skipped (BENCH_DUCKDB=no)"
  exit 0
fi
big=$(echo $sizes | tr ' ' '\n' | sort -n | tail -1)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "duckdb: skipped (node or npm not found)"
  exit 0
fi
if [ ! -d "$dir/duckdb/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$dir/duckdb"
  if ! (cd "$dir/duckdb" && npm install --silent --no-audit --no-fund @duckdb/node-api >npm.log 2>&1); then
    echo "duckdb: skipped (npm install @duckdb/node-api failed; see $dir/duckdb/npm.log)"
    exit 0
  fi
fi
# The query: cloudcast's default grouping (month, service, unit) with the
# billed cost, quantity and rows, in FOCUS or CUR column names.
cat >"$dir/duckdb/q.js" <<'JS'
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const [file, threads, kind] = process.argv.slice(2);
  const db = await DuckDBInstance.create(':memory:', { threads: threads });
  const con = await db.connect();
  await con.run("SET TimeZone='UTC'");
  const t0 = process.hrtime.bigint();
  const src = `read_csv('${file.replace(/'/g, "''")}')`;
  const q = kind === 'cur' ? `
    SELECT strftime(date_trunc('month', "lineItem/UsageStartDate"), '%Y-%m') AS m,
           "product/ProductName", "pricing/unit",
           sum("lineItem/UnblendedCost") AS cost,
           sum("lineItem/UsageAmount") AS qty, count(*) AS n
    FROM ${src} GROUP BY ALL` : `
    SELECT strftime(date_trunc('month', ChargePeriodStart), '%Y-%m') AS m,
           ServiceCategory, ServiceName, ConsumedUnit,
           sum(BilledCost) AS cost, sum(EffectiveCost) AS eff,
           sum(ConsumedQuantity) AS qty, count(*) AS n
    FROM ${src} GROUP BY ALL`;
  const r = await con.runAndReadAll(q);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  let total = 0, n = 0;
  for (const row of r.getRowObjects()) { total += Number(row.cost); n += Number(row.n); }
  console.log(`${secs} ${total.toFixed(6)} ${n} ${(await con.runAndReadAll('SELECT version()')).getRows()[0][0]}`);
})().catch(e => { console.error(e); process.exit(1); });
JS
nthreads=${threads:-$(nproc)}
jopt=; [ -n "$threads" ] && jopt="-j $threads"
echo
echo "head to head with DuckDB ($nthreads threads), runs alternated, median of $runs:"
echo "(DuckDB's figures are its whole command: node start, DuckDB, query; RSS of the node process)"
printf '%-12s %-9s %5s %8s %7s %6s %9s  %s\n' file program MB seconds MB/s CPU_s peak_RSS 'CPU ratio, totals'
for kind in focus cur focus.gz; do
  base=${kind%.gz}
  f="$dir/$base-${big}MB.csv"
  [ "$kind" = focus.gz ] && f="$f.gz"
  [ -s "$f" ] || continue
  bytes=$(awk '/^bytes/{print $2}' "$f.expect")
  tot=$(awk '/^total/{print $2}' "$f.expect")
  : >"$dir/dtimes"
  : >"$dir/ctimes"
  i=0
  # Alternate DuckDB and cloudcast runs so that both see the same machine
  # load (the CPUs may be shared with other work).
  while [ $i -lt "$runs" ]; do
    (cd "$dir/duckdb" && /usr/bin/time -f '%e %U %S %M' -o ../drss node q.js "../$(basename "$f")" "$nthreads" "$base") >"$dir/dout" 2>"$dir/derr" \
      || { echo "duckdb: failed on $kind: $(head -3 "$dir/derr")"; continue 2; }
    echo "$(cat "$dir/dout") $(cat "$dir/drss")" >>"$dir/dtimes"
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M %U %S' -o "$dir/time1" "$CLOUDCAST" ingest -q $jopt "$f" >/dev/null
    cat "$dir/time1" >>"$dir/ctimes"
    i=$((i + 1))
  done
  wsecs=$(awk '{print $(NF-3)}' "$dir/dtimes" | median)
  dcpu=$(awk '{print $(NF-2)+$(NF-1)}' "$dir/dtimes" | median)
  drss=$(awk '$NF>m{m=$NF} END{print m}' "$dir/dtimes")
  read -r _ dtot drows dver _ <"$dir/dout"
  csecs=$(awk '{print $1}' "$dir/ctimes" | median)
  ccpu=$(awk '{print $3+$4}' "$dir/ctimes" | median)
  crss=$(awk '$2>m{m=$2} END{print m}' "$dir/ctimes")
  printf '%-12s %-9s %5d %8.2f %7.0f %6.2f %6.1f MB  %s\n' "$kind" duckdb "$big" "$wsecs" \
    "$(awk "BEGIN{print $bytes/1e6/$wsecs}")" "$dcpu" "$(awk "BEGIN{print $drss/1024}")" \
    "total $dtot, want $tot, $drows rows (DuckDB $dver)"
  printf '%-12s %-9s %5d %8.2f %7.0f %6.2f %6.1f MB  %s\n' "$kind" cloudcast "$big" "$csecs" \
    "$(awk "BEGIN{print $bytes/1e6/$csecs}")" "$ccpu" "$(awk "BEGIN{print $crss/1024}")" \
    "CPU $(awk "BEGIN{printf \"%.2f\", $ccpu/$dcpu}")x DuckDB's, wall $(awk "BEGIN{printf \"%.2f\", $csecs/$wsecs}")x"
done
