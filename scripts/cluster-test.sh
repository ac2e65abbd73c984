#!/usr/bin/env bash
# The kill drill: several app nodes on one PostgreSQL behind HAProxy, then one node on the embedded H2 default;
# a minute of mixed load each, one node killed with SIGKILL mid-way and started again. Prints, per drill:
#   acknowledged N, stored N, duplicates 0, lost 0, sent-twice 0
# and exits non-zero when a write was lost or stored twice, an e-mail went twice, or a request failed outside the
# kill window. Everything listens on 127.0.0.1 only; PostgreSQL is the embedded binaries the tests use.
#
#   scripts/cluster-test.sh            both drills (about 6 minutes on 2 cores)
#   scripts/cluster-test.sh postgres   two nodes, PostgreSQL, HAProxy
#   scripts/cluster-test.sh h2         one node, H2
#
# Needs HAProxy (Debian: apt-get install haproxy) and the packaged jar with the compiled tests (./mvnw verify, or
# ./mvnw -DskipTests package, which this script runs when the jar is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

modes=("${@:-postgres h2}")
# shellcheck disable=SC2206
modes=(${modes[*]})

command -v haproxy >/dev/null 2>&1 || { echo "HAProxy is missing: apt-get install haproxy" >&2; exit 1; }
# shellcheck source=lib/drill.sh
source scripts/lib/drill.sh

status=0
for mode in "${modes[@]}"; do
  echo "== Kill drill: $mode"
  if ! drill_java 15m org.carrywell.cluster.ClusterDrill "$mode"; then
    echo "== Kill drill $mode FAILED" >&2
    status=1
  fi
done
exit $status
