#!/usr/bin/env bash
# Slipway's build step, run inside the builder container (docker/builder/Dockerfile):
#   1. composer install (no dev packages), skipped when its inputs did not change or when vendor/
#      already holds what composer.lock names (build-app-composer.sh beside this script)
#   2. every theme or module with a package.json: npm ci, npm run build, skipped when unchanged
#   3. the app's build commands (build.commands in .slipway.yml), in order
#   4. hooks in name order: Slipway's defaults, then the app's own devops_hooks/
#   5. .slipway/build.json: which app, branch, commit and build produced this tree
# Commands and hooks find the app's own tools first (vendor/bin on PATH); a drush the app does not
# ship says how to add it.
#
# Mounts: the app's working copy at /app (read-write), Slipway's default hooks at
# /slipway/devops_hooks (read-only), a cache at /cache. Environment: SLIPWAY_APP,
# SLIPWAY_BRANCH, SLIPWAY_COMMIT, SLIPWAY_BUILD_ID, DB_HOST/PORT/NAME/USER, and for each secret
# (DATABASE_URL, DB_PASSWORD) NAME_FILE naming its file in /run/slipway-secrets; the hooks get NAME.
# From .slipway.yml, checked by Slipway: SLIPWAY_COMPOSER and SLIPWAY_THEMES (0 skips the step),
# SLIPWAY_BUILD_COMMANDS (one command a line), SLIPWAY_HOOKS_FOLDER (the app's hooks folder, relative),
# SLIPWAY_DEFAULT_HOOKS (0 leaves Slipway's out), COMPOSER_IGNORE_PLATFORM_REQ (composer's own).
# Exits 0 only when every step succeeded; a failing step's exit code otherwise.
set -Eeuo pipefail

readonly APP_DIR="${SLIPWAY_APP_DIR:-/app}"
readonly DEFAULT_HOOKS_DIR="${SLIPWAY_DEFAULT_HOOKS_DIR:-/slipway/devops_hooks}"
readonly CACHE_DIR="${SLIPWAY_CACHE_DIR:-/cache}"
readonly COMPOSER_FLAGS="--no-dev --no-interaction --no-progress --optimize-autoloader"
readonly THEME_HASH_FILE="dist/.slipway-hash"
readonly NODE_MODULES_HASH_FILE="node_modules/.slipway-hash"
readonly HOOKS_FOLDER="${SLIPWAY_HOOKS_FOLDER:-devops_hooks}"
DRUSH_ADVICE_DIR=""
# shellcheck source=docker/builder/build-app-composer.sh
source "$(dirname "${BASH_SOURCE[0]}")/build-app-composer.sh"

