#!/usr/bin/env bash
# The README's five-minute tour, run as written: every command of its first code block, in a
# copy of the project's content, with build/okgen being the okgen under test. A command must
# exit 0 (`check` 0 or 1: reporting findings is its job), and the "Try a mistake" example must
# print the message the README shows. The files the tour takes for granted (avtal.pdf,
# avtal.docx) are made with okgen first; /tmp/ut becomes a folder of the test's own; `serve`
# must say it is listening and stop cleanly on Ctrl-C.
# Usage: run_readme_tour.sh OKGEN SOURCE_DIR   (skipped, 77, without pdftotext)
set -uo pipefail
okgen=$(readlink -f "$1")
src=$(readlink -f "$2")
command -v pdftotext >/dev/null || { echo "skipped: needs pdftotext (poppler-utils)"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$src/content" "$work/content"
mkdir -p "$work/build" "$work/ut"
ln -s "$okgen" "$work/build/okgen"
cd "$work" || exit 1
export OKGEN_CACHE_DIR="$work/cache"

# What the tour assumes exists.
build/okgen build -q --format pdf,docx content/dalarna/regional.xml -o made >/dev/null 2>&1 || fail "could not make the tour's sample files"
cp made/dalarna/regional.pdf avtal.pdf
cp made/dalarna/regional.docx avtal.docx

# The tour: the first ```sh block after "## A five-minute tour".
mapfile -t lines < <(awk '/^## A five-minute tour/ {t=1} t && /^```sh/ {b=1; next} b && /^```/ {exit} b {print}' "$src/README.md")
[ "${#lines[@]}" -ge 10 ] || fail "the README's tour has ${#lines[@]} commands; expected its code block"
n=0
for line in "${lines[@]}"; do
  cmd=${line%%  #*}                      # the comment after two spaces and '#'
  cmd=$(printf '%s' "$cmd" | sed -e 's/[[:space:]]*$//' -e "s|/tmp/ut|$work/ut|g")
  [ -n "$cmd" ] || continue
  n=$((n + 1))
  if [[ $cmd == "build/okgen serve"* ]]; then
    # It builds every agreement in memory first (slower under a loaded test run): wait for
    # it to say it listens, then stop it as a person does, with Ctrl-C.
    start_serve() {
      $1 >serve.out 2>&1 &
      pid=$!
      for _ in $(seq 600); do
        grep -q "Avsluta med Ctrl-C" serve.out && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
    }
    start_serve "$cmd"
    # The README's port may be taken on this machine (an author's own workspace): then the
    # same command on a free port, which is what its message advises.
    if grep -q "upptagen port" serve.out; then
      wait "$pid"
      start_serve "$cmd --port 0"
    fi
    grep -q "Avsluta med Ctrl-C" serve.out || { kill "$pid" 2>/dev/null; fail "'$cmd' did not start listening: $(head -3 serve.out)"; }
    kill -INT "$pid"
    wait "$pid"
    rc=$?
    [ "$rc" -eq 0 ] || fail "'$cmd' exited $rc after Ctrl-C"
    echo "ok: $cmd (listened; Ctrl-C stopped it)"
    continue
  fi
  bash -c "$cmd" >out.txt 2>&1
  rc=$?
  allowed=0
  [[ $cmd == *"okgen check"* ]] && allowed=1
  if [ "$rc" -gt "$allowed" ]; then
    fail "'$cmd' exited $rc: $(tail -5 out.txt)"
  fi
  echo "ok: $cmd (exit $rc)"
done
# What the tour says the commands leave behind.
[ -s "$work/ut/ostergotland/regional.html" ] || fail "build content/ostergotland -o /tmp/ut made no ostergotland/regional.html"
[ -s "$work/ut/dalarna/regional.docx" ] || fail "build --format docx made no regional.docx"
[ -s output/index.html ] || fail "build --format html content made no output/index.html"
[ -s granskning.html ] && [ -s datum.ics ] || fail "the report or the calendar file is missing"
[ -s content/gavleborg/regional.xml ] || fail "import wrote no content/gavleborg/regional.xml"

# "Try a mistake": the message the README shows, word for word.
expected=$(awk '/^Try a mistake/ {t=1} t && /^```$/ {if (b) exit; b=1; next} b {print; exit}' "$src/README.md")
[ -n "$expected" ] || fail "the README's mistake example was not found"
sed -i 's|<diarienummer>RD21/00517</diarienummer>|<diarenummer>RD21/00517</diarenummer>|' content/dalarna/regional.xml
build/okgen check content/dalarna/regional.xml >out.txt 2>&1
grep -qF -- "$expected" out.txt || fail "the mistake example says something else than the README: $(grep -m1 'unknown-element' out.txt)"
echo "ok: the mistake example prints what the README shows"
echo "ok: $n tour commands ran as written"
