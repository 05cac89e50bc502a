#!/usr/bin/env python3
"""Recomputes every alignment, progress and learning metric from the ledger files with an
independent implementation (PyYAML, numpy, scipy: friedmanchisquare for Kendall's W,
spearmanr for agreement, linregress for forecasts) and compares the whole of
`steer metrics --format json` with it, field by field (docs/metrics.md, JSON shape):

- every RATIO's value, numerator, denominator, `counted`, `not_counted` and `of`
  (traceability, coverage, endorsement, group_endorsement, co_construction, retro_coverage,
  action_closure, whose actions are named `retro#position`);
- concordance's value, uncorrected W, raters, objectives, rank sums, S and ΣT; every
  stakeholder's agreement and group, `least_aligned` (the three lowest ρ) and `by_group`;
  portfolio_fit's shared priorities p and effort shares q; transversality's groups per use case;
- phase_progress per use case; objective_progress and progress (value, use cases, effort);
  each indicator's definition, latest measurement (value, date, file) and number of
  measurements; each forecast's value, progress, on_track, reaches_target_on and points;
  say_do overall and per closed iteration (items, delivered, missed); rollout_reach and its
  step; phase_counts;
- overdue actions (text, owner, due, retro), recurring lessons with their retros, the gates of
  `.steer.yaml` (minimum, value, met), and `version`.

Numbers agree to 1e-9; lists whose order the docs leave open are compared as multisets. Every
key Steer writes must be one computed here: a new field fails until this script checks it.

Usage: crosscheck_metrics.py STEER_BINARY LEDGER_DIR [LEDGER_DIR …] [--federation REGION_DIR …]

With --federation, REGION_DIR is a repository whose .steer.yaml names `federation:` members:
each member is read at its revision with `git archive` and recomputed, and the region's
`federation` section compared: each member's name, revision, the commit it names and its whole
document; the region's objective_progress (its use cases, then the members' `member:usecase`),
coverage, and indicators computed from the members' (`from_members`: the combination, each
member's value and date, the members that did not measure it); the peer comparison, in the
order of the gates' names (metrics.md, Federation).
Prints `N passed, M failed` and exits non-zero on any failure.
"""
import collections
import csv
import datetime
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish  # noqa: E402
import warnings

import numpy as np
import yaml
from scipy.stats import friedmanchisquare, linregress, rankdata, spearmanr

warnings.filterwarnings("ignore")  # scipy warns on constant input; those cases compare as null
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ORDER = ["analysis", "ideation", "prototype", "test", "deployed", "scaled"]
# The metrics a gate can name, in the order of docs/metrics.md (Gates): peer_comparison's order.
HEADLINES = ["traceability", "coverage", "concordance", "portfolio_fit", "endorsement", "group_endorsement",
             "co_construction", "transversality", "progress", "say_do", "rollout_reach", "retro_coverage",
             "action_closure", "decision_coconstruction"]


def same(expected, actual, what):
    """Numbers agree to 1e-9 (relative for large ones); None, NaN and null are the same."""
    missing_e = expected is None or (isinstance(expected, float) and math.isnan(expected))
    missing_a = actual is None
    if missing_e or missing_a:
        expect(missing_e and missing_a, f"{what}: expected {expected}, steer says {actual}")
    else:
        number = isinstance(actual, (int, float)) and not isinstance(actual, bool)
        expect(number and math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9),
               f"{what}: expected {expected!r}, steer says {actual!r}")


class Unordered(list):
    """A list whose order the docs leave open: compared as a multiset, sorted by the fields `by`
    of its entries (or by the entries themselves)."""

    def __init__(self, items=(), by=()):
        super().__init__(items)
        self.by = by

    def sort_key(self, entry):
        return tuple(str(entry.get(f)) for f in self.by) if self.by and isinstance(entry, dict) else str(entry)


class Accept:
    """A field the docs allow several answers for: `test(actual)` says whether Steer's is one."""

    def __init__(self, test, shown):
        self.test, self.shown = test, shown

    def __repr__(self):
        return self.shown


def one_of(*options):
    return Accept(lambda actual: any(type(actual) is type(o) and actual == o for o in options), " or ".join(map(repr, options)))


