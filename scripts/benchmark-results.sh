#!/usr/bin/env bash
# Measures how fast Slipway reads test results out of a task's log, and how much memory it needs:
# a synthetic 100 MB log with 50,000 PHPUnit test cases in CloudWatch-sized pages (10,000 events,
# 1 MiB), in three shapes (500 reports, one report after all the output, all of it XML).
#   1. throughput: BenchmarkDotNet in Release, MB/s of log and bytes allocated per read;
#   2. memory: each shape streamed through the reader in a fresh process, the live heap sampled
#      with full collections, against the same log generated but not read.
# Takes about two minutes. Extra arguments go to BenchmarkDotNet (e.g. --filter '*AllXml*').
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root_dir/benchmarks/Slipway.Results.Benchmarks"
artifacts="$root_dir/.nuke/temp/benchmarks/results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary >/dev/null
binary="$project/bin/Release/net10.0/Slipway.Results.Benchmarks.dll"

echo "== Throughput (BenchmarkDotNet, Release; full report in $artifacts)"
mkdir -p "$artifacts"
dotnet "$binary" --artifacts "$artifacts" "$@" | sed -n '/^shape /,$p'

echo
echo "== Memory (live managed heap sampled every 4 pages; each line a fresh process)"
for shape in ManyReports OneReport AllXml; do
  dotnet "$binary" --memory "$shape"
  dotnet "$binary" --memory "$shape" --generate-only
done
