-- wrk: change-feed pages of 10 at varying cursors, each request as the next session in turn.
dofile(os.getenv("NOTEWARD_LOAD_SCRIPTS") .. "/common.lua")

function init(args)
  count = index
end

function request()
  local me = nextSession()
  return wrk.format("GET", me.changes .. (count % 1000), {["Authorization"] = "Bearer " .. me.token})
end
