#!/usr/bin/env python3
"""Holds `steer export` against the ecosystem's own validators and recomputes its figures:

- `frictionless validate` on `datapackage.json` (every table against its Table Schema: types,
  required and enumerated values, primary and foreign keys, each file's bytes and sha256);
- pyshacl with the DCAT-AP 3.0.1 shapes (Tests/standards/dcat-ap-3.0.1: `shapes.ttl` and
  `range.ttl`) on `catalogue.ttl` and on `catalogue.jsonld`, which must also be the same graph;
  every distribution's checksum is the sha256 of its file;
- `measurements.csv` holds every row of the ledger's series files (`measurements/*.csv`, read
  here with Python's csv module) with its source and note, besides the retrospectives';
- every figure of `metrics.csv` and the per-row figures of the other tables recomputed from
  the CSV files alone, with the definitions of docs/metrics.md: traceability, coverage,
  endorsement, group_endorsement, concordance, portfolio_fit (`priorities.csv`), co_construction
  (`usecases.users`, `workshops.participants`), transversality, progress, say_do, rollout_reach,
  retro_coverage, recurring_lessons (`lessons.csv`), action_closure and overdue_actions
  (`actions.csv`: the `technical` export only, the public one says so in the output),
  decision_coconstruction (from `decisions.csv`), phase_progress, objective_progress, say_do per
  iteration, each indicator's latest measurement and progress; every share's value is its
  numerator ÷ its denominator; the decisions' `;`-separated references resolve, and
  `deliberations.csv` holds exactly the decisions a council voted.
  In a region's export, each member's package is checked the same way and `members.csv`
  carries each member's own `metrics.csv`.

Usage: validate_open_data.py STEER_BINARY SHAPES_DIR LEDGER_DIR [LEDGER_DIR …] [--region REGION_DIR]
Exports each ledger (run from its repository, `--audience technical` and `public`) into a
temporary directory. Prints `N passed, M failed` and exits non-zero on any failure.
"""
import csv
import hashlib
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish  # noqa: E402

import frictionless  # noqa: E402
import numpy as np  # noqa: E402
import rdflib  # noqa: E402
from pyshacl import validate  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402
from scipy.stats import rankdata  # noqa: E402

PHASES = {"analysis": 0.0, "ideation": 0.2, "prototype": 0.4, "test": 0.6, "deployed": 0.8, "scaled": 1.0}
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")


def table(directory, name):
    path = os.path.join(directory, name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def number(text):
    return None if text in ("", None) else float(text)


def same(expected, actual, what):
    if expected is None or actual is None:
        expect(expected is None and actual is None, f"{what}: expected {expected}, export says {actual}")
    else:
        expect(math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9),
               f"{what}: expected {expected!r}, export says {actual!r}")


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def check_frictionless(directory):
    report = frictionless.validate(os.path.join(directory, "datapackage.json"))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    errors += [error.message for error in report.errors]
    expect(report.valid, f"{directory}: frictionless finds the package invalid: {errors[:5]}")


def check_catalogue(directory, shapes):
    graphs = {}
    for name, form in (("catalogue.ttl", "turtle"), ("catalogue.jsonld", "json-ld")):
        graph = rdflib.Graph().parse(os.path.join(directory, name), format=form)
        conforms, _, text = validate(graph, shacl_graph=shapes, inference="none")
        expect(conforms, f"{directory}/{name} does not conform to DCAT-AP 3.0.1:\n{text[:2000]}")
        expect(len(graph) > 0, f"{directory}/{name} is empty")
        graphs[name] = graph
    expect(isomorphic(graphs["catalogue.ttl"], graphs["catalogue.jsonld"]),
           f"{directory}: the Turtle and JSON-LD catalogues are not the same graph")
    graph = graphs["catalogue.ttl"]
    distributions = list(graph.subjects(rdflib.RDF.type, DCAT.Distribution))
    expect(distributions, f"{directory}: the catalogue has no distribution")
    for distribution in distributions:
        url = graph.value(distribution, DCAT.downloadURL)
        checksum = graph.value(graph.value(distribution, SPDX.checksum), SPDX.checksumValue)
        path = rdflib.URIRef(url).replace("file://", "")
        with open(path, "rb") as handle:
            expect(hashlib.sha256(handle.read()).hexdigest() == str(checksum), f"{path}: checksum differs")


