#!/usr/bin/env bash
# Shared by the HTTP benchmark scripts (sourced, not run): paths, tools, servers, wrk runs and their records.
#
# Settings (environment variables, all optional):
#   ROUNDS=5          rounds per comparison; each round runs every contender once, in turn
#   DURATION=10s      length of one measured wrk run
#   WARMUP=30s        one unrecorded wrk run per contender before the rounds (JIT, pools, caches; on a busy
#                     machine the JIT compilers get little CPU, so warming up takes long)
#   JAVA17, JAVA25    the two JDKs' java launchers
#   PORT_BASE=18180   first of the loopback ports the servers bind (127.0.0.1 only)
#   MVN_FLAGS=-o      extra Maven flags for the build (for example offline)
#   SKIP_BUILD=1      reuse the apps built by the previous run
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
WORK="$ROOT/src-test/target/bench"       # everything the suite writes, never committed
RUN="$WORK/run"                            # snapshot of the jars and WARs the servers run
RESULTS="$WORK/results"
LOGS="$WORK/logs"
JAVA17="${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
JAVA25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-30s}"
PORT_BASE="${PORT_BASE:-18180}"
HOST=127.0.0.1
mkdir -p "$RUN" "$RESULTS" "$LOGS"

# Every server this shell starts, by name, so that one trap stops them all whatever happens.
declare -A SERVER_PIDS=()

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# wrk comes from Debian's packages; installed when missing.
ensure_tools() {
    local missing=()
    for tool in wrk curl; do
        command -v "$tool" > /dev/null || missing+=("$tool")
    done
    if ((${#missing[@]})); then
        log "installing ${missing[*]} (apt-get)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
    fi
    [[ -x "$JAVA17" ]] || { echo "JDK 17 not found at $JAVA17 (set JAVA17)" >&2; exit 1; }
    [[ -x "$JAVA25" ]] || { echo "JDK 25 not found at $JAVA25 (set JAVA25)" >&2; exit 1; }
}

# Builds the adapter and launcher, the benchmark apps and the Node peer, then copies what the servers run
# into $RUN, so that a rebuild of the checkout meanwhile cannot swap jars under a running benchmark.
build_apps() {
    if [[ "${SKIP_BUILD:-}" == 1 && -f "$RUN/fetchlet-launcher.jar" ]]; then
        return
    fi
    log "building the launcher, the adapter and the benchmark apps"
    # shellcheck disable=SC2086 # MVN_FLAGS holds several flags
    (cd "$ROOT" && mvn -q ${MVN_FLAGS:-} -DskipTests -pl adapter,jetty-launcher -am install)
    # The example WAR: packaged in the reactor, not installed.
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -q ${MVN_FLAGS:-} -DskipTests -Dfuzz.skip=true -pl war-example -am package)
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -q ${MVN_FLAGS:-} -f src-test/bench/apps/pom.xml clean package)
    local build="$WORK/build"
    cp "$ROOT/jetty-launcher/target/fetchlet-launcher.jar" "$ROOT/war-example/target/fetchlet-example.war" "$RUN/"
    cp "$build/fetchlet/fetchlet-app.war" "$build/raw/raw-app.war" "$RUN/"
    cp "$build/gcf/gcf-app.jar" "$build/gcf/java-function-invoker.jar" "$RUN/"
    # The programs with a main of their own: their jar and its lib/ folder.
    local app
    for app in plain-jetty mariadb; do
        rm -rf "${RUN:?}/$app"
        mkdir -p "$RUN/$app"
        cp -r "$build/$app/"*.jar "$build/$app/lib" "$RUN/$app/"
    done
    mkdir -p "$WORK/node"
    cp "$BENCH_DIR/apps/node/package.json" "$BENCH_DIR/apps/node/index.js" "$WORK/node/"
    if [[ ! -x "$WORK/node/node_modules/.bin/faas-js-runtime" ]]; then
        log "installing faas-js-runtime (npm) into $WORK/node"
        (cd "$WORK/node" && npm install --no-audit --no-fund --loglevel=error > /dev/null)
    fi
}

# The contenders' servers. Each listens on 127.0.0.1 (the Node runtime on its default address) at PORT.
start_launcher() { # NAME JAVA PORT WAR [JVM flags...]: a WAR on the Fetchlet launcher ($LAUNCHER_JAR if set)
    local name="$1" java="$2" port="$3" war="$4"
    shift 4
    start_server "$name" "$java" "$@" -jar "${LAUNCHER_JAR:-$RUN/fetchlet-launcher.jar}" --host "$HOST" \
        --port "$port" "$RUN/$war"
}
start_plain_jetty() { # NAME PORT [--example-headers]: the reference, plain embedded Jetty with the user's own
    # main, on JDK 17
    start_server "$1" "$JAVA17" -cp "$RUN/plain-jetty/plain-jetty.jar:$RUN/plain-jetty/lib/*" \
        dev.fetchlet.bench.plain.PlainJettyMain "${@:2}"
}
start_gcf() { # NAME JAVA PORT: the hello function on Google's Functions Framework invoker
    start_server "$1" "$2" -jar "$RUN/java-function-invoker.jar" --classpath "$RUN/gcf-app.jar" \
        --target dev.fetchlet.bench.gcf.Hello --port "$3"
}
start_node() { # NAME PORT: the hello function on the Knative Node.js runtime
    start_server "$1" node "$WORK/node/node_modules/faas-js-runtime/bin/cli.js" "$WORK/node/index.js" --port "$2"
}

# pin_cores: servers started from here on run pinned to core SERVER_CPU (default 0) and wrk to LOAD_CPU
# (default 1), as the head-to-head runs them, so that the load generator never takes the servers' core.
pin_cores() {
    SERVER_CPU="${SERVER_CPU:-0}"
    LOAD_CPU="${LOAD_CPU:-1}"
    command -v taskset > /dev/null || { echo "taskset (util-linux) is needed" >&2; exit 1; }
    SERVER_WRAP=(taskset -c "$SERVER_CPU")
    wrk() { taskset -c "$LOAD_CPU" wrk "$@"; }
}

# start_server NAME COMMAND...: starts it in the background (logging to $LOGS/NAME.log) and records its pid.
# SERVER_WRAP, when set, is put before the command: commands that exec it keep the pid, such as
# (taskset -c 0) to pin the server to a core, or (env DB_URL=...) to configure it.
SERVER_WRAP=()
start_server() {
    local name="$1"
    shift
    ${SERVER_WRAP[@]+"${SERVER_WRAP[@]}"} "$@" > "$LOGS/$name.log" 2>&1 &
    SERVER_PIDS[$name]=$!
}

# wait_ok URL [seconds]: polls until the URL answers 200.
wait_ok() {
    local url="$1" limit="${2:-300}" start=$SECONDS
    until curl -s -o /dev/null -f "$url"; do
        if ((SECONDS - start > limit)); then
            echo "no 200 from $url within ${limit}s; the servers' logs are in $LOGS" >&2
            return 1
        fi
        sleep 0.2
    done
}

stop_server() { # NAME [seconds to wait for a graceful exit before SIGKILL; default 10]
    local name="$1" pid="${SERVER_PIDS[$1]:-}" grace="${2:-10}"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 $((grace * 10))); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    unset "SERVER_PIDS[$name]"
}