def matches(expected, actual, what):
    """Steer's document equals the one computed here: the same keys (none missing, none more),
    numbers with same(), strings and booleans exactly, lists with matches_list()."""
    if isinstance(expected, Accept):
        expect(expected.test(actual), f"{what}: expected {expected!r}, steer says {actual!r}")
    elif isinstance(expected, dict):
        if not isinstance(actual, dict):
            return expect(False, f"{what}: expected an object, steer says {actual!r}")
        missing, extra = sorted(expected.keys() - actual.keys()), sorted(actual.keys() - expected.keys())
        expect(not missing and not extra, f"{what}: keys missing {missing}, not checked here {extra}")
        for key in sorted(expected.keys() & actual.keys()):
            matches(expected[key], actual[key], f"{what}.{key}")
    elif isinstance(expected, list):
        matches_list(expected, actual, what)
    elif isinstance(expected, (bool, str)):
        expect(type(actual) is type(expected) and actual == expected, f"{what}: expected {expected!r}, steer says {actual!r}")
    else:
        same(expected, actual, what)


def matches_list(expected, actual, what):
    """Ids at once (saying which are missing or unexpected), other entries one by one; an
    Unordered list sorted on both sides first."""
    if not isinstance(actual, list):
        return expect(False, f"{what}: expected a list, steer says {actual!r}")
    if isinstance(expected, Unordered):
        key = expected.sort_key
        expected, actual = sorted(expected, key=key), sorted(actual, key=key)
    if all(isinstance(e, str) for e in expected):
        ours, theirs = collections.Counter(expected), collections.Counter(map(str, actual))
        expect(expected == actual, f"{what}: missing {sorted(ours - theirs)[:5]}, unexpected {sorted(theirs - ours)[:5]}"
               + ("" if ours != theirs else f", order: expected {expected[:5]}…, steer says {actual[:5]}…"))
    else:
        expect(len(expected) == len(actual), f"{what}: {len(expected)} entries, steer has {len(actual)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            matches(e, a, f"{what}[{i}]")


def front_matter(path):
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read().replace("\r\n", "\n")
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    return yaml.load("\n".join(lines[1:end]), Loader=Loader) or {}


def load(ledger, name):
    """The ledger's documents by kind and id, each kind in path order; `name` is the ledger's
    directory as files are named in the output (relative to the repository root)."""
    documents = {"vision": front_matter(os.path.join(ledger, "vision.md")), "name": name, "unreadable": []}
    for kind in ["stakeholders", "objectives", "usecases", "workshops", "iterations", "retros", "decisions"]:
        directory = os.path.join(ledger, kind)
        documents[kind] = {}
        for file in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
            if file.endswith(".md") and not file.startswith(("_", ".")):
                try:
                    documents[kind][file[:-3]] = front_matter(os.path.join(directory, file))
                except yaml.YAMLError:
                    # A file YAML cannot read counts nowhere, as in Steer, which names it.
                    documents["unreadable"].append(f"{name}/{kind}/{file}")
    documents["series"] = series(os.path.join(ledger, "measurements"))
    return documents


def series(directory):
    """Indicator → the rows of its series file `measurements/<indicator>.csv` (Python's own csv
    reader), as (date, value), in path order."""
    found = {}
    for file in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        if file.endswith(".csv") and not file.startswith(("_", ".")):
            with open(os.path.join(directory, file), encoding="utf-8-sig", newline="") as handle:
                found[file[:-4]] = [(date(row["date"]), float(row["value"])) for row in csv.DictReader(handle)]
    return found


def date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def ratio_metric(of, counted, not_counted, numerator=None, denominator=None):
    """A RATIO: counted ÷ counted and not counted (or the given efforts)."""
    numerator = len(counted) if numerator is None else numerator
    denominator = len(counted) + len(not_counted) if denominator is None else denominator
    return {"value": ratio(numerator, denominator), "numerator": numerator, "denominator": denominator,
            "counted": Unordered(counted), "not_counted": Unordered(not_counted), "of": of}


def contributions(members):
    """Region objective → the members' live use cases serving a member objective that
    contributes to it, as (member, use case, effort, phase)."""
    found = {}
    for name, d in members:
        if d is None:  # a member that could not be read contributes nothing
            continue
        for u, v in sorted(d["usecases"].items()):
            if v["phase"] == "abandoned":
                continue
            targets = {t for o in v["objectives"] for t in (d["objectives"].get(o) or {}).get("contributes_to") or []}
            for t in targets:
                found.setdefault(t, []).append((name, u, float(v.get("effort", 1)), v["phase"]))
    return found


class Ledger:
    """What several metrics share: active objectives, live use cases, efforts, raters' weights."""

    def __init__(self, d):
        self.d = d
        self.objectives, self.usecases, self.stakeholders = d["objectives"], d["usecases"], d["stakeholders"]
        self.active = sorted(o for o, v in self.objectives.items() if v.get("status", "active") == "active")
        self.live = sorted(u for u, v in self.usecases.items() if v["phase"] != "abandoned")
        self.effort = {u: float(v.get("effort", 1)) for u, v in self.usecases.items()}
        self.raters = sorted(s for s, v in self.stakeholders.items()
                             if any(o in self.active for o in (v.get("priorities") or {})))
        self.weights = np.array([[float((self.stakeholders[s].get("priorities") or {}).get(o, 0)) for o in self.active]
                                 for s in self.raters]).reshape(len(self.raters), len(self.active))
        self.ranks = np.array([rankdata(-row) for row in self.weights]).reshape(self.weights.shape)  # rank 1: highest

    def phase_value(self, u):
        return ORDER.index(self.usecases[u]["phase"]) / 5


# Alignment

def concordance(ledger):
    """Kendall's W, tie-corrected: from scipy's Friedman χ² (W = χ² ÷ m(n−1)); with two objects
    (scipy's test needs three), from its definition, 12S ÷ (m²(n³−n) − m·ΣT)."""
    m, n = ledger.weights.shape
    rank_sums = ledger.ranks.sum(axis=0)
    s = float(((rank_sums - m * (n + 1) / 2) ** 2).sum())
    ties = float(sum((c ** 3 - c).sum() for c in (np.unique(row, return_counts=True)[1] for row in ledger.weights)))
    w = None
    if m >= 2 and n == 2 and m ** 2 * 6 - m * ties:
        w = 12 * s / (m ** 2 * 6 - m * ties)
    elif m >= 2 and n >= 3:
        try:
            w = float(friedmanchisquare(*ledger.weights.T).statistic / (m * (n - 1)))
        except (ValueError, ZeroDivisionError):
            pass
    return {"value": w, "uncorrected": 12 * s / (m ** 2 * (n ** 3 - n)) if m >= 2 and n >= 2 else None,
            "raters": Unordered(ledger.raters), "objectives": Unordered(ledger.active),
            "rank_sums": dict(zip(ledger.active, rank_sums.tolist())), "s": s, "ties": ties}


def agreement(ledger):
    """Spearman's ρ between each rater's ranking and the mean ranking of the others, for every
    stakeholder (null for one who states no priority: no ranking); the three lowest (any of equal
    ρ will do); the mean per group, over the groups with a defined ρ."""
    rho = {s: None for s in ledger.stakeholders}
    for j, s in enumerate(ledger.raters):
        others = np.delete(ledger.ranks, j, axis=0).mean(axis=0)
        value = spearmanr(ledger.ranks[j], others).statistic if len(ledger.raters) >= 2 and len(ledger.active) >= 2 else None
        rho[s] = None if value is None or math.isnan(value) else float(value)
    group = {s: v["group"] for s, v in ledger.stakeholders.items()}
    defined = sorted((v, s) for s, v in rho.items() if v is not None)
    lowest = [v for v, _ in defined[:3]]

    def least_aligned(ids):
        if not isinstance(ids, list) or not all(isinstance(s, str) and rho.get(s) is not None for s in ids):
            return False
        values = sorted(rho[s] for s in ids)
        return (len(set(ids)) == len(ids) == len(lowest)
                and all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9) for a, b in zip(values, lowest)))

    by_group = {}
    for value, s in defined:
        by_group.setdefault(group[s], []).append(value)
    return {"by_stakeholder": {s: {"value": v, "group": group[s]} for s, v in rho.items()},
            "least_aligned": Accept(least_aligned, f"three of ρ {lowest} ({[s for _, s in defined[:3]]})"),
            "by_group": {g: float(np.mean(values)) for g, values in by_group.items()}}


