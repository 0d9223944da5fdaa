#!/usr/bin/env bash
# Applies pending database updates (hook_update_N, post-updates) to the shared database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/drush.sh"

drush_hook_applies "drush updatedb" || exit 0
echo "drush updatedb: applying database updates"
run_drush updatedb -y
