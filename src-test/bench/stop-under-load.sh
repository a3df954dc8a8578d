#!/usr/bin/env bash
# Soak: SIGTERM a launcher under full load, repeatedly, and count what was lost.
#
# Each run starts the shaded launcher on the conformance WAR (127.0.0.1, a free port), opens --requests connections
# each carrying one slow GET (/conformance/slow?ms=--ms), sends SIGTERM once all are written, and counts every
# answer: served means status 200 with the full body. It prints runs x requests and the lost count, and exits 1
# if anything was lost or a launcher did not exit 0.
#
#   src-test/bench/stop-under-load.sh [--runs 10] [--requests 200] [--ms 2000] [--grace 60]
#                                     [--max-threads N] [--java-home DIR]
#
# --java-home (else $JAVA_HOME, else java on PATH) picks the JDK that runs both launcher and client: 17 runs
# requests on a platform thread pool, 21+ on virtual threads. --max-threads caps that pool so requests queue for
# a thread (launcher flag of the same name); without it the launcher's default applies.
# Build first: mvn -B -pl src-test/conformance-war,jetty-launcher -am package -DskipTests
set -euo pipefail

runs=10 requests=200 ms=2000 grace=60 max_threads="" java_home="${JAVA_HOME:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --ms) ms=$2; shift 2 ;;
    --grace) grace=$2; shift 2 ;;
    --max-threads) max_threads=$2; shift 2 ;;
    --java-home) java_home=$2; shift 2 ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/jetty-launcher/target/fetchlet-launcher.jar"
war="$root/src-test/conformance-war/target/fetchlet-conformance.war"
client="$root/src-test/src/test/java/dev/fetchlet/it/launcher/StopUnderLoad.java"
java=java
[ -n "$java_home" ] && java="$java_home/bin/java"
for f in "$jar" "$war"; do
  [ -f "$f" ] || { echo "missing $f: mvn -B -pl src-test/conformance-war,jetty-launcher -am package -DskipTests" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/fetchlet-stop-under-load.XXXXXX")
launcher_pid=""
cleanup() {
  if [ -n "$launcher_pid" ] && kill -0 "$launcher_pid" 2>/dev/null; then kill -9 "$launcher_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
extra=()
[ -n "$max_threads" ] && extra+=(--max-threads "$max_threads")
total_lost=0 bad_exits=0
for run in $(seq 1 "$runs"); do
  log="$work/launcher-$run.log"
  "$java" -jar "$jar" --host 127.0.0.1 --port 0 --grace-seconds "$grace" "${extra[@]}" "$war" >"$log" 2>&1 &
  launcher_pid=$!
  port=""
  for _ in $(seq 1 600); do   # up to 120 s for a cold start on a busy machine
    port=$(sed -n 's#^Fetchlet listening on http://[^:]*:\([0-9]*\)/.*#\1#p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$launcher_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$port" ]; then echo "run $run: the launcher did not start:"; tail -20 "$log"; exit 1; fi

  set +e
  line=$(timeout $((grace + 240)) "$java" "$client" --port "$port" --pid "$launcher_pid" \
    --requests "$requests" --ms "$ms")
  set -e
  lost=$(sed -n 's/.*, lost \([0-9]*\).*/\1/p' <<<"$line")
  [ -n "$lost" ] || lost=$requests
  total_lost=$((total_lost + lost))

  status=0
  timeout $((grace + 60)) tail --pid="$launcher_pid" -f /dev/null || { kill -9 "$launcher_pid"; status=137; }
  wait "$launcher_pid" || status=$?
  launcher_pid=""
  [ "$status" -eq 0 ] || bad_exits=$((bad_exits + 1))
  echo "run $run: $line; launcher exit $status"
done

echo "JDK $version: $runs runs x $requests requests = $((runs * requests)), lost $total_lost, launcher exits not 0: $bad_exits"
[ "$total_lost" -eq 0 ] && [ "$bad_exits" -eq 0 ]
