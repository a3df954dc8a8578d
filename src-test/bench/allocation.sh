#!/usr/bin/env bash
# Bytes allocated per request: plain embedded Jetty (apps/plain-jetty) against the example WAR on the launcher,
# both on JDK 17, pinned to one core with wrk on the other as in the head-to-head, for the head-to-head's cases.
# Each measured run is recorded by JFR (jcmd JFR.start / JFR.stop, the default settings), and
# report/AllocationPerRequest.java sums the platform threads' allocated bytes over the run and divides by the
# requests wrk counted. Writes $RESULTS/allocation.tsv (case, contender, round, requests, bytes per request).
#
#   src-test/bench/allocation.sh                    # hello, echo, users: about 9 minutes after the build
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
SERVER_WRAP=(taskset -c "$SERVER_CPU")
start_plain_jetty plain "${PORT[plain]}"
start_launcher fetchlet-jdk17 "$JAVA17" "${PORT[fetchlet-jdk17]}" fetchlet-example.war
SERVER_WRAP=()
wait_ok "http://$HOST:${PORT[plain]}/api/hello"
wait_ok "http://$HOST:${PORT[fetchlet-jdk17]}/api/hello"

wrk_args() { # CASE
    echo "-t1 -c32 $(case_wrk_args "$1")"
}

file="$RESULTS/allocation.tsv"
printf 'case\tcontender\tround\trequests\tbytes_per_request\n' > "$file"
for case in "${cases[@]}"; do
    for name in plain fetchlet-jdk17; do
        log "allocation $case: warm-up $name ($WARMUP)"
        # shellcheck disable=SC2046 # wrk_args is a list of words
        taskset -c "$LOAD_CPU" wrk $(wrk_args "$case") -d"$WARMUP" "http://$HOST:${PORT[$name]}$(case_path "$case")" > /dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for name in plain fetchlet-jdk17; do
            pid="${SERVER_PIDS[$name]}"
            jfr="$LOGS/allocation-$case-$name-$round.jfr"
            rm -f "$jfr"
            "$JCMD" "$pid" JFR.start name=allocation settings=default "filename=$jfr" > /dev/null
            sleep 2 # JFR starts its own threads and classes first: not within the run
            # shellcheck disable=SC2046
            out="$(taskset -c "$LOAD_CPU" wrk $(wrk_args "$case") -d"$DURATION" "http://$HOST:${PORT[$name]}$(case_path "$case")")"
            "$JCMD" "$pid" JFR.stop name=allocation > /dev/null
            requests="$(awk '/ requests in / { print $1 }' <<< "$out")"
            bytes="$("$JAVA17" "$BENCH_DIR/report/AllocationPerRequest.java" "$jfr" "$requests")"
            printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$name" "$round" "$requests" "$bytes" | tee -a "$file" >&2
        done
    done
done
log "bytes per request, median of the rounds:"
tail -n +2 "$file" | sort -t$'\t' -k1,1 -k2,2 -k5,5n \
    | awk -F'\t' '{ k = $1 "\t" $2; if (!(k in n)) order[++m] = k; v[k, ++n[k]] = $5 }
        END { for (i = 1; i <= m; i++) { k = order[i]; print k "\t" v[k, int((n[k] + 1) / 2)] } }' \
    | tee "$RESULTS/allocation-summary.tsv" >&2
