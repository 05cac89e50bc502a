#!/usr/bin/env python3
"""Holds the site's `calendar.ics` against the `icalendar` package (RFC 5545):

- it parses, every line ends with CRLF and is at most 75 octets;
- every workshop and every iteration of the ledger is an event, on its dates (an iteration
  spans its start to its end: DTEND is the day after its last), whose DESCRIPTION
  names its page (no URL without `publication.site`), which the site has; the site's pages link the calendar;
- two sites of the same revision are byte-identical (UIDs and DTSTAMP included);
- after a workshop's date is moved and committed, its event keeps its UID and its SEQUENCE
  rises; no other event's changes.

Usage: validate_calendar.py STEER_BINARY LEDGER_REPOSITORY
Copies the ledger (`vision/` and `.steer.yaml`) into a temporary repository of its own. Prints
`N passed, M failed` and exits non-zero on any failure.
"""
import datetime
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish, scratch_directory  # noqa: E402

import icalendar  # noqa: E402
import yaml  # noqa: E402


def front_matter(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle.read().split("---")[1])


def documents(ledger, kind):
    directory = os.path.join(ledger, kind)
    return {name[:-3]: front_matter(os.path.join(directory, name))
            for name in sorted(os.listdir(directory)) if name.endswith(".md") and not name.startswith("_")}


def git(repository, *arguments):
    subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *arguments],
                   cwd=repository, check=True, capture_output=True)


def site(steer, repository, out):
    result = subprocess.run([steer, "site", "--out", out, "--audience", "public"], cwd=repository,
                            capture_output=True, text=True)
    expect(result.returncode == 0, f"steer site failed: {result.stderr}")
    with open(os.path.join(out, "calendar.ics"), "rb") as handle:
        raw = handle.read()
    lines = raw.split(b"\r\n")
    expect(lines[-1] == b"" and b"\n" not in b"".join(lines), f"{out}: a line does not end with CRLF")
    expect(all(len(line) <= 75 for line in lines), f"{out}: a line is longer than 75 octets")
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    return raw, events


def event(events, kind, identifier):
    found = [e for uid, e in events.items() if uid.startswith(f"{kind}-{identifier}@")]
    expect(len(found) == 1, f"{kind} {identifier}: {len(found)} events")
    return found[0] if found else None


def check_events(ledger, out, events):
    workshops, iterations = documents(ledger, "workshops"), documents(ledger, "iterations")
    expect(len(events) == len(workshops) + len(iterations),
           f"{len(events)} events for {len(workshops)} workshops and {len(iterations)} iterations")
    spans = [("workshop", "workshops", identifier, fields["date"], fields["date"])
             for identifier, fields in workshops.items()]
    spans += [("iteration", "iterations", identifier, fields["start"], fields["end"])
              for identifier, fields in iterations.items()]
    for kind, directory, identifier, start, end in spans:
        found = event(events, kind, identifier)
        if found is None:
            continue
        expect(found.decoded("DTSTART") == start, f"{kind} {identifier} starts {found.decoded('DTSTART')}")
        expect(found.decoded("DTEND") == end + datetime.timedelta(days=1), f"{kind} {identifier}'s DTEND")
        page = f"{directory}/{identifier}.html"
        # A URL only where `publication.site` says where the site is published.
        expect(found.get("URL") is None, f"{kind} {identifier} has a URL without publication.site: {found.get('URL')}")
        expect(page in str(found["DESCRIPTION"]), f"{kind} {identifier}'s description does not name its page")
        expect(os.path.exists(os.path.join(out, page)), f"{page} is not in the site")
        expect(str(found["SUMMARY"]).strip() != "", f"{kind} {identifier} has no summary")
    with open(os.path.join(out, "index.html"), encoding="utf-8") as handle:
        expect('href="calendar.ics"' in handle.read(), "the index does not link calendar.ics")


def main():
    steer, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    scratch = scratch_directory("steer-calendar-")
    repository = os.path.join(scratch, "ledger")
    shutil.copytree(os.path.join(source, "vision"), os.path.join(repository, "vision"))
    shutil.copy(os.path.join(source, ".steer.yaml"), repository)
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "Registre")
    ledger = os.path.join(repository, "vision")

    first, events = site(steer, repository, os.path.join(scratch, "site-1"))
    check_events(ledger, os.path.join(scratch, "site-1"), events)
    again, same = site(steer, repository, os.path.join(scratch, "site-2"))
    expect(first == again, "two sites of the same revision give different calendars")
    expect(set(events) == set(same), "the UIDs changed between two sites of the same revision")

    # A workshop moved a week later, committed: same UID, SEQUENCE raised, no other change.
    moved, fields = next(iter(documents(ledger, "workshops").items()))
    path = os.path.join(ledger, "workshops", moved + ".md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    later = fields["date"] + datetime.timedelta(days=7)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(f"date: {fields['date']}", f"date: {later}", 1))
    git(repository, "commit", "-q", "-am", "Atelier déplacé")
    _, after = site(steer, repository, os.path.join(scratch, "site-3"))
    expect(set(after) == set(events), "the UIDs changed when a workshop moved")
    before_event, after_event = event(events, "workshop", moved), event(after, "workshop", moved)
    if before_event is not None and after_event is not None:
        expect(after_event.decoded("DTSTART") == later, f"{moved} was not moved")
        expect(int(after_event["SEQUENCE"]) > int(before_event["SEQUENCE"]),
               f"{moved}'s SEQUENCE did not rise: {before_event['SEQUENCE']} → {after_event['SEQUENCE']}")
    for uid, found in after.items():
        if uid != str(after_event["UID"] if after_event else ""):
            expect(found["SEQUENCE"] == events[uid]["SEQUENCE"], f"{uid}'s SEQUENCE changed")
    check_events(ledger, os.path.join(scratch, "site-3"), after)
    finish()


main()
