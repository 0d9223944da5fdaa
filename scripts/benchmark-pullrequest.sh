#!/usr/bin/env bash
# PullRequest wall time with targets in parallel (the default) against the same targets with
# --sequential, in one run on the same warm caches: a warm-up run, then ROUNDS rounds of each,
# alternating. Prints each time, the medians and the ratio parallel / sequential.
set -euo pipefail

rounds="${1:-2}"
root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root_dir"
work="$(mktemp -d /tmp/slipway-bench-XXXXXX)"
branch="bench-pr-$$"
run() { ./build.sh PullRequest --branch "$branch" --work-directory "$work" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; }
cleanup() {
  ./build.sh Teardown --branch "$branch" --work-directory "$work" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

timed() { local start; start=$(date +%s%N); run "$@"; echo "$(( $(date +%s%N) - start ))" | awk '{ printf "%.1f", $1 / 1e9 }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

run   # warm-up: builder image, vendor, theme, image layers
parallel=() sequential=()
for ((i = 1; i <= rounds; i++)); do
  parallel+=("$(timed)")
  sequential+=("$(timed --sequential)")
  echo "round $i: parallel ${parallel[-1]} s, sequential ${sequential[-1]} s"
done
p=$(median "${parallel[@]}")
s=$(median "${sequential[@]}")
awk -v p="$p" -v s="$s" 'BEGIN { printf "median parallel %.1f s, sequential %.1f s, ratio %.2f\n", p, s, p / s }'
