#!/usr/bin/env bash
# The reference ledger in a repository whose retrospectives were recorded one by one with
# `steer retro record` (one commit and one steer/iteration/ tag each, dated apart), so that
# what reads the history — the summary's trends, the site's journeys — has something to draw.
# Usage: Tests/scripts/recorded_ledger.sh STEER PROJECT_ROOT OUT
set -euo pipefail
steer="$1"
project="$2"
out="$3"
rm -rf "$out"
mkdir -p "$out"
cp -r "$project/vision" "$project/.steer.yaml" "$out/"
cd "$out"
retros=$(mktemp -d)
trap 'rm -rf "$retros"' EXIT
mv vision/retros/*.md "$retros/"
export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME="Comité de pilotage" GIT_AUTHOR_EMAIL=comite@example.org
export GIT_COMMITTER_NAME="Comité de pilotage" GIT_COMMITTER_EMAIL=comite@example.org
git init -q -b main
git add -A
GIT_AUTHOR_DATE=2025-01-01T12:00:00Z GIT_COMMITTER_DATE=2025-01-01T12:00:00Z git commit -q -m "Registre"
for retro in "$retros"/*.md; do
  iteration=$(basename "$retro" .md)
  date=$(sed -n 's/^date: *//p' "$retro" | head -1)
  cp "$retro" vision/retros/
  GIT_AUTHOR_DATE="${date}T12:00:00Z" GIT_COMMITTER_DATE="${date}T12:00:00Z" \
    "$steer" retro record "$iteration" --force --lang en > /dev/null
done
git tag -l 'steer/iteration/*' | wc -l | xargs echo "recorded_ledger: iterations recorded:"
