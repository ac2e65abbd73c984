#!/usr/bin/env bash
# The backup drill: for PostgreSQL and for the embedded H2 default, back up with scripts/backup.sh, restore into a
# new database with scripts/restore.sh, start the app on it and find a member's session result there.
# On 127.0.0.1 only (PostgreSQL is the embedded binaries the tests use); about a minute. Needs pg_dump and
# pg_restore (Debian: apt-get install postgresql-client) and the packaged jar with the compiled tests.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pg_dump >/dev/null 2>&1 || { echo "pg_dump is missing: apt-get install postgresql-client" >&2; exit 1; }
# shellcheck source=lib/drill.sh
source scripts/lib/drill.sh
drill_java 10m org.carrywell.cluster.BackupDrill
