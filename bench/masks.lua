-- wrk script: first-come mask reservations with a new valid ID number per request (ISO 7064 check
-- character) at a random pickup point of the round; counts the acknowledged (201) ones.
local threads = {}
local points = {}
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = "10X98765432"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for p in string.gmatch(os.getenv("POINT_IDS") or "", "[^,]+") do
    table.insert(points, p)
  end
  round = os.getenv("ROUND_ID")
  math.randomseed(os.time() * 1000 + id)
  created = 0
  refused = 0
  k = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function idNumber(n)
  local date = n % 20160
  local seq = math.floor(n / 20160) % 1000
  local year = 1950 + math.floor(date / 336)
  local month = math.floor(date / 28) % 12 + 1
  local day = date % 28 + 1
  local first17 = string.format("370102%04d%02d%02d%03d", year, month, day, seq)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(string.sub(first17, i, i)) * weights[i]
  end
  local c = (sum % 11) + 1
  return first17 .. string.sub(checks, c, c)
end

function request()
  k = k + 1
  local n = k * 16 + id  -- unique across up to 16 threads (the threads table is empty inside a thread)
  local phone = string.format("139%08d", math.random(0, 99999999))
  return wrk.format(nil, "/api/v1/reservations", nil,
    '{"roundId":' .. round .. ',"pointId":' .. points[math.random(#points)] .. ',"name":"压测","idNumber":"'
      .. idNumber(n) .. '","phone":"' .. phone .. '"}')
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local c, r = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    r = r + t:get("refused")
  end
  io.write(string.format("ACK %d\nREFUSED %d\n", c, r))
end
