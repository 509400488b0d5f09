#!/usr/bin/env bash
# Runs the node and browser suites as if it were another day: the dates that break date code
# (a public holiday, the night the clocks go forward, Christmas, a leap day, New Year's Eve).
#
# The whole process tree runs under libfaketime (Debian: apt-get install faketime) with the clock
# shifted by a fixed offset, so every process (node, the test servers, Chromium) agrees on the
# faked time and it runs on normally from there. The browser tests' server also starts its own
# injected clock at that date (IDO_TEST_NOW), so the elements see it too. PostgreSQL, when
# TEST_DATABASE_URL is set, keeps the real clock: the product must not depend on the database's.
#
#   scripts/test-on-dates.sh                       # every date below, node and browser suites
#   scripts/test-on-dates.sh --node                # node suites only (--browser: browser only)
#   scripts/test-on-dates.sh '2027-04-27 10:00'    # one date (Europe/Amsterdam), as `date -d` reads it
#   scripts/test-on-dates.sh --node -- tests/sdk/client.test.ts   # some test files only
#
# Run `npm run build` first (the package and end-to-end tests need dist/). Each date takes longer
# than a test run (libfaketime intercepts every clock read; a test file may take 20 minutes before it
# counts as hung): run it once after a change, not in a loop. Logs: .tmp/dates/<date>-<suite>.log.
set -uo pipefail
cd "$(dirname "$0")/.."

DATES=(
  '2027-04-27 10:00'   # Koningsdag: a public holiday on a Tuesday
  '2027-03-28 01:50'   # ten minutes before the clocks go from 02:00 to 03:00 (CET to CEST)
  '2026-12-25 10:00'   # Christmas Day
  '2028-02-29 12:00'   # a leap day
  '2026-12-31 23:30'   # New Year's Eve, half an hour before midnight
)
SUITES=(node browser)
chosen=()
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --node) SUITES=(node) ;;
    --browser) SUITES=(browser) ;;
    --) shift; files=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) chosen+=("$1") ;;
  esac
  shift
done
[ ${#chosen[@]} -gt 0 ] && DATES=("${chosen[@]}")

LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 2>/dev/null | head -1)
if [ -z "$LIB" ]; then
  echo "libfaketime is missing: apt-get install -y faketime" >&2
  exit 2
fi
[ -f dist/widget/ido.js ] || { echo "dist/ is missing: run npm run build first" >&2; exit 2; }

mkdir -p .tmp/dates
summary=()
failed=0
for when in "${DATES[@]}"; do
  target=$(date -d "TZ=\"Europe/Amsterdam\" $when" +%s) || { echo "not a date: $when" >&2; exit 2; }
  iso=$(date -u -d "@$target" +%Y-%m-%dT%H:%M:%SZ)
  slug=$(date -u -d "@$target" +%Y%m%dT%H%M)
  for suite in "${SUITES[@]}"; do
    offset=$(( target - $(date +%s) ))
    log=".tmp/dates/$slug-$suite.log"
    echo "== $when (Europe/Amsterdam, $iso): $suite suite, log in $log"
    if [ "$suite" = node ]; then command=(node scripts/test-node.mjs "${files[@]}"); else command=(npx web-test-runner "${files[@]}"); fi
    # Every clock moves by the same offset (with DONT_FAKE_MONOTONIC, Chromium under Playwright never
    # finished loading a page); file times stay real, so caches (tsx, esbuild) are not confused.
    LD_PRELOAD="$LIB" FAKETIME="$( [ $offset -ge 0 ] && echo "+$offset" || echo "$offset" )" NO_FAKE_STAT=1 \
      TEST_TIMEOUT_MS="${TEST_TIMEOUT_MS:-1200000}" \
      IDO_TEST_NOW="$iso" CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" \
      "${command[@]}" > "$log" 2>&1
    code=$?
    if [ "$suite" = node ]; then
      counts="$(grep -E '^# (pass|fail|cancelled) ' "$log" | awk '{printf "%s %s  ", $3, $2}')"
    else
      counts="$(grep -oE '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
    fi
    [ $code -eq 0 ] || failed=1
    summary+=("$when  $suite: $( [ $code -eq 0 ] && echo ok || echo FAILED ) ($counts)")
    echo "   ${summary[-1]}"
  done
done

echo
echo "Summary (faked clock, Europe/Amsterdam):"
printf '  %s\n' "${summary[@]}"
exit $failed
