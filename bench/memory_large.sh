#!/usr/bin/env bash
# make bench-memory: Hoot's resident memory while it serves a million-post community under load
# (DESIGN §7: under 150 MB). The community is the synthetic million-post dump of
# bench/make_se_dump.py imported into a data folder (kept between runs: about 3.8 GB); wrk then
# asks for a random mix of thread pages, feed and tag pages and searches, and the script reads the
# server's peak RSS over the load (VmHWM, reset after start-up) (bench/README.md, "Memory with a
# million posts").
#
#   bash bench/memory_large.sh HOOT
#   HOOT_BENCH_DIR=/tmp/hoot-bench-import  where the dump and the data folder go
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_THREADS=2
set -euo pipefail

HOOT=$(realpath "${1:?usage: bench/memory_large.sh HOOT}")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK_DIR=${HOOT_BENCH_DIR:-/tmp/hoot-bench-import}
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
WARMUP=5s
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done

dump="$WORK_DIR/synthetic-1000000/synthetic.stackexchange.com"
data="$WORK_DIR/data-1m"
mkdir -p "$WORK_DIR"
if [[ ! -f "$data/hoot.sqlite3" ]]; then
    if [[ ! -f "$dump/Tags.xml" ]]; then
        echo "bench: writing a synthetic dump of 1,000,000 posts to $dump" >&2
        rm -rf "$dump"
        python3 "$HERE/make_se_dump.py" "$dump" --posts 1000000
    fi
    echo "bench: importing it into $data" >&2
    rm -rf "$data"
    "$HOOT" import stackexchange "$dump" --data "$data" >/dev/null 2>&1
fi

WORK=$(mktemp -d /tmp/hoot-bench-memory.XXXXXX)
HOOT_PID=""
cleanup() {
    stop "$HOOT_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The pages asked for, read from the database before the server opens it: 2,000 threads at
# random, the feeds in each order, 100 tag pages and searches for one and two of the dump's words.
python3 - "$data/hoot.sqlite3" "$WORK/paths.txt" <<'PYEOF'
import random, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rng = random.Random(7)
top = db.execute("SELECT MAX(id) FROM hoots").fetchone()[0]
paths = []
while len(paths) < 2000:
    row = db.execute("SELECT id, slug FROM hoots WHERE id >= ? ORDER BY id LIMIT 1",
                     (rng.randint(1, top),)).fetchone()
    if row:
        paths.append(f"/hoots/{row[0]}/{row[1]}")
paths += ["/", "/?sort=top", "/?sort=hot", "/?sort=unanswered"] * 25
tags = [t for (t,) in db.execute("SELECT tag FROM tag_counts ORDER BY count DESC LIMIT 100")]
paths += [f"/tags/{t}" for t in tags]
words = "lager stout porter cask wort roast crisp".split()
paths += [f"/search?q={rng.choice(words)}" for _ in range(50)]
paths += [f"/search?q={rng.choice(words)}+{rng.choice(words)}" for _ in range(50)]
rng.shuffle(paths)
with open(sys.argv[2], "w") as out:
    out.write("\n".join(paths) + "\n")
PYEOF

cat >"$WORK/mix.lua" <<'LUAEOF'
local paths = {}
for line in io.lines(os.getenv("HOOT_BENCH_PATHS")) do paths[#paths + 1] = line end
local next_path = 0
function request()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end
LUAEOF

PORT=$(free_port)
"$HOOT" serve --data "$data" --listen "127.0.0.1:$PORT" --no-sample --no-rate-limits \
    >"$WORK/hoot.log" 2>&1 &
HOOT_PID=$!
wait_for "http://127.0.0.1:$PORT/healthz" "$HOOT_PID" hoot "$WORK/hoot.log"
status() { awk -v key="$1:" '$1 == key { print $2 / 1024 " MB" }' "/proc/$HOOT_PID/status"; }
START_RSS=$(status VmRSS)
echo 5 >"/proc/$HOOT_PID/clear_refs"

export HOOT_BENCH_PATHS="$WORK/paths.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/mix.lua" "http://127.0.0.1:$PORT" >/dev/null
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/mix.lua" \
    "http://127.0.0.1:$PORT")
rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
errors=$(awk '/Non-2xx or 3xx/ { print $NF }' <<<"$out")
socket_errors=$(awk '/Socket errors/ { sub(/.*Socket errors: /, ""); print }' <<<"$out")
posts=$(python3 -c "import sqlite3,sys; d=sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True); print(d.execute('SELECT COUNT(*) FROM posts').fetchone()[0])" "$data/hoot.sqlite3")

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "community: $posts posts, database $(du -m "$data/hoot.sqlite3" | cut -f1) MB"
echo "mix: $(wc -l <"$WORK/paths.txt") paths (threads, feeds, tags, searches), $CONNECTIONS connections, $DURATION"
echo "served: $rps req/s, p99 $p99, non-2xx/3xx: ${errors:-0}, socket errors: ${socket_errors:-none}"
echo "hoot memory: after start-up $START_RSS; peak under load (VmHWM) $(status VmHWM); now $(status VmRSS)"
