-- wrk script: every connection waits WRK_INTERVAL_MS between its requests,
-- so one connection sends about 1000 / WRK_INTERVAL_MS requests per second.
-- With WRK_UNIQUE=1 every request carries its own `draw` value (a parameter
-- list endpoints ignore), so none is answered from the server's one-second
-- answer cache: each one is a full query of the engine.
local interval = tonumber(os.getenv("WRK_INTERVAL_MS") or "20")
local unique = os.getenv("WRK_UNIQUE") == "1"
local n = 0

function delay()
  return interval
end

function request()
  if not unique then
    return wrk.format(nil)
  end
  n = n + 1
  return wrk.format(nil, wrk.path .. "&draw=" .. n)
end
