#!/usr/bin/env bash
# A `steer` that lies, to show each checker script a known-bad input that must make it fail:
# it runs the real one ($STEER_REAL) and damages what it wrote — every decimal changed (metrics
# that no longer add up), paths made absolute (SARIF, GitLab and JUnit consumers refuse them),
# the HTML's language dropped (an axe-core violation), JSON Schema's `required` misspelt, every
# calendar event's SEQUENCE reset (a moved event that clients would not update) — and
# its language server speaks English to a French ledger.
set -uo pipefail
if [ "${1:-}" = lsp ]; then exec "$STEER_REAL" lsp --lang en; fi
damage() {
  sed -E -i -e 's/([0-9])\.([0-9])/\1.9\2/g' -e 's#(["=>])vision/#\1/vision/#g' -e 's/<html lang="[a-z]+"/<html/' \
    -e 's/"required"/"requird"/g' -e 's/^SEQUENCE:[0-9]+/SEQUENCE:0/' "$1"
}
output=$(mktemp)
trap 'rm -f "$output"' EXIT
"$STEER_REAL" "$@" > "$output"
status=$?
damage "$output"
cat "$output"
# What it wrote to files: --out FILE or DIR, --format FORMAT:FILE, --write-baseline FILE.
previous=""
for argument in "$@"; do
  target=""
  case "$previous" in
    --out | --write-baseline) target="$argument" ;;
    --format) [[ "$argument" == *:* ]] && target="${argument#*:}" ;;
  esac
  if [ -d "$target" ]; then
    find "$target" -type f \( -name '*.html' -o -name '*.json' -o -name '*.csv' -o -name '*.ics' \) -print0 | while IFS= read -r -d '' file; do damage "$file"; done
  elif [ -f "$target" ]; then
    damage "$target"
  fi
  previous="$argument"
done
exit $status
