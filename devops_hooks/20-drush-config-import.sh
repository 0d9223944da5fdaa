#!/usr/bin/env bash
# Imports the configuration exported to config/sync, when the app keeps any there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/drush.sh"

drush_hook_applies "drush config:import" || exit 0
if [[ -z "$(find config/sync -type f ! -name '.*' -print -quit 2>/dev/null)" ]]; then
  echo "drush config:import: config/sync has no configuration, skipped"
  exit 0
fi
echo "drush config:import: importing config/sync"
run_drush config:import -y