def portfolio_fit(ledger):
    normalised = [row / row.sum() for row in ledger.weights if row.sum() > 0]
    p = np.mean(normalised, axis=0) if normalised else np.zeros(len(ledger.active))
    q = np.zeros(len(ledger.active))
    for u in ledger.live:
        if ledger.usecases[u]["phase"] == "scaled":
            continue
        targets = sorted({ledger.active.index(o) for o in ledger.usecases[u]["objectives"] if o in ledger.active})
        for t in targets:
            q[t] += ledger.effort[u] / len(targets)
    shares = q / q.sum() if q.sum() > 0 else q
    return {"value": float(np.minimum(p, shares).sum()) if normalised and q.sum() > 0 else None,
            "shared_priorities": dict(zip(ledger.active, p.tolist())), "effort_shares": dict(zip(ledger.active, shares.tolist()))}


def endorsements(ledger):
    """Each stakeholder's latest stance (the later entry on the same date)."""
    latest = {s: None for s in ledger.stakeholders}
    for e in ledger.d["vision"].get("endorsements") or []:
        current = latest.get(e["stakeholder"])
        if e["stakeholder"] in latest and (current is None or date(e["date"]) >= current[0]):
            latest[e["stakeholder"]] = (date(e["date"]), e["stance"])
    endorsing = sorted(s for s, v in latest.items() if v and v[1] == "endorse")
    groups = {v["group"] for v in ledger.stakeholders.values()}
    endorsing_groups = {ledger.stakeholders[s]["group"] for s in endorsing}
    return (ratio_metric("stakeholders", endorsing, sorted(set(ledger.stakeholders) - set(endorsing))),
            ratio_metric("groups", sorted(endorsing_groups), sorted(groups - endorsing_groups)))


