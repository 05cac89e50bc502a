#!/usr/bin/env python3
"""Recomputes every alignment, progress and learning metric from the ledger files with an
independent implementation (PyYAML, numpy, scipy: friedmanchisquare for Kendall's W,
spearmanr for agreement, linregress for forecasts) and compares it with
`steer metrics --format json`, to 1e-9.

Usage: crosscheck_metrics.py STEER_BINARY LEDGER_DIR [LEDGER_DIR …] [--federation REGION_DIR …]

With --federation, REGION_DIR is a repository whose .steer.yaml names `federation:` members:
each member is read at its revision with `git archive` and recomputed, then the region's
objective_progress, coverage and indicators computed from members' (metrics.md, Federation).
Prints `N passed, M failed` and exits non-zero on any failure.
"""
import datetime
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



def same(expected, actual, what):
    """Numbers agree to 1e-9 (relative for large ones); None, NaN and null are the same."""
    missing_e = expected is None or (isinstance(expected, float) and math.isnan(expected))
    missing_a = actual is None
    if missing_e or missing_a:
        expect(missing_e and missing_a, f"{what}: expected {expected}, steer says {actual}")
    else:
        expect(math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9), f"{what}: expected {expected!r}, steer says {actual!r}")


def front_matter(path):
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read().replace("\r\n", "\n")
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    return yaml.load("\n".join(lines[1:end]), Loader=Loader) or {}


def load(ledger):
    documents = {"vision": front_matter(os.path.join(ledger, "vision.md"))}
    for kind in ["stakeholders", "objectives", "usecases", "workshops", "iterations", "retros"]:
        directory = os.path.join(ledger, kind)
        documents[kind] = {}
        for name in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
            if name.endswith(".md") and not name.startswith(("_", ".")):
                documents[kind][name[:-3]] = front_matter(os.path.join(directory, name))
    return documents


def date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def contributions(members):
    """Region objective → the members' live use cases serving a member objective that
    contributes to it, as (member, use case, effort, phase)."""
    found = {}
    for name, d, _ in members:
        for u, v in sorted(d["usecases"].items()):
            if v["phase"] == "abandoned":
                continue
            targets = {t for o in v["objectives"] for t in (d["objectives"].get(o) or {}).get("contributes_to") or []}
            for t in targets:
                found.setdefault(t, []).append((name, u, float(v.get("effort", 1)), v["phase"]))
    return found


