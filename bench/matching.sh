#!/usr/bin/env bash
# Cross-matching (对比摸排) at province scale: a list of 100,000 rows against a registry of 5 million
# people, 1 million of whom live in households of the resident ledger. Starts the built platform
# on its own data directory with fixed PII keys (kept in $MATCH_DATA, default
# /tmp/fangkong-match-bench, because loading takes minutes), loads the registry with COPY if it is
# not there yet, then uploads the list three times through the API (the same background job the
# page starts), polling its progress twice a second; prints each run and the median. Baseline in
# the same run: one full scan of the registry (select count(*) from person, median of three).
# Usage: bench/matching.sh [ROWS] [PEOPLE]   (needs target/fangkong.jar, psql, unzip, bc)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
PEOPLE=${2:-5000000}
MATCH_DATA=${MATCH_DATA:-/tmp/fangkong-match-bench}
. bench/lib.sh
mkdir -p "$MATCH_DATA"
export FANGKONG_PII_ENCRYPTION_KEY=${FANGKONG_PII_ENCRYPTION_KEY:-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=}
export FANGKONG_PII_HASH_KEY=${FANGKONG_PII_HASH_KEY:-ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=}
(cd "$MATCH_DATA" && unzip -qo "$OLDPWD/$JAR" 'BOOT-INF/lib/fastexcel-*' 'BOOT-INF/lib/opczip-*')
CP=$(ls "$MATCH_DATA"/BOOT-INF/lib/*.jar | tr '\n' ':')
start_platform "$MATCH_DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
ADMIN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt"
loaded=$($PSQL -c "select count(*) from person")
if [ "$loaded" -lt "$PEOPLE" ]; then
  echo "loading $PEOPLE people into the registry..."
  start=$(date +%s)
  java -cp "$CP" bench/MatchFiles.java persons "$PEOPLE" | $PSQL -c "copy person (id_hash, id_masked, phone_hash,
    phone_masked, name_sealed, name_masked, name_hash, sex, birth_date) from stdin"
  # the first million live in households of three across eight communities of 历下区
  $PSQL <<'SQL'
insert into household (jurisdiction_code, building, address, created_by)
select (array['370102001006','370102001008','370102001009','370102002004','370102002005','370102002008',
              '370102002009','370102002010'])[1 + g % 8], (g / 50 + 1) || '号楼', g || '号', 'bench'
from generate_series(0, 333333) g;
insert into resident (household_id, person_id, relation, residence)
select h0.min + (p.id - p0.min) / 3, p.id, (array['HEAD','SPOUSE','CHILD'])[1 + (p.id - p0.min) % 3], 'REGISTERED'
from person p, (select min(id) from household) h0, (select min(id) from person) p0
where p.id < p0.min + 1000000;
analyze person; analyze household; analyze resident;
SQL
  echo "loaded in $(( $(date +%s) - start )) s"
fi
echo "registry: $($PSQL -c "select count(*) from person") people, $($PSQL -c "select count(*) from resident") residents"
java -cp "$CP" bench/MatchFiles.java list "$ROWS" "$MATCH_DATA/list.xlsx" "$PEOPLE"
echo "list: $ROWS rows, $(du -h "$MATCH_DATA/list.xlsx" | cut -f1)"

run() {
  local t0 body job state
  t0=$(date +%s.%N)
  body=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/matching-lists" -H "Authorization: Bearer $ADMIN" \
    -F "file=@$MATCH_DATA/list.xlsx" -F "name=bench")
  job=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])')
  state=$(await_job "$job" "$ADMIN") || exit 1
  echo "$(date +%s.%N) - $t0" | bc -l
  echo "$state" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print("   rows", r["rows"], "matched", r["matched"], "invalid", r["invalid"], "tasks", r["tasks"], file=sys.stderr)'
}

scan() {
  $PSQL -c '\timing on' -c 'select count(*) from person' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}

scans=()
for _ in 1 2 3; do scans+=("$(scan)"); done
base=$(printf '%s\n' "${scans[@]}" | sort -n | sed -n 2p)
printf 'baseline: one full scan of the registry (count(*) of %s people): median %.0f ms\n' "$PEOPLE" "$base"
times=()
for i in 1 2 3; do
  t=$(run)
  printf 'matching %d rows against %d people (run %d): %6.1f s\n' "$ROWS" "$PEOPLE" "$i" "$t"
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
printf 'median %6.1f s = %.0f rows/s; ratio to one registry scan: %.1f\n' "$median" "$(echo "$ROWS / $median" | bc -l)" \
  "$(echo "$median * 1000 / $base" | bc -l)"
