#!/usr/bin/env bash
# The whole benchmark suite, in one go: builds once, runs each benchmark (each alternates its contenders
# round by round), then writes the tables and the chart. About 55 minutes with the defaults, the pinned
# head-to-head (head-to-head.sh, the main comparison: its own tables and chart) first.
#
#   src-test/bench/run-all.sh                       # everything; results in src-test/target/bench/results/
#   src-test/bench/run-all.sh hello peers           # only some: head-to-head hello peers stack bodies
#                                                   #   waiting coldstart adaptation route-match
#   ROUNDS=3 DURATION=5s src-test/bench/run-all.sh  # shorter; other settings in lib.sh
#
# Loopback only (127.0.0.1). Needs a JDK 17 and a JDK 25, Maven, Node.js with npm; installs wrk with apt-get
# when it is missing. Not part of `mvn verify`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all=(head-to-head allocation hello peers stack bodies waiting coldstart adaptation route-match)
selected=("$@")
((${#selected[@]})) || selected=("${all[@]}")

ensure_tools
machine_info
build_apps
export SKIP_BUILD=1

failed=()
for bench in "${selected[@]}"; do
    log "=== $bench (load average $(loadavg))"
    # One benchmark failing (a server too slow to start on a busy machine) does not stop the others.
    case "$bench" in
        route-match)
            # The route matching benchmark keeps its own script and output; its table is copied beside ours.
            "$BENCH_DIR/route-match.sh" | tee "$RESULTS/route-match.txt" || failed+=("$bench")
            ;;
        *)
            "$BENCH_DIR/$bench.sh" || failed+=("$bench")
            ;;
    esac
done
((${#failed[@]} == 0)) || log "FAILED: ${failed[*]} (see $LOGS)"
echo "load average at end: $(loadavg)" >> "$RESULTS/machine.txt"

(cd "$ROOT" && java src-test/bench/report/Summary.java "$RESULTS" > /dev/null)
(cd "$ROOT" && java -Djava.awt.headless=true src-test/bench/report/Chart.java "$RESULTS")
log "tables: $RESULTS/summary.md; chart: $RESULTS/benchmarks.png; machine: $RESULTS/machine.txt"
