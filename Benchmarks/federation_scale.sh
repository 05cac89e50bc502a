#!/usr/bin/env bash
# The federation's scale target: a region of MEMBERS communes of USE_CASES use cases each
# (default 100 × 1,000), generated once into DIR (kept: generating takes longer than measuring),
# then the median wall time, user and system time and peak memory of ROUNDS runs of `steer
# check`, `steer check --members` and `steer metrics --format json` in the region. Prints
# figures; asserts nothing (docs/performance.md, "The federation").
#
#   Benchmarks/federation_scale.sh STEER DIR [ROUNDS] [MEMBERS] [USE_CASES]
set -euo pipefail
steer="$1"; directory="$2"; rounds="${3:-3}"; members="${4:-100}"; use_cases="${5:-1000}"
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$directory/region" ]; then
  python3 "$here/generate_federation.py" "$directory" --members "$members" --use-cases "$use_cases" --seed 1
fi
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for command in "check" "check --members" "metrics --format json"; do
  runs=""
  for _ in $(seq "$rounds"); do
    # shellcheck disable=SC2086 # the command's words are meant to split
    runs+="$(cd "$directory/region" && /usr/bin/time -f "%e %U %S %M" "$steer" $command --lang en 2>&1 >/dev/null | tail -1)"$'\n'
  done
  column() { printf '%s' "$runs" | awk -v c="$1" '{ print $c }' | median; }
  echo "$command: wall $(column 1) s, user $(column 2) s, system $(column 3) s, peak $(( $(column 4) / 1024 )) MiB"
done
