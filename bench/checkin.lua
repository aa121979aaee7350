-- wrk script: public check-ins at random venues with random phones; counts the acknowledged (201) ones.
local threads = {}
local codes = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for code in string.gmatch(os.getenv("VENUE_CODES") or "", "[^,]+") do
    table.insert(codes, code)
  end
  math.randomseed(os.time() * 1000 + id)
  created = 0
  refused = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local code = codes[math.random(#codes)]
  local phone = string.format("13%d%08d", math.random(0, 9), math.random(0, 99999999))
  return wrk.format(nil, "/api/v1/checkins", nil,
    '{"venueCode":"' .. code .. '","phone":"' .. phone .. '"}')
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
