#!/usr/bin/env bash
# 2. Peers: the same hello function on Fetchlet (a Fetch handler, and an HttpFunction of the Knative-style
# API), on the Knative Node.js runtime (faas-js-runtime) and on Google's Functions Framework for Java
# (java-function-invoker), all on JDK 17 where Java. Writes $RESULTS/peers.tsv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps

file="$RESULTS/peers.tsv"
results_header "$file"
port=$PORT_BASE
start_launcher fetchlet "$JAVA17" "$port" fetchlet-app.war
start_gcf gcf "$JAVA17" "$((port + 1))"
start_node node "$((port + 2))"
wait_ok "http://$HOST:$port/hello"
wait_ok "http://$HOST:$((port + 1))/"
wait_ok "http://$HOST:$((port + 2))/"
# The invoker and the Node runtime serve their one function at every path; Fetchlet at its routes.
compare "$file" peers hello -t 2 -c 64 -- \
    "fetchlet=http://$HOST:$port/hello" \
    "gcf=http://$HOST:$((port + 1))/" \
    "node=http://$HOST:$((port + 2))/" \
    "fetchlet+function=http://$HOST:$port/fn/hello"
