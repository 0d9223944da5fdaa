#!/usr/bin/env bash
# Rebuilds Drupal's caches so that the new code and configuration take effect.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/drush.sh"

drush_hook_applies "drush cache:rebuild" || exit 0
echo "drush cache:rebuild: rebuilding caches"
run_drush cache:rebuild
