#!/usr/bin/env python3
"""The check a team would script without Steer, for the speed comparison of
docs/performance.md: PyYAML's C loader reads each document's front matter, `jsonschema`
validates it against the schemas `steer schema` writes, and the references are checked
against the ids of the ledger (duplicate ids, dangling references).

Usage: baseline_check.py LEDGER_DIR SCHEMA_DIR
Prints the number of documents and problems; exits 1 when it found any.
"""
import datetime
import json
import os
import sys

import yaml
from jsonschema import Draft202012Validator

ledger, schemas = sys.argv[1], sys.argv[2]
Loader = yaml.CSafeLoader
KINDS = {"stakeholders": "stakeholder", "objectives": "objective", "usecases": "usecase", "workshops": "workshop",
         "iterations": "iteration", "retros": "retro"}
validators = {}
for name in os.listdir(schemas):
    with open(os.path.join(schemas, name), encoding="utf-8") as handle:
        validators[name.removesuffix(".schema.json")] = Draft202012Validator(json.load(handle))


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


documents, problems = [], 0
for root, _, files in os.walk(ledger):
    for name in files:
        relative = os.path.relpath(os.path.join(root, name), ledger)
        parts = relative.split(os.sep)
        if not name.endswith(".md") or name.startswith(("_", ".")) or relative == "README.md":
            continue
        kind = "vision" if parts == ["vision.md"] else KINDS.get(parts[0]) if len(parts) == 2 else None
        if kind is None:
            problems += 1
            continue
        with open(os.path.join(root, name), encoding="utf-8-sig") as handle:
            text = handle.read()
        lines = text.split("\n")
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if not lines or lines[0].strip() != "---" or end is None:
            problems += 1
            continue
        try:
            data = plain(yaml.load("\n".join(lines[1:end]), Loader=Loader) or {})
        except (yaml.YAMLError, ValueError):
            problems += 1
            continue
        problems += sum(1 for _ in validators[kind].iter_errors(data))
        documents.append((kind, name[:-3], data))

# Reference checks: every id declared once, every reference to an existing id of the right kind.
ids = {}
for kind, stem, data in documents:
    if kind not in ("vision", "retro"):
        ids.setdefault(stem, []).append(kind)
    if kind == "vision":
        for entry in data.get("axes", []) + data.get("rollout", []):
            ids.setdefault(entry.get("id"), []).append("axis")
    if kind == "objective":
        for indicator in data.get("indicators", []):
            ids.setdefault(indicator.get("id"), []).append("indicator")
problems += sum(len(kinds) - 1 for kinds in ids.values() if len(kinds) > 1)


def exists(identifier, kind):
    return kind in ids.get(identifier, [])


for kind, stem, data in documents:
    references = []
    if kind == "vision":
        references += [(data.get("carried_by"), "stakeholder")]
        references += [(e.get("stakeholder"), "stakeholder") for e in data.get("endorsements", [])]
    elif kind == "stakeholder":
        references += [(o, "objective") for o in (data.get("priorities") or {})]
    elif kind == "objective":
        references += [(data.get("axis"), "axis"), (data.get("owner"), "stakeholder")]
    elif kind == "usecase":
        references += [(o, "objective") for o in data.get("objectives", [])]
        references += [(data.get("owner"), "stakeholder")] + [(u, "stakeholder") for u in data.get("users", [])]
        references += [(u, "usecase") for u in data.get("depends_on", [])]
    elif kind == "workshop":
        references += [(u, "usecase") for u in data.get("usecases", [])]
        references += [(p, "stakeholder") for p in data.get("participants", [])]
    elif kind == "iteration":
        references += [(item.get("usecase"), "usecase") for item in data.get("items", [])]
    elif kind == "retro":
        references += [(stem, "iteration")] + [(p, "stakeholder") for p in data.get("participants", [])]
        references += [(d.get("usecase"), "usecase") for d in data.get("delivered", [])]
        references += [(a.get("owner"), "stakeholder") for a in data.get("actions", [])]
        references += [(a.get("due"), "iteration") for a in data.get("actions", [])]
        references += [(m.get("indicator"), "indicator") for m in data.get("measurements", [])]
    problems += sum(1 for identifier, expected in references if not exists(identifier, expected))

print(f"{len(documents)} documents, {problems} problems")
sys.exit(1 if problems else 0)
