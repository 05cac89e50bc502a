#!/usr/bin/env bash
# Runs two builds of steer over the same commands and says where their outputs differ: a
# change meant to keep every output byte for byte (a refactoring, an optimisation) is held to it.
#   Benchmarks/same_output.sh STEER_A STEER_B [USE_CASES]
# The ledgers: this repository's reference ledger (its history: commits that changed retros/)
# and a generated one with a history of iteration tags (USE_CASES use cases, 1000 by default),
# each command in English and in French. Every command runs in a clone of its own for each
# build, with no cache, so that neither build reads what the other wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
steer_a=$(realpath "$1")
steer_b=$(realpath "$2")
use_cases=${3:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet "$PWD" "$work/reference"
python3 Benchmarks/generate_ledger.py "$work/generated/vision" --use-cases "$use_cases" --seed 5 --git >/dev/null
first_tag=$(git -C "$work/generated" tag --list 'steer/iteration/*' | sort | head -1)

commands=(
  "check" "check --format json" "check --format sarif" "check --format github" "check --format gitlab"
  "check --format junit" "check --strict" "check --rev HEAD~1" "check --since HEAD~2"
  "metrics" "metrics --format json"
  "summary" "summary --format html" "summary --audience elected" "summary --audience public --format html"
  "summary --since HEAD~2"
  "history" "history --format json" "history --format csv"
  "diff HEAD~2" "diff HEAD~2 --format md" "diff HEAD~2 --format json"
  "lessons" "lessons --format json"
  "rules" "explain co-construction" "explain capacty" "schema --kind usecase" "schema --kind config"
  "check no-such-ledger"
)

differences=0
for ledger in reference generated; do
  for build in a b; do
    rm -rf "$work/$ledger-$build"
    cp -r "$work/$ledger" "$work/$ledger-$build"
  done
  for command in "${commands[@]}" "diff $first_tag"; do
    [ "$ledger" = reference ] && [[ $command == "diff steer/"* ]] && continue
    for language in en fr; do
      extra="--lang $language"
      # Commands the first build may not take --lang for run with the configured language.
      case $command in metrics* | rules* | explain* | schema* | history* | diff* | lessons*) extra="" ;; esac
      [ "$language" = fr ] && [ -z "$extra" ] && continue
      for build in a b; do
        steer=$([ $build = a ] && echo "$steer_a" || echo "$steer_b")
        # Each build's clone is moved to the same place to run: paths in messages are alike.
        mv "$work/$ledger-$build" "$work/run"
        rm -rf "$work/run/.git/steer"
        # shellcheck disable=SC2086
        (cd "$work/run" && "$steer" $command $extra >"$work/out-$build" 2>"$work/err-$build"; echo "exit $?" >>"$work/err-$build") || true
        mv "$work/run" "$work/$ledger-$build"
      done
      if ! cmp -s "$work/out-a" "$work/out-b" || ! cmp -s "$work/err-a" "$work/err-b"; then
        differences=$((differences + 1))
        echo "== $ledger: steer $command $extra"
        diff "$work/out-a" "$work/out-b" | head -20 || true
        diff "$work/err-a" "$work/err-b" | head -10 || true
      fi
    done
  done
done
echo "$differences command(s) whose output differs"
