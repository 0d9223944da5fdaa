#!/usr/bin/env bash
# Fails the build early when the site settings would break the site at run time: a syntax
# error, or a configuration sync folder that is not there.
set -euo pipefail

settings="web/sites/default/settings.php"
if [[ ! -f "$settings" ]]; then
  echo "settings: $settings is missing: add it (see the example in the Slipway repository)." >&2
  exit 1
fi
if ! php -l "$settings" >/dev/null 2>&1; then
  echo "settings: $settings does not parse: run 'php -l $settings' and fix it." >&2
  exit 1
fi
sync_dir="$(php -r '$settings = []; $databases = []; include $argv[1]; echo $settings["config_sync_directory"] ?? "";' "$settings")"
if [[ -z "$sync_dir" || ! -d "web/$sync_dir" ]]; then
  echo "settings: config_sync_directory '$sync_dir' does not exist under web/: create it or fix $settings." >&2
  exit 1
fi
echo "settings: $settings OK (config sync in ${sync_dir#../})"