def compute(d, members=()):
    stakeholders, objectives, usecases = d["stakeholders"], d["objectives"], d["usecases"]
    workshops, iterations, retros = d["workshops"], d["iterations"], d["retros"]
    active = sorted(o for o, v in objectives.items() if v.get("status", "active") == "active")
    live = sorted(u for u, v in usecases.items() if v["phase"] != "abandoned")
    effort = {u: float(v.get("effort", 1)) for u, v in usecases.items()}
    serves_active = {u: any(o in active for o in usecases[u]["objectives"]) for u in usecases}
    m = {}

    m["traceability"] = ratio(sum(effort[u] for u in live if serves_active[u]), sum(effort[u] for u in live))
    contributed = contributions(members)
    served = {o for u in live for o in usecases[u]["objectives"]} | set(contributed)
    m["coverage"] = ratio(sum(o in served for o in active), len(active))

    raters = sorted(s for s, v in stakeholders.items() if any(o in active for o in (v.get("priorities") or {})))
    weights = np.array([[float((stakeholders[s].get("priorities") or {}).get(o, 0)) for o in active] for s in raters])
    w = None
    if len(raters) >= 2 and len(active) >= 3:
        try:
            chi2 = friedmanchisquare(*[weights[:, i] for i in range(len(active))]).statistic
            w = chi2 / (len(raters) * (len(active) - 1))
        except (ValueError, ZeroDivisionError):
            w = None
    elif len(raters) >= 2 and len(active) == 2:  # scipy's test needs 3 objects: W from its definition
        ranks = np.array([rankdata(-row) for row in weights])
        s = ((ranks.sum(axis=0) - len(raters) * 1.5) ** 2).sum()
        ties = sum((c ** 3 - c).sum() for c in (np.unique(row, return_counts=True)[1] for row in weights))
        denominator = len(raters) ** 2 * 6 - len(raters) * ties
        w = 12 * s / denominator if denominator else None
    m["concordance"] = w

    agreement = {}
    if len(raters) >= 2:
        ranks = np.array([rankdata(-row) for row in weights])
        for j, s in enumerate(raters):
            others = np.delete(ranks, j, axis=0).mean(axis=0)
            rho = spearmanr(ranks[j], others).statistic if len(active) >= 2 else None
            agreement[s] = None if rho is None or math.isnan(rho) else float(rho)
    m["agreement"] = agreement

    normalised = [row / row.sum() for row in weights if row.sum() > 0]
    p = np.mean(normalised, axis=0) if normalised else np.zeros(len(active))
    q = np.zeros(len(active))
    for u in live:
        if usecases[u]["phase"] == "scaled":
            continue
        targets = sorted({active.index(o) for o in usecases[u]["objectives"] if o in active})
        for t in targets:
            q[t] += effort[u] / len(targets)
    m["portfolio_fit"] = float(np.minimum(p, q / q.sum()).sum()) if normalised and q.sum() > 0 else None

    latest = {}
    for s, v in stakeholders.items():
        latest[s] = None
    for e in d["vision"].get("endorsements") or []:
        current = latest.get(e["stakeholder"])
        if e["stakeholder"] in latest and (current is None or date(e["date"]) >= current[0]):
            latest[e["stakeholder"]] = (date(e["date"]), e["stance"])
    endorsing = {s for s, v in latest.items() if v and v[1] == "endorse"}
    m["endorsement"] = ratio(len(endorsing), len(stakeholders))
    groups = {v["group"] for v in stakeholders.values()}
    m["group_endorsement"] = ratio(len({stakeholders[s]["group"] for s in endorsing}), len(groups))

    by_usecase = {}
    for name, workshop in workshops.items():
        for u in set(workshop["usecases"]):
            by_usecase.setdefault(u, []).append(workshop)

    def co_constructed(u):
        held = by_usecase.get(u, [])
        phases = {w["phase"] for w in held}
        participants = {p for w in held for p in w["participants"]}
        users = usecases[u].get("users") or []
        return "analysis" in phases and "ideation" in phases and any(x in participants for x in users)

    prototyped = [u for u in live if ORDER.index(usecases[u]["phase"]) >= 2]
    m["co_construction"] = ratio(sum(co_constructed(u) for u in prototyped), len(prototyped))
    spread = [len({stakeholders[p]["group"] for w in held for p in w["participants"] if p in stakeholders})
              for u, held in by_usecase.items() if u in usecases]
    m["transversality"] = sum(spread) / len(spread) if spread else None

    def progress(ids):
        total = sum(effort[u] for u in ids)
        return sum(effort[u] * ORDER.index(usecases[u]["phase"]) / 5 for u in ids) / total if total else None

    m["progress"] = progress(live)
    m["objective_progress"] = {}
    for o in objectives:
        own = [u for u in live if o in usecases[u]["objectives"]]
        theirs = contributed.get(o, [])
        total = sum(effort[u] for u in own) + sum(e for _, _, e, _ in theirs)
        weighted = sum(effort[u] * ORDER.index(usecases[u]["phase"]) / 5 for u in own) + sum(
            e * ORDER.index(phase) / 5 for _, _, e, phase in theirs)
        m["objective_progress"][o] = weighted / total if total else None

    readings = {}
    for name in sorted(retros):
        for measure in retros[name].get("measurements") or []:
            readings.setdefault(measure["indicator"], []).append((date(measure["date"]), float(measure["value"])))
    m["indicators"], m["forecasts"], m["latest"] = {}, {}, {}
    for o, objective in objectives.items():
        for i in objective.get("indicators") or []:
            baseline, target = float(i["baseline"]), float(i["target"])
            found = list(readings.get(i["id"], []))
            if i.get("from_members"):
                values = [ours["latest"][i["id"]] for _, _, ours in members if i["id"] in ours["latest"]]
                if values:
                    total = sum(v for _, v in values)
                    found.append((max(x for x, _ in values), total if i["from_members"] == "sum" else total / len(values)))
            latest = max(enumerate(found), key=lambda e: (e[1][0], e[0]))[1] if found else None
            latest_value = latest[1] if latest else None
            if latest:
                m["latest"][i["id"]] = latest
            m["indicators"][i["id"]] = (latest_value - baseline) / (target - baseline) if found and target != baseline else None
            xs = [date(i["baseline_date"]).toordinal()] + [x.toordinal() for x, _ in found]
            ys = [baseline] + [y for _, y in found]
            if len(xs) >= 2 and len(set(xs)) > 1:
                fit = linregress(xs, ys)
                m["forecasts"][i["id"]] = fit.intercept + fit.slope * date(i["target_date"]).toordinal()
            else:
                m["forecasts"][i["id"]] = None

    roadmap = sorted(iterations, key=lambda k: (date(iterations[k]["start"]), k))
    closed = [k for k in roadmap if iterations[k]["status"] == "closed"]
    hits = items = 0
    m["say_do_by_iteration"] = {}
    for k in closed:
        if k not in retros:
            m["say_do_by_iteration"][k] = None
            continue
        reached = {}
        for delivery in retros[k].get("delivered") or []:
            if delivery["phase"] in ORDER:
                reached[delivery["usecase"]] = max(reached.get(delivery["usecase"], -1), ORDER.index(delivery["phase"]))
        planned = iterations[k].get("items") or []
        done = sum(1 for item in planned if reached.get(item["usecase"], -1) >= ORDER.index(item["target"]))
        m["say_do_by_iteration"][k] = done / len(planned) if planned else None
        hits, items = hits + done, items + len(planned)
    m["say_do"] = ratio(hits, items)

    steps = [s["id"] for s in d["vision"].get("rollout") or []]
    reached_steps = [i + 1 for i, s in enumerate(steps)
                     if any(v.get("rollout_step") == s and v["phase"] in ("deployed", "scaled") for v in usecases.values())]
    m["rollout_reach"] = (max(reached_steps) if reached_steps else 0) if steps else None
    m["phase_counts"] = {phase: sum(v["phase"] == phase for v in usecases.values()) for phase in ORDER + ["abandoned"]}

    m["retro_coverage"] = ratio(sum(k in retros for k in closed), len(closed))
    # Carry-over (ledger-format.md): an action restated in a later retro (same id, else same
    # text and owner) is counted once, as its latest statement says.
    latest = {}
    for name in sorted(retros, key=lambda k: (str(iterations.get(k, {}).get("start", "")), k)):
        for a in retros[name].get("actions") or []:
            key = ("id", a["id"]) if "id" in a else ("text", a["owner"], a["text"])
            latest.pop(key, None)
            latest[key] = a
    actions = [a for a in latest.values()
               if a["status"] != "dropped" and iterations.get(a["due"], {}).get("status") == "closed"]
    m["action_closure"] = ratio(sum(a["status"] == "done" for a in actions), len(actions))
    m["overdue_actions"] = sum(a["status"] == "open" for a in actions)
    tags = {}
    for name, retro in retros.items():
        for lesson in retro.get("lessons") or []:
            for tag in lesson.get("tags") or []:
                tags.setdefault(tag, set()).add(name)
    m["recurring_lessons"] = sorted(t for t, where in tags.items() if len(where) >= 3)
    return m


