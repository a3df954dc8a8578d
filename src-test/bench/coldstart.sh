#!/usr/bin/env bash
# 5. Cold start and footprint: from process start to the first 200 of the hello function, and the resident
# memory once idle (2 s after that answer), for the launcher serving the Fetchlet WAR against the Knative
# Node.js runtime (and Google's invoker for reference), and the CPU time the process used until that answer
# (which, unlike the wall time, hardly depends on the machine's load). The launcher runs on JDK 17 and 25 with
# default JVM options, with the class-data archive its training run makes (JDK 17: AppCDS,
# -XX:ArchiveClassesAtExit then -XX:SharedArchiveFile; JDK 25: AOT cache, -XX:AOTCacheOutput then
# -XX:AOTCache), and with that archive plus the C1 compiler only (-XX:TieredStopAtLevel=1). Runs rotate
# through the contenders COLD_RUNS times (default 5); the summary takes medians. Writes $RESULTS/coldstart.tsv.
# The example WAR (war-example: file routes, middleware, a Javalin and a Jersey app mounted, WebSocket chat, a
# database) runs as well, as "fetchlet-example-*", first 200 on /api/hello, with archives from its own
# training run.
#
#   COLD_CONTENDERS="node fetchlet-example-jdk17" src-test/bench/coldstart.sh   # only these contenders
#   src-test/bench/coldstart.sh
#   BEFORE_LAUNCHER=old-fetchlet-launcher.jar src-test/bench/coldstart.sh
#       # adds "fetchlet-jdk17-before": another launcher build, to measure a change to the start path side by
#       # side with the current one
#   BEFORE_EXAMPLE_WAR=old-fetchlet-example.war src-test/bench/coldstart.sh
#       # adds "fetchlet-example-jdk17-before": another build of the example WAR (and so of the adapter in it)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_tools
build_apps

runs="${COLD_RUNS:-5}"
port=$PORT_BASE
cds="$WORK/cds"
mkdir -p "$cds"
if [[ -n "${BEFORE_LAUNCHER:-}" ]]; then
    cp "$BEFORE_LAUNCHER" "$RUN/fetchlet-launcher-before.jar"
fi
if [[ -n "${BEFORE_EXAMPLE_WAR:-}" ]]; then
    cp "$BEFORE_EXAMPLE_WAR" "$RUN/fetchlet-example-before.war"
fi

contenders=(fetchlet-jdk17 node fetchlet-jdk17-appcds fetchlet-jdk17-appcds-c1 fetchlet-jdk25 fetchlet-jdk25-aot
    fetchlet-jdk25-aot-c1 gcf-jdk17 fetchlet-example-jdk17 fetchlet-example-jdk17-eager fetchlet-example-jdk17-appcds
    fetchlet-example-jdk25 fetchlet-example-jdk25-aot fetchlet-example-jdk25-aot-eager fetchlet-example-jdk25-aot-c1)
if [[ -n "${COLD_CONTENDERS:-}" ]]; then
    read -r -a contenders <<< "$COLD_CONTENDERS"
fi
if [[ -n "${BEFORE_LAUNCHER:-}" ]]; then
    contenders=(fetchlet-jdk17-before "${contenders[@]}")
fi
if [[ -n "${BEFORE_EXAMPLE_WAR:-}" ]]; then
    contenders=(fetchlet-example-jdk17-before "${contenders[@]}")
fi
# wants PATTERN: whether a contender to run matches it (archives are made only for contenders that use them)
wants() { [[ " ${contenders[*]} " == *" "$1" "* ]]; }

