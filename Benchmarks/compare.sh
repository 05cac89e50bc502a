#!/usr/bin/env bash
# Measures, in one run on this machine, the figures of docs/performance.md: steer's commands on
# the large generated ledger, and the Python baseline (PyYAML C loader + jsonschema + reference
# checks) on the same files. Prints wall seconds and peak memory, and the ratios.
#   Benchmarks/compare.sh [USE_CASES]      (default 10000: about 24,000 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
use_cases=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product steer >/dev/null
steer="$PWD/.build/release/steer"
python3 Benchmarks/generate_ledger.py "$work/large/vision" --use-cases "$use_cases" --seed 1
"$steer" schema --out "$work/schemas" >/dev/null
python3 -m venv "$work/venv" && "$work/venv/bin/pip" install --quiet pyyaml jsonschema
"$work/venv/bin/python" -c "import yaml; yaml.CSafeLoader" # the C loader must be there

measure() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$work/time" || true
  read -r seconds kib < <(tail -1 "$work/time")
  printf '%-34s %8.2f s %8d MiB\n' "$label" "$seconds" $((kib / 1024))
  echo "$seconds" > "$work/$label.s"
}

cd "$work/large"
measure check "$steer" check --lang en
measure baseline "$work/venv/bin/python" "$OLDPWD/Benchmarks/baseline_check.py" vision "$work/schemas"
measure metrics "$steer" metrics --format json
measure summary "$steer" summary --format html --lang en
git init -q && git -c user.name=b -c user.email=b@b add -A && git -c user.name=b -c user.email=b@b commit -qm ledger
for file in $(ls vision/usecases | head -10); do sed -i 's/effort: \([0-9]*\)/effort: 1\1/' "vision/usecases/$file"; done
measure since "$steer" check --lang en --since HEAD
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
s = {k: float(open(f"{w}/{k}.s").read()) for k in ("check", "baseline", "metrics", "summary", "since")}
print(f"baseline / check  {s['baseline'] / s['check']:.1f}x faster")
print(f"metrics / check   {s['metrics'] / s['check']:.2f}x")
print(f"summary / check   {s['summary'] / s['check']:.2f}x")
print(f"since / check     {s['since'] / s['check']:.2f}x")
PY
