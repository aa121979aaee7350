#!/usr/bin/env bash
# Check-in ingest, direct writer against the Kafka front door, then a second instance added (issue 20).
# Everything on this one 2-core machine: the broker (its own JVM), the platform instances, their embedded
# PostgreSQL and the load generator (wrk) share two cores, so the figures say what each path costs here,
# not what a cluster of machines would do (docs/scale.md does that arithmetic).
#   1. direct:          one instance, in-process group-commit writer (as today's bench/checkin.sh)
#   2. kafka:           the same instance restarted with FANGKONG_KAFKA_BOOTSTRAP
#   3. kafka, 2 nodes:  a second instance on the same database and broker; wrk sends half the connections to each
# Each run: WARMUP seconds of load, then SECS measured; acknowledged (201) scans are checked against the rows
# committed once the consumers have caught up.
# Usage: [WARMUP=15] bench/scale.sh [seconds] [connections]   (needs target/fangkong.jar and Debian's wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-15}
CONNS=${2:-64}
WARMUP=${WARMUP:-15}
PARTITIONS=${PARTITIONS:-6}
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "install psql: apt-get install postgresql-client" >&2; exit 1; }
. bench/lib.sh   # free_port, token, venue_codes (not start_platform: this script runs several instances)
DATA=$(mktemp -d /tmp/fangkong-scale-XXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT

await_health() {
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "instance on port $1 did not start" >&2; tail -5 "$2" >&2; exit 1
}
# every instance of one database needs the same PII keys (hashes, sealing, visit ids)
export FANGKONG_PII_ENCRYPTION_KEY=$(openssl rand -base64 32) FANGKONG_PII_HASH_KEY=$(openssl rand -base64 32)
COMMON=(--fangkong.demo.enabled=false --fangkong.checkin.ip-burst=1000000000 --fangkong.checkin.ip-per-minute=1000000000
        --logging.level.org.fangkong.request=WARN --fangkong.kafka.checkin-partitions=$PARTITIONS)

echo "Kafka broker (KRaft, one node, its own JVM)..."
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DATA/cp.txt" >/dev/null
java -Xmx512m -cp "$(cat "$DATA/cp.txt")" bench/KafkaBroker.java "$DATA/kafka.txt" "$PARTITIONS" >"$DATA/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do [ -s "$DATA/kafka.txt" ] && break; sleep 0.1; done
KAFKA=$(cat "$DATA/kafka.txt")

P1=$(free_port)
start_first() {  # start_first [extra args]: instance 1 on the embedded database in $DATA/one
  FANGKONG_DATA_DIR="$DATA/one" PORT=$P1 FANGKONG_ADMIN_PASSWORD=bench-password \
    java -Xmx1g -jar "$JAR" "${COMMON[@]}" "$@" >>"$DATA/one.log" 2>&1 &
  FIRST=$!; PIDS+=($FIRST)
  await_health $P1 "$DATA/one.log"
}
start_first
PGPORT=$(sed -n 4p "$DATA/one/pg/postmaster.pid")
BASE="http://127.0.0.1:$P1"
TOKEN=$(token admin bench-password)
export VENUE_CODES=$(venue_codes 50)
rows() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from checkin"; }
settle() {  # waits until the row count stops growing (the consumers have caught up)
  local last=-1 now; now=$(rows)
  while [ "$now" != "$last" ]; do last=$now; sleep 2; now=$(rows); done
  echo "$now"
}
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
ack() { awk '/^ACK/ {print $2}' "$1"; }

# measure NAME PORT...: warm-up, then SECS of load split over the given instances (one wrk each)
measure() {
  local name=$1; shift
  local n=$# per=$((CONNS / $#)) before after acked=0 total=0
  for p in "$@"; do wrk -t1 -c"$per" -d"${WARMUP}s" -s bench/checkin.lua "http://127.0.0.1:$p" >/dev/null & done; wait_wrk
  before=$(settle)
  for p in "$@"; do wrk -t1 -c"$per" -d"${SECS}s" --latency -s bench/checkin.lua "http://127.0.0.1:$p" >"$DATA/$name-$p.txt" & done; wait_wrk
  after=$(settle)
  local worst=""
  for p in "$@"; do
    acked=$((acked + $(ack "$DATA/$name-$p.txt")))
    total=$(echo "$total + $(rate "$DATA/$name-$p.txt")" | bc -l)
    worst="$worst $(p99 "$DATA/$name-$p.txt")"
  done
  printf '%-16s %8.0f check-ins/s   p99%s   acknowledged %s, committed %s\n' "$name:" "$total" "$worst" "$acked" "$((after - before))"
  [ "$acked" -le "$((after - before))" ] || { echo "LOST: acknowledged check-ins missing from the database" >&2; exit 1; }
  echo "$total" >"$DATA/$name.rate"
}
wait_wrk() { while pgrep -x wrk >/dev/null; do sleep 0.2; done; }

echo "Check-ins: $SECS s per run after $WARMUP s of warm-up, $CONNS connections, $(nproc) cores shared by everything"
measure direct $P1
kill $FIRST; wait $FIRST 2>/dev/null || true
start_first --fangkong.kafka.bootstrap="$KAFKA"
PGPORT=$(sed -n 4p "$DATA/one/pg/postmaster.pid")   # a new port at every start
measure kafka $P1
P2=$(free_port)
FANGKONG_DATA_DIR="$DATA/two" PORT=$P2 FANGKONG_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" FANGKONG_DB_USER=postgres \
  FANGKONG_DB_PASSWORD= java -Xmx1g -jar "$JAR" "${COMMON[@]}" --fangkong.kafka.bootstrap="$KAFKA" >"$DATA/two.log" 2>&1 &
PIDS+=($!)
await_health $P2 "$DATA/two.log"
measure kafka-2-nodes $P1 $P2
printf 'ratio kafka / direct: %.2f   two nodes / one (kafka): %.2f\n' \
  "$(echo "$(cat "$DATA/kafka.rate") / $(cat "$DATA/direct.rate")" | bc -l)" \
  "$(echo "$(cat "$DATA/kafka-2-nodes.rate") / $(cat "$DATA/kafka.rate")" | bc -l)"
