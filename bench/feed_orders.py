#!/usr/bin/env python3
"""Times the feed orders on a large site through the real server.

Usage: python3 bench/feed_orders.py build/hoot [HOOTS]

Starts `hoot serve` once on a fresh folder so its migrations make the schema, stops it, fills the
database directly with HOOTS hoots (default 100,000; one a minute back from now, seeded-random
reactions and comment counts, every one tagged "owls"), starts the server again and times, for
each order, the first page and the page after it of GET /api/v1/hoots (median of 7 requests
each, over keep-alive). Python standard library only; binds 127.0.0.1 only.
"""

import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, data):
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--data", data, "--listen", f"127.0.0.1:{port}",
                             "--no-sample"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().read() == b"ok":
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("server did not start")


def fill(db_path, count):
    random.seed(7)
    now = int(time.time())
    db = sqlite3.connect(db_path)
    db.execute("INSERT INTO users(username, username_key, created_at) VALUES ('bench', 'bench', ?)",
               (now,))
    user = db.execute("SELECT id FROM users WHERE username_key = 'bench'").fetchone()[0]
    db.executemany("INSERT INTO posts(id, kind) VALUES (?, 1)", [(i,) for i in range(1, count + 1)])
    rows = []
    for i in range(1, count + 1):
        at = now - (count - i) * 60
        rows.append((i, user, f"Question number {i} about owls", "question", "Body.", "<p>Body.</p>",
                     "Body.", "owls", at, at, random.randint(0, 5), random.randint(0, 20),
                     random.randint(0, 3)))
    db.executemany(
        "INSERT INTO hoots(id, author_id, title, slug, body_source, body_html, excerpt, tags, "
        "created_at, updated_at, comment_count, positive, negative) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO hoot_tags(hoot_id, tag) VALUES (?, 'owls')",
                   [(i,) for i in range(1, count + 1)])
    db.commit()
    db.close()


def timed_get(conn, target):
    started = time.perf_counter()
    conn.request("GET", target)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"{target}: {response.status} {body[:200]!r}")
    return elapsed, json.loads(body)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    with tempfile.TemporaryDirectory() as data:
        proc, _ = start(binary, data)
        proc.terminate()
        proc.wait()
        fill(os.path.join(data, "hoot.sqlite3"), count)
        proc, port = start(binary, data)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            print(f"{count} hoots; median of 7 requests, ms (first page / second page)")
            for query in ("sort=latest", "sort=hot", "sort=top&period=all", "sort=top&period=week",
                          "sort=unanswered", "sort=hot&tag=owls"):
                firsts, seconds = [], []
                for _ in range(7):
                    ms, page = timed_get(conn, f"/api/v1/hoots?{query}")
                    firsts.append(ms)
                    after = urllib.parse.quote(page["next"] or "")
                    ms, _ = timed_get(conn, f"/api/v1/hoots?{query}&after={after}")
                    seconds.append(ms)
                print(f"  {query:24} {statistics.median(firsts):8.1f} {statistics.median(seconds):8.1f}")
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
