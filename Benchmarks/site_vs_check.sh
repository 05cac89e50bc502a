#!/usr/bin/env bash
# `steer site` against `steer check` on the same ledger: median wall, user and system times of
# ROUNDS runs each, alternated, and the ratio of the medians. The whole site is written into a
# fresh directory each time (as a CI job without a cache does), on the disk and, to see what
# the disk costs, on a tmpfs; and over the site of the previous round after 10 use cases
# changed (as a CI job that keeps the site does). Prints figures; asserts nothing
# (docs/performance.md). The 10 use cases are restored on exit.
#
#   Benchmarks/site_vs_check.sh STEER LEDGER_REPOSITORY [ROUNDS]
set -euo pipefail
steer="$1"; repository="$2"; rounds="${3:-5}"
work=$(mktemp -d); memory=$(mktemp -d -p /dev/shm)
changed=$(cd "$repository" && printf "%s\n" vision/usecases/*.md | sed -n 1,10p)
for file in $changed; do cp "$repository/$file" "$work/$(basename "$file").orig"; done
restore() { for file in $changed; do cp "$work/$(basename "$file").orig" "$repository/$file"; done; }
trap 'restore; rm -rf "$work" "$memory"' EXIT
# Each round retitles the 10 use cases (their pages and every page that shows their title), or
# puts them back.
toggle() {
  for file in $changed; do
    if cmp -s "$repository/$file" "$work/$(basename "$file").orig"; then
      sed -i 's/^title: \(.*\)/title: \1 (revised)/' "$repository/$file"
    else
      cp "$work/$(basename "$file").orig" "$repository/$file"
    fi
  done
}
measure() { /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1 || true; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
declare -A times
(cd "$repository" && "$steer" site --lang en --out "$work/kept" >/dev/null)
for round in $(seq "$rounds"); do
  toggle
  times[check]+="$(cd "$repository" && measure "$steer" check --lang en)"$'\n'
  times[incremental]+="$(cd "$repository" && measure "$steer" site --lang en --out "$work/kept")"$'\n'
  times[disk]+="$(cd "$repository" && measure "$steer" site --lang en --out "$work/site-$round")"$'\n'
  times[tmpfs]+="$(cd "$repository" && measure "$steer" site --lang en --out "$memory/site-$round")"$'\n'
  rm -rf "$memory/site-$round"
done
check=$(printf '%s' "${times[check]}" | awk '{ print $1 }' | median)
for name in check incremental disk tmpfs; do
  wall=$(printf '%s' "${times[$name]}" | awk '{ print $1 }' | median)
  user=$(printf '%s' "${times[$name]}" | awk '{ print $2 }' | median)
  system=$(printf '%s' "${times[$name]}" | awk '{ print $3 }' | median)
  ratio=$(awk -v a="$wall" -v b="$check" 'BEGIN { printf "%.1f", a / b }')
  echo "$name: wall $wall s, user $user s, system $system s (${ratio}× check)"
done
