#!/usr/bin/env bash
# `steer site` against `steer check` on the same ledger: median wall, user and system times of
# ROUNDS runs each, alternated, and the ratio of the medians. The site is written into a fresh
# directory each time (as a CI job does), on the disk and, to see what the disk costs, on a
# tmpfs. Prints figures; asserts nothing (docs/performance.md).
#
#   Benchmarks/site_vs_check.sh STEER LEDGER_REPOSITORY [ROUNDS]
set -euo pipefail
steer="$1"; repository="$2"; rounds="${3:-5}"
work=$(mktemp -d); memory=$(mktemp -d -p /dev/shm)
trap 'rm -rf "$work" "$memory"' EXIT
measure() { /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
declare -A times
for round in $(seq "$rounds"); do
  times[check]+="$(cd "$repository" && measure "$steer" check --lang en)"$'\n'
  times[disk]+="$(cd "$repository" && measure "$steer" site --lang en --out "$work/site-$round")"$'\n'
  times[tmpfs]+="$(cd "$repository" && measure "$steer" site --lang en --out "$memory/site-$round")"$'\n'
  rm -rf "$memory/site-$round"
done
check=$(printf '%s' "${times[check]}" | awk '{ print $1 }' | median)
for name in check disk tmpfs; do
  wall=$(printf '%s' "${times[$name]}" | awk '{ print $1 }' | median)
  user=$(printf '%s' "${times[$name]}" | awk '{ print $2 }' | median)
  system=$(printf '%s' "${times[$name]}" | awk '{ print $3 }' | median)
  ratio=$(awk -v a="$wall" -v b="$check" 'BEGIN { printf "%.1f", a / b }')
  echo "$name: wall $wall s, user $user s, system $system s (${ratio}× check)"
done
