#!/usr/bin/env bash
# What a request with many header fields costs: plain embedded Jetty against the example WAR on the launcher
# (JDK 17), pinned as the head-to-head (servers on SERVER_CPU, wrk -t1 -c32 on LOAD_CPU), alternating rounds,
# CPU per request from /proc. Cases: FIELDS extra fields of distinct short names per request, by default 0 (wrk's
# own Host), 90 (within Fetchlet's default limit of 100 fields, so served) and 500 (past it: Fetchlet answers
# 431, plain Jetty 200). Writes $RESULTS/header-fields.tsv; the case column is "fields-N".
#
#   src-test/bench/header-fields.sh
#   FIELD_COUNTS="0 90 500" ROUNDS=3 DURATION=5s WARMUP=10s src-test/bench/header-fields.sh
#   BEFORE_LAUNCHER=old-launcher.jar BEFORE_WAR=old-example.war src-test/bench/header-fields.sh
#       # adds "fetchlet-before": another build of the launcher and the example, side by side
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps
pin_cores
file="$RESULTS/header-fields.tsv"
results_header "$file"
start_plain_jetty plain "$PORT_BASE"
start_launcher fetchlet "$JAVA17" "$((PORT_BASE + 1))" fetchlet-example.war
contenders=("plain=http://$HOST:$PORT_BASE/api/hello" "fetchlet=http://$HOST:$((PORT_BASE + 1))/api/hello")
if [[ -n "${BEFORE_LAUNCHER:-}" ]]; then
    cp "$BEFORE_WAR" "$RUN/fetchlet-example-before.war"
    LAUNCHER_JAR="$BEFORE_LAUNCHER" start_launcher fetchlet-before "$JAVA17" "$((PORT_BASE + 2))" \
        fetchlet-example-before.war
    contenders+=("fetchlet-before=http://$HOST:$((PORT_BASE + 2))/api/hello")
fi
for spec in "${contenders[@]}"; do
    wait_ok "${spec#*=}"
done
for fields in ${FIELD_COUNTS:-0 90 500}; do
    FIELDS="$fields" compare "$file" header-fields "fields-$fields" -t 1 -c 32 -s "$BENCH_DIR/wrk/header-fields.lua" \
        -- "${contenders[@]}"
done
log "results: $file"
