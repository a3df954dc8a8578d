#!/usr/bin/env bash
# Where the gap to Google's invoker lies: the raw servlet WAR on Fetchlet's launcher (Jetty 12, ee10), the
# invoker (its own Jetty), and the Fetch handler on the launcher, the same hello in each, all on JDK 17.
# Raw ÷ invoker is the servers' stacks alone; Fetchlet ÷ raw is Fetchlet's own code. Writes $RESULTS/stack.tsv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps
file="$RESULTS/stack.tsv"
results_header "$file"
port=$PORT_BASE
start_launcher raw "$JAVA17" "$port" raw-app.war
start_gcf gcf "$JAVA17" "$((port + 1))"
start_launcher fetchlet "$JAVA17" "$((port + 2))" fetchlet-app.war
wait_ok "http://$HOST:$port/hello"
wait_ok "http://$HOST:$((port + 1))/"
wait_ok "http://$HOST:$((port + 2))/hello"
compare "$file" stack hello -t 2 -c 64 -- \
    "raw=http://$HOST:$port/hello" \
    "gcf=http://$HOST:$((port + 1))/" \
    "fetchlet=http://$HOST:$((port + 2))/hello"
