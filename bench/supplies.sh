#!/usr/bin/env bash
# Medical supplies at province scale (issue 16): 1,000,000 stock movements over every holder.
# Holders: the seeded province and city reserves and 黄冈's destinations, plus a warehouse and ten
# designated hospitals in every county; each holds every item of the catalogue. Movements are loaded
# with INSERT … SELECT as the platform writes them (a receipt, then a consumption of half of it, so
# balances stay positive; each movement keeps the balance after it), the province reserve's masks
# getting a long card of 50,000 movements; balances are derived from the movements. Then, R calls
# each after a warm-up, median and p90 of curl's time_total and the ratio to the trivial read
# measured in the same run (GET /api/v1/jurisdictions/37):
#   GET /api/v1/stock?node=37       the province's balance per item with its 16 cities
#   GET /api/v1/stock?node=3701     a city's with its counties
#   GET /api/v1/stock-holders/{id}/movements?item=   a stock card page: the province reserve's masks
#                                   (50,000 movements) and a hospital's (a typical card)
# The province's balances are checked against a brute-force sum over the movements.
# Usage: bench/supplies.sh [R]   (needs target/fangkong.jar, psql and bc)
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-30}
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
start_platform "$DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
TOKEN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt -v ON_ERROR_STOP=1"

start=$(date +%s)
$PSQL <<'SQL'
insert into stock_holder (name, kind, jurisdiction_code, created_by)
select name || '应急物资储备库', 'WAREHOUSE', code, 'bench' from jurisdiction where level = 'COUNTY'
union all
select name || '定点医院 ' || k, 'HOSPITAL', code, 'bench' from jurisdiction cross join generate_series(1, 10) k where level = 'COUNTY'
on conflict do nothing;
-- movements per (holder, item): n of them, alternating a receipt and the consumption of half of it
create temp table cards as
select h.id as holder_id, i.id as item_id,
       case when h.name = '山东省应急物资储备库' and i.code = 'SURGICAL_MASK' then 50000 else 0 end as n
from stock_holder h cross join supply_item i;
update cards set n = ceil(950000.0 / (select count(*) - 1 from cards)) where n = 0;
insert into stock_movement (holder_id, item_id, kind, quantity, balance_after, reason, recorded_by, recorded_at)
select holder_id, item_id, kind, quantity, sum(quantity) over (partition by holder_id, item_id order by k), 'bench', 'bench',
       now() - interval '30 days' + k * interval '1 minute'
from (
    select c.holder_id, c.item_id, k,
           case when k % 2 = 1 then 'RECEIPT' else 'CONSUMPTION' end as kind,
           case when k % 2 = 1 then 100 + (k * 37 + c.holder_id) % 900 else -((100 + ((k - 1) * 37 + c.holder_id) % 900) / 2) end as quantity
    from cards c cross join lateral generate_series(1, c.n) k
) m;
insert into stock_balance (holder_id, item_id, on_hand, movements)
select holder_id, item_id, sum(quantity), count(*) from stock_movement group by 1, 2
on conflict (holder_id, item_id) do update set on_hand = excluded.on_hand, movements = excluded.movements;
analyze stock_movement; analyze stock_balance; analyze stock_holder;
SQL
echo "loaded: $($PSQL -c 'select count(*) from stock_holder') holders, $($PSQL -c 'select count(*) from stock_movement') movements in $(( $(date +%s) - start )) s"
RESERVE=$($PSQL -c "select id from stock_holder where name = '山东省应急物资储备库'")
HOSPITAL=$($PSQL -c "select id from stock_holder where kind = 'HOSPITAL' order by id limit 1")
MASKS=$($PSQL -c "select id from supply_item where code = 'SURGICAL_MASK'")

measure() {
  for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$1"; done
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1"
  done | sort -n | awk '{v[NR]=$1*1000} END {printf "%.1f %.1f\n", v[int((NR+1)/2)], v[int(NR*0.9)]}'
}
echo "$R calls each, $(nproc) cores"
read -r base_med base_p90 < <(measure "/api/v1/jurisdictions/37")
printf '%-62s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "baseline: GET /api/v1/jurisdictions/37" "$base_med" "$base_p90" 1
for path in "/api/v1/stock?node=37" "/api/v1/stock?node=3701" \
            "/api/v1/stock-holders/$RESERVE/movements?item=$MASKS" "/api/v1/stock-holders/$HOSPITAL/movements?item=$MASKS"; do
  read -r med p90 < <(measure "$path")
  printf '%-62s median %7.1f ms  p90 %7.1f ms  ratio %5.1f\n' "GET $path" "$med" "$p90" "$(echo "$med / $base_med" | bc -l)"
done
api=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/stock?node=37" \
  | python3 -c 'import json,sys; print(" ".join(str(i["onHand"]) for i in json.load(sys.stdin)["items"]))')
brute=$($PSQL -c "select string_agg(coalesce(s, 0)::text, ' ' order by i.sort_order, i.id) from supply_item i
  left join (select item_id, sum(quantity) as s from stock_movement group by 1) m on m.item_id = i.id" )
echo "province on hand per item: $api (brute force over the movements: $brute)"
[ "$api" = "$brute" ] || { echo "MISMATCH"; exit 1; }
