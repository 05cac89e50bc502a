#!/usr/bin/env bash
# The member cache's targets (issue 39): a region of MEMBERS communes of USE_CASES use cases each
# (default 1,000 × 100, a national federation), generated once into DIR (kept: generating takes
# longer than measuring), then the median wall time, user and system time and peak memory of
# ROUNDS pairs of `steer check`: a first run, the members' cache emptied (every member read from
# git, then kept), and a second run with no pin moved (every member from the cache). Prints
# figures; asserts nothing (docs/performance.md, "The federation").
#
#   Benchmarks/federation_cache.sh STEER DIR [ROUNDS] [MEMBERS] [USE_CASES]
set -euo pipefail
steer="$1"; directory="$2"; rounds="${3:-3}"; members="${4:-1000}"; use_cases="${5:-100}"
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$directory/region" ]; then
  python3 "$here/generate_federation.py" "$directory" --members "$members" --use-cases "$use_cases" --seed 1
fi
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
timed() { (cd "$directory/region" && /usr/bin/time -f "%e %U %S %M" "$steer" check --lang en 2>&1 >/dev/null | tail -1); }
first=""; second=""
for _ in $(seq "$rounds"); do
  rm -rf "$directory/region/.git/steer/members"
  first+="$(timed)"$'\n'
  second+="$(timed)"$'\n'
done
report() {
  column() { printf '%s' "$2" | awk -v c="$1" '{ print $c }' | median; }
  echo "$1: wall $(column 1 "$2") s, user $(column 2 "$2") s, system $(column 3 "$2") s, peak $(( $(column 4 "$2") / 1024 )) MiB"
}
report "check, first run (members read from git)" "$first"
report "check, second run (no pin moved: members from the cache)" "$second"
echo "cache: $(du -sh "$directory/region/.git/steer/members" | cut -f1) in $(find "$directory/region/.git/steer/members" -type f | wc -l) files"
