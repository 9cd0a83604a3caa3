#!/usr/bin/env bash
# The schema and the loader agree: every agreement under content/ and docs/examples/
# validates against schema/agreement.xsd, and every bad-input case marked "schema: reject"
# is rejected by it (the loader rejects all of them; tests/bad_input_test.cc).
# Usage: check_schema.sh XMLLINT SOURCE_DIR
set -u
xmllint=$1
src=$2
schema="$src/schema/agreement.xsd"
fail=0
while IFS= read -r -d '' f; do
  if ! out=$("$xmllint" --noout --nonet --schema "$schema" "$f" 2>&1); then
    echo "FAIL: $f does not validate:"; echo "$out" | head -5; fail=1
  fi
done < <(find "$src/content" "$src/docs/examples" -name '*.xml' -print0 | sort -z)
checked=0
for expected in "$src"/tests/bad-input/*.expected; do
  case_xml="${expected%.expected}.xml"
  mode=$(sed -n 's/^# schema: //p' "$expected" | head -1)
  case "$mode" in
    reject)
      checked=$((checked + 1))
      if "$xmllint" --noout --nonet --schema "$schema" "$case_xml" >/dev/null 2>&1; then
        echo "FAIL: the schema accepts $case_xml, which okgen rejects"; fail=1
      fi ;;
    n/a*) ;;
    *) echo "FAIL: $expected has no '# schema: reject' or '# schema: n/a: reason' line"; fail=1 ;;
  esac
done
[ "$checked" -ge 15 ] || { echo "FAIL: only $checked schema-reject cases"; fail=1; }
[ $fail -eq 0 ] && echo "ok: content validates; $checked bad-input cases rejected by the schema"
exit $fail
