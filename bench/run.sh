#!/usr/bin/env bash
# make bench: the thread page served by Hoot against nginx serving the same bytes as a static file.
#
# Usage: bench/run.sh path/to/hoot
# Knobs (environment): BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_ROUNDS (3). Every target is measured once per round, in turn, so that
# noise on a shared machine hits all of them; the summary takes the median round of each.
set -euo pipefail

HOOT=$(realpath "${1:?usage: bench/run.sh path/to/hoot}")
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/hoot-bench.XXXXXX)
HOOT_PID=""
NGINX_PID=""

cleanup() {
    stop "$NGINX_PID"
    stop "$HOOT_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Hoot, with the thread -----------------------------------------------------------------------
HOOT_PORT=$(free_port)
HOOT_URL="http://127.0.0.1:$HOOT_PORT"
"$HOOT" serve --data "$WORK/data" --listen "127.0.0.1:$HOOT_PORT" --no-sample \
    >"$WORK/hoot.log" 2>&1 &
HOOT_PID=$!
wait_for "$HOOT_URL/healthz" "$HOOT_PID" hoot "$WORK/hoot.log"

THREAD=$(python3 "$HERE/make_thread.py" "$HOOT_URL") || {
    echo "bench: could not build the thread; hoot's log:" >&2; cat "$WORK/hoot.log" >&2; exit 1; }
THREAD_PATH=${THREAD%%$'\n'*}
READER_TOKEN=${THREAD#*$'\n'}
SESSION_COOKIE="Cookie: hoot_session=$READER_TOKEN"

# --- nginx, serving the bytes of one anonymous view ----------------------------------------------
mkdir -p "$WORK/www" "$WORK/nginx"
curl -fsS -o "$WORK/www/thread.html" "$HOOT_URL$THREAD_PATH"
PAGE_BYTES=$(stat -c %s "$WORK/www/thread.html")
# nginx workers started by root drop to another user: let it read the page.
chmod 755 "$WORK" "$WORK/www"
chmod 644 "$WORK/www/thread.html"

NGINX_PORT=$(free_port)
NGINX_URL="http://127.0.0.1:$NGINX_PORT/thread.html"
{
    nginx_config_head "$WORK/nginx"
    cat <<EOF
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        types { }
        default_type "text/html; charset=utf-8";
    }
}
EOF
} >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
wait_for "$NGINX_URL" "$NGINX_PID" nginx "$WORK/nginx/error.log"

# --- checks: the same bytes, the same type, a signed-in page -------------------------------------
content_type() { curl -fsS -o /dev/null -w '%{content_type}' "$@"; }
[[ $(content_type "$NGINX_URL") == "$(content_type "$HOOT_URL$THREAD_PATH")" ]] || {
    echo "bench: nginx and hoot disagree on Content-Type" >&2; exit 1; }
curl -fsS -o "$WORK/signed_in.html" -H "$SESSION_COOKIE" "$HOOT_URL$THREAD_PATH"
grep -q 'Sign out' "$WORK/signed_in.html" || {
    echo "bench: the session cookie did not sign the reader in" >&2; exit 1; }
SIGNED_BYTES=$(stat -c %s "$WORK/signed_in.html")

# --- load ----------------------------------------------------------------------------------------
# Sign-ups hash passwords with Argon2id, which raises the peak RSS: note it, then reset the peak
# (clear_refs 5, Linux >= 4.0) so that the figure after the load is the serving one.
status() { awk -v key="$1:" '$1 == key {print $2, $3}' "/proc/$HOOT_PID/status"; }
SETUP_HWM=$(status VmHWM)
echo 5 >"/proc/$HOOT_PID/clear_refs" 2>/dev/null || SETUP_HWM="$SETUP_HWM (could not reset)"

declare -A RESULTS=()
echo "page: $PAGE_BYTES bytes anonymous, $SIGNED_BYTES signed in; wrk -t$THREADS -c$CONNECTIONS" \
    "-d$DURATION (after $WARMUP warm-up), $ROUNDS rounds, $(nproc) cores"
for round in $(seq "$ROUNDS"); do
    for target in nginx anonymous signed_in; do
        case $target in
            nginx) line=$(measure "$NGINX_URL") ;;
            anonymous) line=$(measure "$HOOT_URL$THREAD_PATH") ;;
            signed_in) line=$(measure -H "$SESSION_COOKIE" "$HOOT_URL$THREAD_PATH") ;;
        esac
        RESULTS[$target]+="$line"$'\n'
        read -r rps p50 p99 <<<"$line"
        [[ $target == nginx ]] && round_nginx=$rps
        printf 'round %d  %-10s %8s req/s  p50 %-8s p99 %-8s  %s x nginx\n' \
            "$round" "$target" "$rps" "$p50" "$p99" "$(ratio "$rps" "$round_nginx")"
    done
done

# The median round of a target, by req/s.
median() { sort -n <<<"${RESULTS[$1]%$'\n'}" | sed -n "$(((ROUNDS + 1) / 2))p"; }
read -r NGINX_RPS NGINX_P50 NGINX_P99 <<<"$(median nginx)"
read -r ANON_RPS ANON_P50 ANON_P99 <<<"$(median anonymous)"
read -r SIGNED_RPS SIGNED_P50 SIGNED_P99 <<<"$(median signed_in)"

echo
echo "median of $ROUNDS rounds:"
printf '  %-22s %8s req/s  p50 %-8s p99 %s\n' \
    "nginx (static file)" "$NGINX_RPS" "$NGINX_P50" "$NGINX_P99"
printf '  %-22s %8s req/s  p50 %-8s p99 %-8s  %s x nginx (target >= 0.50)\n' \
    "hoot, anonymous" "$ANON_RPS" "$ANON_P50" "$ANON_P99" "$(ratio "$ANON_RPS" "$NGINX_RPS")"
printf '  %-22s %8s req/s  p50 %-8s p99 %-8s  %s x nginx (target >= 0.33)\n' \
    "hoot, signed in" "$SIGNED_RPS" "$SIGNED_P50" "$SIGNED_P99" \
    "$(ratio "$SIGNED_RPS" "$NGINX_RPS")"
echo "  hoot memory: peak RSS under load (VmHWM) $(status VmHWM), now (VmRSS) $(status VmRSS);" \
    "peak while building the thread $SETUP_HWM"
