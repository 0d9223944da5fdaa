#!/bin/bash
# Optional HTTP basic auth for the playground, set up when the container starts (never in the image).
#   SLIPWAY_BASIC_AUTH_USER            the user name (not a secret); unset: no auth, nothing is done
#   SLIPWAY_BASIC_AUTH_PASSWORD_FILE   a file holding the password, mounted for the container (a secret:
#                                      never in the image, never in the container's environment)
#   SLIPWAY_BASIC_AUTH_PASSWORD        the password itself, read only when no file is named: a platform that
#                                      injects secrets at start (ECS secrets) sets it (see TaskSecrets)
#   SLIPWAY_BASIC_AUTH_OPEN_PATHS      URL paths answered without credentials, separated by ':' (the
#                                      readiness path Slipway probes, the app's webhook paths)
# The password goes to htpasswd on its standard input, never as an argument (a process list shows those).
set -euo pipefail

readonly USER_NAME="${SLIPWAY_BASIC_AUTH_USER:-}"
readonly PASSWORD_FILE="${SLIPWAY_BASIC_AUTH_PASSWORD_FILE:-/run/secrets/slipway/playground-password}"
readonly USERS_FILE=/etc/apache2/slipway-basic-auth.users
readonly CONF_FILE=/etc/apache2/conf-enabled/slipway-basic-auth.conf

[[ -n "$USER_NAME" ]] || exit 0
if [[ ! "$USER_NAME" =~ ^[A-Za-z0-9._@-]{1,64}$ ]]; then
  printf 'slipway-start: the basic auth user name must be 1-64 letters, digits or . _ @ -: fix SLIPWAY_BASIC_AUTH_USER\n' >&2
  exit 1
fi
if [[ -z "${SLIPWAY_BASIC_AUTH_PASSWORD_FILE:-}" && -n "${SLIPWAY_BASIC_AUTH_PASSWORD:-}" ]]; then
  # printf is a builtin: the password is in no process's argument list.
  printf '%s\n' "$SLIPWAY_BASIC_AUTH_PASSWORD" | tr -d '\r\n' | htpasswd -ciB "$USERS_FILE" "$USER_NAME" 2>/dev/null
elif [[ ! -s "$PASSWORD_FILE" ]]; then
  printf 'slipway-start: basic auth is on for %s but the password file %s is missing or empty: mount the secret there\n' "$USER_NAME" "$PASSWORD_FILE" >&2
  exit 1
else
  head -n 1 -- "$PASSWORD_FILE" | tr -d '\r\n' | htpasswd -ciB "$USERS_FILE" "$USER_NAME" 2>/dev/null
fi
chown "root:${APACHE_RUN_GROUP:-www-data}" "$USERS_FILE"
chmod 0640 "$USERS_FILE"

{
  printf '<Location "/">\n  AuthType Basic\n  AuthName "Slipway playground"\n  AuthUserFile %s\n  Require valid-user\n</Location>\n' "$USERS_FILE"
  IFS=: read -r -a open_paths <<<"${SLIPWAY_BASIC_AUTH_OPEN_PATHS:-}"
  for path in "${open_paths[@]}"; do
    [[ -n "$path" ]] || continue
    # Checked again here: the image may be run with a hand-set environment.
    if [[ ! "$path" =~ ^/[A-Za-z0-9._~/-]*$ ]]; then
      printf 'slipway-start: open path %s is not a plain URL path, left behind the auth\n' "$path" >&2
      continue
    fi
    # A later section replaces the earlier one's Require for the paths it matches.
    printf '<Location "%s">\n  Require all granted\n</Location>\n' "$path"
  done
} >"$CONF_FILE"
printf 'slipway-start: basic auth on for user %s\n' "$USER_NAME" >&2
