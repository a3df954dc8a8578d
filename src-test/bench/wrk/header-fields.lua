-- GET with FIELDS extra header fields of distinct short names (x1: 1, x2: 1, ...), as a client abusing the
-- servlet API's name-by-name header reading would send them; FIELDS=0 sends wrk's own fields only.
local fields = tonumber(os.getenv("FIELDS") or "0")
local headers = {}
for i = 1, fields do
    headers["x" .. i] = "1"
end
wrk.headers = headers