def workshops_by_usecase(ledger):
    found = {}
    for workshop in ledger.d["workshops"].values():
        for u in set(workshop["usecases"]):
            if u in ledger.usecases:
                found.setdefault(u, []).append(workshop)
    return found


def co_construction(ledger, held_by):
    def co_constructed(u):
        held = held_by.get(u, [])
        phases = {w["phase"] for w in held}
        participants = {p for w in held for p in w["participants"]}
        users = ledger.usecases[u].get("users") or []
        return "analysis" in phases and "ideation" in phases and any(x in participants for x in users)

    prototyped = [u for u in ledger.live if ORDER.index(ledger.usecases[u]["phase"]) >= 2]
    return ratio_metric("usecases", [u for u in prototyped if co_constructed(u)],
                        [u for u in prototyped if not co_constructed(u)])


def transversality(ledger, held_by):
    spread = {u: len({ledger.stakeholders[p]["group"] for w in held for p in w["participants"] if p in ledger.stakeholders})
              for u, held in held_by.items()}
    return {"value": sum(spread.values()) / len(spread) if spread else None, "groups_by_usecase": spread}


def alignment(ledger, contributed):
    serving = [u for u in ledger.live if any(o in ledger.active for o in ledger.usecases[u]["objectives"])]
    served = {o for u in ledger.live for o in ledger.usecases[u]["objectives"]} | set(contributed)
    endorsement, group_endorsement = endorsements(ledger)
    held_by = workshops_by_usecase(ledger)
    return {
        "traceability": ratio_metric("usecases", serving, sorted(set(ledger.live) - set(serving)),
                                     sum(ledger.effort[u] for u in serving), sum(ledger.effort[u] for u in ledger.live)),
        "coverage": ratio_metric("objectives", [o for o in ledger.active if o in served],
                                 [o for o in ledger.active if o not in served]),
        "concordance": concordance(ledger),
        "stakeholder_agreement": agreement(ledger),
        "portfolio_fit": portfolio_fit(ledger),
        "endorsement": endorsement,
        "group_endorsement": group_endorsement,
        "co_construction": co_construction(ledger, held_by),
        "transversality": transversality(ledger, held_by),
    }


# Progress

