#!/usr/bin/env bash
# `okgen calendar` on content/ and the example, read back with python3-icalendar
# (tests/calendar/check_ics.py): one event per UID, all-day dates, and the dates the example
# states (its validity ends 2028-03-31, notice is due 2027-03-31). Without python3-icalendar
# the test reports itself skipped (exit 77), never passed.
# Usage: run_calendar_test.sh OKGEN SOURCE_DIR
set -uo pipefail
okgen=$1
src=$2
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3  # Debian's, where python3-icalendar is
"$python" -c "import icalendar" 2>/dev/null || { echo "skipped: python3-icalendar is not installed"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$okgen" calendar --date 2026-11-23 -o "$out/datum.ics" "$src/content" "$src/docs/examples/exempel.xml" >/dev/null 2>&1
[[ -s "$out/datum.ics" ]] || { echo "FAIL: okgen calendar wrote nothing"; exit 1; }
"$python" "$src/tests/calendar/check_ics.py" "$out/datum.ics" 2028-03-31:giltighetstiden 2027-03-31:uppsägning
