#!/usr/bin/env bash
# 4. Waiting handlers: 2,000 concurrent connections to a Fetch handler that blocks 100 ms (as a call to a slow
# backend would), on JDK 17 (the launcher's pool of platform threads, at most 200) against JDK 25 (the
# launcher's default, --threads auto: the requests beyond the 200 busy platform threads run on virtual threads).
# Writes $RESULTS/waiting.tsv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps

# 2,000 client sockets plus 2,000 server sockets, and some to spare.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 5000)); then
    echo "waiting.sh needs at least 5000 open files (ulimit -n); the hard limit is $(ulimit -Hn)" >&2
    exit 1
fi

file="$RESULTS/waiting.tsv"
results_header "$file"
port=$PORT_BASE
start_launcher jdk25-auto "$JAVA25" "$port" fetchlet-app.war
start_launcher jdk17-platform "$JAVA17" "$((port + 1))" fetchlet-app.war
wait_ok "http://$HOST:$port/hello"
wait_ok "http://$HOST:$((port + 1))/hello"
grep -h 'Requests run on' "$LOGS/jdk25-auto.log" "$LOGS/jdk17-platform.log" >&2 || true
DURATION="${WAIT_DURATION:-15s}" compare "$file" waiting wait-100ms -t 2 -c 2000 -- \
    "jdk25-auto=http://$HOST:$port/wait" "jdk17-platform=http://$HOST:$((port + 1))/wait"
