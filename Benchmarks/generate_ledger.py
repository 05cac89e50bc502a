#!/usr/bin/env python3
"""Generates a ledger of a given size that passes `steer check` (no errors; governance
warnings may appear, as in real life).

    generate_ledger.py OUT_DIR [--use-cases N] [--seed S] [--git]

The other counts follow the use cases: N/20 objectives, N/50 stakeholders, 1.3·N workshops,
N/25 iterations (each with its retrospective when closed). `--use-cases 10000` gives the large
ledger of the benchmarks: 10,000 use cases, 500 objectives, 200 stakeholders, 13,000 workshops
and 400 iterations with retros, about 24,000 documents. Deterministic for a given seed.

With --git, OUT_DIR/.. becomes a git repository whose history has one commit and one annotated
tag `steer/iteration/<id>` per closed iteration (with `Steer-Iteration` trailers, as
`steer retro record` writes them); each iteration's commit adds its retrospective and edits
about 1 % of the use cases (efforts, and some phases moving forward).
"""
import argparse
import datetime
import os
import random

GROUPS = ["elected", "management", "technical", "operator", "citizen", "it", "partner"]
PHASES = ["analysis", "ideation", "prototype", "test", "deployed", "scaled"]
TAGS = ["estimation", "co-construction", "terrain", "achats", "données", "réseau", "formation", "communication"]
AXES = ["donnees", "collaboratif", "agilite"]
STEPS = ["plages", "batiments", "parcs", "voirie"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--use-cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--git", action="store_true", help="also write a git history, one commit and tag per iteration")
    arguments = parser.parse_args()
    generate(arguments.out, arguments.use_cases, arguments.seed)
    if arguments.git:
        make_history(arguments.out, arguments.seed)


def write(root, path, front, body="Generated document.\n"):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write("---\n" + front + "---\n" + body)


def flow(values):
    return "[" + ", ".join(values) + "]"


def generate(root, use_case_count, seed):
    rng = random.Random(seed)
    objective_count = max(2, use_case_count // 20)
    stakeholder_count = max(7, use_case_count // 50)
    iteration_count = max(3, use_case_count // 25)
    start = datetime.date(2020, 1, 6)
    horizon = start + datetime.timedelta(days=14 * iteration_count + 3650)

    stakeholders = [f"s{i:04d}" for i in range(stakeholder_count)]
    group_of = {s: GROUPS[i % len(GROUPS)] for i, s in enumerate(stakeholders)}
    objectives = [f"o{i:04d}" for i in range(objective_count)]
    indicators = {o: f"i-{o}" for o in objectives}

    endorsements = "".join(
        f"  - {{stakeholder: {s}, date: {start.isoformat()}, stance: {rng.choice(['endorse', 'endorse', 'reservations'])}}}\n"
        for s in stakeholders[: min(len(stakeholders), 50)])
    write(root, "vision.md",
          f"title: Generated vision\nterritory: Generated territory\nhorizon: {horizon.isoformat()}\n"
          f"carried_by: {stakeholders[0]}\naxes:\n" + "".join(f"  - {{id: {a}, title: {a}}}\n" for a in AXES)
          + "rollout:\n" + "".join(f"  - {{id: {s}, title: {s}}}\n" for s in STEPS) + "endorsements:\n" + endorsements)

    for s in stakeholders:
        stated = rng.sample(objectives, min(len(objectives), rng.randint(2, 12)))
        priorities = "".join(f"  {o}: {rng.randint(0, 5)}\n" for o in stated)
        write(root, f"stakeholders/{s}.md", f"name: Stakeholder {s}\ngroup: {group_of[s]}\npriorities:\n{priorities}")

    for o in objectives:
        baseline = rng.randint(10, 1000)
        direction = rng.choice(["increase", "decrease"])
        target = baseline + rng.randint(5, 500) * (1 if direction == "increase" else -1)
        target_date = start + datetime.timedelta(days=rng.randint(400, 14 * iteration_count + 3000))
        write(root, f"objectives/{o}.md",
              f"title: Objective {o}\naxis: {rng.choice(AXES)}\nowner: {rng.choice(stakeholders)}\nindicators:\n"
              f"  - {{id: {indicators[o]}, title: Indicator, unit: u, direction: {direction}, baseline: {baseline},\n"
              f"     baseline_date: {start.isoformat()}, target: {target}, target_date: {target_date.isoformat()}}}\n")

    # Use cases: depend only on earlier ones that are already deployed, so no cycle and no
    # dependency-order error; every one serves active objectives.
    use_cases, phase_of, effort_of = [], {}, {}
    deployed = []
    for i in range(use_case_count):
        u = f"u{i:05d}"
        phase = rng.choices(PHASES + ["abandoned"], weights=[20, 15, 15, 15, 15, 10, 5])[0]
        effort = rng.randint(1, 10)
        users = rng.sample(stakeholders, 2)
        depends = rng.sample(deployed, min(len(deployed), rng.randint(0, 2))) if deployed else []
        front = (f"title: Use case {u}\nobjectives: {flow(rng.sample(objectives, rng.randint(1, 2)))}\nphase: {phase}\n"
                 f"owner: {rng.choice(stakeholders)}\nusers: {flow(users)}\nrollout_step: {rng.choice(STEPS)}\n"
                 + (f"depends_on: {flow(depends)}\n" if depends else "") + f"effort: {effort}\n")
        write(root, f"usecases/{u}.md", front)
        use_cases.append((u, users))
        phase_of[u], effort_of[u] = phase, effort
        if phase in ("deployed", "scaled"):
            deployed.append(u)

    # Workshops: about 1.3 per use case, analysis and ideation with one of the users.
    workshop_count = int(use_case_count * 1.3)
    for i in range(workshop_count):
        u, users = use_cases[i % use_case_count]
        phase = ["analysis", "ideation", "prototyping"][(i // use_case_count) % 3] if i >= use_case_count else rng.choice(["analysis", "ideation"])
        participants = sorted(set([users[0], rng.choice(stakeholders), rng.choice(stakeholders)]))
        if len(participants) < 2:
            participants.append(next(s for s in stakeholders if s not in participants))
        date = start + datetime.timedelta(days=rng.randint(0, 14 * iteration_count))
        write(root, f"workshops/w{i:05d}.md",
              f"date: {date.isoformat()}\nphase: {phase}\nusecases: [{u}]\nparticipants: {flow(participants)}\n"
              f"decisions: [\"Decision {i}\"]\n")

    # Iterations: consecutive fortnights, closed then one active then planned; each use case
    # is planned at most once, at a phase after its current one when the iteration is open.
    closed_count = max(1, int(iteration_count * 0.8))
    available = [u for u, _ in use_cases if phase_of[u] != "abandoned"]
    rng.shuffle(available)
    for k in range(iteration_count):
        iteration = f"it{k:04d}"
        begin = start + datetime.timedelta(days=14 * k)
        end = begin + datetime.timedelta(days=13)
        status = "closed" if k < closed_count else "active" if k == closed_count else "planned"
        items = []
        while available and len(items) < 15:
            u = available.pop()
            rank = PHASES.index(phase_of[u])
            if status == "closed":
                target = PHASES[rng.randint(0, rank)]
            elif rank < len(PHASES) - 1:
                target = PHASES[rng.randint(rank + 1, len(PHASES) - 1)]
                if target in ("deployed", "scaled") and phase_of[u] not in ("deployed", "scaled"):
                    target = PHASES[min(rank + 1, 3)] if rank < 3 else target
            else:
                continue
            items.append((u, target))
        capacity = sum(effort_of[u] for u, _ in items) + rng.randint(0, 10)
        write(root, f"iterations/{iteration}.md",
              f"title: Iteration {k}\nstart: {begin.isoformat()}\nend: {end.isoformat()}\nstatus: {status}\n"
              f"capacity: {capacity}\nitems:\n" + "".join(f"  - {{usecase: {u}, target: {t}}}\n" for u, t in items))
        if status != "closed":
            continue
        date = end + datetime.timedelta(days=1)
        delivered = "".join(
            f"  - {{usecase: {u}, phase: {t if rng.random() < 0.8 else PHASES[max(0, PHASES.index(t) - 1)]}}}\n"
            for u, t in items)
        lessons = "".join(f"  - {{text: Lesson {j}, tags: {flow(rng.sample(TAGS, 2))}}}\n" for j in range(2))
        due = f"it{k + 1:04d}"
        actions = f"  - {{text: Action of {iteration}, owner: {rng.choice(stakeholders)}, due: {due}, status: {rng.choice(['done', 'done', 'dropped', 'open'])}}}\n"
        measurements = "".join(
            f"  - {{indicator: {indicators[o]}, value: {rng.randint(10, 1000)}, date: {(start + datetime.timedelta(days=rng.randint(0, (date - start).days))).isoformat()}}}\n"
            for o in rng.sample(objectives, min(3, len(objectives))))
        write(root, f"retros/{iteration}.md",
              f"date: {date.isoformat()}\nparticipants: {flow(rng.sample(stakeholders, 2))}\ndelivered:\n{delivered}"
              f"lessons:\n{lessons}actions:\n{actions}measurements:\n{measurements}")


def make_history(ledger, seed):
    """Replays the generated ledger as a history: the documents first, then per closed
    iteration a commit with its retrospective and ~1 % of the use cases edited."""
    import re
    import subprocess
    rng = random.Random(seed + 1)
    root = os.path.dirname(os.path.abspath(ledger))
    name = os.path.basename(os.path.abspath(ledger))
    environment = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
                       GIT_AUTHOR_NAME="Generator", GIT_AUTHOR_EMAIL="generator@steer.invalid",
                       GIT_COMMITTER_NAME="Generator", GIT_COMMITTER_EMAIL="generator@steer.invalid")

    def git(*arguments, date=None):
        env = dict(environment, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date) if date else environment
        subprocess.run(["git", "-c", "init.defaultBranch=main", *arguments], cwd=root, env=env, check=True,
                       stdout=subprocess.DEVNULL)

    retros_dir = os.path.join(ledger, "retros")
    retros = {n: open(os.path.join(retros_dir, n), encoding="utf-8").read() for n in sorted(os.listdir(retros_dir))}
    for n in retros:
        os.remove(os.path.join(retros_dir, n))
    usecases_dir = os.path.join(ledger, "usecases")
    usecases = sorted(os.listdir(usecases_dir))
    planned = set()
    for n in os.listdir(os.path.join(ledger, "iterations")):
        planned.update(re.findall(r"usecase: (u[0-9]+)", open(os.path.join(ledger, "iterations", n)).read()))
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Ledger", date="2020-01-01T09:00:00Z")
    per_iteration = max(1, len(usecases) // 100)
    unplanned = [u for u in usecases if u[:-3] not in planned]
    for number, retro_name in enumerate(retros):
        iteration = retro_name[:-3]
        date = re.search(r"date: (\d{4}-\d{2}-\d{2})", retros[retro_name]).group(1) + "T18:00:00Z"
        with open(os.path.join(retros_dir, retro_name), "w", encoding="utf-8") as handle:
            handle.write(retros[retro_name])
        # Only use cases no iteration plans: their effort and phase can move without breaking
        # a capacity or a planned target.
        for u in rng.sample(unplanned, min(len(unplanned), per_iteration)):
            path = os.path.join(usecases_dir, u)
            text = open(path, encoding="utf-8").read()
            text = re.sub(r"effort: \d+", f"effort: {rng.randint(1, 10)}", text)
            text = text.replace("phase: analysis", "phase: ideation")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        message = f"retro({iteration}): 2 lessons, 1 action\n\nSteer-Iteration: {iteration}\nSteer-Lessons: 2\nSteer-Actions: 1\n"
        git("add", "-A")
        git("commit", "-q", "-m", message, date=date)
        git("tag", "-a", f"steer/iteration/{iteration}", "-m", f"retro({iteration})", date=date)


if __name__ == "__main__":
    main()
