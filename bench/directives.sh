#!/usr/bin/env bash
# Directives down the tree (issue 17): a directive from the province to every village and community
# (62,074 units), issued three times through POST /api/v1/directives: the time until the answer (all
# recipient rows written), median of three. Then 40 % of the last one's villages signed and 25 %
# answered (set in SQL as the units would), and its progress for the province with the 16 cities, R
# calls after a warm-up: median and p90 of curl's time_total and the ratio to the trivial read in the
# same run (GET /api/v1/jurisdictions/37). The figures are checked against a count in SQL.
# Usage: bench/directives.sh [R]   (needs target/fangkong.jar, psql and bc)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-30}
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
start_platform "$DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt -v ON_ERROR_STOP=1"
DEADLINE=$(TZ=Asia/Shanghai date -d '+2 days' +%Y-%m-%dT%H:%M:%S+08:00)

times=()
for n in 1 2 3; do
  out=$(curl -sS --fail-with-body -o "$DATA/d.json" -w '%{time_total}' -X POST "$BASE/api/v1/directives" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"title\":\"压测指令 $n\",\"body\":\"各村（社区）落实卡口值守。\",\"deadline\":\"$DEADLINE\",\"levels\":[\"VILLAGE\"]}")
  units=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["recipients"])' "$DATA/d.json")
  printf 'directive %d to %d villages: %6.2f s\n' "$n" "$units" "$out"
  times+=("$out")
done
printf 'median of the three: %6.2f s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$DATA/d.json")
$PSQL -c "update directive_recipient set signed_at = now(), signed_by = 'bench' where directive_id = $ID and abs(hashtext(unit_code)) % 10 < 4;
          update directive_recipient set done_at = now(), done_by = 'bench', feedback = '已落实' where directive_id = $ID and abs(hashtext(unit_code)) % 20 < 5;
          analyze directive_recipient;"

measure() {
  for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$1"; done
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1"
  done | sort -n | awk '{v[NR]=$1*1000} END {printf "%.1f %.1f\n", v[int((NR+1)/2)], v[int(NR*0.9)]}'
}
echo "$R calls each, $(nproc) cores"
read -r base_med base_p90 < <(measure "/api/v1/jurisdictions/37")
printf '%-58s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "baseline: GET /api/v1/jurisdictions/37" "$base_med" "$base_p90" 1
for path in "/api/v1/directives/$ID/progress?node=37" "/api/v1/directives/$ID/progress?node=3701"; do
  read -r med p90 < <(measure "$path")
  printf '%-58s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "GET $path" "$med" "$p90" "$(echo "$med / $base_med" | bc -l)"
done
api=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/directives/$ID/progress?node=37" \
  | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["units"], t["signed"], t["done"])')
sql=$($PSQL -F ' ' -c "select count(*), count(signed_at), count(done_at) from directive_recipient where directive_id = $ID")
echo "province: units, signed, done = $api (SQL: $sql)"
[ "$api" = "$sql" ] || { echo "MISMATCH"; exit 1; }
