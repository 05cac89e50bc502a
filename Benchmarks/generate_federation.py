#!/usr/bin/env python3
"""Generates a federation: a region and its communes, each a git repository holding a ledger of
generate_ledger.py that passes `steer check`.

    generate_federation.py OUT_DIR [--members N] [--use-cases M] [--region-use-cases R] [--seed S]

OUT_DIR/region is the region's repository; its `.steer.yaml` names the communes,
OUT_DIR/commune-NNN (`repository: ../commune-NNN`). Every commune's objectives contribute to one
of the region's (three in four of them, ids drawn from the region's); the region's first
indicators are computed from the members' (`from_members`, sum and mean in turn), which the
communes measure under the same ids. Even communes are pinned at tag `t1`, after which their
history goes on (a commit moving every use case to `scaled`, that must not show); odd ones are
read at HEAD. Deterministic for a given seed. `--members 100 --use-cases 1000` is the scale
target of the federation issue.
"""
import argparse
import os
import random
import re
import subprocess

from generate_ledger import generate

ENVIRONMENT = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_NAME="Generator", GIT_AUTHOR_EMAIL="generator@steer.invalid",
                   GIT_COMMITTER_NAME="Generator", GIT_COMMITTER_EMAIL="generator@steer.invalid",
                   GIT_AUTHOR_DATE="2026-01-01T09:00:00Z", GIT_COMMITTER_DATE="2026-01-01T09:00:00Z")


def git(root, *arguments):
    subprocess.run(["git", "-c", "init.defaultBranch=main", *arguments], cwd=root, env=ENVIRONMENT, check=True,
                   stdout=subprocess.DEVNULL)


def rewrite(directory, change):
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(change(name[:-3], text))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--use-cases", type=int, default=1000, help="per member")
    parser.add_argument("--region-use-cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)

    region = os.path.join(arguments.out, "region")
    generate(os.path.join(region, "vision"), arguments.region_use_cases, arguments.seed)
    region_objectives = sorted(name[:-3] for name in os.listdir(os.path.join(region, "vision", "objectives")))
    combined = region_objectives[: max(1, len(region_objectives) // 2)]
    rewrite(os.path.join(region, "vision", "objectives"),
            lambda o, text: text.replace(f"{{id: i-{o}, ", f"{{id: i-{o}, from_members: {['sum', 'mean'][int(o[1:]) % 2]}, ")
            if o in combined else text)

    members = []
    for k in range(arguments.members):
        name = f"commune-{k:03d}"
        root = os.path.join(arguments.out, name)
        generate(os.path.join(root, "vision"), arguments.use_cases, arguments.seed + 1 + k)
        rewrite(os.path.join(root, "vision", "objectives"),
                lambda o, text: re.sub(r"^(owner: .*)$", rf"\1\ncontributes_to: [{rng.choice(region_objectives)}]", text,
                                       count=1, flags=re.M) if rng.random() < 0.75 else text)
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Ledger")
        pinned = k % 2 == 0
        if pinned:
            git(root, "tag", "t1")
            rewrite(os.path.join(root, "vision", "usecases"),
                    lambda u, text: re.sub(r"^phase: (?!abandoned).*$", "phase: scaled", text, flags=re.M))
            git(root, "commit", "-q", "-am", "Everything scaled, after the pinned tag")
        members.append(f"  - {{name: {name}, repository: ../{name}" + (", revision: t1}" if pinned else "}"))

    with open(os.path.join(region, ".steer.yaml"), "w", encoding="utf-8") as handle:
        handle.write("federation:\n" + "\n".join(members) + "\n")
    git(region, "init", "-q")
    git(region, "add", "-A")
    git(region, "commit", "-q", "-m", "Region")


if __name__ == "__main__":
    main()