def progress_of(ledger, own, theirs=()):
    """PROGRESS over the ledger's own live use cases and members' (member, id, effort, phase);
    the members' ids come after the ledger's own, prefixed `member:` (metrics.md, Federation)."""
    total = sum(ledger.effort[u] for u in own) + sum(e for _, _, e, _ in theirs)
    weighted = (sum(ledger.effort[u] * ledger.phase_value(u) for u in own)
                + sum(e * ORDER.index(phase) / 5 for _, _, e, phase in theirs))
    ids = sorted(own), sorted(f"{member}:{u}" for member, u, _, _ in theirs)

    def listed(actual):
        return isinstance(actual, list) and sorted(actual[:len(ids[0])]) == ids[0] and sorted(actual[len(ids[0]):]) == ids[1]

    usecases = Unordered(ids[0]) if not theirs else Accept(listed, f"{ids[0][:3]}… then {ids[1][:3]}…")
    return {"value": weighted / total if total else None, "usecases": usecases, "effort": total}


def readings(d):
    """Indicator → its measurements, as (date, value, file): the retrospectives' in path order,
    then its series file's rows that no retrospective gives with the same date and value (one
    series, docs/format.md)."""
    found = {}
    for name in sorted(d["retros"], key=lambda k: k + ".md"):
        for measure in d["retros"][name].get("measurements") or []:
            found.setdefault(measure["indicator"], []).append(
                (date(measure["date"]), float(measure["value"]), f"{d['name']}/retros/{name}.md"))
    for indicator, rows in d.get("series", {}).items():
        in_retros = {(when, value) for when, value, _ in found.get(indicator, [])}
        for when, value in rows:
            if (when, value) not in in_retros:
                found.setdefault(indicator, []).append((when, value, f"{d['name']}/measurements/{indicator}.csv"))
    return found


def latest_of(found):
    """The latest date; on one date, the later in the list (file, then entry)."""
    return max(enumerate(found), key=lambda e: (e[1][0], e[0]))[1] if found else None


def indicators(d):
    return [(o, i) for o, objective in d["objectives"].items() for i in objective.get("indicators") or []]


def latest_measurements(d):
    """Each declared indicator's latest measurement (date, value, file) in a member's ledger."""
    found = readings(d)
    return {i["id"]: latest_of(found[i["id"]]) for _, i in indicators(d) if found.get(i["id"])}


def from_members(indicator, members):
    """The combination of the members' latest values (metrics.md, Federation), as a measurement
    dated on the most recent of them, and its JSON description."""
    values = [(name, latest[indicator["id"]]) for name, latest in members if indicator["id"] in latest]
    described = {"combination": indicator["from_members"],
                 "values": Unordered([{"member": name, "value": v, "date": x.isoformat()} for name, (x, v, _) in values],
                                     by=("member",)),
                 "not_measured": Unordered(name for name, latest in members if indicator["id"] not in latest)}
    if not values:
        return None, described
    total = sum(v for _, (_, v, _) in values)
    combined = total if indicator["from_members"] == "sum" else total / len(values)
    return (max(x for _, (x, _, _) in values), combined, "federation"), described


def crossing_day(fit, baseline, target):
    """The first day on which the line reaches the target: the crossing rounded up (either day
    when it is within 1e-6 day of midnight); None when the line is flat or moves away from the
    target, or when the day is past what a YYYY-MM-DD date can write."""
    if fit.slope == 0:
        return None
    x = (target - fit.intercept) / fit.slope

    def day(ordinal):
        return datetime.date.fromordinal(ordinal).isoformat() if 1 <= ordinal <= datetime.date.max.toordinal() else None

    if fit.slope * (target - baseline) < 0:
        return None  # the line moves away from the target: it was past it only before the crossing
    return one_of(*sorted({day(math.ceil(x - 1e-6)), day(math.ceil(x + 1e-6))}, key=str))


def forecast(indicator, found):
    baseline, target = float(indicator["baseline"]), float(indicator["target"])
    xs = [date(indicator["baseline_date"]).toordinal()] + [x.toordinal() for x, _, _ in found]
    ys = [baseline] + [y for _, y, _ in found]
    if len(xs) < 2 or len(set(xs)) == 1:
        return None
    fit = linregress(xs, ys)
    value = float(fit.intercept + fit.slope * date(indicator["target_date"]).toordinal())
    # docs/metrics.md: a forecast stops at the bounds its unit implies.
    if "°" not in indicator["unit"] and min(baseline, target) >= 0:
        value = max(value, 0.0)
    if indicator["unit"].strip() == "%" and max(baseline, target) <= 100:
        value = min(value, 100.0)
    progress = (value - baseline) / (target - baseline) if target != baseline else None
    on_track = None if progress is None else one_of(True, False) if abs(progress - 1) < 1e-9 else progress >= 1
    return {"value": value, "progress": progress, "points": len(xs), "on_track": on_track,
            "reaches_target_on": crossing_day(fit, baseline, target)}