def compare(ours, theirs, name):
    a, p, l = theirs["alignment"], theirs["progress"], theirs["learning"]
    for key in ["traceability", "coverage", "concordance", "portfolio_fit", "endorsement", "group_endorsement",
                "co_construction", "transversality"]:
        same(ours[key], a[key]["value"], f"{name} {key}")
    for stakeholder, value in ours["agreement"].items():
        same(value, a["stakeholder_agreement"]["by_stakeholder"][stakeholder]["value"], f"{name} agreement {stakeholder}")
    same(ours["progress"], p["progress"]["value"], f"{name} progress")
    for objective, value in ours["objective_progress"].items():
        same(value, p["objective_progress"][objective]["value"], f"{name} objective_progress {objective}")
    for indicator, value in ours["indicators"].items():
        same(value, p["indicator_progress"][indicator]["value"], f"{name} indicator_progress {indicator}")
        forecast = p["indicator_forecast"][indicator]
        same(ours["forecasts"][indicator], forecast["value"] if forecast else None, f"{name} indicator_forecast {indicator}")
    same(ours["say_do"], p["say_do"]["value"], f"{name} say_do")
    for iteration, value in ours["say_do_by_iteration"].items():
        same(value, p["say_do"]["by_iteration"][iteration]["value"], f"{name} say_do {iteration}")
    expect(ours["rollout_reach"] == p["rollout_reach"]["value"], f"{name} rollout_reach")
    expect(ours["phase_counts"] == p["phase_counts"], f"{name} phase_counts")
    same(ours["retro_coverage"], l["retro_coverage"]["value"], f"{name} retro_coverage")
    same(ours["action_closure"], l["action_closure"]["value"], f"{name} action_closure")
    expect(ours["overdue_actions"] == l["overdue_actions"]["count"], f"{name} overdue_actions")
    expect(ours["recurring_lessons"] == sorted(t["tag"] for t in l["recurring_lessons"]["tags"]), f"{name} recurring_lessons")


