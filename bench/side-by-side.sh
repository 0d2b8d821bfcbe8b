#!/usr/bin/env bash
# Side by side: the old runtime's build against this one, alternating, in one run (issue 8's performance targets).
#
#   git worktree add /work/baseline 181fb1b      # the last commit on our own runtime (once)
#   bench/side-by-side.sh /work/baseline [rounds]
#
# Builds both Release, then for each round runs the cached and uncached scenarios once against the old runtime and once
# against this build (the same harness and simulator, this checkout's), recording `uptime` before each, and writes the
# side-by-side section of docs/perf.md. About 5 minutes per round on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:?usage: bench/side-by-side.sh BASELINE_CHECKOUT [rounds]}
rounds=${2:-3}
out=bench/results/side-by-side
rm -rf "$out"
mkdir -p "$out"
echo "bench/side-by-side.sh $*" > "$out/command"

dotnet build "$baseline/src/Api" -c Release -nologo -v q
for project in src/Api src/HaloSim bench/Scenarios; do
  dotnet build "$project" -c Release -nologo -v q
done

harness=bench/Scenarios/bin/Release/net10.0/HaloMcp.Bench.Scenarios.dll
for round in $(seq 1 "$rounds"); do
  for build in baseline orleans; do
    if [ "$build" = baseline ]; then dll="$baseline/src/Api/bin/Release/net10.0/HaloMcp.Api.dll"; else dll=src/Api/bin/Release/net10.0/HaloMcp.Api.dll; fi
    uptime > "$out/$round-$build.load"
    echo "== round $round, $build: $(cat "$out/$round-$build.load")"
    dotnet "$harness" --only cached,uncached --server-dll "$dll" --figures "$out/$round-$build.json" \
      --out "$out/$round-$build.md" --command "bench/side-by-side.sh (round $round, $build)"
  done
done

dotnet "$harness" --side-by-side "$out"
