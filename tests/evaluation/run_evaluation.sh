#!/usr/bin/env bash
# Scores `okgen check` on the evaluation sets (bench/checker_eval.py) and fails when an area
# score falls below its floor, when any area the key calls missing is reported covered, or
# when a stale citation, a placeholder or a validity date is missed. The floors are what was
# measured when the set was first scored (bench/results/), not what the checker would like.
# Usage: run_evaluation.sh OKGEN SOURCE_DIR
set -u
okgen=$1
src=$2
command -v python3 >/dev/null || { echo "skipped: python3 is missing"; exit 77; }
fail=0
# set  floor(% area verdicts right)
while read -r set floor; do
  [ -d "$src/tests/$set" ] || continue
  out=$(python3 "$src/bench/checker_eval.py" "$okgen" "$src/tests/$set")
  echo "== tests/$set"
  echo "$out" | sed -n '1,/^Disagreements/p'
  score=$(echo "$out" | sed -n 's/^Area verdicts: .* (\([0-9.]*\) %)$/\1/p')
  false_covered=$(echo "$out" | sed -n "s/^'covered' where the key says missing: \([0-9]*\).*/\1/p")
  if ! awk -v s="$score" -v f="$floor" 'BEGIN { exit !(s >= f) }'; then
    echo "FAIL: tests/$set scores $score %, below the floor of $floor %"; fail=1
  fi
  [ "$false_covered" = 0 ] || { echo "FAIL: tests/$set has $false_covered 'covered' where the key says missing"; fail=1; }
  for fact in stale-citation placeholder valid-from; do
    line=$(echo "$out" | grep -E "^  $fact +[0-9]+/[0-9]+$" || true)
    [ -z "$line" ] && continue
    got=$(echo "$line" | awk '{split($2, a, "/"); print (a[1] == a[2]) ? "ok" : "missed"}')
    [ "$got" = ok ] || { echo "FAIL: tests/$set: $line"; fail=1; }
  done
  echo "$out" | sed -n '/^Disagreements/,$p'
done <<'SETS'
blind 95
blind2 95
checker-dev 95
SETS
exit $fail
