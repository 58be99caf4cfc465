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

# The start of an nginx configuration that keeps everything in DIR, up to and including the
# opening of the http block (the caller writes the servers and the closing brace): 2 workers like
# Hoot's 2 I/O threads on this machine, no access log, keep-alive not capped.
nginx_config_head() {
    local dir=$1
    # nginx started by root drops its workers to another user: keep them as root's.
    [[ $(id -u) -eq 0 ]] && echo "user $(id -un) $(id -gn);"
    cat <<EOF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
EOF
}
