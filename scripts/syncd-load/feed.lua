-- wrk: change-feed pages of 10 at varying cursors, each request as the next session in turn.
local sessions = dofile(os.getenv("NOTEWARD_LOAD_SESSIONS"))
local made = 0

function setup(thread)
  thread:set("index", made)
  made = made + 1
end

function init(args)
  count = index
end

function request()
  count = count + 1
  local me = sessions[(count % #sessions) + 1]
  local headers = {["Authorization"] = "Bearer " .. me.token}
  return wrk.format("GET", me.changes .. (count % 1000), headers)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  non-2xx %d  socket errors %d\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000, summary.errors.status,
                         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
