#!/usr/bin/env bash
# Daily-report roll-up at province scale: 30 days of reports from every village (62,074 × 30 ≈ 1.9
# million reports, loaded with one INSERT … SELECT), then the province views of the last day through
# the API: the roll-up (sums for the province and each city) and completeness (with each city and
# the first 200 units missing). Each endpoint R times after a warm-up; median and p90 of curl's
# time_total, and the ratio to the baseline measured in the same run: GET /api/v1/jurisdictions/37.
# Then the 2020 replay is loaded (the job, through the API) and the dashboard measured: the province
# today (30 days of those reports) and on 2020-02-24, 济宁 on 2020-02-21.
# Usage: bench/rollup.sh [R]   (needs target/fangkong.jar and psql)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-30}
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
start_platform "$DATA" -jar "$JAR" --fangkong.demo.enabled=true --fangkong.demo.on-first-start=false --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt -v ON_ERROR_STOP=1"
LAST=$(date -u -d 'yesterday' +%F)
start=$(date +%s)
$PSQL <<SQL
insert into daily_report (unit_code, day, version, zero, new_fever, new_suspected, new_confirmed, new_close_contacts,
                          home_observation, central_observation, released, key_area_arrivals, late, submitted_by)
select v.code, d::date, 1, (h % 5) <> 0,
       case when h % 5 = 0 then h % 3 else 0 end, 0, case when h % 5 = 0 and h % 97 = 0 then 1 else 0 end, case when h % 5 = 0 then h % 4 else 0 end,
       case when h % 5 = 0 then h % 7 else 0 end, 0, case when h % 5 = 0 then h % 2 else 0 end, case when h % 5 = 0 then h % 3 else 0 end,
       h % 20 = 0, 'bench'
from jurisdiction v
cross join generate_series(date '$LAST' - 29, date '$LAST', interval '1 day') d
cross join lateral (select abs(hashtext(v.code || d::text)) as h) x
where v.level = 'VILLAGE' and abs(hashtext(v.code || d::text)) % 50 <> 0;
-- what the platform keeps on every submit: each township's day counted
insert into daily_report_tally (township_code, day, reported, on_time, zero, home_observation)
select left(unit_code, 9), day, count(*), count(*) filter (where not late), count(*) filter (where zero), sum(home_observation)
from daily_report where current and submitted_by = 'bench' group by 1, 2;
analyze daily_report;
analyze daily_report_tally;
SQL
echo "reports loaded: $($PSQL -c 'select count(*) from daily_report') in $(( $(date +%s) - start )) s (one village in fifty misses each day)"

measure() {
  local path=$1
  for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$path"; done
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$path"
  done | sort -n | awk '{v[NR]=$1*1000} END {printf "%.1f %.1f\n", v[int((NR+1)/2)], v[int(NR*0.9)]}'
}

report() {
  read -r med p90 < <(measure "$1")
  printf '%-60s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "GET ${1/&day=$LAST/}" "$med" "$p90" "$(echo "$med / $base_med" | bc -l)"
}

echo "Province views of $LAST, $R calls each, $(nproc) cores"
read -r base_med base_p90 < <(measure "/api/v1/jurisdictions/37")
printf '%-60s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "baseline: GET /api/v1/jurisdictions/37" "$base_med" "$base_p90" 1
for path in "/api/v1/reports/rollup?jurisdiction=37&day=$LAST" "/api/v1/reports/completeness?jurisdiction=37&day=$LAST" \
            "/api/v1/reports/rollup?jurisdiction=3701&day=$LAST"; do
  report "$path"
done

# then the 2020 replay, so the dashboard's case and zoning figures have the province's real 774 cases
JOB=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/demo/shandong-2020" | sed 's/.*"job":"\([^"]*\)".*/\1/')
await_job "$JOB" "$TOKEN" > /dev/null
sleep 15 # the published levels are recomputed a few seconds after the cases change
echo "replay loaded (job $JOB); the dashboard:"
for path in "/api/v1/dashboard?jurisdiction=37&days=30" "/api/v1/dashboard?jurisdiction=37&day=2020-02-24&days=30" \
            "/api/v1/dashboard?jurisdiction=3708&day=2020-02-21&days=30"; do
  report "$path"
done
