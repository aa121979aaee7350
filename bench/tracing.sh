#!/usr/bin/env bash
# Exposure tracing at city scale. Starts the built platform on its own data directory (kept between
# runs in $TRACE_DATA, default /tmp/fangkong-trace-bench, because loading takes minutes), loads a
# synthetic city of 1.5 million people, 30,000 venues in 泰安市 and 14 days (about 21 million
# visits) if it is not there yet, then runs bench/tracing.py: p50/p95 of the tracing API for 200
# index persons with 20-40 visits, and the same persons through a plain SQL self-join.
# Usage: bench/tracing.sh [samples]   (needs target/fangkong.jar, python3 and psql)
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${1:-200}
TRACE_DATA=${TRACE_DATA:-/tmp/fangkong-trace-bench}
PEOPLE=1500000; SEED=2020
JAR=target/fangkong.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
mkdir -p "$TRACE_DATA"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
FANGKONG_DATA_DIR="$TRACE_DATA/data" PORT=$PORT FANGKONG_ADMIN_PASSWORD=bench-password \
  java -Xmx3g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN >"$TRACE_DATA/run.log" 2>&1 &
APP=$!
trap 'rc=$?; kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; exit $rc' EXIT
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "the platform did not start:" >&2; grep -m2 -E "ERROR|already running" "$TRACE_DATA/run.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
token() { curl -sf -X POST "$BASE/api/v1/tokens" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
ADMIN=$(token admin bench-password)
PGPORT=$(sed -n 4p "$TRACE_DATA/data/pg/postmaster.pid")
loaded=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from checkin where source = 'DEMO'")
if [ "$loaded" -lt 20000000 ]; then
  echo "loading the synthetic city (about 21 million visits)..."
  start=$(date +%s)
  curl -sf -X POST "$BASE/api/v1/demo/city" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"people\":$PEOPLE,\"venues\":30000,\"days\":14,\"visitsPerPersonDay\":1.0,\"jurisdiction\":\"3709\",\"seed\":$SEED}" >/dev/null
  while curl -sf "$BASE/api/v1/demo/city" -H "Authorization: Bearer $ADMIN" | grep -q '"running":true'; do sleep 5; done
  curl -sf "$BASE/api/v1/demo/city" -H "Authorization: Bearer $ADMIN"; echo
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "analyze checkin"
  echo "loaded in $(( $(date +%s) - start )) s"
fi
echo "visits loaded: $(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from checkin")"
curl -sf -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"username":"bench-commander","displayName":"压测指挥","password":"bench-password","role":"COMMANDER","scope":"3709"}' >/dev/null || true
python3 bench/tracing.py "$BASE" "$TRACE_DATA/data" "$(token bench-commander bench-password)" "$SEED" "$PEOPLE" "$SAMPLES"
