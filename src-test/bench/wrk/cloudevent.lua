-- wrk script: POSTs a binary-mode CloudEvent (ce-* headers, JSON data of about 200 bytes):
--   wrk -s cloudevent.lua http://127.0.0.1:8080/event
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-id"] = "b6f0c1d2-0c7a-4b8e-9f3e-5a1d2c3b4e5f"
wrk.headers["ce-source"] = "/bench/orders"
wrk.headers["ce-type"] = "dev.fetchlet.bench.order.created"
wrk.headers["ce-time"] = "2026-01-01T00:00:00Z"
wrk.body = '{"orderId":"A-1024","customer":{"id":"c-77","name":"Ada Lovelace"},'
  .. '"items":[{"sku":"book-1","qty":1,"price":12.5},{"sku":"pen-2","qty":3,"price":1.25}],"total":16.25}'
