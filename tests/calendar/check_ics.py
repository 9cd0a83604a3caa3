#!/usr/bin/env python3
"""`okgen calendar` read back by an independent iCalendar reader (Debian python3-icalendar).

  check_ics.py FILE.ics EXPECTED...   EXPECTED: "YYYY-MM-DD:word" — an event on that day whose
                                      summary contains the word (the dates the agreements state)
Every event must have a UID of its own (RFC 5545 3.8.4.7), an all-day DTSTART with DTEND the
day after, a DTSTAMP and a summary; the calendar must hold every expected date.
"""
import datetime
import sys

import icalendar


def main(argv):
    with open(argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = list(cal.walk("VEVENT"))
    problems = []
    if not events:
        problems.append("the calendar has no events")
    uids = {}
    for e in events:
        uid = str(e.get("UID", ""))
        uids[uid] = uids.get(uid, 0) + 1
        start = e.decoded("DTSTART")
        end = e.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"{uid}: DTSTART is not a date")
        elif end != start + datetime.timedelta(days=1):
            problems.append(f"{uid}: DTEND is not the day after DTSTART")
        if "DTSTAMP" not in e:
            problems.append(f"{uid}: no DTSTAMP")
        if not str(e.get("SUMMARY", "")).strip():
            problems.append(f"{uid}: no SUMMARY")
    for uid, n in uids.items():
        if n > 1:
            problems.append(f"UID {uid} is used by {n} events")
    for want in argv[2:]:
        day, word = want.split(":", 1)
        d = datetime.date.fromisoformat(day)
        if not any(e.decoded("DTSTART") == d and word.lower() in str(e.get("SUMMARY", "")).lower() for e in events):
            problems.append(f"no event on {day} with '{word}' in its summary")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(events)} events, {len(uids)} UIDs, {len(argv) - 2} expected dates checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