stop_all() {
    local name
    for name in "${!SERVER_PIDS[@]}"; do
        stop_server "$name"
    done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Peak resident memory: the kernel's high-water mark, reset before each run (clear_refs 5) so it covers it only.
rss_reset() { echo 5 > "/proc/$1/clear_refs" 2> /dev/null || true; }
rss_peak_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }
rss_now_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU time a process has used (user + system), in ms. On a busy machine wall times mostly measure the
# scheduler; the CPU a server spends per request, or a JVM until its first answer, does not depend on it.
TICK_MS=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$1/stat" 2> /dev/null || echo 0; }
# The kernel's part of it (system time), in ms: the network stack, wake-ups, scheduling.
sys_ms() { awk -v t="$TICK_MS" '{ print $15 * t }' "/proc/$1/stat" 2> /dev/null || echo 0; }

# wrk_record FILE BENCH CASE CONTENDER ROUND PID WRK-ARGS...: one wrk run, appended to FILE as a TSV row:
# bench case contender round rps p50_ms p99_ms errors non2xx peak_rss_kb load1 cpu_us_per_req sys_us_per_req
# (the last: the kernel's part of the CPU per request)
wrk_record() {
    local file="$1" bench="$2" case="$3" contender="$4" round="$5" pid="$6"
    shift 6
    local out="$LOGS/wrk-$bench-$case-$contender-$round.txt"
    rss_reset "$pid"
    local cpu0 cpu1 sys0 sys1
    cpu0="$(cpu_ms "$pid")"
    sys0="$(sys_ms "$pid")"
    wrk "$@" > "$out" 2>&1 || true
    cpu1="$(cpu_ms "$pid")"
    sys1="$(sys_ms "$pid")"
    local rss load
    rss="$(rss_peak_kb "$pid")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    awk -v b="$bench" -v c="$case" -v n="$contender" -v r="$round" -v rss="$rss" -v load="$load" \
        -v cpu="$((cpu1 - cpu0))" -v sys="$((sys1 - sys0))" '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { non2xx = $5 }
        / requests in / { requests = $1 }
        END {
            if (rps == "") rps = 0
            printf "%s\t%s\t%s\t%s\t%.1f\t%.3f\t%.3f\t%d\t%d\t%d\t%s\t%.1f\t%.1f\n", b, c, n, r, rps, p50, p99,
                errors, non2xx, rss, load, (requests > 0 ? cpu * 1000 / requests : 0),
                (requests > 0 ? sys * 1000 / requests : 0)
        }' "$out" | tee -a "$file" >&2
}

