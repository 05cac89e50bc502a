#!/usr/bin/env python3
"""Cross-checks `steer schema` with an independent validator (Python jsonschema, PyYAML).

- every document of the reference ledger and of the minimal fixture, and the project's
  .steer.yaml, are valid against the exported schemas;
- on the invalid fixtures, jsonschema rejects exactly the files that `steer check`'s
  `schema` rule rejects (a YAML loading error counts as a rejection).

Usage: validate_schema.py STEER_BINARY FIXTURES_DIR PROJECT_ROOT
Prints `N passed, M failed` and exits non-zero on any failure.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish, scratch_directory  # noqa: E402

import yaml
from jsonschema import Draft202012Validator

steer, fixtures, project = sys.argv[1], sys.argv[2], sys.argv[3]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DIRECTORIES = {"stakeholders": "stakeholder", "objectives": "objective", "usecases": "usecase",
               "workshops": "workshop", "iterations": "iteration", "retros": "retro", "decisions": "decision"}



schema_dir = scratch_directory("steer-schema-")
subprocess.run([steer, "schema", "--out", schema_dir], check=True, capture_output=True)
validators = {}
for name in os.listdir(schema_dir):
    with open(os.path.join(schema_dir, name), encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    validators[name.removesuffix(".schema.json")] = Draft202012Validator(schema)
expect(len(validators) == 9, "a schema for each of the eight kinds and for the configuration")


def jsonable(value):
    """YAML dates become the ISO strings the ledger wrote."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if isinstance(k, (datetime.date,)) else k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def kind_of(relative):
    parts = relative.split("/")
    if parts == ["vision.md"]:
        return "vision"
    if len(parts) == 2 and parts[0] in DIRECTORIES and parts[1].endswith(".md"):
        return DIRECTORIES[parts[0]]
    return None


def rejects(path, kind):
    """The reasons jsonschema (or YAML loading) rejects a document; empty when it accepts it."""
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return ["no front matter"]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return ["unterminated front matter"]
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=Loader)
    except (yaml.YAMLError, ValueError) as error:
        return [f"YAML: {error}"]
    data = jsonable(data if data is not None else {})
    return [error.message for error in validators[kind].iter_errors(data)]


def documents(ledger):
    for root, _, files in os.walk(ledger):
        for name in files:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, ledger)
            if name.startswith(("_", ".")) or not name.endswith(".md") or relative == "README.md":
                continue
            yield path, relative, kind_of(relative)


# Valid ledgers validate.
for ledger in (os.path.join(project, "vision"), os.path.join(fixtures, "minimal", "vision")):
    for path, relative, kind in documents(ledger):
        errors = rejects(path, kind)
        expect(not errors, f"{relative} is valid: {errors[:2]}")
with open(os.path.join(project, ".steer.yaml"), encoding="utf-8") as handle:
    config = jsonable(yaml.load(handle, Loader=Loader))
expect(not list(validators["config"].iter_errors(config)), "the project's .steer.yaml is valid")

# Invalid fixtures: the same files are rejected by both.
for overlay in ("schema", "front-matter"):
    directory = scratch_directory("steer-schema-")
    shutil.copytree(os.path.join(fixtures, "minimal"), directory, dirs_exist_ok=True)
    shutil.copytree(os.path.join(fixtures, overlay), directory, dirs_exist_ok=True)
    result = subprocess.run([steer, "check", "--format", "json"], cwd=directory, capture_output=True, text=True)
    flagged = {d["file"] for d in json.loads(result.stdout)["diagnostics"]
               if d["rule"] in ("schema", "front-matter") and d.get("line") and not d["message"].startswith("the file name")}
    for path, relative, kind in documents(os.path.join(directory, "vision")):
        if kind is None:
            continue  # a misplaced file has no kind, hence no schema
        steer_rejects = f"vision/{relative}" in flagged
        python_rejects = bool(rejects(path, kind))
        expect(steer_rejects == python_rejects,
               f"{overlay}/{relative}: steer {'rejects' if steer_rejects else 'accepts'}, "
               f"jsonschema {'rejects' if python_rejects else 'accepts'} ({rejects(path, kind)[:2]})")

finish()
