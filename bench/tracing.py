#!/usr/bin/env python3
"""Exposure tracing on a loaded synthetic city: p50/p95 of the tracing API for index persons with
20-40 visits, against a plain SQL self-join over the same single table, measured in the same run.
Called by bench/tracing.sh, which starts the platform and loads the city."""
import base64, hashlib, hmac, json, statistics, subprocess, sys, time, urllib.request

base, data_dir, token, seed, people, samples = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
pg_port = open(f"{data_dir}/pg/postmaster.pid").read().split("\n")[3].strip()
keys = dict(line.split("=", 1) for line in open(f"{data_dir}/keys/pii.properties").read().splitlines() if "=" in line and not line.startswith("#"))
hash_key = base64.b64decode(keys["hash-key"].replace("\\", ""))

def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-Atqc", sql],
                          capture_output=True, text=True, check=True).stdout

def phone_of(p):  # CityGenerator.phoneOf
    return "1749%07d" % ((seed * 7919 + p) % 10_000_000)

# people with 20-40 visits: count per keyed phone hash in SQL, match hashes computed here
counts = dict(line.split("|") for line in psql(
    "select encode(phone_hash, 'hex'), count(*) from checkin where source = 'DEMO' group by 1 having count(*) between 20 and 40").split())
index = []
for p in range(people):
    ph = phone_of(p)
    h = hmac.new(hash_key, ph.encode(), hashlib.sha256).hexdigest()
    if h in counts:
        index.append((ph, h, int(counts[h])))
    if len(index) >= samples:
        break
print(f"index persons with 20-40 visits: {len(index)} (visits {min(c for _, _, c in index)}-{max(c for _, _, c in index)})")

def api(phone):
    # a window covering all 14 generated days (the default, the last 14 x 24 h, would cut the first)
    now = time.time()
    iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
    body = json.dumps({"phone": phone, "size": 200, "from": iso(now - 20 * 86400), "to": iso(now)}).encode()
    req = urllib.request.Request(f"{base}/api/v1/tracing/exposures", data=body, method="POST",
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        result = json.load(r)
    return (time.perf_counter() - t) * 1000, result

def self_join(h):
    sql = f"""\\timing on
select count(*) from checkin a join checkin b on b.venue_id = a.venue_id
 and b.checked_in_at < a.checked_out_at and a.checked_in_at < b.checked_out_at and b.phone_hash <> a.phone_hash
 where a.phone_hash = '\\x{h}';
"""
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-At"], input=sql,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    ms = float([l for l in out if l.startswith("Time:")][0].split()[1])
    return ms, int([l for l in out if l.strip().isdigit()][0])

for phone, h, _ in index[:5]:  # warm-up
    api(phone); self_join(h)
api_ms, sql_ms, rows = [], [], []
for phone, h, c in index:
    ms, result = api(phone)
    api_ms.append(ms)
    rows.append(result["summary"]["contactRows"])
    assert result["summary"]["visits"] == c, (phone, result["summary"], c)
    ms2, pairs = self_join(h)
    sql_ms.append(ms2)
    assert pairs == result["summary"]["contactRows"], (phone, pairs, result["summary"])

def p(v, q):
    v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
print(f"contact rows per index person: median {statistics.median(rows):.0f}, max {max(rows)}")
print(f"tracing API (HTTP, 20-day window): p50 {p(api_ms, .5):7.1f} ms   p95 {p(api_ms, .95):7.1f} ms")
print(f"plain SQL self-join:          p50 {p(sql_ms, .5):7.1f} ms   p95 {p(sql_ms, .95):7.1f} ms")
print(f"ratio API / self-join:        p50 {p(api_ms, .5) / p(sql_ms, .5):5.2f}       p95 {p(api_ms, .95) / p(sql_ms, .95):5.2f}")
