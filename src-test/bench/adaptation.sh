#!/usr/bin/env bash
# 6. Allocation and time per request of Fetchlet's request/response adaptation (JMH, -prof gc): a hello GET
# through Fetchlet's filters to a Fetch handler against a raw HttpServlet, both driven in process with
# in-memory servlet objects (src-test/src/test/java/dev/fetchlet/bench/AdaptationBenchmark.java). Writes
# $RESULTS/adaptation.csv (JMH's CSV) and $RESULTS/adaptation.tsv (the summary).
#
#   src-test/bench/adaptation.sh                        # the run recorded in BENCHMARKS.md
#   JMH_RUN="-f 1 -wi 1 -i 1" src-test/bench/adaptation.sh   # other forks/iterations; the default warms up
#                                                            # for 24 s: on a busy machine the JIT lags
# Route matching (the other JMH benchmark) has its own script: src-test/bench/route-match.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_tools
build_apps # installs the adapter: the benchmark runs against its jar, which a rebuild cannot empty midway
classpath_file="$WORK/adaptation-classpath.txt"
# shellcheck disable=SC2086 # MVN_FLAGS holds several flags
(cd "$ROOT" && mvn -q ${MVN_FLAGS:-} -pl src-test test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test)

# The test classes and Fetchlet's own jars are copied aside, so that a rebuild or install meanwhile cannot
# swap classes under the forked JVM.
snapshot="$WORK/jmh-classes"
rm -rf "$snapshot"
mkdir -p "$snapshot"
classpath=""
index=0
IFS=: read -r -a entries <<< "$ROOT/src-test/target/test-classes:$(cat "$classpath_file")"
for entry in "${entries[@]}"; do
    if [[ -d "$entry" ]]; then
        index=$((index + 1))
        cp -R "$entry" "$snapshot/$index"
        entry="$snapshot/$index"
    elif [[ "$entry" == */dev/fetchlet/* ]]; then
        cp "$entry" "$snapshot/"
        entry="$snapshot/${entry##*/}"
    fi
    classpath="${classpath:+$classpath:}$entry"
done
echo "$classpath" > "$WORK/jmh-classpath.txt" # for running JMH by hand with a profiler
if ! compgen -G "$snapshot/*/META-INF/BenchmarkList" > /dev/null \
    || ! compgen -G "$snapshot/*/dev/fetchlet/bench/jmh_generated/AdaptationBenchmark_jmhType.class" > /dev/null; then
    echo "adaptation.sh: the benchmark's classes are missing after the build (another build cleaned target/?); run again" >&2
    exit 1
fi

csv="$RESULTS/adaptation.csv"
# JMH runs one benchmark at a time per machine (its lock file); wait for another run to finish rather than
# measure beside it.
for attempt in $(seq 1 40); do
    # shellcheck disable=SC2086 # JMH_RUN holds several options
    "$JAVA17" -Duser.language=en -cp "$classpath" org.openjdk.jmh.Main AdaptationBenchmark \
        ${JMH_RUN:--f 1 -wi 8 -w 3s -i 5 -r 3s} -prof gc -rf csv -rff "$csv" "$@" 2>&1 | tee "$LOGS/jmh-adaptation.txt" >&2
    grep -q 'Unable to acquire the JMH lock' "$LOGS/jmh-adaptation.txt" || break
    log "another JMH run holds the lock; waiting (attempt $attempt)"
    sleep 15
done

# benchmark, ns/op and its error, bytes allocated per op (gc.alloc.rate.norm)
awk -F, '
    NR == 1 { next }
    {
        for (f = 1; f <= NF; f++) gsub(/["\r]/, "", $f)
        name = $1; sub(/^.*AdaptationBenchmark\./, "", name)
        if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); bytes[name] = $5 }
        else if (name !~ /:/) { time[name] = $5; error[name] = $6; names[++n] = name }
    }
    END {
        print "benchmark\tns_per_op\tns_error\tbytes_per_op"
        for (i = 1; i <= n; i++) printf "%s\t%.1f\t%.1f\t%.0f\n", names[i], time[names[i]], error[names[i]], bytes[names[i]]
    }' "$csv" | tee "$RESULTS/adaptation.tsv"