def check_metrics(directory):
    usecases, objectives = table(directory, "usecases"), table(directory, "objectives")
    stakeholders, workshops = table(directory, "stakeholders"), table(directory, "workshops")
    iterations, indicators = table(directory, "iterations"), table(directory, "indicators")
    metrics = {row["name"]: row for row in table(directory, "metrics")}
    live = [u for u in usecases if u["phase"] != "abandoned"]
    active = {o["id"] for o in objectives if o["status"] == "active"}

    def objectives_of(usecase):
        return [o for o in usecase["objectives"].split(";") if o]

    expected = {}
    serving = sum(float(u["effort"]) for u in live if set(objectives_of(u)) & active)
    total = sum(float(u["effort"]) for u in live)
    expected["traceability"] = (ratio(serving, total), serving, total)
    served = {o for u in live for o in objectives_of(u)} & active
    expected["coverage"] = (ratio(len(served), len(active)), len(served), len(active))
    endorsing = [s for s in stakeholders if s["stance"] == "endorse"]
    expected["endorsement"] = (ratio(len(endorsing), len(stakeholders)), len(endorsing), len(stakeholders))
    groups = {s["group"] for s in stakeholders}
    endorsing_groups = {s["group"] for s in endorsing}
    expected["group_endorsement"] = (ratio(len(endorsing_groups), len(groups)), len(endorsing_groups), len(groups))
    by_usecase = {}
    for workshop in workshops:
        for usecase in filter(None, workshop["usecases"].split(";")):
            by_usecase.setdefault(usecase, set()).update(filter(None, workshop["participant_groups"].split(";")))
    expected["transversality"] = (
        sum(map(len, by_usecase.values())) / len(by_usecase) if by_usecase else None, None, None)
    effort = sum(float(u["effort"]) for u in live)
    progress = sum(PHASES[u["phase"]] * float(u["effort"]) for u in live)
    expected["progress"] = (ratio(progress, effort), None, None)
    closed = [i for i in iterations if i["status"] == "closed"]
    reviewed = [i for i in closed if i["has_retro"] == "true"]
    items = sum(int(i["items"] or 0) for i in reviewed)
    delivered = sum(int(i["delivered"] or 0) for i in reviewed)
    expected["say_do"] = (ratio(delivered, items) if reviewed else None, None, None)
    expected["retro_coverage"] = (ratio(len(reviewed), len(closed)), len(reviewed), len(closed))
    positions = [int(u["rollout_position"]) for u in usecases
                 if u["rollout_position"] and u["phase"] in ("deployed", "scaled")]
    if metrics.get("rollout_reach", {}).get("value") or positions:
        expected["rollout_reach"] = (max(positions, default=0), None, None)
    expected.update(priorities_metrics(directory, objectives, stakeholders, live))
    expected["co_construction"] = co_construction(usecases, live, workshops)
    expected.update(learning_metrics(directory, iterations))
    for name in sorted(set(metrics) - set(expected)):
        if name in NOT_IN[directory]:
            print(f"{directory}: {name} not recomputed: {NOT_IN[directory][name]}")
        else:
            expect(False, f"{directory}: metrics.csv's {name} is not recomputed from the export")
    for name, (value, numerator, denominator) in expected.items():
        row = metrics.get(name)
        expect(row is not None, f"{directory}: metrics.csv has no {name}")
        if row is None:
            continue
        same(value, number(row["value"]), f"{directory}: {name}")
        if numerator is not None:
            same(float(numerator), number(row["numerator"]), f"{directory}: {name}'s numerator")
            same(float(denominator), number(row["denominator"]), f"{directory}: {name}'s denominator")
    for name, row in metrics.items():
        if row["numerator"] and row["denominator"]:
            same(ratio(float(row["numerator"]), float(row["denominator"])), number(row["value"]),
                 f"{directory}: {name} = numerator ÷ denominator")
    check_rows(directory, usecases, live, objectives_of, iterations, indicators)
    check_decisions(directory, stakeholders, workshops)


