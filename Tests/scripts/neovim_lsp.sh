#!/usr/bin/env bash
# A real editor against `steer lsp` (Tests/scripts/neovim_lsp.lua): a French ledger with a
# misspelt key, opened in headless Neovim configured as docs/editors.md says (its
# editors/neovim/steer.lua, nothing else), fixed through the server's quick fix and saved.
# Usage: Tests/scripts/neovim_lsp.sh STEER FIXTURES
set -euo pipefail
steer="$1"
fixtures="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$fixtures/minimal/." "$work/"
printf 'language: fr\n' > "$work/.steer.yaml"
file="$work/vision/usecases/water-sensors.md"
sed -i 's/^title:/titel:/' "$file"
# The configuration docs/editors.md gives, as a user has it: `steer` found on PATH.
mkdir "$work/bin"
ln -s "$(cd "$(dirname "$steer")" && pwd)/$(basename "$steer")" "$work/bin/steer"
scripts=$(cd "$(dirname "$0")" && pwd)
STEER_FILE="$file" PATH="$work/bin:$PATH" timeout 120 nvim --headless -i NONE -n --noplugin \
  -u "$scripts/../../editors/neovim/steer.lua" -c "luafile $scripts/neovim_lsp.lua"
grep -q '^title: Water quality sensors$' "$file" || { echo "neovim_lsp: the fix was not saved" >&2; exit 1; }
"$steer" check "$work/vision" > /dev/null
echo "neovim_lsp: the editor received the diagnostic, applied the quick fix and saved a valid ledger"
