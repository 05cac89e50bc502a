#!/usr/bin/env python3
"""Package.swift declares exactly what each target imports: no module imported without being a
declared dependency (it builds only by accident of the build order), none declared and unused.

Usage: check_imports.py PACKAGE_ROOT   (runs `swift package dump-package` there)
Prints `N passed, M failed`.
"""
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish  # noqa: E402

root = sys.argv[1]
package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, capture_output=True, text=True,
                                    check=True).stdout)
products = {"Mustache", "ArgumentParser", "Benchmark"}
local = {target["name"] for target in package["targets"]} | products
for target in package["targets"]:
    name = target["name"]
    directory = os.path.join(root, "Tests" if target["type"] == "test" else "Sources", name)
    if not os.path.isdir(directory):
        continue
    declared = {value[0] for dependency in target.get("dependencies", []) for value in dependency.values()}
    imported = set()
    for path in glob.glob(os.path.join(directory, "**", "*.swift"), recursive=True):
        with open(path, encoding="utf-8") as handle:
            imported |= set(re.findall(r"^(?:@testable )?import (\w+)", handle.read(), re.M))
    imported &= local
    expect(not (imported - declared - {name}), f"{name} imports undeclared {sorted(imported - declared - {name})}")
    expect(not (declared & local) - imported, f"{name} declares unused {sorted((declared & local) - imported)}")
finish()
