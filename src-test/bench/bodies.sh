#!/usr/bin/env bash
# 3. Bodies: a JSON POST echo with 1 KB and 1 MB bodies, and a binary-mode CloudEvent POST (ce-* headers), a
# Fetch handler (and for events a CloudEventFunction) against raw HttpServlets, each WAR on the launcher, on
# JDK 17. The peak resident memory of each run is recorded (VmHWM, reset before the run). Writes
# $RESULTS/bodies.tsv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps

file="$RESULTS/bodies.tsv"
results_header "$file"
port=$PORT_BASE
start_launcher fetchlet "$JAVA17" "$port" fetchlet-app.war
start_launcher raw "$JAVA17" "$((port + 1))" raw-app.war
wait_ok "http://$HOST:$port/hello"
wait_ok "http://$HOST:$((port + 1))/hello"
f="http://$HOST:$port" r="http://$HOST:$((port + 1))"
lua="$BENCH_DIR/wrk"
BODY_BYTES=1024 compare "$file" bodies echo-1k -t 2 -c 64 -s "$lua/post-json.lua" -- "fetchlet=$f/echo" "raw=$r/echo"
BODY_BYTES=1048576 compare "$file" bodies echo-1m -t 2 -c 16 -s "$lua/post-json.lua" -- "fetchlet=$f/echo" "raw=$r/echo"
compare "$file" bodies cloudevent -t 2 -c 64 -s "$lua/cloudevent.lua" -- "fetchlet=$f/event" "raw=$r/event"
