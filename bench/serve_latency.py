#!/usr/bin/env python3
"""okgen serve as an author feels it: how long from saving a file to the page that shows it.

Starts `okgen serve` on a copy of a content folder and measures, N times each (median, max):
  - a regional agreement saved in an editor (temp file + rename) -> the server's "change"
    event naming it (the moment an open page starts to reload) -> its preview fetched;
  - a local agreement saved -> the same;
  - an answer posted from the questionnaire -> the answer written, the agreement re-checked
    (the server answers only after both) -> the questionnaire page fetched again;
and beside them the naive way, without the workspace: one `okgen build --format html FILE`
and one `okgen check FILE` process per save.
The browser's own part (reload, layout, scroll) is measured by tests/browser/serve.mjs.

Usage: serve_latency.py OKGEN CONTENT_DIR REGIONAL_KEY LOCAL_KEY [N]
   e.g. serve_latency.py build-bench/okgen /tmp/okgen-bench/content dalarna/regional.xml dalarna/local/falun.xml
"""
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    okgen, content, regional_key, local_key = sys.argv[1:5]
    n = int(sys.argv[5]) if len(sys.argv) > 5 else 21
    work = tempfile.mkdtemp(prefix="okgen-serve-bench-")
    try:
        run(okgen, content, regional_key, local_key, n, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(okgen, content, regional_key, local_key, n, work):
    copy = os.path.join(work, "content")
    shutil.copytree(content, copy, ignore=shutil.ignore_patterns(".git"))
    started = time.monotonic()
    server = subprocess.Popen([okgen, "serve", copy, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    port = None
    for line in server.stdout:
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        sys.exit("okgen serve did not start")
    print(f"okgen serve started and loaded {count_agreements(copy)} agreements in "
          f"{time.monotonic() - started:.2f} s")
    events = EventStream(port)
    try:
        for key in (regional_key, local_key):
            path = os.path.join(copy, key)
            original = open(path, encoding="utf-8").read()
            to_event, to_page = [], []
            for i in range(n):
                marker = f"mätpunkt {i} {time.time_ns()}"
                text = original.replace("</title>", f"</title><!-- {marker} -->", 1)
                t0 = time.monotonic()
                save_like_an_editor(path, text)
                events.wait_for(key, t0)
                t1 = time.monotonic()
                get(port, "/preview/" + key)
                t2 = time.monotonic()
                to_event.append((t1 - t0) * 1000)
                to_page.append((t2 - t0) * 1000)
                time.sleep(0.05)
            save_like_an_editor(path, original)
            events.wait_for(key, time.monotonic())
            report(f"{key} saved -> change event (page starts reloading)", to_event)
            report(f"{key} saved -> preview fetched", to_page)

        # Answers from the questionnaire: the first open question each time.
        saved = []
        for i in range(n):
            page = get(port, "/questions/" + local_key)
            csrf = re.search(r'name="csrf" value="([^"]*)"', page)
            file_hash = re.search(r'name="hash" value="([^"]*)"', page)
            box = re.search(r'name="(svar-\d+)"', page)
            if not (csrf and file_hash and box):
                break
            body = urllib.parse.urlencode({"csrf": csrf.group(1), "hash": file_hash.group(1),
                                           box.group(1): f"Svar {i} från mätningen."})
            t0 = time.monotonic()
            status = post(port, "/questions/" + local_key, body)
            get(port, "/questions/" + local_key + "?klart=sparat")
            t1 = time.monotonic()
            if status != 303:
                sys.exit(f"posting an answer gave HTTP {status}")
            saved.append((t1 - t0) * 1000)
        report(f"answer posted -> written, re-checked, questionnaire fetched ({local_key})", saved)
    finally:
        events.close()
        server.terminate()
        server.wait(10)

    # The naive way: a process per save.
    for key in (regional_key, local_key):
        path = os.path.join(copy, key)
        out = os.path.join(work, "out")
        # --full: the file is not changed between runs, and an incremental build would reuse it.
        report(f"naive: okgen build --full --format html {key}, whole process",
               timed(lambda: subprocess.run([okgen, "build", "-q", "--full", "--format", "html", path, "-o", out],
                                            capture_output=True), n))
        report(f"naive: okgen check {key}, whole process",
               timed(lambda: subprocess.run([okgen, "check", "-q", path], capture_output=True), n))


def count_agreements(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".xml"))


def save_like_an_editor(path, text):
    tmp = os.path.join(os.path.dirname(path), ".bench-save.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    body = c.getresponse().read().decode("utf-8", "replace")
    c.close()
    return body


def post(port, path, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                   "Origin": f"http://127.0.0.1:{port}"})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status


def timed(fn, n):
    out = []
    for _ in range(n):
        t0 = time.monotonic()
        fn()
        out.append((time.monotonic() - t0) * 1000)
    return out


def report(what, ms):
    if not ms:
        print(f"{what}: no measurement")
        return
    print(f"{what}: median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms ({len(ms)} runs)")


class EventStream:
    """The workspace's /events stream, read on a thread; remembers when each key was named."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.request("GET", "/events")
        self.response = self.conn.getresponse()
        self.seen = []  # (time, data)
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            for raw in self.response:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                if line.startswith("data: "):
                    with self.cond:
                        self.seen.append((time.monotonic(), line[6:]))
                        self.cond.notify_all()
        except Exception:
            pass

    def wait_for(self, key, since, timeout=30):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for t, data in self.seen:
                    if t >= since and f'"{key}"' in data:
                        return t
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.exit(f"no change event for {key} within {timeout} s")
                self.cond.wait(left)

    def close(self):
        try:
            self.conn.close()
        except Exception:
            pass


if __name__ == "__main__":
    main()
