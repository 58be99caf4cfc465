#!/usr/bin/env bash
# make bench-backends: the thread page and comment posting on SQLite, on PostgreSQL with one
# instance, and on PostgreSQL with two instances, each behind nginx as docs/deploy.md sets it up,
# with nginx serving the page's bytes as a static file as the yardstick; all in one run.
#
# Usage: bench/backends.sh path/to/hoot
# Knobs (environment): BENCH_DURATION (8s), BENCH_WARMUP (2s), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_ROUNDS (3). Every target is measured once per round, in turn, so that
# noise on a shared machine hits all of them; the summary takes the median round of each.
set -euo pipefail

HOOT=$(realpath "${1:?usage: bench/backends.sh path/to/hoot}")
DURATION=${BENCH_DURATION:-8s}
WARMUP=${BENCH_WARMUP:-2s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

for tool in wrk nginx curl python3 psql; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/hoot-backends.XXXXXX)
PIDS=()
HOOT_PG_CLUSTER_DIR=""
cleanup() {
    for pid in "${PIDS[@]}"; do stop "$pid"; done
    [[ -n "$HOOT_PG_CLUSTER_DIR" ]] && bash "$ROOT/scripts/pg_test_cluster.sh" stop "$HOOT_PG_CLUSTER_DIR"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: a throw-away cluster with durable commits, like a real deployment ---------------
eval "$(HOOT_PG_DURABLE=1 bash "$ROOT/scripts/pg_test_cluster.sh" start)"
PG_SERVER=${HOOT_TEST_POSTGRES%/*}
for database in bench_one bench_two; do
    psql -X -q "$HOOT_TEST_POSTGRES" -c "CREATE DATABASE $database" >/dev/null
done

# Starts `hoot serve NAME ARGS...` on a free port without rate limits (the load comes from one
# address and one account); sets STARTED_PORT and STARTED_PID.
start_hoot() {
    local name=$1
    shift
    STARTED_PORT=$(free_port)
    "$HOOT" serve --listen "127.0.0.1:$STARTED_PORT" --no-sample --no-rate-limits \
        --data "$WORK/$name" "$@" >"$WORK/$name.log" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
    wait_for "http://127.0.0.1:$STARTED_PORT/healthz" "$STARTED_PID" "hoot $name" "$WORK/$name.log"
}

# The setups, each an nginx front port over one or two instances.
declare -A FRONT_PORT=() UPSTREAMS=() HOOT_PIDS=()
start_hoot sqlite
UPSTREAMS[sqlite]="server 127.0.0.1:$STARTED_PORT;"
HOOT_PIDS[sqlite]=$STARTED_PID
start_hoot pg_one --db "$PG_SERVER/bench_one"
UPSTREAMS[pg_one]="server 127.0.0.1:$STARTED_PORT;"
HOOT_PIDS[pg_one]=$STARTED_PID
start_hoot pg_two_a --db "$PG_SERVER/bench_two"
UPSTREAMS[pg_two]="server 127.0.0.1:$STARTED_PORT;"
HOOT_PIDS[pg_two]=$STARTED_PID
start_hoot pg_two_b --db "$PG_SERVER/bench_two"
UPSTREAMS[pg_two]+=" server 127.0.0.1:$STARTED_PORT;"
HOOT_PIDS[pg_two]+=" $STARTED_PID"
SETUPS=(sqlite pg_one pg_two)

# --- nginx: a proxy per setup (docs/deploy/nginx.conf's settings) and the static copy ------------
mkdir -p "$WORK/www" "$WORK/nginx"
chmod 755 "$WORK" "$WORK/www"
STATIC_PORT=$(free_port)
{
    nginx_config_head "$WORK/nginx"
    cat <<EOF
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/www;
        types { }
        default_type "text/html; charset=utf-8";
    }
EOF
    for setup in "${SETUPS[@]}"; do
        FRONT_PORT[$setup]=$(free_port)
        cat <<EOF
    upstream $setup {
        least_conn;
        ${UPSTREAMS[$setup]}
        keepalive 32;
    }
    server {
        listen 127.0.0.1:${FRONT_PORT[$setup]};
        client_max_body_size 4m;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        location / { proxy_pass http://$setup; }
    }
EOF
    done
    echo "}"
} >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
PIDS+=($!)
wait_for "http://127.0.0.1:${FRONT_PORT[sqlite]}/healthz" "${PIDS[-1]}" nginx "$WORK/nginx/error.log"

# --- the same thread on every setup, and a hoot that receives the posted comments ----------------
declare -A THREAD_URL=() TOKEN=() SINK=()
for setup in "${SETUPS[@]}"; do
    base="http://127.0.0.1:${FRONT_PORT[$setup]}"
    made=$(python3 "$HERE/make_thread.py" "$base") || {
        echo "bench: could not build the thread on $setup" >&2; exit 1; }
    THREAD_URL[$setup]="$base${made%%$'\n'*}"
    TOKEN[$setup]=${made#*$'\n'}
    SINK[$setup]=$(curl -fsS -H "Authorization: Bearer ${TOKEN[$setup]}" \
        -H 'Content-Type: application/json' \
        -d '{"title":"Where the benchmark comments go","body":"Every comment the benchmark posts lands here, so the thread it reads stays the same.","tags":["bench"]}' \
        "$base/api/v1/hoots" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
done
curl -fsS -o "$WORK/www/thread.html" "${THREAD_URL[sqlite]}"
chmod 644 "$WORK/www/thread.html"
STATIC_URL="http://127.0.0.1:$STATIC_PORT/thread.html"
PAGE_BYTES=$(stat -c %s "$WORK/www/thread.html")
for setup in pg_one pg_two; do
    bytes=$(curl -fsS "${THREAD_URL[$setup]}" | wc -c)
    [[ $bytes -eq $PAGE_BYTES ]] || {
        echo "bench: the page on $setup is $bytes bytes, $PAGE_BYTES on SQLite" >&2; exit 1; }
done

# --- load ----------------------------------------------------------------------------------------
run_target() {
    local setup=$1 test=$2
    case $test in
        anonymous) measure "${THREAD_URL[$setup]}" ;;
        signed_in) measure -H "Cookie: hoot_session=${TOKEN[$setup]}" "${THREAD_URL[$setup]}" ;;
        comment)
            HOOT_BENCH_HOOT=${SINK[$setup]} HOOT_BENCH_TOKEN=${TOKEN[$setup]} \
                measure -s "$HERE/post_comment.lua" "http://127.0.0.1:${FRONT_PORT[$setup]}" ;;
    esac
}

declare -A RESULTS=()
TESTS=(anonymous signed_in comment)
echo "page: $PAGE_BYTES bytes anonymous; wrk -t$THREADS -c$CONNECTIONS -d$DURATION" \
    "(after $WARMUP warm-up), $ROUNDS rounds, $(nproc) cores; every setup behind nginx"
for round in $(seq "$ROUNDS"); do
    line=$(measure "$STATIC_URL")
    RESULTS[static]+="$line"$'\n'
    read -r rps p50 p99 <<<"$line"
    printf 'round %d  %-22s %8s req/s  p50 %-8s p99 %s\n' "$round" "nginx static" "$rps" "$p50" "$p99"
    for setup in "${SETUPS[@]}"; do
        for test in "${TESTS[@]}"; do
            line=$(run_target "$setup" "$test")
            RESULTS[$setup.$test]+="$line"$'\n'
            read -r rps p50 p99 <<<"$line"
            printf 'round %d  %-22s %8s req/s  p50 %-8s p99 %s\n' \
                "$round" "$setup $test" "$rps" "$p50" "$p99"
        done
    done
done

# The median round of a target, by req/s.
median() { sort -n <<<"${RESULTS[$1]%$'\n'}" | sed -n "$(((ROUNDS + 1) / 2))p"; }
read -r STATIC_RPS STATIC_P50 STATIC_P99 <<<"$(median static)"
echo
echo "median of $ROUNDS rounds (x nginx: against nginx serving the page as a static file;" \
    "x sqlite: against the same test on SQLite):"
printf '  %-22s %8s req/s  p50 %-8s p99 %s\n' "nginx static" "$STATIC_RPS" "$STATIC_P50" "$STATIC_P99"
for test in "${TESTS[@]}"; do
    read -r base_rps _ <<<"$(median "sqlite.$test")"
    for setup in "${SETUPS[@]}"; do
        read -r rps p50 p99 <<<"$(median "$setup.$test")"
        printf '  %-22s %8s req/s  p50 %-8s p99 %-8s  %s x nginx  %s x sqlite\n' \
            "$setup $test" "$rps" "$p50" "$p99" "$(ratio "$rps" "$STATIC_RPS")" \
            "$(ratio "$rps" "$base_rps")"
    done
done
echo "memory, peak resident (VmHWM) per instance:"
for setup in "${SETUPS[@]}"; do
    for pid in ${HOOT_PIDS[$setup]}; do
        printf '  %-8s pid %-7s %s\n' "$setup" "$pid" \
            "$(awk '$1 == "VmHWM:" {print $2, $3}' "/proc/$pid/status")"
    done
done
for setup in "${SETUPS[@]}"; do
    count=$(curl -fsS "http://127.0.0.1:${FRONT_PORT[$setup]}/api/v1/hoots/${SINK[$setup]}" |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get("comment_count", "?"))')
    echo "comments stored on $setup's sink hoot: $count"
done
