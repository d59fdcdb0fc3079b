# tests/lib.sh: sourced by every shell test; TAP helpers and a scratch dir.
set -u
: "${CLOUDCAST:?run through make check}"
: "${top_srcdir:?run through make check}"
LC_ALL=C
export LC_ALL
n=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cloudcast-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
data="$top_srcdir/tests/data"

ok () {   # ok DESCRIPTION COMMAND...
  desc=$1; shift
  n=$((n + 1))
  if "$@" >"$tmp/ok.out" 2>&1; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' "$tmp/ok.out" | head -20
    failed=$((failed + 1))
  fi
}

# expect STATUS SUBSTRING DESCRIPTION COMMAND...: the command exits with
# STATUS and its stderr contains SUBSTRING.
expect () {
  want=$1 sub=$2 desc=$3; shift 3
  n=$((n + 1))
  "$@" >"$tmp/expect.out" 2>"$tmp/expect.err"
  got=$?
  if [ "$got" -eq "$want" ] && grep -qF -- "$sub" "$tmp/expect.err"; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc (exit $got, want $want; stderr must contain: $sub)"
    sed 's/^/# stderr: /' "$tmp/expect.err" | head -10
    failed=$((failed + 1))
  fi
}

skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

done_testing () {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