# The training run users make (docs/cold-start.md): the launcher starts the app, requests its health checks,
# /metrics and /hello twenty times, stops and exits; the JVM writes its archive or cache on the way out.
train() { # NAME JAVA FLAG
    log "coldstart: training $1 ($3)"
    "$2" "$3" -jar "$RUN/fetchlet-launcher.jar" --train=/hello "$RUN/fetchlet-app.war" > "$LOGS/$1.log" 2>&1
}
rm -f "$cds"/*
if wants 'fetchlet-jdk17-appcds*'; then train train-jdk17-appcds "$JAVA17" "-XX:ArchiveClassesAtExit=$cds/jdk17.jsa"; fi
if wants 'fetchlet-jdk25-aot*'; then train train-jdk25-aot "$JAVA25" "-XX:AOTCacheOutput=$cds/jdk25.aot"; fi
train_example() { # NAME JAVA FLAG: the same for the example WAR, through its hello function and both mounts
    log "coldstart: training $1 ($3)"
    "$2" "$3" -jar "$RUN/fetchlet-launcher.jar" --train=/api/hello,/express,/koa "$RUN/fetchlet-example.war" \
        > "$LOGS/$1.log" 2>&1
}
if wants 'fetchlet-example-jdk17-appcds'; then
    train_example train-example-jdk17-appcds "$JAVA17" "-XX:ArchiveClassesAtExit=$cds/example-jdk17.jsa"
fi
if wants 'fetchlet-example-jdk25-aot*'; then
    train_example train-example-jdk25-aot "$JAVA25" "-XX:AOTCacheOutput=$cds/example-jdk25.aot"
fi
ls -l "$cds" >&2

start_contender() { # NAME: starts it on $port and sets url to its hello function
    url="http://$HOST:$port/hello"
    case "$1" in
        node) start_node node "$port"; url="http://$HOST:$port/" ;;
        gcf-jdk17) start_gcf gcf-jdk17 "$JAVA17" "$port"; url="http://$HOST:$port/" ;;
        fetchlet-jdk17-before)
            LAUNCHER_JAR="$RUN/fetchlet-launcher-before.jar" start_launcher "$1" "$JAVA17" "$port" fetchlet-app.war ;;
        fetchlet-jdk17) start_launcher "$1" "$JAVA17" "$port" fetchlet-app.war ;;
        fetchlet-jdk17-appcds) start_launcher "$1" "$JAVA17" "$port" fetchlet-app.war "-XX:SharedArchiveFile=$cds/jdk17.jsa" ;;
        fetchlet-jdk17-appcds-c1) start_launcher "$1" "$JAVA17" "$port" fetchlet-app.war \
            "-XX:SharedArchiveFile=$cds/jdk17.jsa" -XX:TieredStopAtLevel=1 ;;
        fetchlet-jdk25) start_launcher "$1" "$JAVA25" "$port" fetchlet-app.war ;;
        fetchlet-jdk25-aot) start_launcher "$1" "$JAVA25" "$port" fetchlet-app.war "-XX:AOTCache=$cds/jdk25.aot" ;;
        fetchlet-jdk25-aot-c1) start_launcher "$1" "$JAVA25" "$port" fetchlet-app.war \
            "-XX:AOTCache=$cds/jdk25.aot" -XX:TieredStopAtLevel=1 ;;
        fetchlet-example-jdk17-before) start_launcher "$1" "$JAVA17" "$port" fetchlet-example-before.war ;;
        fetchlet-example-jdk17) start_launcher "$1" "$JAVA17" "$port" fetchlet-example.war ;;
        fetchlet-example-jdk17-appcds) start_launcher "$1" "$JAVA17" "$port" fetchlet-example.war \
            "-XX:SharedArchiveFile=$cds/example-jdk17.jsa" ;;
        fetchlet-example-jdk25) start_launcher "$1" "$JAVA25" "$port" fetchlet-example.war ;;
        fetchlet-example-jdk25-aot) start_launcher "$1" "$JAVA25" "$port" fetchlet-example.war \
            "-XX:AOTCache=$cds/example-jdk25.aot" ;;
        fetchlet-example-jdk25-aot-c1) start_launcher "$1" "$JAVA25" "$port" fetchlet-example.war \
            "-XX:AOTCache=$cds/example-jdk25.aot" -XX:TieredStopAtLevel=1 ;;
        # The mounted apps started at deploy rather than on their first request (docs/sub-apps.md, Lifecycle).
        fetchlet-example-jdk17-eager | fetchlet-example-jdk25-aot-eager)
            local SERVER_WRAP=(env FUNC_MOUNT_START=eager)
            if [[ "$1" == *jdk17* ]]; then
                start_launcher "$1" "$JAVA17" "$port" fetchlet-example.war
            else
                start_launcher "$1" "$JAVA25" "$port" fetchlet-example.war "-XX:AOTCache=$cds/example-jdk25.aot"
            fi ;;
    esac
    case "$1" in fetchlet-example-*) url="http://$HOST:$port/api/hello" ;; esac
}

file="$RESULTS/coldstart.tsv"
printf 'bench\tcase\tcontender\tround\tfirst200_ms\tidle_rss_kb\tload1\tcpu_ms\n' > "$file"
for round in $(seq 1 "$runs"); do
    for name in "${contenders[@]}"; do
        load="$(cut -d' ' -f1 /proc/loadavg)"
        start=$EPOCHREALTIME
        start_contender "$name"
        until curl -s -o /dev/null -f "$url"; do
            if (($(date +%s) - ${start%.*} > 120)); then echo "$name: no 200 within 120 s" >&2; exit 1; fi
        done
        end=$EPOCHREALTIME
        cpu="$(cpu_ms "$(pid_of "$name")")"
        sleep 2
        rss="$(rss_now_kb "$(pid_of "$name")")"
        stop_server "$name" 30
        ms="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", (e - s) * 1000 }')"
        printf 'coldstart\tfirst-200\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$ms" "$rss" "$load" "$cpu" | tee -a "$file" >&2
    done
done