def check_decisions(directory, stakeholders, workshops):
    """The references the Table Schema cannot hold (`;`-separated lists), and each deliberation
    tied to the decision that names it."""
    decisions = table(directory, "decisions")
    known = {"decided_by": {s["id"] for s in stakeholders}, "workshops": {w["id"] for w in workshops},
             "supersedes": {d["id"] for d in decisions}}
    known["consulted"] = known["informed"] = known["decided_by"]
    for decision in decisions:
        for column, ids in known.items():
            for value in filter(None, decision[column].split(";")):
                expect(value in ids, f"{directory}: decision {decision['id']}: {column} {value} is no known id")
    deliberations = table(directory, "deliberations")
    voted = {(d["deliberation_reference"], d["title"]) for d in decisions if d["deliberation_reference"]}
    expect(voted == {(d["DELIB_ID"], d["DELIB_OBJET"]) for d in deliberations},
           f"{directory}: deliberations.csv does not hold exactly the decisions a council voted")
    for row in deliberations:
        counts = [row[c] for c in ("VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")]
        if all(counts) and row["VOTE_REEL"]:
            expect(sum(map(int, counts)) <= int(row["VOTE_REEL"]),
                   f"{directory}: deliberation {row['DELIB_ID']} counts more votes than members present")


# Metric → why this export cannot give it, by export directory (printed, not a failure: the
# technical export of the same ledger recomputes it).
NOT_IN = {}


def priorities_metrics(directory, objectives, stakeholders, live):
    """concordance (Kendall's W, tie-corrected, from its definition) and portfolio_fit, from
    `priorities.csv`: raters are the stakeholders with a weight on an active objective, an
    objective they did not weigh counts 0 (docs/metrics.md)."""
    active = sorted(o["id"] for o in objectives if o["status"] == "active")
    weights = {}
    for row in table(directory, "priorities"):
        if row["objective"] in active:
            weights.setdefault(row["stakeholder"], {})[row["objective"]] = float(row["weight"])
    expect(set(weights) <= {s["id"] for s in stakeholders}, f"{directory}: a priority of an unknown stakeholder")
    raters = sorted(weights)
    matrix = np.array([[weights[r].get(o, 0.0) for o in active] for r in raters]).reshape(len(raters), len(active))
    m, n = matrix.shape
    w = None
    if m >= 2 and n >= 2:
        ranks = np.array([rankdata(-row) for row in matrix])
        s = float(((ranks.sum(axis=0) - m * (n + 1) / 2) ** 2).sum())
        ties = sum(float((counts ** 3 - counts).sum()) for counts in
                   (np.unique(row, return_counts=True)[1] for row in matrix))
        denominator = m ** 2 * (n ** 3 - n) - m * ties
        w = 12 * s / denominator if denominator else None
    shares = [row / row.sum() for row in matrix if row.sum() > 0]
    p = np.mean(shares, axis=0) if shares else np.zeros(n)
    q = np.zeros(n)
    for usecase in live:
        if usecase["phase"] == "scaled":
            continue
        served = sorted({active.index(o) for o in usecase["objectives"].split(";") if o in active})
        for index in served:
            q[index] += float(usecase["effort"]) / len(served)
    fit = float(np.minimum(p, q / q.sum()).sum()) if shares and q.sum() > 0 else None
    return {"concordance": (w, None, None), "portfolio_fit": (fit, None, None)}


def co_construction(usecases, live, workshops):
    """Live use cases at prototype or later with an analysis and an ideation workshop, one of
    their users among their workshops' participants ÷ live use cases at prototype or later."""
    later = [u for u in live if u["phase"] in ("prototype", "test", "deployed", "scaled")]
    held = {}
    for workshop in workshops:
        for usecase in set(filter(None, workshop["usecases"].split(";"))):
            held.setdefault(usecase, []).append(workshop)

    def built_with_users(usecase):
        mine = held.get(usecase["id"], [])
        phases = {w["phase"] for w in mine}
        present = {p for w in mine for p in w["participants"].split(";") if p}
        users = set(filter(None, usecase["users"].split(";")))
        return {"analysis", "ideation"} <= phases and bool(users & present)

    counted = sum(map(built_with_users, later))
    return (ratio(counted, len(later)), counted, len(later))


