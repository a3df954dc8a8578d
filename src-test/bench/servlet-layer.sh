#!/usr/bin/env bash
# What Jetty's servlet layer costs a request: plain embedded Jetty's HelloServlet against the same answer from
# Jetty's core API in the same program (PlainJettyMain --core-hello), both on JDK 17, pinned as the
# head-to-head (servers on SERVER_CPU, wrk -t1 -c32 on LOAD_CPU), alternating rounds, CPU per request (user and
# kernel) from /proc. Writes $RESULTS/servlet-layer.tsv.
#
#   src-test/bench/servlet-layer.sh
#   ROUNDS=5 DURATION=8s WARMUP=15s SKIP_BUILD=1 src-test/bench/servlet-layer.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps
pin_cores
file="$RESULTS/servlet-layer.tsv"
results_header "$file"
start_plain_jetty servlet "$PORT_BASE"
start_plain_jetty core "$((PORT_BASE + 1))" --core-hello
contenders=("servlet=http://$HOST:$PORT_BASE/api/hello" "core=http://$HOST:$((PORT_BASE + 1))/api/hello")
for spec in "${contenders[@]}"; do
    wait_ok "${spec#*=}"
done
compare "$file" servlet-layer hello -t 1 -c 32 -- "${contenders[@]}"
log "results: $file"
