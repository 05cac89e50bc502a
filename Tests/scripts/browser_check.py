#!/usr/bin/env python3
"""Opens the reference ledger's HTML summaries in a real headless Chromium, as a person would.

- each page (fr and en, technical and elected) loads without a console message (the page has
  no script, so any message is a problem: a blocked request, a CSP violation, a parse error);
- a screenshot is produced;
- printed to PDF on A4: the elected summary is exactly one page, the technical one starts a
  page for each of its sections;
- a ledger whose titles and bodies carry <script> and onerror= handlers executes nothing.

Usage: browser_check.py STEER_BINARY PROJECT_ROOT FIXTURES_DIR OUT_DIR
Prints `N passed, M failed`.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect, finish, scratch_directory  # noqa: E402

steer, project, fixtures, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROME = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
          "--enable-logging=stderr", "--v=0"]


def summary(directory, path, *arguments):
    subprocess.run([steer, "summary", "--format", "html", "--out", path, *arguments], cwd=directory, check=True,
                   capture_output=True)


def chrome(*arguments):
    return subprocess.run(CHROME + list(arguments), capture_output=True, text=True, timeout=120)


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


for language in ("fr", "en"):
    for audience in ("technical", "elected"):
        name = f"summary-{audience}.{language}"
        html = os.path.join(out, name + ".html")
        summary(project, html, "--lang", language, "--audience", audience)
        url = "file://" + os.path.abspath(html)
        loaded = chrome("--dump-dom", url)
        expect(loaded.returncode == 0 and "</html>" in loaded.stdout, f"{name}: Chromium loads it")
        console = [line for line in loaded.stderr.splitlines() if "CONSOLE" in line]
        expect(not console, f"{name}: no console message: {console[:3]}")
        png = os.path.join(out, name + ".png")
        chrome("--window-size=1000,1400", f"--screenshot={png}", url)
        expect(os.path.exists(png) and os.path.getsize(png) > 20000, f"{name}: a screenshot")
        pdf = os.path.join(out, name + ".pdf")
        chrome("--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
        count = pages(pdf)
        if audience == "elected":
            expect(count == 1, f"{name}: one printed page, got {count}")
        else:
            sections = len(re.findall(r'<section id="[a-z]+" class="page"', open(html, encoding="utf-8").read()))
            expect(sections + 1 <= count <= 3 * (sections + 1), f"{name}: a page per section ({sections}), got {count}")

# Injection: titles and bodies with <script>, event handlers and javascript: links.
directory = scratch_directory("steer-browser-")
shutil.copytree(os.path.join(fixtures, "minimal"), directory, dirs_exist_ok=True)
payload = "<script>document.body.dataset.pwned = 1</script><img src=x onerror=document.body.dataset.pwned=1>"
vision = os.path.join(directory, "vision", "vision.md")
text = open(vision, encoding="utf-8").read()
text = text.replace("title: Clean beaches", "title: '" + payload + "'")
text = text.replace("A minimal ledger", payload + " [click](javascript:document.body.dataset.pwned=1) A minimal ledger")
open(vision, "w", encoding="utf-8").write(text)
usecase = os.path.join(directory, "vision", "usecases", "water-sensors.md")
text = open(usecase, encoding="utf-8").read().replace("title: Water quality sensors", "title: '" + payload + "'")
open(usecase, "w", encoding="utf-8").write(text)
html = os.path.join(out, "summary-injection.html")
summary(directory, html, "--lang", "en")
dom = chrome("--dump-dom", "file://" + os.path.abspath(html)).stdout
expect("data-pwned" not in dom, "injection: nothing executed")
expect("<script" not in dom.lower(), "injection: no script element in the page")
expect("onerror" not in re.sub(r"&lt;.*?&gt;", "", dom), "injection: no event handler attribute")
expect("&lt;script&gt;" in dom, "injection: the text is shown, escaped")

finish()
