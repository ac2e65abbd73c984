#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a NEW, empty database (docs/operations.md).
#
#   scripts/restore.sh postgres FILE   into the empty database named by PGDATABASE (create it first: createdb),
#                                      with libpq's variables as for the backup; one transaction: all or nothing.
#   scripts/restore.sh h2 FILE DB      into a new H2 database at DB (a path without .mv.db; it must not exist).
# Then start the app on the restored database; its migrations bring an older backup up to date.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
usage() { sed -n '2,7p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
kind="$1" file="$2"
[ -f "$file" ] || { echo "No backup at $file" >&2; exit 1; }

case "$kind" in
  postgres)
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="${PGDATABASE:?set PGDATABASE}" "$file"
    ;;
  h2)
    [ $# -ge 3 ] || usage
    db="$3"
    [ ! -e "$db.mv.db" ] || { echo "$db.mv.db exists: restore into a new database only" >&2; exit 1; }
    jar="${CARRYWELL_JAR:-$(ls "$here"/target/carrywell-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}"
    [ -n "$jar" ] && [ -f "$jar" ] || { echo "No jar: set CARRYWELL_JAR" >&2; exit 1; }
    mkdir -p "$(dirname "$db")"
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" -Dloader.main=org.h2.tools.RunScript \
      org.springframework.boot.loader.launch.PropertiesLauncher \
      -url "jdbc:h2:file:$db;AUTO_SERVER=FALSE" -user sa -password "" \
      -script "$file" -options compression zip
    ;;
  *) usage ;;
esac
echo "Restored $file"
