# Shared by the benchmark scripts (bench/run.sh, bench/backends.sh): source it after setting
# THREADS, CONNECTIONS, DURATION and WARMUP.

# Stops a process by id: SIGTERM, then SIGKILL after 10 s.
stop() {
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    echo "bench: process $pid did not stop in 10 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# Waits until URL answers 200, for at most 10 s; fails if PID died meanwhile.
wait_for() {
    local url=$1 pid=$2 name=$3 log=$4
    for _ in $(seq 100); do
        curl -fs -o /dev/null "$url" && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "bench: $name did not start; its log:" >&2
    cat "$log" >&2
    exit 1
}

# Runs wrk and prints "req/s p50 p99" (latencies as wrk writes them, e.g. 1.23ms).
measure() {
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" >/dev/null
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
        echo "bench: errors under load for $*:" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/^Requests\/sec/ {r = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
         END {printf "%.0f %s %s\n", r, p50, p99}' <<<"$out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# nginx started by root drops its workers to another user: the line that keeps them as root's.
nginx_user_line() { [[ $(id -u) -eq 0 ]] && echo "user $(id -un) $(id -gn);" || true; }