def indicator_fields(objective, indicator, found, combination):
    baseline, target = float(indicator["baseline"]), float(indicator["target"])
    latest = latest_of(found)
    fields = {"value": (latest[1] - baseline) / (target - baseline) if latest and target != baseline else None,
              "objective": objective, "title": indicator["title"], "unit": indicator["unit"],
              "direction": indicator["direction"],
              "baseline": baseline, "baseline_date": date(indicator["baseline_date"]).isoformat(),
              "target": target, "target_date": date(indicator["target_date"]).isoformat(),
              "latest": {"value": latest[1], "date": latest[0].isoformat(), "file": latest[2]} if latest else None,
              "measurements": len(found)}
    if combination is not None:
        fields["from_members"] = combination
    return fields


def say_do(ledger):
    """Per closed iteration (roadmap order) and overall, over those with a retro."""
    iterations, retros = ledger.d["iterations"], ledger.d["retros"]
    roadmap = sorted(iterations, key=lambda k: (date(iterations[k]["start"]), k))
    closed = [k for k in roadmap if iterations[k]["status"] == "closed"]
    overall = {"items": 0, "delivered": [], "missed": []}
    by_iteration = {}
    for k in closed:
        planned = iterations[k].get("items") or []
        if k not in retros:
            by_iteration[k] = {"value": None, "items": len(planned), "delivered": [], "missed": []}
            continue
        reached = {}
        for delivery in retros[k].get("delivered") or []:
            if delivery["phase"] in ORDER:
                reached[delivery["usecase"]] = max(reached.get(delivery["usecase"], -1), ORDER.index(delivery["phase"]))
        hit = [item["usecase"] for item in planned if reached.get(item["usecase"], -1) >= ORDER.index(item["target"])]
        missed = [item["usecase"] for item in planned if reached.get(item["usecase"], -1) < ORDER.index(item["target"])]
        by_iteration[k] = {"value": ratio(len(hit), len(planned)), "items": len(planned),
                           "delivered": Unordered(hit), "missed": Unordered(missed)}
        overall["items"] += len(planned)
        overall["delivered"] += [f"{k}/{u}" for u in hit]
        overall["missed"] += [f"{k}/{u}" for u in missed]
    return {"value": ratio(len(overall["delivered"]), overall["items"]), "items": overall["items"],
            "delivered": Unordered(overall["delivered"]), "missed": Unordered(overall["missed"]), "by_iteration": by_iteration}


def rollout_reach(ledger):
    steps = [s["id"] for s in ledger.d["vision"].get("rollout") or []]
    reached = [i for i, s in enumerate(steps)
               if any(v.get("rollout_step") == s and v["phase"] in ("deployed", "scaled") for v in ledger.usecases.values())]
    if not steps:
        return {"value": None, "step": None}
    return {"value": max(reached) + 1, "step": steps[max(reached)]} if reached else {"value": 0, "step": None}


def progress(ledger, contributed, members, unavailable=()):
    found = readings(ledger.d)
    indicator_progress, indicator_forecast = {}, {}
    for o, i in indicators(ledger.d):
        series, combination = list(found.get(i["id"], [])), None
        partial = None
        if i.get("from_members") and members:
            measurement, combination = from_members(i, members)
            combination["unavailable"] = list(unavailable)
            # A sum over part of the members is no measurement: shown as latest when nothing else is.
            total = len(members) + len(unavailable)
            if measurement and i["from_members"] == "sum" and len(combination["values"]) < total:
                partial = measurement
            elif measurement:
                series.append(measurement)  # last: it wins a tie with the ledger's own of that day
        indicator_progress[i["id"]] = indicator_fields(o, i, series, combination)
        if partial and not series:
            indicator_progress[i["id"]]["latest"] = {"value": partial[1], "date": partial[0].isoformat(),
                                                     "file": partial[2]}
        indicator_forecast[i["id"]] = forecast(i, series)
    usecases = ledger.usecases
    return {
        "phase_progress": {u: ledger.phase_value(u) if u in ledger.live else None for u in usecases},
        "objective_progress": {o: progress_of(ledger, [u for u in ledger.live if o in usecases[u]["objectives"]],
                                              contributed.get(o, [])) for o in ledger.objectives},
        "progress": progress_of(ledger, ledger.live),
        "indicator_progress": indicator_progress,
        "indicator_forecast": indicator_forecast,
        "say_do": say_do(ledger),
        "rollout_reach": rollout_reach(ledger),
        "phase_counts": {phase: sum(v["phase"] == phase for v in usecases.values()) for phase in ORDER + ["abandoned"]},
    }


