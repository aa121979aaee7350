#!/usr/bin/env bash
# Start-up time and memory of the built platform, embedded PostgreSQL included.
# One cold start (fresh data directory: initdb, migrations, import of 64,095 divisions) and
# N warm restarts on the same data. Prints each run and the medians.
# Usage: bench/startup.sh [N]   (needs target/fangkong.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
JAR=target/fangkong.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'pkill -f "fangkong-bench" >/dev/null 2>&1 || true' EXIT

run() {
  local label=$1 log="$DATA/run-$1.log" tlog="$DATA/time-$1.log"
  local t0 t1 jpid pg_rss jvm_rss
  t0=$(date +%s%N)
  FANGKONG_DATA_DIR="$DATA/data" PORT=$PORT FANGKONG_ADMIN_PASSWORD=bench-password \
    /usr/bin/time -v -o "$tlog" java -Dfangkong.bench=fangkong-bench -jar "$JAR" >"$log" 2>&1 &
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  t1=$(date +%s%N)
  sleep 2 # let it settle before reading memory
  jpid=$(pgrep -f "fangkong.bench=fangkong-bench" | while read -r p; do [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)
  jvm_rss=$(ps -o rss= -p "$jpid" | tr -d ' ')
  # resident memory of the postmaster and its children (shared buffers counted once per process)
  local pm; pm=$(head -1 "$DATA/data/pg/postmaster.pid")
  pg_rss=$(ps -eo pid,ppid,rss | awk -v pm="$pm" '$1==pm || $2==pm {s+=$3} END {print s}')
  kill "$jpid"; wait 2>/dev/null || true
  local max_rss; max_rss=$(grep "Maximum resident" "$tlog" | awk '{print $NF}')
  printf '%-6s ready %6d ms   JVM RSS %4d MB (max %4d MB)   PostgreSQL RSS %4d MB\n' \
    "$label" $(( (t1 - t0) / 1000000 )) $((jvm_rss / 1024)) $((max_rss / 1024)) $((pg_rss / 1024))
  echo "$label $(( (t1 - t0) / 1000000 )) $((jvm_rss / 1024)) $((pg_rss / 1024))" >> "$DATA/results"
}

echo "Fangkong start-up, $(nproc) cores, $(java -version 2>&1 | head -1)"
run cold
for i in $(seq 1 "$N"); do run "warm$i"; done
median() { awk -v c="$1" '$1 ~ /^warm/ {print $c}' "$DATA/results" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "median of $N warm starts: ready $(median 2) ms, JVM RSS $(median 3) MB, PostgreSQL RSS $(median 4) MB"
echo "(PostgreSQL RSS adds up the postmaster and its children, so shared buffers are counted more than once)"
rm -rf "$DATA"
