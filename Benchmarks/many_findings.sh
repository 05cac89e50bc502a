#!/usr/bin/env bash
# Every report format on one use case of 1 MiB at most that lists 262,000 unknown users: as
# many findings, all on one line. Each format must stay linear (under 10 s here).
#   Benchmarks/many_findings.sh [STEER]   (default: the static release build, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
steer=${1:-.build/static/release/steer}
[ -x "$steer" ] || swift build -c release --static-swift-stdlib --product steer --scratch-path .build/static >/dev/null
steer=$(realpath "$steer")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r Tests/SteerTests/Fixtures/minimal/. "$work/"
python3 -c "
users = ','.join('x' for _ in range(262000))
open('$work/vision/usecases/huge.md', 'w').write(
    '---\ntitle: Huge\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\nusers: [' + users + ']\n---\n')
"
cd "$work"
for format in text json sarif github gitlab junit; do
  /usr/bin/time -f "$format: %e s, %M KB" "$steer" check --format "$format" >/dev/null || true
done
