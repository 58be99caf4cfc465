#!/usr/bin/env bash
# The end-to-end test: starts the real binary on a fresh data directory and a free port, then
# drives Debian's Chromium through it with playwright-core (no browser is ever downloaded).
# Usage: bash tests/e2e/run.sh path/to/hoot
# Needs: node + npm (Debian packages nodejs, npm) and /usr/bin/chromium (package chromium).
# Screenshots land in tests/e2e/artifacts/; the server's log is kept there as server.log.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 path/to/hoot" >&2
    exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
chromium="${HOOT_E2E_CHROMIUM:-/usr/bin/chromium}"

missing=()
command -v node >/dev/null 2>&1 || missing+=("node (Debian package nodejs)")
command -v npm >/dev/null 2>&1 || missing+=("npm (Debian package npm)")
[[ -x "$chromium" ]] || missing+=("$chromium (Debian package chromium)")
[[ -x "$binary" ]] || missing+=("the hoot binary at $binary (run make build)")
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "e2e: cannot run, missing:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    echo "e2e: scripts/deps.sh installs the packages (apt-get install chromium nodejs npm)." >&2
    exit 1
fi

# node_modules is reinstalled from the lockfile when missing or older than the lockfile.
# npm ci writes node_modules/.package-lock.json last, so its age tells when it last finished.
stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$here/package-lock.json" -nt "$stamp" || "$here/package.json" -nt "$stamp" ]]; then
    echo "e2e: installing playwright-core from package-lock.json"
    npm_log="$(mktemp)"
    if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >"$npm_log" 2>&1); then
        cat "$npm_log" >&2
        rm -f "$npm_log"
        echo "e2e: npm ci failed" >&2
        exit 1
    fi
    rm -f "$npm_log"
fi

artifacts="$here/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"

data_dir="$(mktemp -d "${TMPDIR:-/tmp}/hoot-e2e.XXXXXX")"
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        # A clean stop takes well under a second; never hang the test run on it.
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
tests_pid=""
cleanup() {
    # The test runner (and the Chromium it started) runs in its own process group: end it all.
    if [[ -n "$tests_pid" ]] && kill -0 "$tests_pid" 2>/dev/null; then
        kill -TERM -- "-$tests_pid" 2>/dev/null || kill -TERM "$tests_pid" 2>/dev/null || true
        wait "$tests_pid" 2>/dev/null || true
    fi
    stop_server
    rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    node -e 'const s = require("net").createServer();
             s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Starts the server and waits (bounded) for /healthz. Another process can take the port between
# free_port and the bind, so a server that dies at once is retried on a new port.
start_server() {
    local attempt port
    for attempt in 1 2 3; do
        port="$(free_port)"
        "$binary" serve --data "$data_dir" --listen "127.0.0.1:$port" --no-sample \
            >>"$artifacts/server.log" 2>&1 &
        server_pid=$!
        for _ in $(seq 100); do  # up to 10 s
            if ! kill -0 "$server_pid" 2>/dev/null; then
                wait "$server_pid" 2>/dev/null || true
                server_pid=""
                break
            fi
            if node -e 'fetch(process.argv[1]).then(r => r.text()).then(
                            t => process.exit(t.trim() === "ok" ? 0 : 1), () => process.exit(1))' \
                    "http://127.0.0.1:$port/healthz" 2>/dev/null; then
                base_url="http://127.0.0.1:$port"
                return 0
            fi
            sleep 0.1
        done
        stop_server
        echo "e2e: server did not come up on port $port (attempt $attempt)" >&2
    done
    echo "e2e: giving up; server log:" >&2
    cat "$artifacts/server.log" >&2
    return 1
}

base_url=""
start_server
echo "e2e: hoot serving at $base_url (data in $data_dir)"

# In the background and its own session, so that an interrupt or a kill of this script reaches
# the trap at once (bash runs traps only between commands) and can end the runner's whole group.
status=0
(
    cd "$here"
    export HOOT_E2E_BASE_URL="$base_url" HOOT_E2E_CHROMIUM="$chromium" \
        HOOT_E2E_ARTIFACTS="$artifacts"
    # One file at a time: they share one server, and the walkthroughs (in name order) start from
    # an empty site, so every other spec runs after them, in a second run of the runner (one run
    # does not keep the order of the files it is given).
    others=()
    for spec in ./*.spec.mjs; do [[ $spec == ./walkthrough* ]] || others+=("$spec"); done
    exec setsid --wait bash -c '
        status=0
        node --test --test-concurrency=1 --test-reporter=spec ./walkthrough*.spec.mjs || status=$?
        if [[ $# -gt 0 ]]; then
            node --test --test-concurrency=1 --test-reporter=spec "$@" || status=$?
        fi
        exit "$status"' run-specs "${others[@]}"
) &
tests_pid=$!
wait "$tests_pid" || status=$?
tests_pid=""

stop_server
if [[ $status -ne 0 ]]; then
    echo "e2e: FAILED (screenshots and server.log in $artifacts)" >&2
else
    echo "e2e: passed (screenshots in $artifacts)"
fi
exit "$status"
