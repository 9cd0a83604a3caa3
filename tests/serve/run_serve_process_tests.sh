#!/usr/bin/env bash
# okgen serve as a process: start-up messages and exit codes, a port already taken, another
# address without a token, and Ctrl-C (SIGINT) or kill (SIGTERM) while answers are being
# saved: the server must stop cleanly (exit 0, within 3 s), leave no temporary file, and leave
# the local agreement either as it was or with whole answers in it, never half written.
# Usage: run_serve_process_tests.sh OKGEN_BINARY SOURCE_DIR
set -u
okgen=$1
src=$2
command -v curl >/dev/null || { echo "skipped: needs curl"; exit 77; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
# On failure the server's own messages are shown too (a sanitizer's report lands there).
fail() {
  echo "FAIL: $*"
  if [ -s "$work/err.txt" ]; then echo "--- the server's stderr:"; tail -n 80 "$work/err.txt"; fi
  exit 1
}

mkdir -p "$work/content/dalarna/local"
cp "$src/content/dalarna/regional.xml" "$work/content/dalarna/"
cp "$src/content/dalarna/local/avesta.xml" "$src/content/dalarna/local/falun.xml" "$work/content/dalarna/local/"
file="$work/content/dalarna/local/avesta.xml"
cp "$file" "$work/original.xml"

# Starts a server in the background; sets $pid and $url (waits for its "Öppna" line).
start() {
  : > "$work/out.txt"
  "$okgen" serve "$work/content" --date 2026-11-23 "$@" > "$work/out.txt" 2> "$work/err.txt" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*' "$work/out.txt" | head -1)
    [ -n "$url" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
# Waits up to 3 s (OKGEN_SERVE_STOP_LIMIT, longer for a sanitizer build) for $pid to end;
# sets $code.
limit=${OKGEN_SERVE_STOP_LIMIT:-3}
wait_stop() {
  for _ in $(seq $((limit * 20))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -0 "$pid" 2>/dev/null && fail "the server did not stop within $limit s after $1"
  wait "$pid"; code=$?
}

# --help reaches okgen-serve through okgen.
"$okgen" serve --help | grep -q -- "--port" || fail "okgen serve --help does not describe --port"
# A folder that is not there: exit 2 with a message.
"$okgen" serve "$work/nowhere" --port 0 > /dev/null 2> "$work/err.txt"; code=$?
[ "$code" -eq 2 ] || fail "a missing content folder gave exit $code, not 2"
grep -q "finns inte" "$work/err.txt" || fail "no message for a missing content folder"
echo "ok: --help, missing folder (exit 2)"

start --port 0 || fail "the server did not start: $(cat "$work/err.txt")"
port=${url#http://127.0.0.1:}; port=${port%%/*}
grep -q "Avsluta med Ctrl-C" "$work/out.txt" || fail "no Ctrl-C hint"
# The same port again: refused with exit 3 (no silent second server on a shared port).
"$okgen" serve "$work/content" --port "$port" > /dev/null 2> "$work/err2.txt"; code=$?
[ "$code" -eq 3 ] || fail "a second server on port $port gave exit $code, not 3"
grep -q "upptagen" "$work/err2.txt" || fail "no message for a port in use"
echo "ok: second server on a taken port refused (exit 3)"

# A browser's Accept-Encoding (Brotli first): the answer is gzip, whole and the same page
# (httplib's Brotli took 90 ms for a preview, against 4 ms with gzip).
curl -s -D "$work/headers.txt" -o "$work/preview.gz" -H 'Accept-Encoding: gzip, deflate, br' "${url}preview/dalarna/regional.xml"
grep -qi '^content-encoding: gzip' "$work/headers.txt" || fail "a browser's request was not answered with gzip: $(grep -i '^content-encoding' "$work/headers.txt")"
curl -s -o "$work/preview.plain" "${url}preview/dalarna/regional.xml"
gzip -dc "$work/preview.gz" | cmp -s - "$work/preview.plain" || fail "the gzip answer is not the page itself"
echo "ok: answers to browsers are gzip, not Brotli"

# 100 requests at once, over every kind of page, while the regional agreement keeps being
# rewritten on disk (every save rebuilds it and its local agreements): each gets an answer,
# none a 5xx, and the server lives on. The ThreadSanitizer stage of scripts/test.sh runs this
# with a TSan build of okgen-serve.
regional="$work/content/dalarna/regional.xml"
cp "$regional" "$work/regional.orig"
(
  for i in $(seq 30); do
    sed "s|</title>|</title><!-- sparad $i -->|" "$work/regional.orig" > "$work/content/dalarna/.regional.new"
    mv "$work/content/dalarna/.regional.new" "$regional"
    sleep 0.03
  done
) &
writer=$!
paths=("" preview/dalarna/regional.xml check/dalarna/regional.xml questions/dalarna/local/avesta.xml
       preview/dalarna/local/falun.xml check/dalarna/local/avesta.xml)
for i in $(seq 0 99); do
  curl -s -o /dev/null -m 30 -w '%{http_code} %{url_effective}\n' "${url}${paths[$((i % ${#paths[@]}))]}" &
done > "$work/codes.txt"
wait "$writer"
for _ in $(seq 600); do [ "$(wc -l < "$work/codes.txt")" -ge 100 ] && break; sleep 0.05; done
bad=$(grep -cv '^200 ' "$work/codes.txt")
[ "$(wc -l < "$work/codes.txt")" -eq 100 ] || fail "only $(wc -l < "$work/codes.txt") of 100 concurrent requests answered"
[ "$bad" -eq 0 ] || fail "$bad of 100 concurrent requests did not get 200: $(grep -v '^200 ' "$work/codes.txt" | sed "s|$url|/|" | sort | uniq -c | tr '\n' ' ')"
kill -0 "$pid" 2>/dev/null || fail "the server died under 100 concurrent requests"
cp "$work/regional.orig" "$regional"
echo "ok: 100 concurrent requests while regional.xml was saved 30 times: all 200"

# Answers posted one after another while SIGINT arrives.
page=$(curl -s "${url}questions/dalarna/local/avesta.xml")
csrf=$(printf '%s' "$page" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
[ -n "$csrf" ] || fail "no CSRF token in the questionnaire"
(
  for i in $(seq 0 40); do
    hash=$(curl -s "${url}questions/dalarna/local/avesta.xml" | grep -o 'name="hash" value="[^"]*"' | sed 's/.*value="//; s/"//')
    [ -n "$hash" ] || exit 0
    curl -s -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "hash=$hash" \
      --data-urlencode "svar-0=Svar nummer $i, skrivet medan servern stängs." "${url}questions/dalarna/local/avesta.xml" || exit 0
  done
) &
poster=$!
sleep 0.4
kill -INT "$pid"
wait_stop SIGINT
wait "$poster" 2>/dev/null
[ "$code" -eq 0 ] || fail "Ctrl-C ended the server with exit $code, not 0"
grep -q "avslutad" "$work/out.txt" || fail "no goodbye line after Ctrl-C"
leftovers=$(find "$work/content" -name '.*tmp*')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
answered=$(grep -c "skrivet medan servern stängs" "$file")
prompts_now=$(grep -c "<prompt>" "$file")
prompts_before=$(grep -c "<prompt>" "$work/original.xml")
[ $((prompts_before - prompts_now)) -eq "$answered" ] || fail "answers and prompts do not add up: $answered answers, $prompts_before -> $prompts_now prompts"
"$okgen" check --date 2026-11-23 -q "$file" > /dev/null 2>&1; c=$?
[ "$c" -le 1 ] || fail "the local file no longer loads after Ctrl-C (okgen check exit $c)"
echo "ok: Ctrl-C during saves: exit 0, $answered whole answers written, no temporary files, the file loads"

# SIGTERM the same way, and another address without --token gets one made up and printed.
start --port 0 --host 0.0.0.0 || fail "the server did not start on 0.0.0.0: $(cat "$work/err.txt")"
printf '%s' "$url" | grep -q '?token=[0-9a-f]\{32\}' || fail "no generated token in $url"
status_plain=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: 0.0.0.0:$(printf '%s' "${url#http://0.0.0.0:}" | cut -d/ -f1)" "http://127.0.0.1:$(printf '%s' "${url#http://0.0.0.0:}" | cut -d/ -f1)/")
[ "$status_plain" = "401" ] || fail "a request without the token got $status_plain, not 401"
kill -TERM "$pid"
wait_stop SIGTERM
[ "$code" -eq 0 ] || fail "SIGTERM ended the server with exit $code, not 0"
echo "ok: --host 0.0.0.0 makes a token, a request without it gets 401; SIGTERM: exit 0"
