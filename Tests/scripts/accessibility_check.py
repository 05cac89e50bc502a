#!/usr/bin/env python3
"""axe-core, the accessibility engine, on Steer's HTML summaries and site in a real headless Chromium.

Every summary audience (technical, elected, public) in both languages, with the "since the last
committee" section, and the site (`steer site`, technical and public, in French): its index, a
page of each kind (a decision with a council's vote too), the roadmap, lessons, the decision register and findings — each is loaded through
chromedriver and checked by axe-core (as bundled by axe-selenium-python); any violation, of any
impact, fails, and every violation is printed with its rule, impact and the first elements it
names. PROJECT_ROOT is best a ledger whose iterations were recorded
(Tests/scripts/recorded_ledger.sh), so that the trends and journeys are drawn and checked too.

Usage: accessibility_check.py STEER_BINARY PROJECT_ROOT OUT_DIR [ARTIFACTS_DIR] [--federation REGION]
With ARTIFACTS_DIR, screenshots of the site's index and of a use case page are kept there. With
--federation, REGION (a repository whose .steer.yaml names members) is checked too: its summary
for each audience and its site's index, which show the federation, its decisions page and
objective pages, which list the members' use cases and plot their points.
Prints `N passed, M failed`.
"""
import os
import shutil
import subprocess
import sys

from axe_selenium_python import Axe
from selenium import webdriver

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish  # noqa: E402

arguments = sys.argv[1:]
region = None
if "--federation" in arguments:
    at = arguments.index("--federation")
    region = arguments[at + 1]
    del arguments[at:at + 2]
steer, project, out = arguments[:3]
artifacts = arguments[3] if len(arguments) > 3 else None
os.makedirs(out, exist_ok=True)
if artifacts:
    os.makedirs(artifacts, exist_ok=True)

options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
driver = webdriver.Chrome(options=options, service=service)
# axe-core on a region's large pages (its members' use cases and notes) outlasts the driver's
# default 30 s on a loaded 2-core machine.
driver.set_script_timeout(300)
# The "since the last committee" section from three commits back, when the clone has them.
since = "HEAD~3" if subprocess.run(["git", "rev-parse", "-q", "--verify", "HEAD~3"], cwd=project,
                                   capture_output=True).returncode == 0 else "HEAD"


def check(name, html, screenshot=None):
    driver.get("file://" + os.path.abspath(html))
    if artifacts and screenshot:
        driver.set_window_size(1000, 1600)
        path = os.path.join(artifacts, screenshot)
        expect(driver.save_screenshot(path), f"{name}: a screenshot in {path}")
        print(f"screenshot: {path}")
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    for violation in results["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        print(f"{name}: {violation['impact']} {violation['id']}: {violation['help']} — {targets}")
    found = [f"{v['id']} ({v['impact']})" for v in results["violations"]]
    expect(not found, f"{name}: no axe-core violation: {found}")
    expect(len(results["passes"]) > 10, f"{name}: axe-core ran its rules ({len(results['passes'])} passed)")


try:
    for language in ("fr", "en"):
        for audience in ("technical", "elected", "public"):
            name = f"summary-{audience}.{language}"
            html = os.path.join(out, name + ".html")
            subprocess.run([steer, "summary", "--format", "html", "--out", html, "--lang", language,
                            "--audience", audience, "--since", since], cwd=project, check=True,
                           capture_output=True)
            check(name, html)
    for audience in ("technical", "public"):
        site = os.path.join(out, f"site-{audience}")
        subprocess.run([steer, "site", "--out", site, "--lang", "fr", "--audience", audience], cwd=project,
                       check=True, capture_output=True)
        pages = ["index.html", "vision.html", "roadmap.html", "lessons.html", "decisions.html"]
        pages += ["findings.html"] if audience == "technical" else []
        for kind in ("stakeholders", "objectives", "usecases", "workshops", "iterations", "retros", "decisions"):
            pages.append(f"{kind}/" + sorted(os.listdir(os.path.join(site, kind)))[0])
        # A decision with its council's vote, whose section the first decision may not have.
        voted = [name for name in sorted(os.listdir(os.path.join(site, "decisions")))
                 if "Délibération" in open(os.path.join(site, "decisions", name), encoding="utf-8").read()]
        pages += [f"decisions/{name}" for name in voted[:1]]
        for page in pages:
            shot = None
            if audience == "technical" and (page == "index.html" or page.startswith("usecases/")):
                shot = "site-" + page.replace("/", "-").replace(".html", ".png")
            check(f"site-{audience}/{page}", os.path.join(site, page), shot)
    if region:
        for audience in ("technical", "elected", "public"):
            html = os.path.join(out, f"federation-summary-{audience}.html")
            subprocess.run([steer, "summary", "--format", "html", "--out", html, "--lang", "fr",
                            "--audience", audience], cwd=region, check=True, capture_output=True)
            expect("federation" in open(html, encoding="utf-8").read(), f"{html}: shows the federation")
            check(f"federation-summary-{audience}", html)
        site = os.path.join(out, "federation-site")
        subprocess.run([steer, "site", "--out", site, "--lang", "fr"], cwd=region, check=True, capture_output=True)
        check("federation-site/index.html", os.path.join(site, "index.html"))
        # The members' use cases, abandoned ones and workshop notes, and their points on charts.
        objectives = sorted(os.listdir(os.path.join(site, "objectives")))[:3]
        for page in ["decisions.html"] + [f"objectives/{name}" for name in objectives]:
            check(f"federation-site/{page}", os.path.join(site, page))
finally:
    driver.quit()
finish()