# Learning

def current_actions(d):
    """Carry-over (ledger-format.md): an action restated in a later retro (same id, else same
    text and owner) is counted once, as its latest statement says; each with the retro and the
    position (from 1) of that statement."""
    iterations, retros = d["iterations"], d["retros"]
    latest = {}
    for name in sorted(retros, key=lambda k: (str(iterations.get(k, {}).get("start", "")), k)):
        for position, a in enumerate(retros[name].get("actions") or [], start=1):
            key = ("id", a["id"]) if "id" in a else ("text", a["owner"], a["text"])
            latest.pop(key, None)
            latest[key] = (name, position, a)
    return [(name, position, a) for name, position, a in latest.values()
            if a["status"] != "dropped" and iterations.get(a["due"], {}).get("status") == "closed"]


def learning(ledger):
    iterations, retros = ledger.d["iterations"], ledger.d["retros"]
    closed = [k for k in iterations if iterations[k]["status"] == "closed"]
    actions = current_actions(ledger.d)
    overdue = [{"text": a["text"], "owner": a["owner"], "due": a["due"], "retro": name}
               for name, _, a in actions if a["status"] == "open"]
    tags = {}
    for name, retro in retros.items():
        for lesson in retro.get("lessons") or []:
            for tag in lesson.get("tags") or []:
                tags.setdefault(tag, set()).add(name)
    recurring = [{"tag": t, "retros": Unordered(where)} for t, where in sorted(tags.items()) if len(where) >= 3]
    return {
        "retro_coverage": ratio_metric("iterations", [k for k in closed if k in retros], [k for k in closed if k not in retros]),
        "action_closure": ratio_metric("actions", [f"{name}#{p}" for name, p, a in actions if a["status"] == "done"],
                                       [f"{name}#{p}" for name, p, a in actions if a["status"] != "done"]),
        "overdue_actions": {"count": len(overdue), "actions": Unordered(overdue, by=("retro", "text", "owner"))},
        "recurring_lessons": {"count": len(recurring), "tags": Unordered(recurring, by=("tag",))},
        "decision_coconstruction": decision_coconstruction(ledger.d["decisions"]),
    }


def decision_coconstruction(decisions):
    """Accepted decisions that name a workshop ÷ accepted decisions (metrics.md, Learning)."""
    accepted = [k for k, d in decisions.items() if d["status"] == "accepted"]
    prepared = [k for k in accepted if decisions[k].get("workshops")]
    return ratio_metric("decisions", prepared, [k for k in accepted if k not in prepared])


def headline(document, metric):
    """A single-number metric's value in a computed document."""
    section = next(s for s in ("alignment", "progress", "learning") if metric in document[s])
    return document[section][metric]["value"]


def gates(document, minimums):
    """Each gate of `.steer.yaml` (order left open): met when the metric is defined and reaches it."""
    values = {metric: headline(document, metric) for metric in minimums}
    return Unordered([{"metric": metric, "minimum": minimum, "value": values[metric],
                       "met": values[metric] is not None and values[metric] >= minimum}
                      for metric, minimum in minimums.items()], by=("metric",))


def compute(d, configuration, members=()):
    """The document `steer metrics --format json` should print; members: (name, documents)."""
    ledger, contributed = Ledger(d), contributions(members)
    latest = [(name, latest_measurements(documents)) for name, documents in members if documents is not None]
    unavailable = [name for name, documents in members if documents is None]
    document = {"version": 1, "alignment": alignment(ledger, contributed), "progress": progress(ledger, contributed, latest, unavailable),
                "learning": learning(ledger)}
    # While a file has reading errors no gate is evaluated, and the files are named.
    unreadable = sorted(d["unreadable"])
    document["gates"] = gates(document, configuration.get("gates") or {}) if not unreadable else []
    if unreadable:
        document["reading_errors"] = unreadable
    return document


