#!/usr/bin/env bash
# Slipway's test task: runs the app's PHPUnit tests (and Behat features when the app has a
# behat.yml) in the current folder, the app inside the tests image (/var/www/app).
#
# Each runner's JUnit report goes to stdout between marker lines (docs/results-protocol.md):
#   ::slipway:: begin tool=phpunit format=junit
#   <?xml ...?> ...
#   ::slipway:: end tool=phpunit exit=1
# Everything else, the runners' own output included, goes to stderr. When a runner finds nothing to
# run, a note line says why ("::slipway:: note tool=phpunit no tests found: ..."), so that the report
# says "no tests found" rather than "passed".
# Environment: SLIPWAY_PHPUNIT_CONFIG, SLIPWAY_BEHAT_CONFIG (from .slipway.yml tests.phpunit and
# tests.behat, relative to the app's folder) choose the configuration files. SLIPWAY_TEST_RUNNERS (JSON
# from tests.runners) lists runners instead, each reported under its own name (test-runners.sh). For browser tests,
# SLIPWAY_SERVE_DOCROOT (the docroot) makes this script serve the built app on port 8080 first, at
# APP_URL (http://$SLIPWAY_TASK_HOST:8080/, the name the browser beside the task reaches it by);
# WEBDRIVER_URL comes from the platform. Screenshots (*.png) a runner leaves in $SLIPWAY_SCREENSHOTS_DIR
# are named in notes and handed back as base64 blocks (format=png-base64), for the run's report folder.
# The branch database: DB_HOST/PORT/NAME/USER, and DATABASE_URL_FILE, DB_PASSWORD_FILE (secret files);
# the runners get DATABASE_URL and DB_PASSWORD.
# Exit code: 0 when the runners ran, whatever the tests said; 2 when a runner could not run.
set -uo pipefail

readonly APP_DIR="${SLIPWAY_APP_DIR:-$PWD}"
readonly EXIT_RUNNER_FAILED=2
# emit_report, first_existing, tell: beside this script (in the image: /usr/local/bin).
source "$(dirname "${BASH_SOURCE[0]}")/report-markers.sh"
# run_phpunit, run_behat, run_command, run_declared_runners: beside this script too.
source "$(dirname "${BASH_SOURCE[0]}")/test-runners.sh"

# Secrets arrive as files (docker inspect never shows them): each NAME_FILE that names a file in
# /run/slipway-secrets gives NAME to this script's own processes, and to nothing outside the container.
for file_variable in $(compgen -e); do
  [[ "$file_variable" == *_FILE && "${!file_variable}" == /run/slipway-secrets/* && -r "${!file_variable}" ]] || continue
  export "${file_variable%_FILE}=$(< "${!file_variable}")"
done

work_dir="$(mktemp -d)"
server_pid=""
trap 'stop_app_server; rm -rf "$work_dir"' EXIT
runner_failed=0
readonly APP_PORT=8080
export SLIPWAY_SCREENSHOTS_DIR="${SLIPWAY_SCREENSHOTS_DIR:-/tmp/slipway-screenshots}"

note() { printf 'run-tests: %s\n' "$*" >&2; }

# Serves the built app with PHP's own web server, for a browser beside the task to load. Drupal 8+
# ships its router script (.ht.router.php) in the docroot; older sites are served as files.
serve_app() {
  [[ -n "${SLIPWAY_SERVE_DOCROOT:-}" ]] || return 0
  local docroot="$APP_DIR/$SLIPWAY_SERVE_DOCROOT" router=()
  [[ ! -f "$docroot/.ht.router.php" ]] || router=("$docroot/.ht.router.php")
  PHP_CLI_SERVER_WORKERS=4 php -S "0.0.0.0:$APP_PORT" -t "$docroot" "${router[@]}" </dev/null >&2 &
  server_pid=$!
  # Up to a minute for the server to listen; a server that died says so at once.
  local tries=0
  until php -r 'exit(@fsockopen("127.0.0.1", (int) $argv[1]) ? 0 : 1);' "$APP_PORT"; do
    if ! kill -0 "$server_pid" 2>/dev/null || [[ $((tries += 1)) -gt 120 ]]; then
      note "browser: php -S could not serve $SLIPWAY_SERVE_DOCROOT on port $APP_PORT"
      runner_failed=1
      return
    fi
    sleep 0.5
  done
  export APP_URL="http://${SLIPWAY_TASK_HOST:-localhost}:$APP_PORT/"
  note "browser: serving $SLIPWAY_SERVE_DOCROOT at $APP_URL; WebDriver at ${WEBDRIVER_URL:-(none)}"
}

stop_app_server() {
  [[ -z "$server_pid" ]] || kill "$server_pid" 2>/dev/null || true
}

# Hands back the screenshots the runners left of failing browser steps, each as base64 between
# markers (format=png-base64): the log is the only channel out of the task. The name is made a
# plain file name here; a file over 8 MiB is only named.
tell_screenshots() {
  [[ -d "$SLIPWAY_SCREENSHOTS_DIR" ]] || return 0
  local shot name
  while IFS= read -r shot; do
    name="$(basename "$shot")"
    name="${name//[^A-Za-z0-9._-]/-}"
    name="${name#.}"
    [[ ${#name} -le 120 ]] || name="${name:0:112}.png"
    if [[ $(stat -c %s "$shot") -gt $((8 * 1024 * 1024)) ]]; then
      tell browser "screenshot of a failing step: $shot (over 8 MiB, not attached)"
      continue
    fi
    tell browser "screenshot of a failing step: $shot"
    printf '::slipway:: begin tool=browser format=png-base64 name=%s\n' "$name"
    base64 -w 76 "$shot"
    printf '::slipway:: end tool=browser exit=0\n'
  done < <(find "$SLIPWAY_SCREENSHOTS_DIR" -type f -name '*.png' | LC_ALL=C sort)
}

main() {
  cd "$APP_DIR" || {
    note "the app folder $APP_DIR does not exist: run this script in the app's folder"
    exit "$EXIT_RUNNER_FAILED"
  }
  mkdir -p "$SLIPWAY_SCREENSHOTS_DIR"
  serve_app
  if [[ -n "${SLIPWAY_TEST_RUNNERS:-}" ]]; then
    run_declared_runners
  else
    run_phpunit phpunit "${SLIPWAY_PHPUNIT_CONFIG:-}" tests.phpunit
    run_behat behat "${SLIPWAY_BEHAT_CONFIG:-}" tests.behat
  fi
  tell_screenshots
  if [[ $runner_failed -ne 0 ]]; then
    exit "$EXIT_RUNNER_FAILED"
  fi
}

main "$@"
