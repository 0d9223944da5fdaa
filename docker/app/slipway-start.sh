#!/bin/bash
# The app image's entry point: gives the web server the folders it must write to, then runs the
# command (apache2-foreground). The folders come from SLIPWAY_WRITABLE_PATHS, one path per line,
# relative to the app's folder, checked by Slipway when the image was built (.slipway.yml
# playground.writable, or Drupal's sites/*/files). Done at start rather than at build time: files a
# volume or a database restore puts there later need it too, and it costs the build no layer.
# Secrets (the branch database's DATABASE_URL, DB_PASSWORD) come as files; the web server gets them
# as variables too.
set -euo pipefail

readonly APP_FOLDER="${SLIPWAY_APP_FOLDER:-/var/www/app}"
readonly WEB_USER="${APACHE_RUN_USER:-www-data}"

# The app's files, where Slipway hands them over as a URL (a Fargate task): fetched before the writable
# paths are given to the web server. The URL is Slipway's credential, not the branch's code's.
bash /usr/local/bin/slipway-files.sh || true
unset SLIPWAY_FILES_URL
if [[ -n "${SLIPWAY_FILES_URL_FILE:-}" ]]; then
  chmod 0400 -- "$SLIPWAY_FILES_URL_FILE" 2>/dev/null || true
  unset SLIPWAY_FILES_URL_FILE
fi

if [[ -n "${SLIPWAY_WRITABLE_PATHS:-}" ]]; then
  IFS=: read -r -a paths <<<"$SLIPWAY_WRITABLE_PATHS"
  for path in "${paths[@]}"; do
    [[ -n "$path" ]] || continue
    # Checked again here: the image may be run with a hand-set environment.
    if [[ "$path" == /* || "/$path/" == */../* || "$path" == -* ]]; then
      printf 'slipway-start: writable path %s is not inside the app folder, left alone\n' "$path" >&2
      continue
    fi
    mkdir -p -- "$APP_FOLDER/$path"
    chown -R -- "$WEB_USER:$WEB_USER" "$APP_FOLDER/$path"
    printf 'slipway-start: %s is writable by %s\n' "$path" "$WEB_USER" >&2
  done
fi

bash /usr/local/bin/slipway-basic-auth.sh
# The basic-auth password guards every playground and is Slipway's, not the branch's: once htpasswd has it, the
# branch's code (PHP under the web server) gets it neither as a variable nor as a readable file.
unset SLIPWAY_BASIC_AUTH_PASSWORD
if [[ -n "${SLIPWAY_BASIC_AUTH_PASSWORD_FILE:-}" ]]; then
  chmod 0400 -- "$SLIPWAY_BASIC_AUTH_PASSWORD_FILE" 2>/dev/null || true
  unset SLIPWAY_BASIC_AUTH_PASSWORD_FILE
fi

# Secrets arrive as files (docker inspect never shows them): each NAME_FILE that names a file in
# /run/slipway-secrets gives NAME to the web server (getenv() in PHP), and to nothing outside the container.
for file_variable in $(compgen -e); do
  [[ "$file_variable" == *_FILE && "${!file_variable}" == /run/slipway-secrets/* && -r "${!file_variable}" ]] || continue
  export "${file_variable%_FILE}=$(< "${!file_variable}")"
done

exec "$@"
