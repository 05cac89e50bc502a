#!/usr/bin/env python3
"""Drives `steer lsp` as an editor does and prints what a user waits for.

    Benchmarks/lsp_latency.py STEER LEDGER_REPOSITORY [EDITS]

Starts the server in the repository, waits for the diagnostics of the whole ledger, opens a
use case, then types: each edit alternately breaks a key and mends it, so that each one
changes the file's diagnostics, and times edit → `textDocument/publishDiagnostics` for that
file, and reads the server's CPU time (user + system) over the edits. Also times a completion of `owner:` and a hover, and reads the server's peak memory
(VmHWM). Prints figures; asserts nothing (docs/performance.md).
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time


class Editor:
    def __init__(self, steer, root):
        self.process = subprocess.Popen([steer, "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server ended")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def cpu_seconds(self):
        """The server's CPU time so far, user + system."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def until_diagnostics(self, uri):
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    steer, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    editor = Editor(steer, str(root))
    started = time.perf_counter()
    editor.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
    editor.send({"method": "initialized", "params": {}})
    # Every file's diagnostics are published at start; a request answered after them marks the end.
    editor.request("workspace/symbol", {"query": "\u0000"})
    startup = time.perf_counter() - started

    ledger = root / "vision"
    use_case = sorted((ledger / "usecases").glob("*.md"))[len(list((ledger / "usecases").glob("*.md"))) // 2]
    uri = use_case.as_uri()
    text = use_case.read_text()
    broken = text.replace("title:", "titel:", 1)
    editor.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    editor.request("workspace/symbol", {"query": "\u0000"})

    cpu_before = editor.cpu_seconds()
    latencies = []
    for version in range(2, edits + 2):
        new_text = broken if version % 2 == 0 else text
        sent = time.perf_counter()
        editor.send({"method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version},
                                "contentChanges": [{"text": new_text}]}})
        editor.until_diagnostics(uri)
        latencies.append((time.perf_counter() - sent) * 1000)
    cpu_per_edit = (editor.cpu_seconds() - cpu_before) * 1000 / edits

    owner_line = next(i for i, line in enumerate(text.split("\n")) if line.startswith("owner:"))
    position = {"textDocument": {"uri": uri}, "position": {"line": owner_line, "character": 8}}
    sent = time.perf_counter()
    items = editor.request("textDocument/completion", position)["result"]["items"]
    completion = (time.perf_counter() - sent) * 1000
    sent = time.perf_counter()
    editor.request("textDocument/hover", position)
    hover = (time.perf_counter() - sent) * 1000

    with open(f"/proc/{editor.process.pid}/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    editor.request("shutdown", None)
    editor.send({"method": "exit"})
    editor.process.wait()

    documents = sum(1 for _ in ledger.rglob("*.md"))
    print(f"ledger: {ledger} ({documents} Markdown files)")
    print(f"start to every file's diagnostics: {startup * 1000:.0f} ms")
    print(f"edit -> publishDiagnostics over {edits} edits: median {statistics.median(latencies):.1f} ms, "
          f"95th percentile {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms; "
          f"server CPU time {cpu_per_edit:.1f} ms per edit")
    print(f"completion of owner: ({len(items)} items): {completion:.1f} ms; hover: {hover:.1f} ms")
    print(f"peak memory (VmHWM): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
