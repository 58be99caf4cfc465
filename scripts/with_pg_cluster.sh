#!/usr/bin/env bash
# Runs CMD with a throw-away PostgreSQL cluster: HOOT_TEST_POSTGRES is exported to it, and the
# cluster is stopped and deleted when CMD ends, whether it passed, failed or was interrupted.
#   scripts/with_pg_cluster.sh CMD [ARGS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
(($# > 0)) || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

assignments=$(bash "$here/pg_test_cluster.sh" start)
eval "$assignments"
export HOOT_TEST_POSTGRES HOOT_PG_CLUSTER_DIR
trap 'bash "$here/pg_test_cluster.sh" stop "$HOOT_PG_CLUSTER_DIR"' EXIT
echo "with_pg_cluster: PostgreSQL at $HOOT_TEST_POSTGRES"
# CMD runs in the background so that a signal reaches the traps at once; an interrupted run
# ends CMD (a background child ignores the terminal's SIGINT) and exits through the EXIT trap,
# which bash skips when a signal kills it.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 130' INT
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
wait "$child"
