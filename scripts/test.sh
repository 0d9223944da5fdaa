#!/usr/bin/env bash
# Runs Slipway's whole test suite on a Debian machine: installs and starts what the tests need
# (Docker engine, base images, PHP tools, a registry), then builds and tests every project.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Engine").
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$root_dir/scripts/install-prerequisites.sh"

if ! command -v dotnet >/dev/null 2>&1; then
  # build.sh knows how to find or install the pinned SDK.
  "$root_dir/build.sh" --help >/dev/null
  export PATH="$root_dir/.nuke/temp/dotnet:$PATH"
fi

results_dir="$root_dir/.nuke/temp/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

dotnet build Slipway.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test Slipway.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results_dir" "$@" || status=$?

# One closing line over all test projects, in the form CI reads.
python3 - "$results_dir" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
