#!/usr/bin/env bash
# Measures, in one run on this machine, the figures of docs/performance.md: steer's commands on
# the large generated ledger, and the Python baseline (PyYAML C loader + jsonschema + reference
# checks) on the same files. Prints wall seconds (medians) and peak memory, and the ratios.
#   Benchmarks/compare.sh [USE_CASES]      (default 10000: about 24,000 documents, 320 iteration tags)
set -euo pipefail
cd "$(dirname "$0")/.."
use_cases=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Built as README.md's "Installing" says: the Swift runtime linked in (it starts faster).
swift build -c release --static-swift-stdlib --product steer --scratch-path .build/static >/dev/null
steer="$PWD/.build/static/release/steer"
# With its history: one commit and one tag per closed iteration (about a minute to write).
python3 Benchmarks/generate_ledger.py "$work/large/vision" --use-cases "$use_cases" --seed 1 --git >/dev/null
"$steer" schema --out "$work/schemas" >/dev/null
python3 -m venv "$work/venv" && "$work/venv/bin/pip" install --quiet pyyaml jsonschema
"$work/venv/bin/python" -c "import yaml; yaml.CSafeLoader" # the C loader must be there

# Each command runs ROUNDS times, round-robin with the others so that a slow spell of the
# machine hits them all alike; the figures are medians.
rounds=${ROUNDS:-5}
measure() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$work/time" || true
  tail -1 "$work/time" >> "$work/$label.runs"
}

cd "$work/large"
git status --short >/dev/null # as any user's git would, refresh the index's file times
for file in $(ls vision/usecases | head -10); do sed -i 's/effort: \([0-9]*\)/effort: 1\1/' "vision/usecases/$file"; done
for round in $(seq "$rounds"); do
  rm -rf .git/steer # no cache, as in a fresh clone (a CI job)
  measure check "$steer" check --lang en
  measure baseline "$work/venv/bin/python" "$OLDPWD/Benchmarks/baseline_check.py" vision "$work/schemas"
  measure metrics "$steer" metrics --format json
  measure summary "$steer" summary --format html --lang en --trend 0
  measure summary-trend "$steer" summary --format html --lang en
  measure since-cold "$steer" check --lang en --since HEAD # makes the document cache
  measure since "$steer" check --lang en --since HEAD
  measure check-warm "$steer" check --lang en # every reading now takes from it
  measure metrics-warm "$steer" metrics --format json
  measure summary-warm "$steer" summary --format html --lang en --trend 0
  rm -f .git/steer/history-* # the summary's trend replays the last tags through it
  measure history-cold "$steer" history
  measure history "$steer" history
done
python3 - "$work" <<'PY'
import statistics, sys
w = sys.argv[1]
runs = {k: [tuple(map(float, line.split())) for line in open(f"{w}/{k}.runs")]
        for k in ("check", "baseline", "metrics", "summary", "summary-trend", "since-cold", "since",
                  "check-warm", "metrics-warm", "summary-warm", "history-cold", "history")}
for k, v in runs.items():
    print(f"{k:13} {statistics.median(r[0] for r in v):6.2f} s  (median of {len(v)}: {', '.join(f'{r[0]:.2f}' for r in v)})"
          f"  peak {max(r[1] for r in v) / 1024:.0f} MiB")
# The machine has slow spells that last longer than a round: each ratio is taken within its
# round (commands that ran seconds apart), and the median of those is printed.
def ratio(a, b):
    return statistics.median(x[0] / y[0] for x, y in zip(runs[a], runs[b]))
print(f"baseline / check  {ratio('baseline', 'check'):.1f}x faster")
print(f"metrics / check   {ratio('metrics', 'check'):.2f}x")
print(f"summary / check   {ratio('summary', 'check'):.2f}x (with the trend of the last 12 tags: {ratio('summary-trend', 'check'):.2f}x)")
print(f"since / check     {ratio('since', 'check'):.2f}x (cache cold: {ratio('since-cold', 'check'):.2f}x)")
print(f"history / check   {ratio('history', 'check'):.2f}x (cache cold: {ratio('history-cold', 'check'):.2f}x)")
print(f"with the document cache made by --since: check {ratio('check-warm', 'check'):.2f}x the check without,"
      f" metrics {ratio('metrics-warm', 'check-warm'):.2f}x and summary {ratio('summary-warm', 'check-warm'):.2f}x that check")
PY
