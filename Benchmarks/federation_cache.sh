#!/usr/bin/env bash
# The member cache's targets (issue 39): a region of MEMBERS communes of USE_CASES use cases each
# (default 1,000 × 100, a national federation; 100 × 1,000 is the region target), generated once
# into DIR (kept: generating takes longer than measuring), then, for `steer check`, `steer metrics
# --format json` and `steer summary`, the median wall time, user and system time and peak memory
# of ROUNDS pairs of runs: a first run, the members' cache emptied (every member read from git,
# then kept), and a second run with no pin moved (every member from the cache). Prints figures;
# asserts nothing (docs/performance.md, "The federation").
#
#   Benchmarks/federation_cache.sh STEER DIR [ROUNDS] [MEMBERS] [USE_CASES]
set -euo pipefail
steer="$1"; directory="$2"; rounds="${3:-3}"; members="${4:-1000}"; use_cases="${5:-100}"
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$directory/region" ]; then
  python3 "$here/generate_federation.py" "$directory" --members "$members" --use-cases "$use_cases" --seed 1
fi
caches="$directory/region/.git/steer/members"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# shellcheck disable=SC2086 # the command's words are meant to split
timed() { (cd "$directory/region" && /usr/bin/time -f "%e %U %S %M" "$steer" $1 --lang en 2>&1 >/dev/null | tail -1); }
report() {
  column() { printf '%s' "$2" | awk -v c="$1" '{ print $c }' | median; }
  echo "$1: wall $(column 1 "$2") s, user $(column 2 "$2") s, system $(column 3 "$2") s, peak $(( $(column 4 "$2") / 1024 )) MiB"
}
for command in "check" "metrics --format json" "summary"; do
  first=""; second=""
  for _ in $(seq "$rounds"); do
    rm -rf "$caches"
    first+="$(timed "$command")"$'\n'
    second+="$(timed "$command")"$'\n'
  done
  report "$command, first run (members read from git)" "$first"
  report "$command, second run (no pin moved: members from the cache)" "$second"
done
echo "cache: $(du -sh "$caches" | cut -f1) in $(find "$caches" -type f | wc -l) files"
