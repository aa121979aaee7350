#!/usr/bin/env bash
# Enterprise resumption at province scale (issue 15).
# 1. Import: three 100,000-row enterprise registries (企业名录, bench/EnterpriseFile.java: valid credit
#    codes, villages of 历下区) through POST /api/v1/enterprises/import?async=true, the job the page
#    starts, polled twice a second; then the first file again (every row an update).
# 2. Rates: the registry replaced by 300,000 enterprises over every village of Shandong with 30 days
#    of states (one row every third day each, 3 million rows, loaded with INSERT … SELECT; the
#    counties' running sums derived from them as the platform keeps them on every change), then
#    GET /api/v1/enterprise-rates for the province with its 16 cities, a city with its counties and
#    a county with its townships (from the states), R calls each after a warm-up: median and p90 of
#    curl's time_total and the ratio to the trivial read measured in the same run
#    (GET /api/v1/jurisdictions/37). The province's figures are checked against a brute-force
#    count over the states.
# Usage: [IMPORT=0] bench/enterprises.sh [R]   (IMPORT=0: the rates only; needs target/fangkong.jar, psql, unzip and bc)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-30}
ROWS=100000
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
(cd "$DATA" && unzip -qo "$OLDPWD/$JAR" 'BOOT-INF/lib/fastexcel-*' 'BOOT-INF/lib/opczip-*')
CP=$(ls "$DATA"/BOOT-INF/lib/*.jar | tr '\n' ':')
VILLAGES="370102001006 370102001008 370102001009 370102002004 370102002005 370102002008 370102002009 370102002010"
start_platform "$DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt -v ON_ERROR_STOP=1"

import() {
  local t0 job
  t0=$(date +%s.%N)
  job=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/enterprises/import?async=true" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary @"$1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])')
  await_job "$job" "$TOKEN" 2>/dev/null >"$DATA/job.json" || { cat "$DATA/job.json"; exit 1; }
  echo "$(date +%s.%N) - $t0" | bc -l
}
if [ "${IMPORT:-1}" = 1 ]; then
for seed in 1 2 3; do
  java -cp "$CP" bench/EnterpriseFile.java "$DATA/enterprises-$seed.xlsx" "$ROWS" "$seed" $VILLAGES
done
echo "files: $(du -h "$DATA/enterprises-1.xlsx" | cut -f1) each, $ROWS rows"
times=()
for seed in 1 2 3; do
  t=$(import "$DATA/enterprises-$seed.xlsx")
  printf 'import of %d new enterprises (file %d): %6.1f s\n' "$ROWS" "$seed" "$t"
  times+=("$t")
done
printf 'median of the three: %6.1f s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
t=$(import "$DATA/enterprises-1.xlsx")
printf 'file 1 again (every row an update): %6.1f s\n' "$t"
echo "enterprises: $($PSQL -c 'select count(*) from enterprise')"
fi

DAY=$(TZ=Asia/Shanghai date +%F)
start=$(date +%s)
$PSQL <<SQL
truncate enterprise_rate_delta, enterprise_status, enterprise_account, resumption_filing, enterprise cascade;
insert into enterprise (credit_code, name, industry_section, industry_division, size_class, above_scale, jurisdiction_code,
                        staff_total, created_by)
select 'B' || lpad(g::text, 17, '0'), '压测企业 ' || g, s.section, s.division, 'SMALL', g % 4 = 0,
       v.codes[1 + g % array_length(v.codes, 1)], 5 + ((g::bigint * 7919) % 500)::int, 'bench'
from generate_series(1, 300000) g
cross join (select array_agg(code order by code) as codes from jurisdiction where level = 'VILLAGE') v
cross join lateral (select (array['A','B','C','C','C','C','D','E','F','F','G','H','I','K','L','M','N','O','P','Q'])[1 + g % 20] as section,
                           (array['01','06','13','27','36','38','44','47','51','52','54','61','63','70','71','73','77','80','83','84'])[1 + g % 20]
                               as division) s;
-- 30 days of states: one row every third day; each enterprise files, resumes and reaches full output on its own days
insert into enterprise_status (enterprise_id, day, state, staff_back, staff_total, place_code, section, above_scale, changed_by)
select e.id, d.day,
       case when d.day >= r.resume + 12 then 'FULL_PRODUCTION' when d.day >= r.resume then 'RESUMED'
            when d.day >= r.resume - 3 then 'FILED' else 'NOT_RESUMED' end,
       case when d.day >= r.resume then least(e.staff_total, e.staff_total * (d.day - r.resume + 3) / 15) else 0 end,
       e.staff_total, e.jurisdiction_code, e.industry_section, e.above_scale, 'bench'
from enterprise e
cross join lateral (select date '$DAY' - 29 + (abs(hashtext(e.credit_code)::bigint) % 35)::int as resume) r
cross join lateral (select (date '$DAY' - 29 + 3 * k)::date as day from generate_series(0, 9) k) d;
-- the running sums the platform keeps on every change, derived here from the states the same way
insert into enterprise_rate_delta (county_code, section, above_scale, day, enterprises, resumed, full_output, staff_total, staff_back)
select left(place_code, 6), section, above_scale, day, sum(e), sum(r), sum(f), sum(t), sum(b)
from (
    select place_code, section, above_scale, day, 1 as e, (state in ('RESUMED', 'FULL_PRODUCTION'))::int as r,
           (state = 'FULL_PRODUCTION')::int as f, staff_total as t, staff_back as b
    from enterprise_status
    union all
    select place_code, section, above_scale, next_day, -1, -(state in ('RESUMED', 'FULL_PRODUCTION'))::int,
           -(state = 'FULL_PRODUCTION')::int, -staff_total, -staff_back
    from (select *, lead(day) over (partition by enterprise_id order by day) as next_day from enterprise_status) s
    where next_day is not null
) c group by 1, 2, 3, 4;
analyze enterprise; analyze enterprise_status; analyze enterprise_rate_delta;
SQL
echo "loaded: $($PSQL -c 'select count(*) from enterprise') enterprises, $($PSQL -c 'select count(*) from enterprise_status') states, $($PSQL -c 'select count(*) from enterprise_rate_delta') running-sum rows in $(( $(date +%s) - start )) s"

measure() {
  for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$1"; done
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1"
  done | sort -n | awk '{v[NR]=$1*1000} END {printf "%.1f %.1f\n", v[int((NR+1)/2)], v[int(NR*0.9)]}'
}
echo "Rates on $DAY, $R calls each, $(nproc) cores"
read -r base_med base_p90 < <(measure "/api/v1/jurisdictions/37")
printf '%-58s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "baseline: GET /api/v1/jurisdictions/37" "$base_med" "$base_p90" 1
for path in "/api/v1/enterprise-rates?node=37&day=$DAY" "/api/v1/enterprise-rates?node=37&day=$DAY&section=C" \
            "/api/v1/enterprise-rates?node=3701&day=$DAY" "/api/v1/enterprise-rates?node=370102&day=$DAY"; do
  read -r med p90 < <(measure "$path")
  printf '%-58s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "GET ${path/&day=$DAY/}" "$med" "$p90" "$(echo "$med / $base_med" | bc -l)"
done
api=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/enterprise-rates?node=37&day=$DAY" \
  | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["enterprises"], t["resumed"], t["staffBack"], t["staffTotal"])')
brute=$($PSQL -F ' ' -c "select count(*), count(*) filter (where state in ('RESUMED','FULL_PRODUCTION')), sum(staff_back), sum(staff_total)
  from (select distinct on (enterprise_id) * from enterprise_status where day <= '$DAY' order by enterprise_id, day desc) s")
echo "province on $DAY: enterprises, resumed, staff back, staff total = $api (brute force over the states: $brute)"
[ "$api" = "$brute" ] || { echo "MISMATCH"; exit 1; }
