#!/usr/bin/env bash
# Load test of the packaged application, on this machine only.
#
#   scripts/load-test.sh                 # package if needed, start, warm up, measure, stop
#   DURATION=30s CONNECTIONS=32 scripts/load-test.sh
#
# Starts the jar on 127.0.0.1 with a throw-away H2 database, waits until it is ready, warms it up, then measures
# with wrk (Debian package "wrk") for a bounded time per endpoint: a static asset, the library page, a plan
# page and POST /api/v1/plans. Prints requests per second, p50 and p99 latency and each endpoint's ratio to the
# static asset, then start-up time and resident memory after the run, and writes the same to
# target/load-test.md. Only 127.0.0.1 is ever targeted; the app is stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
jar=$(ls target/carrywell-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  ./mvnw -q -DskipTests package
  jar=$(ls target/carrywell-*.jar | grep -v '\.original$' | head -1)
fi

work=$(mktemp -d)
app_pid=""
stop() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

started_at=$(date +%s%N)
java -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$work/carrywell" --carrywell.mail.outbox="$work/outbox" \
  >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -sf "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; echo "The app did not start" >&2; exit 1; }
  sleep 0.5
done
ready_ms=$(( ($(date +%s%N) - started_at) / 1000000 ))
boot_line=$(grep -o 'Started CarrywellApplication in [0-9.]* seconds' "$work/app.log" || echo "Started in ? seconds")

css=$(curl -s "$BASE/" | grep -o '/css/carrywell[^"]*\.css' | head -1)
# The week is dated (asOf): an undated address is redirected once to its dated form, which is what is measured.
plan_query="weeks=24&asOf=$(date -u +%F)&pain.LOWER_BACK=6&pain.HIPS=3&minutes=15&sessions=4&activity=ACTIVE&equipment=CHAIR&equipment=MAT&floor=yes&HEART_DISEASE=no&ANAEMIA=no&OTHER_CONCERN=no"
cat >"$work/plan.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"weeksPregnant": 24, "screening": {"answers": {"HEART_DISEASE": false, "ANAEMIA": false}},
  "painAreas": {"LOWER_BACK": 6, "HIPS": 3}, "conditions": [], "minutesPerSession": 15,
  "sessionsPerWeek": 4, "equipment": ["MAT", "CHAIR"], "floorOk": true}]]
LUA

names=("static asset ($css)" "library page (/exercises)" "article (/learn/why-back-pain-happens)" "plan page (/plan/week)" "POST /api/v1/plans")
urls=("$BASE$css" "$BASE/exercises" "$BASE/learn/why-back-pain-happens" "$BASE/plan/week?$plan_query" "$BASE/api/v1/plans")
scripts=("" "" "" "" "$work/plan.lua")

# Every endpoint must answer 200 before it is measured: a fast error is not a result.
for i in "${!urls[@]}"; do
  if [ -n "${scripts[$i]}" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "$(sed -n '/\[\[/,/\]\]/p' "$work/plan.lua" | sed 's/.*\[\[//; s/\]\].*//')" "${urls[$i]}")
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' "${urls[$i]}")
  fi
  [ "$code" = 200 ] || { echo "${names[$i]} answered $code, not 200" >&2; exit 1; }
done

run_wrk() { # url script duration
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H 'Accept-Encoding: gzip')
  [ -n "$2" ] && args+=(-s "$2")
  wrk "${args[@]}" "$1"
}
to_ms() { # wrk latency like 1.23ms, 850.00us, 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } else print v }'
}

# Heap in use after a full collection: what the visitors so far have left behind on the server.
heap_mb() {
  jcmd "$app_pid" GC.run >/dev/null
  jcmd "$app_pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ sub(/K/, "", $2); printf "%.0f", $2 / 1024 }'
}

echo "Warming up for $WARMUP per endpoint…"
for i in "${!urls[@]}"; do run_wrk "${urls[$i]}" "${scripts[$i]}" "$WARMUP" >/dev/null; done
heap_before=$(heap_mb)
total_requests=0

report="target/load-test.md"
mkdir -p target
{
  echo "Load test, $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
  echo "wrk $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint, Accept-Encoding: gzip, after a $WARMUP warm-up each"
  echo
  echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | throughput vs static |"
  echo "|---|---:|---:|---:|---:|"
} >"$report"

static_rps=""
for i in "${!urls[@]}"; do
  out=$(run_wrk "${urls[$i]}" "${scripts[$i]}" "$DURATION")
  if echo "$out" | grep -q 'Non-2xx'; then echo "$out" >&2; echo "${names[$i]}: errors under load" >&2; exit 1; fi
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  total_requests=$(( total_requests + $(echo "$out" | awk '/requests in/ { print $1 }') ))
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  [ -z "$static_rps" ] && static_rps="$rps"
  ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '| %s | %.0f | %.2f | %.2f | %s |\n' "${names[$i]}" "$rps" "$p50" "$p99" "$ratio" >>"$report"
done

rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status")
heap_after=$(heap_mb)
{
  echo
  echo "Start-up: $boot_line (JVM's own figure); ready for requests $ready_ms ms after launch."
  echo "Resident memory (RSS) after the run: $(( rss_kb / 1024 )) MB."
  echo "Heap in use after a full GC: $heap_before MB after the warm-up, $heap_after MB after $total_requests more requests from cookieless clients (wrk keeps no cookies; visitors hold no server state)."
} >>"$report"
cat "$report"
