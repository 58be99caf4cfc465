#!/usr/bin/env python3
"""What idle live event streams cost: Hoot's resident memory with N open `GET /events` streams,
and how long one new comment takes to reach all of them.

Usage: python3 bench/sse_idle.py [--binary build/hoot] [--streams 1000,5000] [--timeout 120]

1. Starts `hoot serve --no-sample` on a fresh temporary data folder and a free 127.0.0.1 port,
   signs up the readers and a poster through the JSON API and has the poster write a hoot.
   A person may hold at most 32 streams (live_events.cpp), so the streams are spread over
   ceil(N / 25) readers; sign-ups are limited to a burst of 10 per address, so the sign-ups come
   from 127.0.0.2, 127.0.0.3, ... (all of 127/8 is loopback on Linux).
2. Restarts the server on the same folder (the sessions live in the database), so that the memory
   the Argon2id sign-ups used is not counted, makes one request, and reads VmRSS: the baseline.
3. For each N, in increasing order, opens more streams up to N in total: raw sockets sending
   `GET /events?hoot=ID` with the reader's session cookie, in batches, and waits until every stream
   has received its first "counts" event. Reads VmRSS again: the increase over the baseline divided
   by N is the cost of one idle stream (the server's socket, coroutine, timer, subscription and
   the stream's cursor; the kernel's socket buffers are not in RSS).
4. With the N streams open the poster comments on the hoot (API) and the script times how long
   until each stream has its "comment" event: first, median and last (the fan-out time).
5. Closes everything, stops the server (SIGTERM, SIGKILL after 10 s), removes the folder; also on
   failure or Ctrl-C. Every wait is bounded by --timeout seconds; exit status 1 on any failure.

Python standard library only. Raises the open-file limit (RLIMIT_NOFILE) up to the hard limit; the
server inherits it.
"""

import argparse
import http.client
import json
import math
import os
import resource
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "a long enough password"
STREAMS_PER_READER = 25  # below the server's 32 per person
SIGNUPS_PER_ADDRESS = 10  # the sign-up rate limit's burst
BATCH = 250  # streams connected before waiting for their first event


class BenchError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise BenchError("no VmRSS for the server")


