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
"$@"
