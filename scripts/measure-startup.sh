#!/usr/bin/env bash
# Measures the warm start-up of `./build.sh --help` against `dotnet --version` in the same run: one warm-up of
# each, then RUNS runs of each (interleaved, so that load on the machine hits both alike), and prints both
# medians and their ratio. Goal: under 1 s and no more than 3x `dotnet --version`; exits 1 when it misses it.
# Usage: scripts/measure-startup.sh [RUNS]   (default 10)
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
cd "$root_dir"

elapsed_ms() {
  local start end
  start="$(date +%s%N)"
  "$@" > /dev/null 2>&1
  end="$(date +%s%N)"
  echo $(( (end - start) / 1000000 ))
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ values[NR] = $1 } END { print (NR % 2) ? values[(NR + 1) / 2] : int((values[NR / 2] + values[NR / 2 + 1]) / 2) }'
}

# Warm-up: compiles the build when its sources changed, and fills the file system cache.
./build.sh --help > /dev/null
dotnet --version > /dev/null

build_times=()
dotnet_times=()
for _ in $(seq "$runs"); do
  build_times+=("$(elapsed_ms ./build.sh --help)")
  dotnet_times+=("$(elapsed_ms dotnet --version)")
done

build_ms="$(median "${build_times[@]}")"
dotnet_ms="$(median "${dotnet_times[@]}")"
ratio="$(awk -v b="$build_ms" -v d="$dotnet_ms" 'BEGIN { printf "%.2f", (d > 0 ? b / d : 0) }')"

echo "./build.sh --help : ${build_ms} ms (median of $runs)"
echo "dotnet --version  : ${dotnet_ms} ms (median of $runs)"
echo "ratio             : ${ratio}x (goal: under 1000 ms and at most 3x)"

awk -v b="$build_ms" -v r="$ratio" 'BEGIN { exit !(b < 1000 && r <= 3) }' || { echo "Start-up misses its goal." >&2; exit 1; }
