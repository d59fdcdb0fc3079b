#!/bin/sh
# bench-run.sh: the default `cloudcast run` (the shipped scenario, 10,000
# draws): wall and CPU time of the whole run and of each of its parts, from
# the lines CLOUDCAST_TIMINGS=1 prints; the median of BENCH_RUNS runs
# (default 5), with the default threads and with one.
#
# Environment: CLOUDCAST (the program), BENCH_DIR (scratch space, default
# ./bench-data), BENCH_RUNS.
set -u
dir=${BENCH_DIR:-bench-data}
runs=${BENCH_RUNS:-5}
mkdir -p "$dir" || exit 1

echo "default cloudcast run: median of $runs runs; $(nproc) CPUs, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "(CPU s counts every thread of cloudcast and the gnuplot it waits for)"
"$CLOUDCAST" run -q -o "$dir/run" >/dev/null 2>&1   # warm-up, not timed
for threads in default 1; do
  : >"$dir/timings"
  i=0
  while [ "$i" -lt "$runs" ]; do
    if [ "$threads" = 1 ]; then
      CLOUDCAST_THREADS=1 CLOUDCAST_TIMINGS=1 "$CLOUDCAST" run -q -o "$dir/run" \
        >/dev/null 2>>"$dir/timings" || { echo "cloudcast run failed"; exit 1; }
    else
      CLOUDCAST_TIMINGS=1 "$CLOUDCAST" run -q -o "$dir/run" \
        >/dev/null 2>>"$dir/timings" || { echo "cloudcast run failed"; exit 1; }
    fi
    i=$((i + 1))
  done
  echo "threads: $threads"
  awk -F': ' '
    function median(s,   n, v, i, j, t) {
      n = split(s, v, " ")
      for (i = 2; i <= n; i++)
        for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    /^cloudcast: timing: / {
      p = $3; split($4, a, " ")
      if (!(p in wall)) order[++np] = p
      wall[p] = wall[p] " " a[1]; cpu[p] = cpu[p] " " a[4]
    }
    END {
      printf "  %-26s %8s %8s\n", "part", "wall_s", "CPU_s"
      for (i = 1; i <= np; i++)
        printf "  %-26s %8.3f %8.3f\n", order[i], median(wall[order[i]]), median(cpu[order[i]])
    }' "$dir/timings"
done