def member_at_revision(region, entry, directory):
    """The member's ledger as it stood at its revision, extracted with `git archive`."""
    repository = os.path.join(region, entry["repository"])
    ledger = entry.get("ledger", "vision")
    archive = subprocess.run(["git", "-C", repository, "archive", entry.get("revision", "HEAD"), ledger],
                             capture_output=True, check=True).stdout
    target = os.path.join(directory, entry["name"])
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return load(os.path.join(target, ledger))


def run(steer, ledger, cwd=None):
    result = subprocess.run([steer, "metrics", ledger, "--format", "json"], capture_output=True, text=True,
                            check=True, cwd=cwd)
    return json.loads(result.stdout)


steer = sys.argv[1]
arguments = sys.argv[2:]
federations = [arguments[i + 1] for i, a in enumerate(arguments) if a == "--federation"]
ledgers = [a for i, a in enumerate(arguments) if a != "--federation" and (i == 0 or arguments[i - 1] != "--federation")]
for ledger in ledgers:
    name = os.path.basename(os.path.dirname(os.path.abspath(ledger))) + "/" + os.path.basename(ledger)
    compare(compute(load(ledger)), run(steer, ledger), name)

for region in federations:
    with open(os.path.join(region, ".steer.yaml"), encoding="utf-8") as handle:
        entries = yaml.load(handle, Loader=Loader)["federation"]
    theirs = run(steer, "vision", cwd=region)
    with tempfile.TemporaryDirectory() as directory:
        members = []
        for entry, reported in zip(entries, theirs["federation"]["members"]):
            expect(reported["name"] == entry["name"], f"member {entry['name']} in order")
            documents = member_at_revision(region, entry, directory)
            ours = compute(documents)
            compare(ours, reported["metrics"], f"{os.path.basename(region)}:{entry['name']}")
            members.append((entry["name"], documents, ours))
        compare(compute(load(os.path.join(region, "vision")), members), theirs, os.path.basename(region))

finish()