# Running Steer, reading ledgers and federations

def run(steer, ledger, cwd=None):
    result = subprocess.run([steer, "metrics", ledger, "--format", "json"], capture_output=True, text=True,
                            check=True, cwd=cwd)
    return json.loads(result.stdout)


def git(repository, *arguments, check=True):
    return subprocess.run(["git", "-C", repository, *arguments], capture_output=True, check=check).stdout


def configuration_file(text):
    return (yaml.load(text, Loader=Loader) if text else None) or {}


def read_configuration(root):
    path = os.path.join(root, ".steer.yaml")
    return configuration_file(open(path, encoding="utf-8").read() if os.path.exists(path) else None)


def member_at_revision(region, entry, directory):
    """The member's name, commit, configuration and ledger as they stood at its revision,
    extracted with `git archive`."""
    repository = os.path.join(region, entry["repository"])
    commit = git(repository, "rev-parse", "--verify", entry.get("revision", "HEAD") + "^{commit}").decode().strip()
    configuration = configuration_file(git(repository, "show", f"{commit}:.steer.yaml", check=False).decode())
    ledger = entry.get("ledger") or configuration.get("ledger") or "vision"
    target = os.path.join(directory, entry["name"])
    with tarfile.open(fileobj=io.BytesIO(git(repository, "archive", commit, ledger))) as tar:
        tar.extractall(target, filter="data")
    return commit, configuration, load(os.path.join(target, ledger), ledger)


def peer_comparison(document, members):
    """Every single-number metric, in the order of the gates' names: the region's, each member's."""
    return [{"metric": metric, "ledger": headline(document, metric),
             "members": {m["name"]: headline(m["metrics"], metric) for m in members}} for metric in HEADLINES]


def check_ledger(steer, ledger):
    ledger = os.path.abspath(ledger)
    root, name = os.path.split(ledger)
    label = os.path.basename(root) + "/" + name
    matches(compute(load(ledger, name), read_configuration(root)), run(steer, ledger), label)


def check_federation(steer, region):
    """The region's document, its members' (in `.steer.yaml` order) embedded in it. A member
    git cannot read at its revision is unavailable: it counts nowhere, and is listed with a
    reason that names it (the wording is Steer's)."""
    configuration = read_configuration(region)
    ledger = configuration.get("ledger", "vision")
    members, described, unavailable = [], [], []
    with tempfile.TemporaryDirectory() as directory:
        for entry in configuration["federation"]:
            try:
                commit, member_configuration, documents = member_at_revision(region, entry, directory)
            except subprocess.CalledProcessError:
                name = entry["name"]
                unavailable.append({"name": name, "revision": entry.get("revision"), "reason": Accept(
                    lambda reason, name=name: isinstance(reason, str) and f"'{name}'" in reason,
                    f"a reason naming '{name}'")})
                members.append((name, None))
                continue
            members.append((entry["name"], documents))
            described.append({"name": entry["name"], "revision": entry.get("revision"), "commit": commit,
                              "metrics": compute(documents, member_configuration)})
    document = compute(load(os.path.join(region, ledger), ledger), configuration, members)
    comparison = peer_comparison(document, described)
    for row in comparison:
        row["members"].update({member["name"]: None for member in unavailable})
    document["federation"] = {"members": described, "peer_comparison": comparison, "unavailable": unavailable}
    matches(document, run(steer, ledger, cwd=region), os.path.basename(region))


steer = os.path.abspath(sys.argv[1]) if os.sep in sys.argv[1] else sys.argv[1]  # also run from a region
arguments = sys.argv[2:]
federations = [arguments[i + 1] for i, a in enumerate(arguments) if a == "--federation"]
ledgers = [a for i, a in enumerate(arguments) if a != "--federation" and (i == 0 or arguments[i - 1] != "--federation")]
for ledger in ledgers:
    check_ledger(steer, ledger)
for region in federations:
    check_federation(steer, region)
finish()
