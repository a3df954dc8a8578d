#!/usr/bin/env bash
# A longer fuzzing run than the one in `mvn verify`: the five fuzz targets, each in fuzzing mode for its
# annotation's duration (15 s), round after round. Jazzer keeps every input that reached new code in
# each module's .cifuzz-corpus/ (git-ignored) and starts from it the next round, so coverage keeps growing.
#
#   src-test/bench/fuzz-long.sh            # 20 rounds: about 20 x 5 x 15 s of fuzzing, some 30 minutes
#   src-test/bench/fuzz-long.sh 100        # 100 rounds (at most 1000)
#   MVN_FLAGS=-o src-test/bench/fuzz-long.sh 5   # build offline
#
# Bounded: the number of rounds is capped, and each round is killed after ROUND_TIMEOUT (default 10m) should a
# target hang. Stops at the first finding: Jazzer writes the input as crash-* into the target's
# src/test/resources/.../<Class>Inputs/<method>/ folder; give it a name that says what it found and commit it
# with the fix, so the normal test run replays it. Prints the executions of each target each round.
set -euo pipefail

rounds="${1:-20}"
if ! [[ "$rounds" =~ ^[0-9]+$ ]] || (( rounds < 1 || rounds > 1000 )); then
    echo "usage: $0 [ROUNDS, 1 to 1000]" >&2
    exit 2
fi
round_timeout="${ROUND_TIMEOUT:-10m}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# The fuzz-* executions, one target each, in the module that holds each target.
declare -A executions=(
    [adapter/servlet]="fuzz-route-patterns fuzz-percent-decoding"
    [jetty-launcher]="fuzz-request-heads"
    [adapter/functions]="fuzz-cloudevent-headers fuzz-structured-cloudevents"
)

logs="adapter/target/fuzz-long"
mkdir -p "$logs"
# shellcheck disable=SC2086 # MVN_FLAGS holds several flags
# Installed, not only compiled: each round runs one module on its own, which takes its sibling modules (the
# API, the servlet adapter) from the local repository, and an older install there would be fuzzed instead.
if ! mvn -B -Dstyle.color=never ${MVN_FLAGS:-} -pl adapter/servlet,adapter/functions,jetty-launcher -am install -DskipTests \
        > "$logs/build.log" 2>&1; then
    echo "the build failed, see $logs/build.log" >&2
    exit 1
fi

for ((round = 1; round <= rounds; round++)); do
    log="$logs/round-$round.log"
    : > "$log"
    for module in "${!executions[@]}"; do
        goals=()
        for e in ${executions[$module]}; do
            goals+=("surefire:test@$e")
        done
        # shellcheck disable=SC2086
        if ! timeout "$round_timeout" mvn -B -Dstyle.color=never ${MVN_FLAGS:-} -pl "$module" "${goals[@]}" \
                >> "$log" 2>&1; then
            echo "round $round: a target of $module failed or timed out, see $log" >&2
            grep -E "FuzzTestFinding|Test unit written" "$log" >&2 || true
            exit 1
        fi
    done
    # libFuzzer's closing line per target: "#<executions> DONE cov: ... corp: <inputs>/<bytes> ..."
    summary="$(awk '/Running dev\.fetchlet\..*FuzzTest/ { name = $NF; sub(/.*\./, "", name) }
        /^#[0-9]+[[:space:]]+DONE/ { printf "%s %s execs, cov %s, corpus %s; ", name, substr($1, 2), $4, $8 }' "$log")"
    echo "round $round/$rounds: ${summary:-no target ran}"
done
echo "corpus: $(find adapter/*/.cifuzz-corpus jetty-launcher/.cifuzz-corpus -type f 2>/dev/null | wc -l) inputs in the modules' .cifuzz-corpus"