class Server:
    def __init__(self, binary, data_dir, log_path):
        self.binary, self.data_dir, self.log_path = binary, data_dir, log_path
        self.proc = None
        self.port = None

    def start(self, deadline):
        for _ in range(3):
            self.port = free_port()
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--data", self.data_dir, "--listen",
                 f"127.0.0.1:{self.port}", "--no-sample"],
                stdout=log, stderr=subprocess.STDOUT)
            log.close()
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    status, body = self.request("GET", "/healthz")
                    if status == 200 and body.strip() == b"ok":
                        return
                except OSError:
                    pass
                time.sleep(0.1)
            self.stop()
        raise BenchError(f"the server did not start; see {self.log_path}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def request(self, method, path, body=None, token=None, source=None):
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30,
            source_address=(source, 0) if source else None)
        try:
            headers = {}
            if body is not None:
                headers["Content-Type"] = "application/json"
            if token:
                headers["Authorization"] = f"Bearer {token}"
            conn.request(method, path, body=json.dumps(body) if body is not None else None,
                         headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def api(self, method, path, body, token=None, source=None, expect=(200, 201)):
        status, text = self.request(method, path, body, token, source)
        if status not in expect:
            raise BenchError(f"{method} {path}: {status} {text[:200]!r}")
        return json.loads(text)


class Stream:
    __slots__ = ("sock", "buffer", "answered", "counted", "comment_at", "closed")

    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""
        self.answered = False  # the status line was read (and was 200)
        self.counted = False
        self.comment_at = None
        self.closed = False


class Streams:
    """N raw event-stream connections, read with one selector."""

    def __init__(self, port, hoot_id):
        self.port, self.hoot_id = port, hoot_id
        self.selector = selectors.DefaultSelector()
        self.all = []

    def open(self, token):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock.sendall((f"GET /events?hoot={self.hoot_id} HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{self.port}\r\nAccept: text/event-stream\r\n"
                      f"Cookie: hoot_session={token}\r\n\r\n").encode())
        sock.setblocking(False)
        stream = Stream(sock)
        self.selector.register(sock, selectors.EVENT_READ, stream)
        self.all.append(stream)

    def poll(self, timeout):
        for key, _ in self.selector.select(timeout):
            stream = key.data
            try:
                chunk = stream.sock.recv(65536)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                stream.closed = True
                self.selector.unregister(stream.sock)
                if not stream.counted:
                    raise BenchError(f"a stream was refused: {stream.buffer[:200]!r}")
                continue
            stream.buffer += chunk
            if not stream.answered and len(stream.buffer) >= 12:
                if not stream.buffer.startswith(b"HTTP/1.1 200"):
                    raise BenchError(f"a stream was refused: {stream.buffer[:200]!r}")
                stream.answered = True
            # Only what this script looks for; the buffer keeps the tail of a split line.
            if not stream.counted and b"event: counts\n" in stream.buffer:
                stream.counted = True
            if stream.comment_at is None and b"event: comment\n" in stream.buffer:
                stream.comment_at = time.monotonic()
            if stream.answered:
                stream.buffer = stream.buffer[-64:]

    def wait(self, done, deadline, what):
        while not done():
            if time.monotonic() > deadline:
                raise BenchError(f"timed out waiting for {what}")
            if any(s.closed for s in self.all):
                raise BenchError(f"a stream was closed by the server while waiting for {what}")
            self.poll(0.2)

    def close(self):
        for stream in self.all:
            try:
                stream.sock.close()
            except OSError:
                pass
        self.selector.close()


def raise_file_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        soft = want
    if soft != resource.RLIM_INFINITY and soft < needed:
        raise BenchError(f"needs {needed} open files, the hard limit is {hard}")
    return soft


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="build/hoot")
    parser.add_argument("--streams", default="1000,5000", help="comma-separated stream counts")
    parser.add_argument("--timeout", type=float, default=120, help="seconds for each phase")
    args = parser.parse_args()
    counts = sorted({int(n) for n in args.streams.split(",")})
    if not counts or counts[0] < 1:
        parser.error("--streams must be positive numbers")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        parser.error(f"no hoot binary at {binary} (make build)")
    largest = counts[-1]
    limit = raise_file_limit(2 * largest + 256)  # the server's sockets and ours

    work = tempfile.mkdtemp(prefix="hoot-sse-bench.")
    server = Server(binary, os.path.join(work, "data"), os.path.join(work, "server.log"))
    streams = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        print(f"hoot: {binary}; streams: {', '.join(map(str, counts))}; open-file limit {limit}")
        server.start(time.monotonic() + args.timeout)

        readers = math.ceil(largest / STREAMS_PER_READER)
        suffix = format(int(time.time()), "x")
        started = time.monotonic()
        tokens = []
        for i in range(readers + 1):
            source = f"127.0.0.{2 + i // SIGNUPS_PER_ADDRESS}"
            user = server.api("POST", "/api/v1/users",
                              {"username": f"r{i}_{suffix}", "password": PASSWORD}, source=source)
            tokens.append(user["token"])
        poster = tokens.pop()
        hoot = server.api("POST", "/api/v1/hoots",
                          {"title": "Idle streams", "body": "Readers keep this open."}, poster)
        print(f"signed up {readers} readers and a poster in {time.monotonic() - started:.1f} s")

        # A fresh process: the baseline holds no memory left from the Argon2id sign-ups.
        server.stop()
        server.start(time.monotonic() + args.timeout)
        status, _ = server.request("GET", hoot["url"], token=poster)
        if status != 200:
            raise BenchError(f"GET {hoot['url']}: {status}")
        time.sleep(0.5)
        baseline = rss_kb(server.proc.pid)
        print(f"baseline RSS {baseline / 1024:.1f} MB (server restarted, one page served)")

        streams = Streams(server.port, hoot["id"])
        results = []
        for n in counts:
            deadline = time.monotonic() + args.timeout
            opened_at = time.monotonic()
            while len(streams.all) < n:
                batch_end = min(n, len(streams.all) + BATCH)
                while len(streams.all) < batch_end:
                    streams.open(tokens[len(streams.all) // STREAMS_PER_READER])
                streams.wait(lambda: all(s.counted for s in streams.all), deadline,
                             f"the first events of {len(streams.all)} streams")
            open_seconds = time.monotonic() - opened_at
            time.sleep(1.0)  # let the server settle; nothing is in flight now
            streams.poll(0)
            rss = rss_kb(server.proc.pid)

            # The comment is posted from a thread so that the streams are read while it is sent.
            failed = []

            def post_comment(n=n):
                try:
                    server.api("POST", f"/api/v1/hoots/{hoot['id']}/comments",
                               {"body": f"A comment for {n} readers."}, poster)
                except (BenchError, OSError) as e:
                    failed.append(e)

            poster_thread = threading.Thread(target=post_comment)
            sent = time.monotonic()
            poster_thread.start()
            streams.wait(lambda: all(s.comment_at is not None for s in streams.all),
                         sent + args.timeout, f"the comment on all {n} streams")
            poster_thread.join(args.timeout)
            if failed:
                raise BenchError(f"posting the comment failed: {failed[0]}")
            delays = sorted((s.comment_at - sent) * 1000 for s in streams.all)
            for s in streams.all:
                s.comment_at = None
            results.append((n, rss, open_seconds, delays))
            print(f"{n:>6} streams: RSS {rss / 1024:.1f} MB, +{(rss - baseline) / 1024:.1f} MB over "
                  f"the baseline = {(rss - baseline) / n:.1f} KB per stream (opened in "
                  f"{open_seconds:.1f} s); comment fan-out: first {delays[0]:.0f} ms, median "
                  f"{statistics.median(delays):.0f} ms, all {delays[-1]:.0f} ms")

        print()
        print("| open streams | server RSS | over baseline | per stream | comment reaches first / median / all |")
        print("|-------------:|-----------:|--------------:|-----------:|-------------------------------------:|")
        print(f"| 0 | {baseline / 1024:.1f} MB | | | |")
        for n, rss, _, delays in results:
            print(f"| {n:,} | {rss / 1024:.1f} MB | {(rss - baseline) / 1024:.1f} MB | "
                  f"{(rss - baseline) / n:.1f} KB | {delays[0]:.0f} / "
                  f"{statistics.median(delays):.0f} / {delays[-1]:.0f} ms |")
        return 0
    except BenchError as e:
        print(f"sse bench: FAILED: {e}", file=sys.stderr)
        try:
            with open(server.log_path, errors="replace") as log:
                tail = log.readlines()[-20:]
            print("server log (last lines):\n" + "".join(tail), file=sys.stderr)
        except OSError:
            pass
        return 1
    except KeyboardInterrupt:
        print("sse bench: interrupted", file=sys.stderr)
        return 130
    finally:
        if streams:
            streams.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
