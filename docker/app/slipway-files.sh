#!/bin/bash
# Fetches the app's synced files into the playground before Apache starts, where Slipway cannot
# write them into the container itself (a Fargate task; docs/data.md, "Files on AWS"). The URL
# (a presigned S3 GET of <app>/files.tar.gz: a credential) comes as the secret SLIPWAY_FILES_URL,
# or as a file named by SLIPWAY_FILES_URL_FILE; the folder, relative to the app's folder, as
# SLIPWAY_FILES_PATH (.slipway.yml playground.files). The archive is treated as untrusted: only
# folders and regular files inside the folder are taken, anything else refuses the whole archive.
# Whatever fails, the site still starts without the files and the log says why, in one line.
set -uo pipefail

readonly APP_FOLDER="${SLIPWAY_APP_FOLDER:-/var/www/app}"
readonly WEB_USER="${APACHE_RUN_USER:-www-data}"

say() { printf 'slipway-files: %s\n' "$*" >&2; }

url="${SLIPWAY_FILES_URL:-}"
if [[ -z "$url" && -n "${SLIPWAY_FILES_URL_FILE:-}" && -r "${SLIPWAY_FILES_URL_FILE}" ]]; then
  url="$(< "$SLIPWAY_FILES_URL_FILE")"
fi
# No files synced, or none handed over (the local engine copies them in itself): nothing to say.
[[ -n "$url" ]] || exit 0

path="${SLIPWAY_FILES_PATH:-}"
if [[ -z "$path" || "$path" == /* || "/$path/" == */../* || "$path" == -* ]]; then
  say "the files folder '$path' is not a path inside the app folder; the site starts without the app's files"
  exit 0
fi
# The URL goes to curl on its standard input, never on a command line (ps would show it); a quote or
# backslash would break out of curl's config syntax.
if [[ ! "$url" =~ ^https?://[^[:space:]\"\\]+$ ]]; then
  say "the files URL is not an http(s) URL; the site starts without the app's files"
  exit 0
fi

app_real="$(realpath -e -- "$APP_FOLDER")"
# A link in the app's code must not turn the files folder into a path elsewhere: checked on the
# resolved path (-m: parts may not exist yet) before any folder is made.
target="$(realpath -m -- "$APP_FOLDER/$path")"
if [[ "$target/" != "$app_real"/?*/ ]]; then
  say "the files folder $path leads outside the app folder; the site starts without the app's files"
  exit 0
fi
mkdir -p -- "$target"

# A link already there (from the app's code) would carry what is unpacked elsewhere.
if [[ -n "$(find "$target" -type l -print -quit)" ]]; then
  say "the files folder $path holds a link; the site starts without the app's files"
  exit 0
fi

archive="$(mktemp /tmp/slipway-files.XXXXXX)"
trap 'rm -f -- "$archive"' EXIT

if ! error="$(printf 'url = "%s"\n' "$url" |
  curl --config - --fail --silent --show-error --retry 3 --connect-timeout 10 --max-time 1800 --output "$archive" 2>&1)"; then
  say "the app's files were not fetched (${error//$'\n'/ }); the site starts without them"
  exit 0
fi

# A store with no files leaves an archive of no bytes (nothing was ever written to its gzip stream): nothing to do.
[[ -s "$archive" ]] || exit 0

# GNU tar lists one member a line (unusual characters escaped): the type is the first letter of the
# long listing, the name what -t prints. --absolute-names shows names as stored (a leading / or ../
# is otherwise stripped from what is listed); nothing is extracted with it.
if ! listing="$(tar -tvzf "$archive" --absolute-names 2>/dev/null)" || ! names="$(tar -tzf "$archive" --absolute-names 2>/dev/null)"; then
  say "the app's files archive is not a readable tar.gz; the site starts without them"
  exit 0
fi
# An archive with no members (the store holds no files) is nothing to do.
[[ -n "$listing" ]] || exit 0
if grep -qv '^[-d]' <<<"$listing"; then
  say "the app's files archive holds a link or special file, refused; the site starts without the files"
  exit 0
fi
while IFS= read -r name; do
  if [[ "$name" == /* || "/$name/" == */../* ]]; then
    say "the app's files archive holds a member outside the folder ($name), refused; the site starts without the files"
    exit 0
  fi
done <<<"$names"

if ! error="$(tar -xzf "$archive" -C "$target" --no-same-owner --no-same-permissions 2>&1)"; then
  say "the app's files were not unpacked (${error//$'\n'/ }); the site starts with what was"
  exit 0
fi
chown -R -- "$WEB_USER:$WEB_USER" "$target"
say "$(grep -c '^-' <<<"$listing") files fetched into $path"
