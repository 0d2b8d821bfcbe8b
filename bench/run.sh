#!/usr/bin/env bash
# Builds Release, runs the BenchmarkDotNet microbenchmarks, then every scenario (HaloSim and the server as separate
# processes on loopback), and rewrites docs/perf.md. Takes about a quarter of an hour on 2 cores.
#
#   bench/run.sh                  everything, figures of record
#   bench/run.sh --skip-micro     scenarios only; perf.md shows the last microbenchmark results in bench/results/micro
#   bench/run.sh --quick          short smoke run of everything (not figures of record)
#   bench/run.sh --only cached,uncached,morning,size,tenants,overload   some scenarios
set -euo pipefail
cd "$(dirname "$0")/.."

command_line="bench/run.sh${*:+ $*}"
micro=1
quick=0
harness_args=()
for arg in "$@"; do
  case "$arg" in
    --skip-micro) micro=0 ;;
    --quick) quick=1; harness_args+=("$arg") ;;
    *) harness_args+=("$arg") ;;
  esac
done

for project in src/Api src/Silo src/HaloSim bench/Scenarios bench/Micro; do
  dotnet build "$project" -c Release -nologo -v q
done

if [ "$micro" -eq 1 ]; then
  rm -rf bench/results/micro
  micro_args=(--filter '*' --artifacts bench/results/micro)
  if [ "$quick" -eq 1 ]; then
    micro_args+=(--job Dry)
  fi
  dotnet bench/Micro/bin/Release/net10.0/HaloMcp.Bench.Micro.dll "${micro_args[@]}"
fi

dotnet bench/Scenarios/bin/Release/net10.0/HaloMcp.Bench.Scenarios.dll --command "$command_line" "${harness_args[@]}"
