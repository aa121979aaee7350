#!/usr/bin/env bash
# Tree queries on the full Shandong tree (64,095 nodes), through the HTTP API of the built platform.
# Each endpoint is called R times after a warm-up; prints the median and p90 latency (curl's
# time_total) and the ratio of each median to the baseline measured in the same run: the lookup of
# one node by primary key (GET /api/v1/jurisdictions/37).
# Usage: bench/tree.sh [R]   (needs target/fangkong.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-50}
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
start_platform "$DATA" -jar "$JAR"
TOKEN=$(token admin bench-password)

measure() {
  local path=$1
  for _ in $(seq 1 10); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$path"; done
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$path"
  done | sort -n | awk '{v[NR]=$1*1000} END {printf "%.1f %.1f\n", v[int((NR+1)/2)], v[int(NR*0.9)]}'
}

echo "Tree queries, $R calls each, $(nproc) cores"
read -r base_med base_p90 < <(measure "/api/v1/jurisdictions/37")
printf '%-62s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "baseline: GET /api/v1/jurisdictions/37" "$base_med" "$base_p90" 1
for path in \
  "/api/v1/jurisdictions/37/children" \
  "/api/v1/jurisdictions/37/summary" \
  "/api/v1/jurisdictions/3701/summary" \
  "/api/v1/jurisdictions/370102/summary" \
  "/api/v1/jurisdictions?q=%E7%A4%BE%E5%8C%BA&size=20" \
  "/api/v1/jurisdictions?q=%E9%BE%99%E7%8E%8B%E5%BA%99&size=20"; do
  read -r med p90 < <(measure "$path")
  printf '%-62s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "GET $path" "$med" "$p90" "$(echo "$med / $base_med" | bc -l)"
done
