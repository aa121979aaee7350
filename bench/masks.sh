#!/usr/bin/env bash
# First-come mask reservations over HTTP (issue 14), load generator (wrk) on the same machine, as
# bench/checkin.sh: a round of 100,000 masks at 50 pickup points (2,000 each, one mask per
# reservation, so the stock outlasts the run), every request a new valid ID number. Prints the
# sustained reservations per second with p50/p99, checks that the reservations in PostgreSQL equal
# the acknowledged ones and never exceed the stock, and measures the trivial endpoint
# (GET /actuator/health/liveness) before and after for the ratio (against the faster run).
# Usage: [WARMUP=20] bench/masks.sh [seconds] [connections]   (needs target/fangkong.jar, wrk, psql)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-20}
CONNS=${2:-64}
WARMUP=${WARMUP:-20}
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "install psql: apt-get install postgresql-client" >&2; exit 1; }
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
# the doors' limits are per address: wrk is one address
start_platform "$DATA" -Xmx1g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN \
  --fangkong.masks.ip-burst=1000000000 --fangkong.masks.ip-per-minute=1000000000
TOKEN=$(token admin bench-password)
POINTS=""
ALLOC=""
for i in $(seq 1 50); do
  id=$(curl -sf -X POST "$BASE/api/v1/pickup-points" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"压测药房 $i\",\"jurisdiction\":\"370102001002\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  POINTS="$POINTS$id,"
  ALLOC="$ALLOC{\"pointId\":$id,\"quantity\":2000},"
done
now=$(date -u +%Y-%m-%dT%H:%M:%SZ); later=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ); today=$(TZ=Asia/Shanghai date +%F)
# two rounds: one warms the JIT up, the other is measured
round() {
  curl -sf -X POST "$BASE/api/v1/mask-rounds" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"scope\":\"370102\",\"name\":\"压测批次 $1\",\"quota\":1,\"periodDays\":1,\"opensAt\":\"$now\",\"closesAt\":\"$later\",
         \"pickupFrom\":\"$today\",\"pickupTo\":\"$today\",\"points\":[${ALLOC%,}]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
WARM_ROUND=$(round warm-up)
ROUND=$(round measured)
export POINT_IDS=$POINTS

echo "Mask reservations: $SECS s per run, $CONNS connections, 2 wrk threads, $(nproc) cores shared by wrk, the JVM and PostgreSQL"
wrk -t2 -c"$CONNS" -d"${WARMUP}s" "$BASE/actuator/health/liveness" >/dev/null
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE/actuator/health/liveness" > "$DATA/trivial-before.txt"
ROUND_ID=$WARM_ROUND wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s bench/masks.lua "$BASE" >/dev/null
# the warm-up's ID numbers are the measured run's too: release them so they may book again
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAtc "update reservation set status = 'RELEASED' where round_id = $WARM_ROUND"
ROUND_ID=$ROUND wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s bench/masks.lua "$BASE" > "$DATA/masks.txt"
rows=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from reservation where round_id = $ROUND")
booked=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select sum(booked) from mask_round_point where round_id = $ROUND")
over=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from mask_round_point where round_id = $ROUND and booked > quantity")
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE/actuator/health/liveness" > "$DATA/trivial-after.txt"
if (( $(echo "$(awk '/Requests\/sec/ {print $2}' "$DATA/trivial-before.txt") > $(awk '/Requests\/sec/ {print $2}' "$DATA/trivial-after.txt")" | bc) )); then
  cp "$DATA/trivial-before.txt" "$DATA/trivial.txt"; else cp "$DATA/trivial-after.txt" "$DATA/trivial.txt"; fi

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
ack=$(awk '/^ACK/ {print $2}' "$DATA/masks.txt")
refused=$(awk '/^REFUSED/ {print $2}' "$DATA/masks.txt")
m_rate=$(rate "$DATA/masks.txt"); t_rate=$(rate "$DATA/trivial.txt")
printf 'reservations:     %8.0f /s   p50 %s   p99 %s   acknowledged %s, refused %s, rows %s, masks booked %s\n' \
  "$m_rate" "$(pct "$DATA/masks.txt" 50%)" "$(pct "$DATA/masks.txt" 99%)" "$ack" "$refused" "$rows" "$booked"
for f in before after; do
  printf 'trivial endpoint, %-6s %8.0f /s   p50 %s   p99 %s\n' "$f:" "$(rate "$DATA/trivial-$f.txt")" \
    "$(pct "$DATA/trivial-$f.txt" 50%)" "$(pct "$DATA/trivial-$f.txt" 99%)"
done
printf 'ratio reservations / faster trivial run: %.2f\n' "$(echo "$m_rate / $t_rate" | bc -l)"
[ "$over" -eq 0 ] || { echo "OVERSOLD at $over points"; exit 1; }
# a reservation in flight when wrk stopped counting is committed too: rows may exceed the acknowledged
if [ "$ack" -le "$rows" ] && [ "$rows" -eq "$booked" ]; then echo "every acknowledged reservation is in the database; rows = masks booked, none above stock"
else echo "MISMATCH: acknowledged $ack, rows $rows, booked $booked"; exit 1; fi
