#!/bin/sh
# run.sh FUZZDIR OUTDIR TARGET...: run each libFuzzer target for
# $FUZZ_SECONDS (default 60) on a copy of FUZZDIR/corpus/NAME, at most
# $FUZZ_JOBS (default 2) at a time.  Inputs it finds go to OUTDIR/NAME/corpus
# (the seed corpus in the source tree is never written), crashes, leaks and
# timeouts to OUTDIR/NAME/crash-*, the log to OUTDIR/NAME.log.  Exit 1 when
# any target found something.  Extra libFuzzer flags: $FUZZ_FLAGS.
set -u
src=$1 out=$2
shift 2
secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
mkdir -p "$out" || exit 1

run_one () {
  t=$1 name=$(basename "$1")
  name=${name#fuzz_}
  dict=
  [ -f "$src/$name.dict" ] && dict="-dict=$src/$name.dict"
  rm -rf "$out/$name"
  mkdir -p "$out/$name/corpus"
  [ -d "$src/corpus/$name" ] && cp "$src/corpus/$name"/* "$out/$name/corpus/" 2>/dev/null
  # shellcheck disable=SC2086
  "$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$out/$name/" $dict ${FUZZ_FLAGS:-} \
    "$out/$name/corpus" </dev/null >"$out/$name.log" 2>&1
  echo $? >"$out/$name.rc"
}

running=0
for t in "$@"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

status=0
for t in "$@"; do
  name=$(basename "$t")
  name=${name#fuzz_}
  rc=$(cat "$out/$name.rc" 2>/dev/null || echo '?')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
  last=$(grep -E '^#[0-9]+.*(cov|DONE)' "$out/$name.log" | tail -1)
  files=$(find "$out/$name/corpus" -type f | wc -l)
  found=$(find "$out/$name" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
    -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  printf '%-9s %s s, %s execs, corpus %s files; last: %s; findings: %s (exit %s)\n' \
    "$name" "$secs" "${execs:-?}" "$files" "${last:-?}" "$found" "$rc"
  if [ "$rc" != 0 ] || [ "$found" -ne 0 ]; then
    status=1
    echo "  see $out/$name.log and $out/$name/" >&2
  fi
done
exit $status
