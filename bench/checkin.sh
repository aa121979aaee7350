#!/usr/bin/env bash
# Check-in ingest over HTTP on this machine, load generator (wrk) on the same machine.
# Prints sustained check-ins per second with p50/p99 latency, checks that every acknowledged (201)
# check-in is committed in PostgreSQL (counted afterwards), and measures the same server's rate on
# a trivial endpoint (GET /actuator/health/liveness) in the same run, before and after the check-ins,
# for the ratio (against the faster of the two).
# Usage: [WARMUP=20] bench/checkin.sh [seconds] [connections]   (needs target/fangkong.jar and Debian's wrk)
# Each endpoint gets WARMUP seconds of load first: C2 compiles for about that long, and the figure
# wanted is the sustained rate.
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
# the abuse limits are per phone and per address: wrk is one address sending random phones
start_platform "$DATA" -Xmx1g -jar "$JAR" --fangkong.demo.enabled=false \
  --fangkong.checkin.ip-burst=1000000000 --fangkong.checkin.ip-per-minute=1000000000 \
  --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)
export VENUE_CODES=$(venue_codes 50)

echo "Check-in ingest: $SECS s per run, $CONNS connections, 2 wrk threads, $(nproc) cores shared by wrk, the JVM and PostgreSQL"
wrk -t2 -c"$CONNS" -d"${WARMUP}s" "$BASE/actuator/health/liveness" >/dev/null   # warm-up (the JIT compiles for about 20 s)
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE/actuator/health/liveness" > "$DATA/trivial-before.txt"
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s bench/checkin.lua "$BASE" >/dev/null   # warm-up
before=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from checkin")
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s bench/checkin.lua "$BASE" > "$DATA/checkin.txt"
after=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from checkin")
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE/actuator/health/liveness" > "$DATA/trivial-after.txt"
# the trivial endpoint is measured before and after the check-ins; the ratio is taken against the faster run
if (( $(echo "$(awk '/Requests\/sec/ {print $2}' "$DATA/trivial-before.txt") > $(awk '/Requests\/sec/ {print $2}' "$DATA/trivial-after.txt")" | bc) )); then
  cp "$DATA/trivial-before.txt" "$DATA/trivial.txt"; else cp "$DATA/trivial-after.txt" "$DATA/trivial.txt"; fi

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
ack=$(awk '/^ACK/ {print $2}' "$DATA/checkin.txt")
refused=$(awk '/^REFUSED/ {print $2}' "$DATA/checkin.txt")
committed=$((after - before))
c_rate=$(rate "$DATA/checkin.txt"); t_rate=$(rate "$DATA/trivial.txt")
printf 'check-ins:        %8.0f /s   p50 %s   p99 %s   acknowledged %s, refused %s, committed %s\n' \
  "$c_rate" "$(pct "$DATA/checkin.txt" 50%)" "$(pct "$DATA/checkin.txt" 99%)" "$ack" "$refused" "$committed"
for f in before after; do
  printf 'trivial endpoint, %-6s %8.0f /s   p50 %s   p99 %s\n' "$f:" "$(rate "$DATA/trivial-$f.txt")" \
    "$(pct "$DATA/trivial-$f.txt" 50%)" "$(pct "$DATA/trivial-$f.txt" 99%)"
done
printf 'ratio check-ins / faster trivial run: %.2f\n' "$(echo "$c_rate / $t_rate" | bc -l)"
if [ "$ack" -le "$committed" ]; then echo "every acknowledged check-in is committed"; else echo "LOST: $((ack - committed)) acknowledged check-ins are not in the database"; exit 1; fi
