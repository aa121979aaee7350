#!/usr/bin/env bash
# A 100,000-row resident ledger (人员构成台账) imported through the API of the built platform, as a
# background job whose progress is polled (the page shows the same job). Three files of new
# people (median reported), then the first file again (every row an update). Baseline measured in
# the same run: exporting the same 100,000 rows to xlsx (reads and unseals every identity).
# Then three 100,000-row outsider ledgers (外来人员登记台账) and three 100,000-row passage logs
# (卡口登记台账, one checkpoint) through their synchronous API imports (the same code as the pages'
# jobs), medians reported.
# Usage: bench/import.sh [ROWS]   (needs target/fangkong.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
# the generator runs on the fastexcel inside the built jar
(cd "$DATA" && unzip -qo "$OLDPWD/$JAR" 'BOOT-INF/lib/fastexcel-*' 'BOOT-INF/lib/opczip-*')
CP=$(ls "$DATA"/BOOT-INF/lib/*.jar | tr '\n' ':')
# villages (村/社区) of 历下区, one household in three per village in turn
VILLAGES="370102001006 370102001008 370102001009 370102002004 370102002005 370102002008 370102002009 370102002010"
for seed in 1 2 3; do
  java -cp "$CP" bench/ResidentFile.java "$DATA/residents-$seed.xlsx" "$ROWS" "$seed" $VILLAGES
  java -cp "$CP" bench/ResidentFile.java outsiders "$DATA/outsiders-$seed.xlsx" "$ROWS" "$seed" $VILLAGES
  java -cp "$CP" bench/ResidentFile.java passages "$DATA/passages-$seed.xlsx" "$ROWS" "$seed"
done
echo "files: $(du -h "$DATA/residents-1.xlsx" | cut -f1) each, $ROWS rows"
start_platform "$DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)

# import FILE: starts the job, polls its progress twice a second, prints the seconds to the end
import() {
  local t0 job
  t0=$(date +%s.%N)
  job=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/residents/import?async=true" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary @"$1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])')
  await_job "$job" "$TOKEN" >/dev/null || exit 1
  echo "$(date +%s.%N) - $t0" | bc -l
}

export_time() {
  curl -sf -o "$DATA/export.xlsx" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/residents/export?reason=bench"
}

times=()
t=$(import "$DATA/residents-1.xlsx")
printf 'import of %d new rows (file 1): %6.1f s\n' "$ROWS" "$t"
times+=("$t")
# the baseline, while the database holds exactly this file: export the same rows three times
ex=()
for _ in 1 2 3; do ex+=("$(export_time)"); done
exmed=$(printf '%s\n' "${ex[@]}" | sort -n | sed -n 2p)
rows=$(unzip -p "$DATA/export.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
printf 'baseline: export of the same %d rows to xlsx: median %6.1f s\n' "$((rows - 1))" "$exmed"
for seed in 2 3; do
  t=$(import "$DATA/residents-$seed.xlsx")
  printf 'import of %d new rows (file %d): %6.1f s\n' "$ROWS" "$seed" "$t"
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
again=$(import "$DATA/residents-1.xlsx")
printf 'import of the first file again (%d updates): %6.1f s\n' "$ROWS" "$again"
count=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from resident")
echo "residents in the database: $count (expected $((3 * ROWS)))"
printf 'median import %6.1f s for %d rows = %.0f rows/s; ratio to the export: %.2f\n' "$median" "$ROWS" \
  "$(echo "$ROWS / $median" | bc -l)" "$(echo "$median / $exmed" | bc -l)"

# the other ledgers: outsiders and a checkpoint's passage log, three files each
sync_import() {
  curl -sS --fail-with-body -o "$DATA/out.json" -w '%{time_total}\n' -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary @"$2"
}
CHECKPOINT=$(curl -sf -X POST "$BASE/api/v1/checkpoints" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"jurisdiction":"370102001006","name":"bench","kind":"ROAD"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for ledger in outsiders passages; do
  url=/api/v1/outsiders/import
  [ "$ledger" = passages ] && url=/api/v1/checkpoints/$CHECKPOINT/passages/import
  ts=()
  for seed in 1 2 3; do
    t=$(sync_import "$url" "$DATA/$ledger-$seed.xlsx")
    grep -q "\"written\":$ROWS" "$DATA/out.json" || { echo "import failed: $(head -c 300 "$DATA/out.json")" >&2; exit 1; }
    printf 'import of %d %s (file %d): %6.1f s\n' "$ROWS" "$ledger" "$seed" "$t"
    ts+=("$t")
  done
  m=$(printf '%s\n' "${ts[@]}" | sort -n | sed -n 2p)
  printf 'median %s import %6.1f s = %.0f rows/s; ratio to the resident export: %.2f\n' "$ledger" "$m" \
    "$(echo "$ROWS / $m" | bc -l)" "$(echo "$m / $exmed" | bc -l)"
done
echo "outsiders in the database: $(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from outsider"), passages: $(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select count(*) from passage")"
