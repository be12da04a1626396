#!/usr/bin/env bash
# Runs the IssueCommand benchmark: builds the jar and the test classes if needed, then starts the real jar against
# the fake GitHub on 127.0.0.1 and prints a table. Not part of `./mvnw verify`.
#   bench/run.sh                       # 20 s warm-up + 10 s per measurement, 8 connections
#   BENCH_SECONDS=20 bench/run.sh      # longer measurements
#   BENCH_JAVA_OPTS="-Xmx256m" bench/run.sh   # JVM options for the server process
#   BENCH_ONLY=mcp bench/run.sh        # only the MCP stdio front rows (~10 min); BENCH_ONLY=server: the others
#   BENCH_ONLY=writes BENCH_ROUNDS=2 bench/run.sh   # only sequential claims, mutations and the RSS after them, beside BENCH_COMPARE in
#                                      # alternating order, a fresh start each round (~2 min per round and server)
#   BENCH_ONLY=postgres bench/run.sh   # the data in an embedded PostgreSQL: 1 and 2 instances (~3 min)
#   BENCH_FRONT_JAVA_OPTS="-Xmx64m" bench/run.sh   # JVM options for the spawned `java -jar issuecommand.jar mcp`
#   BENCH_COMPARE="cd /path/to/original && bun run start" bench/run.sh   # another server's rows beside ours, with ratios
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/issuecommand.jar || -n "$(find src/main pom.xml liberty -newer target/issuecommand.jar -type f -print -quit)" ]]; then
  ./mvnw -B -q package -DskipTests
fi
if [[ ! -f target/bench.classpath || pom.xml -nt target/bench.classpath ]]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
./mvnw -B -q test-compile
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/{print $2}') MB RAM, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP:-20}" -Dbench.connections="${BENCH_CONNECTIONS:-8}" \
  -Dbench.only="${BENCH_ONLY:-}" -Dbench.rounds="${BENCH_ROUNDS:-2}" -Dbench.compare="${BENCH_COMPARE:-}" -Dbench.mcp.spawns="${BENCH_MCP_SPAWNS:-5}" -Dbench.mcp.calls="${BENCH_MCP_CALLS:-500}" \
  -Dbench.mcp.warmupCalls="${BENCH_MCP_WARMUP_CALLS:-200}" \
  -Dbench.mcp.agents="${BENCH_MCP_AGENTS:-16}" -Dbench.mcp.agentCalls="${BENCH_MCP_AGENT_CALLS:-200}" \
  dev.issuecommand.bench.Benchmark
