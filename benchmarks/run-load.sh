#!/usr/bin/env bash
# End-to-end load test over real WebSockets on 127.0.0.1: a raw Tyrus echo endpoint (the transport's limit),
# a hand-written JSON-P/JSON-B endpoint, LSP4J's websocket.jakarta and jsonrpcws, each in its own JVM on
# Tyrus 2.2 standalone, measured in alternation by a lean NIO generator in this script's JVM; then idle
# connections and their heap. Prints tables of medians, also written to benchmarks/target/load/.
#
#   benchmarks/run-load.sh                  # 3 rounds, 2 s warm-up + 4 s per cell, 10,000 idle connections (~10 min)
#   benchmarks/run-load.sh --quick          # 1 round, short cells, 1,000 idle connections (~2 min), for development
#   benchmarks/run-load.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java   # another JDK, servers and generator
#   benchmarks/run-load.sh --jfr            # also record each server with JFR into benchmarks/target/load/<server>.jfr
#   benchmarks/run-load.sh --streams        # instead: items/s of subscriptions, jsonrpcws against a raw Tyrus stream,
#                                           # and the heap of 10,000 idle subscriptions (~5 min; with --quick ~1.5 min)
#   benchmarks/run-load.sh --clients        # instead: the Java clients, jsonrpcws's against LSP4J's, each in a JVM of
#                                           # its own calling one jsonrpcws server: calls/s, latency, client CPU per call
#                                           # (~4 min; with --quick ~1 min)
#
# Further arguments go to LoadRun (StreamRun with --streams, ClientRun with --clients) as given, such as --rounds 5,
# --servers RAW,OURS or --idle 0.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$here/target"
out="$target/load"

java_bin=java
quick=0
jfr=0
streams=0
clients=0
pass=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; shift ;;
        --jfr) jfr=1; shift ;;
        --streams) streams=1; shift ;;
        --clients) clients=1; shift ;;
        --java) java_bin="$2"; shift 2 ;;
        *) pass+=("$1"); shift ;;
    esac
done

cd "$root"
# package also writes target/jmh-classpath.txt (maven-dependency-plugin build-classpath, see pom.xml)
./mvnw -B -q -pl benchmarks -am package -DskipTests

# a private copy of the classpath, so that other builds of the modules cannot change it mid-run
mkdir -p "$out"
lib="$out/lib"
rm -rf "$lib"
mkdir -p "$lib"
cp -r "$target/classes" "$lib/classes"
classpath="$lib/classes"
IFS=":" read -r -a jars < "$target/jmh-classpath.txt" || true
for jar in "${jars[@]}"; do
    cp "$jar" "$lib/"
    classpath="$classpath:$lib/$(basename "$jar")"
done

main=io.jsonrpcws.benchmarks.load.LoadRun
name=result
log=run
if [[ $streams -eq 1 ]]; then
    main=io.jsonrpcws.benchmarks.load.StreamRun
    name=streams
    log=run-streams
    if [[ $quick -eq 1 ]]; then
        settings=(--rounds 1 --warmup-ms 700 --measure-ms 1000 --idle-connections 100 --idle-subscriptions 10)
    else
        settings=(--rounds 3 --warmup-ms 2000 --measure-ms 4000 --idle-connections 100 --idle-subscriptions 100)
    fi
elif [[ $clients -eq 1 ]]; then
    main=io.jsonrpcws.benchmarks.load.ClientRun
    name=clients
    log=run-clients
    if [[ $quick -eq 1 ]]; then
        settings=(--rounds 1 --warmup-ms 700 --measure-ms 1000)
    else
        settings=(--rounds 3 --warmup-ms 2000 --measure-ms 4000)
    fi
    # the clients are JVMs of their own, measured as the servers are; no JFR for them
    settings+=(--client-opts "-Xms1g -Xmx1g -XX:+UseSerialGC")
elif [[ $quick -eq 1 ]]; then
    settings=(--rounds 1 --warmup-ms 700 --measure-ms 1000 --idle 1000)
else
    settings=(--rounds 3 --warmup-ms 2000 --measure-ms 4000 --idle 10000)
fi

# each idle connection is a descriptor in the server and one in the generator
hard="$(ulimit -Hn)"
[[ "$hard" == unlimited ]] && hard=65536
want=32768
(( hard < want )) && want=$hard
ulimit -n "$want"
echo "open files limit: $(ulimit -n) (hard limit $hard)"
idle_max=$(( want - 1000 ))
for ((i = 0; i < ${#settings[@]}; i++)); do
    if [[ "${settings[$i]}" == --idle && "${settings[$((i + 1))]}" -gt $idle_max ]]; then
        echo "the open files limit allows $idle_max idle connections, not ${settings[$((i + 1))]}"
        settings[$((i + 1))]=$idle_max
    fi
done

jvm_opts="-Xms1g -Xmx1g -XX:+UseSerialGC"
server_opts="$jvm_opts"
if [[ $jfr -eq 1 ]]; then
    server_opts="$server_opts -XX:StartFlightRecording=filename=$out/{kind}.jfr,settings=profile,jdk.ExecutionSample#period=1ms"
fi

generator=()
cpus="$(nproc --all)"
if command -v taskset >/dev/null && [[ "$cpus" -ge 2 ]]; then
    # the servers on the last CPU, the generator (or the clients, which inherit its CPUs) on the others
    settings+=(--server-cpus "$((cpus - 1))")
    generator=(taskset -c "0-$((cpus - 2))")
else
    echo "taskset missing or one CPU: servers and generator are not pinned"
fi

version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
echo "JDK $version: $("$java_bin" -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

"${generator[@]}" "$java_bin" $jvm_opts -cp "$classpath" "$main" \
    "${settings[@]}" --server-opts "$server_opts" --logs "$out" --out "$out/$name-jdk$version.md" "${pass[@]}" \
    2>&1 | tee "$out/$log-jdk$version.txt"
exit "${PIPESTATUS[0]}"
