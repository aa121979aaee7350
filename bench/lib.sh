# Shared by the bench scripts: start the built platform on its own data directory and port,
# wait until it is healthy, stop it on exit. Source it, then call start_platform.
JAR=target/fangkong.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_platform DIR [java options and arguments...]: data in DIR/data, log in DIR/run.log.
# Sets APP, PORT, BASE and PGPORT; the platform is stopped when the script exits.
start_platform() {
  local dir=$1; shift
  PORT=$(free_port)
  FANGKONG_DATA_DIR="$dir/data" PORT=$PORT FANGKONG_ADMIN_PASSWORD=bench-password \
    java "$@" >"$dir/run.log" 2>&1 &
  APP=$!
  trap 'rc=$?; kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; [ -n "${CLEANUP:-}" ] && rm -rf "$CLEANUP"; exit $rc' EXIT
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null \
    || { echo "the platform did not start:" >&2; grep -m2 -E "ERROR|already running" "$dir/run.log" >&2; exit 1; }
  BASE="http://127.0.0.1:$PORT"
  PGPORT=$(sed -n 4p "$dir/data/pg/postmaster.pid")
}

# token USER PASSWORD: a bearer token from the running platform
token() {
  curl -sf -X POST "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

# await_job JOB TOKEN: polls /api/v1/jobs/JOB twice a second, printing the phase and progress on
# stderr; prints the job's final JSON on stdout and fails unless it ended DONE
await_job() {
  local state
  while :; do
    state=$(curl -sf "$BASE/api/v1/jobs/$1" -H "Authorization: Bearer $2")
    echo "$state" | python3 -c 'import json,sys; j=json.load(sys.stdin); print("   ", j["phase"] or j["state"], j["done"], "/", j["total"], file=sys.stderr)'
    echo "$state" | grep -q '"state":"RUNNING"' || break
    sleep 0.5
  done
  echo "$state"
  echo "$state" | grep -q '"state":"DONE"' || { echo "job failed: $state" >&2; return 1; }
}

# venue_codes N: creates N venues in 370102001002 on $BASE with $TOKEN; prints their public codes, comma-separated
venue_codes() {
  local codes="" code
  for i in $(seq 1 "$1"); do
    code=$(curl -sf -X POST "$BASE/api/v1/venues" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"压测场所 $i\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"370102001002\"}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
    codes="$codes$code,"
  done
  echo "$codes"
}
