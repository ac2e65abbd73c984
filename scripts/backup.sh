#!/usr/bin/env bash
# Backs up Carrywell's database to one file (docs/operations.md has the whole procedure and the restore).
#
#   scripts/backup.sh postgres FILE   while the app runs: pg_dump's custom format, one consistent snapshot.
#                                     Connection from libpq's variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (or
#                                     ~/.pgpass) and PGDATABASE. Needs pg_dump of the server's major version or newer.
#   scripts/backup.sh h2 FILE [DB]    the embedded default, with the app STOPPED (the file is one process's):
#                                     H2's SCRIPT tool writes the whole database as SQL in a zip, which H2 reads back
#                                     with the same or a newer version. DB is the database path without .mv.db
#                                     (default: ./data/carrywell, the app's default). Uses the H2 inside the jar
#                                     (CARRYWELL_JAR, default: target/carrywell-*.jar).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
kind="$1" file="$2"
[ ! -e "$file" ] || { echo "$file exists already: a backup never overwrites one" >&2; exit 1; }

case "$kind" in
  postgres)
    pg_dump --format=custom --no-owner --no-privileges --file="$file"
    ;;
  h2)
    db="${3:-./data/carrywell}"
    [ -f "$db.mv.db" ] || { echo "No H2 database at $db.mv.db" >&2; exit 1; }
    jar="${CARRYWELL_JAR:-$(ls "$here"/target/carrywell-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}"
    [ -n "$jar" ] && [ -f "$jar" ] || { echo "No jar: set CARRYWELL_JAR" >&2; exit 1; }
    # The jar's own H2, through Spring Boot's launcher; the database refuses a second process while the app runs.
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" -Dloader.main=org.h2.tools.Script \
      org.springframework.boot.loader.launch.PropertiesLauncher \
      -url "jdbc:h2:file:$db;AUTO_SERVER=FALSE;IFEXISTS=TRUE" -user sa -password "" \
      -script "$file" -options compression zip
    ;;
  *) usage ;;
esac
echo "Backed up to $file ($(du -h "$file" | cut -f1))"
