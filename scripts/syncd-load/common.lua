-- Shared by put.lua and feed.lua: the sessions `noteward-syncd-bench setup` wrote, a number for
-- each wrk thread, and the figures printed at the end.
sessions = dofile(os.getenv("NOTEWARD_LOAD_SESSIONS"))
local made = 0

function setup(thread)
  thread:set("index", made)
  made = made + 1
end

-- Each request as the next session in turn: the load spreads over the practices the way many
-- therapists' devices would, rather than queueing on one practice's feed.
function nextSession()
  count = count + 1
  return sessions[(count % #sessions) + 1]
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  non-2xx %d  socket errors %d\n", latency:percentile(50) / 1000,
                         latency:percentile(99) / 1000, summary.errors.status,
                         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
