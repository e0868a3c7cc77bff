-- wrk script for bench/load.sh: a mix of GET /api/similar (queries rotated from $KL_QUERIES), /api/metrics and
-- /api/gaps, two similar-case searches for each of the others; one JSON line of figures at the end (milliseconds).
local queries = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("KL_QUERIES")) do
    queries[#queries + 1] = line
  end
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local slot = counter % 4
  if slot == 0 then
    return wrk.format("GET", "/api/metrics")
  elseif slot == 1 then
    return wrk.format("GET", "/api/gaps")
  end
  return wrk.format("GET", "/api/similar?k=5&q=" .. queries[(counter % #queries) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"bench":"http-load-mixed","connections":%d,"requests":%d,"seconds":%.1f,"requests_per_second":%.0f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"errors":%d,"errors_non_2xx":%d,"errors_socket":%d}\n',
    tonumber(os.getenv("KL_CONNECTIONS") or "0"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, e.status, e.connect + e.read + e.write + e.timeout))
end
