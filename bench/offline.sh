#!/usr/bin/env bash
# Offline entry (issue 19): a grid worker's phone comes back with 500 queued entries (450 passages at
# a gate, 50 readings of 50 people under observation) and sends them in one batch to
# POST /api/v1/offline-entries. Prints the batch's time (median of 3 fresh batches), the same batch
# sent again (every entry answered from its first result, nothing written), and the baseline measured
# in the same run: 500 other entries sent one request each, as a naive client would. Rows are
# checked in SQL: 1,800 passages and 200 readings, whatever was sent twice.
# Usage: bench/offline.sh   (needs target/fangkong.jar, psql and python3; target: < 10 s for the batch)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DATA=$(mktemp -d /tmp/fangkong-bench-XXXX)
CLEANUP=$DATA
start_platform "$DATA" -Xmx2g -jar "$JAR" --fangkong.demo.enabled=false --logging.level.org.fangkong.request=WARN
ADMIN=$(token admin bench-password)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt -v ON_ERROR_STOP=1"
VILLAGE=370102001002
api() { curl -sS --fail-with-body -X POST "$BASE$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }

api /api/v1/users "$ADMIN" "{\"username\":\"bench-worker\",\"displayName\":\"压测网格员\",\"password\":\"bench-password-1\",\"role\":\"GRID_WORKER\",\"scope\":\"$VILLAGE\"}" >/dev/null
WORKER=$(token bench-worker bench-password-1)
GATE=$(api /api/v1/checkpoints "$ADMIN" "{\"jurisdiction\":\"$VILLAGE\",\"name\":\"压测北门\",\"kind\":\"GATE\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ANCHOR=$(TZ=Asia/Shanghai date -d '-3 days' +%Y-%m-%d)
python3 - "$ANCHOR" "$VILLAGE" > "$DATA/orders.txt" <<'PY'
import sys
def check(first17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return first17 + c[sum(int(a)*b for a,b in zip(first17,w)) % 11]
for i in range(200):
    print('{"name":"压测观察%d","idNumber":"%s","reason":"CLOSE_CONTACT","anchorDate":"%s","jurisdiction":"%s"}'
          % (i, check("37010219800101%03d" % i), sys.argv[1], sys.argv[2]))
PY
ORDERS=()
while read -r o; do
  ORDERS+=("$(api /api/v1/observation-orders "$ADMIN" "$o" | python3 -c 'import json,sys; print(json.load(sys.stdin)["order"]["id"])')")
done < "$DATA/orders.txt"

# batch N: 450 passages of different people over the last hours and 50 readings (people N*50 .. N*50+49)
batch() {
  python3 - "$1" "$GATE" "${ORDERS[@]}" <<'PY'
import json, sys, uuid, datetime
n, gate, orders = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
entries = []
for i in range(450):
    at = now - datetime.timedelta(minutes=300 - i * 0.5)
    entries.append({"key": str(uuid.uuid4()), "kind": "passage", "enteredAt": at.isoformat().replace("+00:00", "Z"),
                    "payload": {"checkpoint": int(gate), "direction": "IN", "name": "访客%d-%d" % (n, i),
                                "phone": "139%04d%04d" % (n, i), "temperature": "36.%d" % (i % 9)}})
for i in range(50):
    at = now - datetime.timedelta(minutes=30)
    entries.append({"key": str(uuid.uuid4()), "kind": "reading", "enteredAt": at.isoformat().replace("+00:00", "Z"),
                    "payload": {"order": int(orders[n * 50 + i]), "temperature": "36.6"}})
print(json.dumps({"entries": entries}))
PY
}

post() { curl -sS --fail-with-body -o "$DATA/answer.json" -w '%{time_total}' -X POST "$BASE/api/v1/offline-entries" \
  -H "Authorization: Bearer $WORKER" -H 'Content-Type: application/json' --data-binary @"$1"; }
stored() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(sum(x["outcome"]=="STORED" for x in r), sum(x["replayed"] for x in r))' "$DATA/answer.json"; }

times=()
for n in 0 1 2; do
  batch "$n" > "$DATA/batch$n.json"
  t=$(post "$DATA/batch$n.json")
  printf 'batch %d: 500 entries in %6.2f s (stored, replayed: %s)\n' "$n" "$t" "$(stored)"
  times+=("$t")
done
MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
AGAIN=$(post "$DATA/batch2.json")
printf 'batch 2 sent again: %6.2f s (stored, replayed: %s)\n' "$AGAIN" "$(stored)"

# baseline: 500 fresh entries (people 150..199) sent one request each, as a naive client would
batch 3 > "$DATA/batch3.json"
python3 -c '
import json,sys
for e in json.load(open(sys.argv[1]))["entries"]: print(json.dumps({"entries":[e]}))' "$DATA/batch3.json" > "$DATA/single.txt"
start=$(date +%s.%N)
while read -r one; do
  curl -sS --fail-with-body -o /dev/null -X POST "$BASE/api/v1/offline-entries" -H "Authorization: Bearer $WORKER" \
    -H 'Content-Type: application/json' -d "$one"
done < "$DATA/single.txt"
SINGLE=$(echo "$(date +%s.%N) - $start" | bc)
printf 'baseline, 500 fresh entries one request each: %6.2f s\n' "$SINGLE"
printf 'median batch of 500: %6.2f s (target < 10 s); ratio to one-by-one: %.2f\n' "$MEDIAN" "$(echo "$MEDIAN / $SINGLE" | bc -l)"
echo "rows: $($PSQL -c "select count(*) from passage where checkpoint_id = $GATE") passages, $($PSQL -c "select count(*) from observation_reading r join observation_order o on o.id = r.order_id where o.jurisdiction_code = '$VILLAGE'") readings (expected 1800, 200)"
