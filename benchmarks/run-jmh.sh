#!/usr/bin/env bash
# Builds the benchmarks module and runs its JMH benchmarks.
#
#   benchmarks/run-jmh.sh                     # every benchmark, default settings
#   benchmarks/run-jmh.sh -f 1 -i 10 small    # JMH arguments, passed through as given
#
# Without arguments it runs: -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
# Results: benchmarks/target/jmh-result.json (unless -rf/-rff are given) and benchmarks/target/jmh-result.txt
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$here/target"

cd "$root"
# package also writes target/jmh-classpath.txt (maven-dependency-plugin build-classpath, see pom.xml)
./mvnw -B -q -pl benchmarks -am package -DskipTests

classpath_file="$target/jmh-classpath.txt"
if [[ ! -s "$classpath_file" ]]; then
    echo "run-jmh.sh: $classpath_file is missing or empty" >&2
    exit 1
fi
classpath="$target/classes:$(cat "$classpath_file")"

if [[ $# -eq 0 ]]; then
    set -- -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
fi

result_args=()
has_rf=0
for arg in "$@"; do
    case "$arg" in
        -rf|-rff) has_rf=1 ;;
    esac
done
if [[ $has_rf -eq 0 ]]; then
    result_args=(-rf json -rff "$target/jmh-result.json")
fi

java -cp "$classpath" org.openjdk.jmh.Main "${result_args[@]}" "$@" 2>&1 | tee "$target/jmh-result.txt"
exit "${PIPESTATUS[0]}"