def learning_metrics(directory, iterations):
    """action_closure and overdue_actions from `actions.csv` (the `technical` export only),
    each action once as its latest statement says (retrospectives in their iteration's order);
    recurring_lessons from `lessons.csv`; decision_coconstruction from `decisions.csv` when the
    export has it."""
    expected, missing = {}, NOT_IN.setdefault(directory, {})
    tags = {}
    for lesson in table(directory, "lessons"):
        for tag in filter(None, lesson["tags"].split(";")):
            tags.setdefault(tag, set()).add(lesson["retro"])
    expected["recurring_lessons"] = (float(sum(len(retros) >= 3 for retros in tags.values())), None, None)
    if os.path.exists(os.path.join(directory, "actions.csv")):
        start = {i["id"]: i["start"] for i in iterations}
        status = {i["id"]: i["status"] for i in iterations}
        latest = {}
        for action in sorted(table(directory, "actions"),
                             key=lambda a: (start.get(a["retro"], ""), a["retro"], int(a["position"]))):
            key = ("id", action["id"]) if action["id"] else ("text", action["owner"], action["text"])
            latest.pop(key, None)
            latest[key] = action
        due = [a for a in latest.values() if a["status"] != "dropped" and status.get(a["due"]) == "closed"]
        done = sum(a["status"] == "done" for a in due)
        expected["action_closure"] = (ratio(done, len(due)), done, len(due))
        expected["overdue_actions"] = (float(sum(a["status"] == "open" for a in due)), None, None)
    else:
        for name in ("action_closure", "overdue_actions"):
            missing[name] = "no actions.csv in a public export; recomputed from the technical export"
    decisions = table(directory, "decisions")
    if os.path.exists(os.path.join(directory, "decisions.csv")):
        accepted = [d for d in decisions if d["status"] == "accepted"]
        prepared = sum(bool(d["workshops"]) for d in accepted)
        expected["decision_coconstruction"] = (ratio(prepared, len(accepted)), prepared, len(accepted))
    else:
        missing["decision_coconstruction"] = "the export has no decisions.csv"
    return expected


def check_rows(directory, usecases, live, objectives_of, iterations, indicators):
    for usecase in usecases:
        same(PHASES.get(usecase["phase"]), number(usecase["phase_progress"]), f"{directory}: {usecase['id']}")
    for objective in table(directory, "objectives"):
        serving = [u for u in live if objective["id"] in objectives_of(u)]
        effort = sum(float(u["effort"]) for u in serving)
        own = ratio(sum(PHASES[u["phase"]] * float(u["effort"]) for u in serving), effort)
        if not os.path.exists(os.path.join(directory, "members.csv")):  # a region counts its members' too
            same(own, number(objective["objective_progress"]), f"{directory}: {objective['id']}'s progress")
    for iteration in iterations:
        if iteration["items"]:
            same(ratio(float(iteration["delivered"]), float(iteration["items"])), number(iteration["say_do"]),
                 f"{directory}: {iteration['id']}'s say_do")
    measured = {}
    for row in table(directory, "measurements"):
        measured.setdefault(row["indicator"], []).append(row)
    for indicator in indicators:
        rows = [(row["date"], 0, row["file"].endswith(".csv"), row["file"], row["value"])
                for row in measured.get(indicator["id"], [])]
        partial = []
        if indicator.get("from_members"):
            combination, measured_by, members = combined(directory, indicator)
            expect(indicator["members_measured"] == str(measured_by),
                   f"{directory}: {indicator['id']}'s members_measured")
            expect(indicator["members"] == str(members), f"{directory}: {indicator['id']}'s members")
            # A sum over part of the members is no measurement of the region's quantity: shown
            # as the latest value only when nothing else was measured, with no progress.
            if indicator["from_members"] == "sum" and measured_by < members:
                partial = combination
            else:
                rows += combination
        if not rows and partial:
            _, _, _, _, value = partial[0]
            same(float(value), number(indicator["latest"]), f"{directory}: {indicator['id']}'s partial sum")
            expect(indicator["indicator_progress"] == "", f"{directory}: {indicator['id']}'s partial sum has a progress")
            continue
        if not rows:
            expect(indicator["latest"] == "", f"{directory}: {indicator['id']} has a latest value but no measurement")
            continue
        # The latest date; on the same date, the later file, a series file after every
        # retrospective, the members' combination after both (docs/metrics.md).
        date, _, _, _, value = max(rows)
        latest = {"date": date, "value": value}
        same(float(latest["value"]), number(indicator["latest"]), f"{directory}: {indicator['id']}'s latest")
        expect(latest["date"] == indicator["latest_date"], f"{directory}: {indicator['id']}'s latest date")
        span = float(indicator["target"]) - float(indicator["baseline"])
        same(ratio(float(latest["value"]) - float(indicator["baseline"]), span),
             number(indicator["indicator_progress"]), f"{directory}: {indicator['id']}'s progress")


