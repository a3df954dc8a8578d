#!/usr/bin/env bash
# 1. Hello-world GET: a Fetch handler against a raw HttpServlet, each in its own WAR on the same launcher
# (same Jetty, thread pool and connector settings; two identical server processes side by side), on JDK 17
# (platform threads) and JDK 25 (virtual threads). Writes $RESULTS/hello.tsv.
#
#   src-test/bench/hello.sh                  # settings: see lib.sh (ROUNDS, DURATION, WARMUP, ...)
#   BEFORE_WAR=old.war src-test/bench/hello.sh
#       # adds a third contender, "fetchlet-before": the same app built with another adapter, to measure a
#       # change to the request path side by side with the current one
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps

file="$RESULTS/hello.tsv"
results_header "$file"
port=$PORT_BASE
if [[ -n "${BEFORE_WAR:-}" ]]; then
    cp "$BEFORE_WAR" "$RUN/fetchlet-before.war"
fi
for jdk in ${HELLO_JDKS:-17 25}; do
    java_var="JAVA$jdk"
    start_launcher fetchlet "${!java_var}" "$port" fetchlet-app.war
    start_launcher raw "${!java_var}" "$((port + 1))" raw-app.war
    contenders=("fetchlet=http://$HOST:$port/hello" "raw=http://$HOST:$((port + 1))/hello")
    if [[ -n "${BEFORE_WAR:-}" ]]; then
        start_launcher fetchlet-before "${!java_var}" "$((port + 2))" fetchlet-before.war
        contenders+=("fetchlet-before=http://$HOST:$((port + 2))/hello")
    fi
    for spec in "${contenders[@]}"; do
        wait_ok "${spec#*=}"
    done
    compare "$file" hello "jdk$jdk" -t 2 -c 64 -- "${contenders[@]}"
    stop_all
done