export SLIPWAY_APP="${SLIPWAY_APP:-unknown}"
export SLIPWAY_BRANCH="${SLIPWAY_BRANCH:-unknown}"
export SLIPWAY_COMMIT="${SLIPWAY_COMMIT:-unknown}"
export SLIPWAY_BUILD_ID="${SLIPWAY_BUILD_ID:-unknown}"
export SLIPWAY_APP_DIR="$APP_DIR"
# Secrets arrive as files (docker inspect never shows them): each NAME_FILE that names a file in
# /run/slipway-secrets gives NAME to this script's own processes, and to nothing outside the container.
for file_variable in $(compgen -e); do
  [[ "$file_variable" == *_FILE && "${!file_variable}" == /run/slipway-secrets/* && -r "${!file_variable}" ]] || continue
  export "${file_variable%_FILE}=$(< "${!file_variable}")"
done

fail() {
  printf '%s\n' "$1" >&2
  exit "${2:-1}"
}

# A content hash of a folder: relative paths and file contents, leaving out what builds produce.
tree_hash() {
  local dir="$1"
  (
    cd "$dir" &&
      find . \( -name node_modules -o -name dist -o -name vendor -o -name .git \) -prune -o -type f -print0 |
      LC_ALL=C sort -z | xargs -0 -r sha256sum
  ) | sha256sum | cut -d' ' -f1
}

prepare_environment() {
  [[ -d "$APP_DIR" ]] || fail "build: $APP_DIR is missing: mount the app's working copy there."
  [[ -w "$APP_DIR" ]] || fail "build: $APP_DIR is read-only: mount the app's working copy read-write."
  if ! mkdir -p "$CACHE_DIR" 2>/dev/null || [[ ! -w "$CACHE_DIR" ]]; then
    printf 'build: cache %s is not writable, caching in /tmp for this build only\n' "$CACHE_DIR" >&2
    CACHE_DIR_IN_USE="/tmp/slipway-cache"
    mkdir -p "$CACHE_DIR_IN_USE"
  fi
  local cache="${CACHE_DIR_IN_USE:-$CACHE_DIR}"
  export COMPOSER_CACHE_DIR="$cache/composer"
  export COMPOSER_HOME="$cache/composer-home"
  export COMPOSER_ALLOW_SUPERUSER=1
  export npm_config_cache="$cache/npm"
  export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
  export npm_config_prefer_offline=true
  # The working copy usually belongs to another user than the container's; composer and npm
  # ask git about it, and git would refuse with "dubious ownership".
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0='*'
}

build_front_end() {
  local dir="$1" name="${1#"$APP_DIR"/}"
  name="${name%/}"
  local source_hash
  source_hash="$(tree_hash "$dir")"
  if [[ -f "$dir/$THEME_HASH_FILE" && "$(cat "$dir/$THEME_HASH_FILE")" == "$source_hash" ]]; then
    echo "theme $name: up to date, skipped"
    return
  fi
  local started=$SECONDS status=0
  # errexit does not apply inside a subshell tested with ||, hence the explicit exits.
  (
    cd "$dir" || exit
    rm -f "$THEME_HASH_FILE"
    lock_hash="$(cat package.json package-lock.json npm-shrinkwrap.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
    if [[ -f "$NODE_MODULES_HASH_FILE" && "$(cat "$NODE_MODULES_HASH_FILE")" == "$lock_hash" ]]; then
      echo "theme $name: dependencies up to date, npm ci skipped"
    elif [[ -f package-lock.json || -f npm-shrinkwrap.json ]]; then
      echo "theme $name: npm ci"
      npm ci </dev/null || exit
    else
      echo "theme $name: no package-lock.json, npm install"
      npm install </dev/null || exit
    fi
    mkdir -p node_modules && printf '%s\n' "$lock_hash" >"$NODE_MODULES_HASH_FILE" || exit
    if node -e 'process.exit((require("./package.json").scripts || {}).build ? 0 : 1)'; then
      echo "theme $name: npm run build"
      npm run build </dev/null || exit
    else
      echo "theme $name: no build script in package.json, nothing to build"
    fi
  ) || status=$?
  [[ $status -eq 0 ]] || fail "theme $name: build failed with exit code $status" "$status"
  mkdir -p "$dir/dist"
  printf '%s\n' "$source_hash" >"$dir/$THEME_HASH_FILE"
  echo "theme $name: built in $((SECONDS - started)) s"
}

build_front_ends() {
  if [[ "${SLIPWAY_THEMES:-1}" == "0" ]]; then
    echo "themes: skipped (build.themes is false in .slipway.yml)"
    return
  fi
  local dir found=0
  # Custom themes and modules in every docroot layout: web/ (composer projects), docroot/ (Acquia),
  # public/, html/, the repository root (Drupal 8+) and sites/all/ (Drupal 7).
  for dir in "$APP_DIR"/{web/,docroot/,public/,html/,,sites/all/}{themes,modules}/custom/*/; do
    [[ -f "$dir/package.json" ]] || continue
    found=1
    build_front_end "${dir%/}"
  done
  [[ $found -eq 1 ]] || echo "themes: no package.json under themes/custom or modules/custom, skipped"
}

# Commands and hooks find the app's own tools (vendor/bin) first. A drush the app does not ship would
# otherwise fail as "drush: command not found": a stand-in placed last on PATH says how to add it.
prepare_app_tools() {
  DRUSH_ADVICE_DIR="$(mktemp -d)"
  cat >"$DRUSH_ADVICE_DIR/drush" <<'SCRIPT'
#!/bin/sh
touch "$(dirname "$0")/.used"
echo "drush: this app does not ship drush (no vendor/bin/drush): add it with 'composer require drush/drush' and commit composer.json and composer.lock." >&2
exit 127
SCRIPT
  chmod 0755 "$DRUSH_ADVICE_DIR/drush"
  export PATH="$APP_DIR/vendor/bin:$PATH:$DRUSH_ADVICE_DIR"
}

# The end of a failed command's or hook's sentence: the drush advice when that is what went wrong.
drush_advice() {
  [[ -f "$DRUSH_ADVICE_DIR/.used" ]] || return 0
  printf ': it called drush, which this app does not ship: add it with composer require drush/drush'
}

# Runs the app's build commands (build.commands in .slipway.yml), one a line, each as a small bash
# script of its own in the app's folder, like a hook.
run_build_commands() {
  if [[ -z "${SLIPWAY_BUILD_COMMANDS:-}" ]]; then
    return
  fi
  local commands=() command script status number=0
  mapfile -t commands <<<"$SLIPWAY_BUILD_COMMANDS"
  script="$(mktemp)"
  for command in "${commands[@]}"; do
    [[ -n "$command" ]] || continue
    number=$((number + 1))
    echo "build command $number: $command"
    printf '%s\n' "$command" >"$script"
    status=0
    (cd "$APP_DIR" && bash "$script" </dev/null) || status=$?
    [[ $status -eq 0 ]] || fail "Build command $number ($command) failed with exit code $status$(drush_advice)" "$status"
  done
  rm -f "$script"
}

# Runs every regular file of a hooks folder with bash (no executable bit needed), in name order.
run_hooks() {
  local dir="$1" label="$2"
  if [[ ! -d "$dir" ]]; then
    echo "hooks: no $label, skipped"
    return
  fi
  local hooks=() hook name status
  mapfile -d '' hooks < <(find "$dir" -mindepth 1 -maxdepth 1 -type f ! -name '.*' ! -name '*.md' ! -name '*.txt' -print0 | LC_ALL=C sort -z)
  if [[ ${#hooks[@]} -eq 0 ]]; then
    echo "hooks: $label has no hooks"
    return
  fi
  for hook in "${hooks[@]}"; do
    name="$(basename "$hook")"
    echo "hook $label/$name: running"
    status=0
    (cd "$APP_DIR" && bash "$hook" </dev/null) || status=$?
    [[ $status -eq 0 ]] || fail "Hook $name failed with exit code $status$(drush_advice)" "$status"
  done
}

write_build_record() {
  mkdir -p "$APP_DIR/.slipway"
  php -r 'echo json_encode([
      "app" => getenv("SLIPWAY_APP"),
      "branch" => getenv("SLIPWAY_BRANCH"),
      "commit" => getenv("SLIPWAY_COMMIT"),
      "build_id" => getenv("SLIPWAY_BUILD_ID"),
      "built_at" => gmdate("Y-m-d\TH:i:s\Z"),
    ], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";' >"$APP_DIR/.slipway/build.json.tmp"
  mv "$APP_DIR/.slipway/build.json.tmp" "$APP_DIR/.slipway/build.json"
  echo "build record: wrote .slipway/build.json"
}

main() {
  local started=$SECONDS
  prepare_environment
  echo "build: app $SLIPWAY_APP, branch $SLIPWAY_BRANCH, commit ${SLIPWAY_COMMIT:0:7}, build $SLIPWAY_BUILD_ID"
  cd "$APP_DIR"
  install_composer_packages
  build_front_ends
  prepare_app_tools
  run_build_commands
  if [[ "${SLIPWAY_DEFAULT_HOOKS:-1}" == "0" ]]; then
    echo "hooks: Slipway's default hooks left out (hooks.slipway_defaults is false in .slipway.yml)"
  else
    run_hooks "$DEFAULT_HOOKS_DIR" "slipway"
  fi
  run_hooks "$APP_DIR/$HOOKS_FOLDER" "$HOOKS_FOLDER"
  write_build_record
  echo "build: done in $((SECONDS - started)) s"
}

main "$@"
