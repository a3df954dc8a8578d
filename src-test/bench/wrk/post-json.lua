-- wrk script: POSTs one JSON document of an exact size in bytes, from BODY_BYTES (default 1024):
--   BODY_BYTES=1048576 wrk -s post-json.lua http://127.0.0.1:8080/echo
local size = tonumber(os.getenv("BODY_BYTES") or "1024")
local prefix, suffix = '{"data":"', '"}'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = prefix .. string.rep("x", size - #prefix - #suffix) .. suffix