def combined(directory, indicator):
    """A region's indicator `from_members`: its members' latest values of the indicator of the
    same id (each member's own package, under `members/`), summed or averaged over those that
    measured it, dated on the latest of them: one more measurement, as a sortable row; with how
    many members measured it, and how many the federation has (`members.csv`, read or not)."""
    values = []
    folder = os.path.join(directory, "members")
    for member in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        for theirs in table(os.path.join(folder, member), "indicators"):
            if theirs["id"] == indicator["id"] and theirs["latest"]:
                values.append((theirs["latest_date"], float(theirs["latest"])))
    members = len(table(directory, "members"))
    if not values:
        return [], 0, members
    total = sum(value for _, value in values)
    value = total if indicator["from_members"] == "sum" else total / len(values)
    return [(max(date for date, _ in values), 1, False, "federation", str(value))], len(values), members


def check_series(ledger, directory):
    """Every row of the ledger's series files (`measurements/<indicator>.csv`, read with Python's
    csv module) is a row of `measurements.csv` with its source and note, unless a retrospective
    gives the same date and value (then the row is the retrospective's); and no row of
    `measurements.csv` names a series file that does not hold it."""
    exported = {(row["indicator"], row["date"], row["file"]): row for row in table(directory, "measurements")}
    from_retros = {(row["indicator"], row["date"], float(row["value"]))
                   for row in exported.values() if not row["file"].endswith(".csv")}
    folder = os.path.join(ledger, "measurements")
    in_files = set()
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".csv") or name.startswith(("_", ".")):
            continue
        # As the export names files: from the repository, the ledger's directory included.
        indicator, file = name[:-4], os.path.basename(ledger) + "/measurements/" + name
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if (indicator, row["date"], float(row["value"])) in from_retros:
                    continue
                in_files.add((indicator, row["date"], file))
                found = exported.get((indicator, row["date"], file))
                expect(found is not None, f"{directory}: {file}'s row of {row['date']} is not exported")
                if found is None:
                    continue
                same(float(row["value"]), number(found["value"]), f"{directory}: {file} {row['date']}")
                for column in ("source", "note"):
                    expect((row.get(column) or "") == found[column],
                           f"{directory}: {file} {row['date']}'s {column}: {row.get(column)!r}, export says {found[column]!r}")
    extra = [key for key in exported if key[2].endswith(".csv") and key not in in_files]
    expect(not extra, f"{directory}: measurements.csv has series rows no series file holds: {extra[:3]}")


def check_export(directory, shapes, ledger=None):
    check_frictionless(directory)
    check_catalogue(directory, shapes)
    check_metrics(directory)
    if ledger:
        check_series(ledger, directory)


def export(steer, repository, ledger, audience, out):
    arguments = [steer, "export", "--out", out, "--audience", audience] + ([ledger] if ledger else [])
    result = subprocess.run(arguments, cwd=repository, capture_output=True, text=True)
    expect(result.returncode == 0, f"steer export {ledger or repository} failed: {result.stderr}")


def main():
    arguments = sys.argv[1:]
    region = None
    if "--region" in arguments:
        position = arguments.index("--region")
        region = arguments[position + 1]
        del arguments[position:position + 2]
    steer, shapes_directory, ledgers = os.path.abspath(arguments[0]), arguments[1], arguments[2:]
    shapes = rdflib.Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(os.path.join(shapes_directory, name), format="turtle")
    with tempfile.TemporaryDirectory() as scratch:
        for index, ledger in enumerate(ledgers):
            for audience in ("technical", "public"):
                out = os.path.join(scratch, f"{index}-{audience}")
                export(steer, os.path.dirname(os.path.abspath(ledger)), os.path.abspath(ledger), audience, out)
                check_export(out, shapes, os.path.abspath(ledger))
        if region:
            out = os.path.join(scratch, "region")
            export(steer, region, None, "technical", out)
            check_export(out, shapes)
            members = table(out, "members")
            expect(members, "the region's export has no member")
            for member in members:
                if member["status"] != "available":
                    continue
                own = os.path.join(out, "members", member["name"])
                check_export(own, shapes)
                for row in table(own, "metrics"):
                    same(number(row["value"]), number(member[row["name"]]),
                         f"member {member['name']}: {row['name']} in members.csv")
    finish()


main()
