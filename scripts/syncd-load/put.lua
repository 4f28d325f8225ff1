-- wrk: small-object puts (1 KiB envelopes, new objects) spread over the sessions that
-- `noteward-syncd-bench setup` wrote.
local sessions = dofile(os.getenv("NOTEWARD_LOAD_SESSIONS"))
local made = 0

function setup(thread)
  thread:set("index", made)
  made = made + 1
end

function init(args)
  count = index
  math.randomseed(os.time() * 1000 + index)
  body = '{"type":"note","base_version":0,"signed":false,"envelope":"' .. string.rep("A", 1368) .. '"}'
end

function request()
  count = count + 1
  -- Each request as the next session in turn: the load spreads over the practices the way many
  -- therapists' devices would, rather than queueing on one practice's feed.
  local me = sessions[(count % #sessions) + 1]
  local headers = {["Authorization"] = "Bearer " .. me.token, ["Content-Type"] = "application/json"}
  -- A version-4 shaped id, unique per thread and request.
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", math.random(0, 0x7fffffff), index % 0x10000,
                           math.random(0, 0xfff), math.random(0, 0xfff), count)
  return wrk.format("PUT", me.objects .. id, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  non-2xx %d  socket errors %d\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000, summary.errors.status,
                         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
