-- wrk: small-object puts (1 KiB envelopes, new objects) spread over the sessions that
-- `noteward-syncd-bench setup` wrote.
dofile(os.getenv("NOTEWARD_LOAD_SCRIPTS") .. "/common.lua")

function init(args)
  count = index
  math.randomseed(os.time() * 1000 + index)
  body = '{"type":"note","base_version":0,"signed":false,"envelope":"' .. string.rep("A", 1368) .. '"}'
end

function request()
  local me = nextSession()
  local headers = {["Authorization"] = "Bearer " .. me.token, ["Content-Type"] = "application/json"}
  -- A version-4 shaped id, unique per thread and request.
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", math.random(0, 0x7fffffff), index % 0x10000,
                           math.random(0, 0xfff), math.random(0, 0xfff), count)
  return wrk.format("PUT", me.objects .. id, headers, body)
end