# The head-to-head's cases: the path each requests (the same on plain Jetty and on the example WAR), and the
# extra wrk arguments of its request.
case_path() { # CASE
    case "$1" in
        hello) echo /api/hello ;;
        echo) echo /api/echo ;;
        users) echo /api/users/1024 ;;
        todo-h2 | todo-mariadb) echo /api/todos/1 ;;
        *) echo "unknown case: $1" >&2; exit 2 ;;
    esac
}
case_wrk_args() { # CASE
    if [[ "$1" == echo ]]; then
        echo "-s $BENCH_DIR/wrk/post-json.lua"
    fi
}

results_header() { # FILE: starts a fresh result file
    printf 'bench\tcase\tcontender\tround\trps\tp50_ms\tp99_ms\terrors\tnon2xx\tpeak_rss_kb\tload1\tcpu_us_per_req\tsys_us_per_req\n' > "$1"
}

# compare FILE BENCH CASE WRK-ARGS -- NAME=URL...: a warm-up run per contender, then ROUNDS rounds that run
# each contender in turn (A, B, A, B, ...), so that the machine's changing load falls on all of them alike.
# Replies slower than wrk's default 2 s would count as errors and drop out of the latencies; 10 s keeps them.
compare() {
    local file="$1" bench="$2" case="$3"
    shift 3
    local args=(--timeout 10s)
    while [[ "$1" != "--" ]]; do args+=("$1"); shift; done
    shift
    local spec name url round
    for spec in "$@"; do
        name="${spec%%=*}"; url="${spec#*=}"
        log "$bench/$case: warm-up $name ($WARMUP)"
        wrk "${args[@]}" -d "$WARMUP" "$url" > "$LOGS/wrk-$bench-$case-$name-warmup.txt" 2>&1 || true
    done
    for round in $(seq 1 "$ROUNDS"); do
        for spec in "$@"; do
            name="${spec%%=*}"; url="${spec#*=}"
            wrk_record "$file" "$bench" "$case" "$name" "$round" "$(pid_of "$name")" \
                "${args[@]}" -d "$DURATION" --latency "$url"
        done
    done
}

# The server behind a contender: contender names are server names, or server names plus "+suffix" (two
# contenders on one server, such as two routes of one app).
pid_of() { echo "${SERVER_PIDS[${1%%+*}]}"; }

machine_info() { # the facts BENCHMARKS.md quotes
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
        echo "nproc: $(nproc)"
        echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
        echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
        echo "kernel: $(uname -r)"
        echo "jdk17: $("$JAVA17" -version 2>&1 | sed -n 2p)"
        echo "jdk25: $("$JAVA25" -version 2>&1 | sed -n 2p)"
        echo "node: $(node --version)"
        echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
        echo "load average at start: $(loadavg)"
    } > "$RESULTS/machine.txt"
}
