#!/usr/bin/env bash
# Records which build produced this code in web/version.txt, served as a plain file, so that
# anyone can tell what a playground runs with `curl .../version.txt`.
set -euo pipefail

branch="${SLIPWAY_BRANCH:-unknown}"
commit="${SLIPWAY_COMMIT:-unknown}"
build="${SLIPWAY_BUILD_ID:-unknown}"
printf 'branch=%s commit=%s build=%s\n' "$branch" "$commit" "$build" >web/version.txt
echo "version: wrote web/version.txt (branch $branch, commit ${commit:0:7}, build $build)"
