#!/usr/bin/env bash
# Bytes allocated per request: plain embedded Jetty (apps/plain-jetty) against the example WAR on the launcher,
# both on JDK 17, pinned to one core with wrk on the other as in the head-to-head, for the head-to-head's cases.
# Each server records, from its start, every thread's allocated bytes once a second (JFR, allocation.jfc); the
# recording is dumped after the last round, and report/AllocationPerRequest.java sums the platform threads'
# allocated bytes over each measured run and divides by the requests wrk counted. (A recording started with
# jcmd under load would deoptimize the compiled code and measure the interpreter's allocations.) Writes
# $RESULTS/allocation.tsv (case, contender, round, requests, bytes per request).
#
#   src-test/bench/allocation.sh                    # hello, echo, users: about 8 minutes after the build
#   ROUNDS=1 DURATION=5s WARMUP=10s src-test/bench/allocation.sh --cases hello   # smoke run
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
cases=(hello echo users)
while (($#)); do
    case "$1" in
        --cases) IFS=, read -r -a cases <<< "$2"; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
JCMD="$(dirname "$(readlink -f "$JAVA17")")/jcmd"

ensure_tools
build_apps

declare -A PORT=([plain]=$PORT_BASE [fetchlet-jdk17]=$((PORT_BASE + 1)))
recording() { # NAME: the JVM flag that records the server's allocation from its start
    echo "-XX:StartFlightRecording=name=allocation,settings=$BENCH_DIR/allocation.jfc,filename=$LOGS/allocation-$1-exit.jfr"
}
SERVER_WRAP=(taskset -c "$SERVER_CPU")
start_server plain "$JAVA17" "$(recording plain)" -cp "$RUN/plain-jetty/plain-jetty.jar:$RUN/plain-jetty/lib/*" \
    dev.fetchlet.bench.plain.PlainJettyMain "${PORT[plain]}"
start_launcher fetchlet-jdk17 "$JAVA17" "${PORT[fetchlet-jdk17]}" fetchlet-example.war "$(recording fetchlet-jdk17)"
SERVER_WRAP=()
wait_ok "http://$HOST:${PORT[plain]}/api/hello"
wait_ok "http://$HOST:${PORT[fetchlet-jdk17]}/api/hello"

wrk_args() { # CASE
    echo "-t1 -c32 $(case_wrk_args "$1")"
}

file="$RESULTS/allocation.tsv"
printf 'case\tcontender\tround\trequests\tbytes_per_request\n' > "$file"
declare -A WINDOWS=() # NAME -> "case round start end requests" lines, read once the recordings are dumped
now_ms() { date +%s%3N; }
for case in "${cases[@]}"; do
    for name in plain fetchlet-jdk17; do
        log "allocation $case: warm-up $name ($WARMUP)"
        # shellcheck disable=SC2046 # wrk_args is a list of words
        taskset -c "$LOAD_CPU" wrk $(wrk_args "$case") -d"$WARMUP" "http://$HOST:${PORT[$name]}$(case_path "$case")" > /dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for name in plain fetchlet-jdk17; do
            sleep 1.2 # a sample of the idle server between the previous run and this one
            start="$(now_ms)"
            # shellcheck disable=SC2046
            out="$(taskset -c "$LOAD_CPU" wrk $(wrk_args "$case") -d"$DURATION" "http://$HOST:${PORT[$name]}$(case_path "$case")")"
            end="$(now_ms)"
            requests="$(awk '/ requests in / { print $1 }' <<< "$out")"
            WINDOWS[$name]+="$case $round $start $end $requests"$'\n'
            log "allocation $case: $name round $round, $requests requests"
        done
    done
done
sleep 1.2
for name in plain fetchlet-jdk17; do
    jfr="$LOGS/allocation-$name.jfr"
    rm -f "$jfr"
    "$JCMD" "${SERVER_PIDS[$name]}" JFR.dump name=allocation "filename=$jfr" > /dev/null
    mapfile -t runs < <(printf '%s' "${WINDOWS[$name]}")
    args=()
    for run in "${runs[@]}"; do
        read -r _ _ start end requests <<< "$run"
        args+=("$start" "$end" "$requests")
    done
    mapfile -t bytes < <("$JAVA17" "$BENCH_DIR/report/AllocationPerRequest.java" "$jfr" "${args[@]}")
    for i in "${!runs[@]}"; do
        read -r case round _ _ requests <<< "${runs[$i]}"
        printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$name" "$round" "$requests" "${bytes[$i]}" | tee -a "$file" >&2
    done
done
log "bytes per request, median of the rounds:"
tail -n +2 "$file" | sort -t$'\t' -k1,1 -k2,2 -k5,5n \
    | awk -F'\t' '{ k = $1 "\t" $2; if (!(k in n)) order[++m] = k; v[k, ++n[k]] = $5 }
        END { for (i = 1; i <= m; i++) { k = order[i]; print k "\t" v[k, int((n[k] + 1) / 2)] } }' \
    | tee "$RESULTS/allocation-summary.tsv" >&2
