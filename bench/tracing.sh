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
. bench/lib.sh
mkdir -p "$TRACE_DATA"
start_platform "$TRACE_DATA" -Xmx3g -jar "$JAR" --fangkong.demo.enabled=true --fangkong.demo.on-first-start=false --logging.level.org.fangkong.request=WARN
ADMIN=$(token admin bench-password)
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
