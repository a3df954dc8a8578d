#!/usr/bin/env bash
# Route matching benchmark (JMH): ns per match and bytes allocated per match, for tables of 10, 1,000 and
# 10,000 routes. Run from anywhere:
#
#   src-test/bench/route-match.sh                 # the run recorded in BENCHMARKS.md
#   src-test/bench/route-match.sh -p routes=10000 # extra arguments go to JMH
#   JMH_RUN="-f 1 -wi 1 -i 1" src-test/bench/route-match.sh   # other forks/iterations (default below)
#   MVN_FLAGS=-o src-test/bench/route-match.sh    # build offline
#   SKIP_BUILD=1 src-test/bench/route-match.sh    # rerun on the classes the last run built
#
# The benchmark lives in src-test's test sources, so Maven compiles that module and what it depends on (the
# JMH annotation processor writes the benchmark list at test-compile) and writes its test classpath; JMH then
# runs straight from target/test-classes. Nothing is installed into the local repository.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

classpath_file=target/bench-test-classpath.txt
results=src-test/target/route-match.csv

build() {
    # shellcheck disable=SC2086 # MVN_FLAGS holds several flags
    mvn -q ${MVN_FLAGS:-} -pl src-test -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
}

# The reactor build resolves sibling modules to their target/classes folders. Copy those folders aside so
# that a rebuild running meanwhile cannot swap classes under the benchmark's forked JVM.
snapshot="$(mktemp -d "${TMPDIR:-/tmp}/route-match-bench.XXXXXX")"
trap 'rm -rf "$snapshot"' EXIT
take_snapshot() {
    rm -rf "${snapshot:?}"/*
    classpath=""
    local index=0 entry entries
    IFS=: read -r -a entries <<< "src-test/target/test-classes:$(cat "src-test/$classpath_file")"
    for entry in "${entries[@]}"; do
        if [[ -d "$entry" ]]; then
            index=$((index + 1))
            cp -R "$entry" "$snapshot/$index"
            entry="$snapshot/$index"
        fi
        classpath="${classpath:+$classpath:}$entry"
    done
    local class
    for class in META-INF/BenchmarkList dev/fetchlet/routing/RouteTable.class \
            dev/fetchlet/bench/jmh_generated/RouteMatchBenchmark_jmhType.class; do
        compgen -G "$snapshot/*/$class" > /dev/null || return 1
    done
}

# A clean or rebuild of target/ elsewhere can leave the copy incomplete: build and copy again.
[[ -n "${SKIP_BUILD:-}" ]] || build
for attempt in 1 2 3; do
    take_snapshot && break
    [[ $attempt -lt 3 ]] || { echo "route-match.sh: classes missing after the build; run again" >&2; exit 1; }
    build
done

# Short enough for a 2-core machine: one fork, 3 warm-up and 5 measured iterations of one second.
# shellcheck disable=SC2086 # JMH_RUN holds several options
java -Duser.language=en -Duser.country=US -cp "$classpath" org.openjdk.jmh.Main RouteMatchBenchmark \
    ${JMH_RUN:--f 1 -wi 3 -i 5 -w 1s -r 1s} -prof gc -rf csv -rff "$results" "$@"

echo
echo "Summary (ns/op: average time per match; B/op: gc.alloc.rate.norm, bytes allocated per match)"
awk -F, '
    NR == 1 { next }
    {
        for (f = 1; f <= NF; f++) gsub(/["\r]/, "", $f)
        name = $1; sub(/^.*RouteMatchBenchmark\./, "", name)
        routes = $NF
        if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); bytes[name, routes] = $5 }
        else if (name !~ /:/) {
            time[name, routes] = $5; error[name, routes] = $6
            if (!(name in seen)) { seen[name] = 1; names[++n] = name }
            if (!(routes in sizes)) { sizes[routes] = 1; order[++m] = routes + 0 }
        }
    }
    END {
        printf "%-16s %8s %12s %10s %8s\n", "benchmark", "routes", "ns/op", "+/-", "B/op"
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (order[j] < order[i]) { t = order[i]; order[i] = order[j]; order[j] = t }
        for (k = 1; k <= n; k++) for (i = 1; i <= m; i++) {
            key = names[k] SUBSEP order[i]
            if (key in time) printf "%-16s %8d %12.1f %10.1f %8.0f\n", names[k], order[i], time[key], error[key], bytes[key]
        }
    }' "$results"
