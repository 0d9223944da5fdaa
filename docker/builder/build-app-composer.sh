# Slipway's composer step, sourced by build-app.sh (not run on its own). It runs in the app's
# folder and decides between three outcomes:
#   - skipped: the inputs (composer.json, composer.lock, path packages, PHP, flags) are those of the
#     last install Slipway made here;
#   - used as is: vendor/ holds exactly the packages composer.lock names (a committed vendor/);
#   - installed: composer install ran; when it fails, composer's own problem lines are repeated on
#     stderr and the last line names the first of them, so that the build's one-line reason is
#     composer's reason and not only an exit code.
# Environment: COMPOSER_FLAGS (set by build-app.sh), COMPOSER_IGNORE_PLATFORM_REQ (composer's own
# variable, from build.composer_ignore_platform in .slipway.yml).

readonly COMPOSER_HASH_FILE="vendor/.slipway-composer-hash"
readonly COMPOSER_PROBLEMS_SHOWN=20

composer_inputs_hash() {
  {
    printf 'flags %s php %s ignore %s\n' "$COMPOSER_FLAGS" "$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')" \
      "${COMPOSER_IGNORE_PLATFORM_REQ:-}"
    sha256sum composer.json
    [[ ! -f composer.lock ]] || sha256sum composer.lock
    # Path repositories are copied into vendor/ but their code changes do not touch the lock.
    local pattern dir
    while IFS= read -r pattern; do
      for dir in $pattern; do
        [[ -d "$dir" ]] && printf '%s %s\n' "$dir" "$(tree_hash "$dir")"
      done
    done < <(php -r '$c = json_decode((string) file_get_contents("composer.json"), true);
      foreach ((array) ($c["repositories"] ?? []) as $r) {
        if (is_array($r) && ($r["type"] ?? "") === "path" && is_string($r["url"] ?? null)) { echo $r["url"], "\n"; }
      }')
  } | sha256sum | cut -d' ' -f1
}

# Succeeds when vendor/ already holds every package composer.lock asks for, at the locked version and
# reference: a vendor/ committed with the lock. Path packages never count as matching, since their
# code can change without the lock changing.
vendor_matches_lock() {
  [[ -f composer.lock && -f vendor/autoload.php && -f vendor/composer/installed.json ]] || return 1
  php -r '
    $lock = json_decode((string) file_get_contents("composer.lock"), true);
    $installed = json_decode((string) file_get_contents("vendor/composer/installed.json"), true);
    if (!is_array($lock) || !is_array($installed)) { exit(1); }
    // composer 2 wraps the list in "packages"; composer 1 wrote the list itself.
    $present = [];
    foreach ((array) ($installed["packages"] ?? $installed) as $p) {
      if (is_array($p) && is_string($p["name"] ?? null)) { $present[strtolower($p["name"])] = $p; }
    }
    foreach ((array) ($lock["packages"] ?? []) as $p) {
      $name = strtolower((string) ($p["name"] ?? ""));
      $have = $present[$name] ?? null;
      if ($have === null || ($p["dist"]["type"] ?? "") === "path") { exit(1); }
      if (($have["version"] ?? null) !== ($p["version"] ?? null)) { exit(1); }
      $ref = $p["dist"]["reference"] ?? $p["source"]["reference"] ?? null;
      $haveRef = $have["dist"]["reference"] ?? $have["source"]["reference"] ?? null;
      if ($ref !== null && $haveRef !== null && $ref !== $haveRef) { exit(1); }
    }
    exit(0);'
}

# Path repository packages keep their lock reference when only their code changes, so composer
# would keep the stale copy in vendor/: removing it makes composer mirror the package again.
remove_path_packages() {
  [[ -f composer.lock && -d vendor ]] || return 0
  local package
  while IFS= read -r package; do
    [[ -n "$package" && "$package" != *..* ]] && rm -rf "vendor/$package"
  done < <(php -r '$l = json_decode((string) file_get_contents("composer.lock"), true);
    foreach (array_merge($l["packages"] ?? [], $l["packages-dev"] ?? []) as $p) {
      if (($p["dist"]["type"] ?? "") === "path" && is_string($p["name"] ?? null)) { echo $p["name"], "\n"; }
    }')
  return 0
}

# The lines under composer's "Problem N" headings ("- drupal/core 8.9.20 requires ext-gd * -> ..."),
# one per line, without the leading dash.
composer_problems() {
  local output="$1"
  awk '
    /^[[:space:]]*Problem [0-9]+[[:space:]]*$/ { in_problem = 1; next }
    in_problem && /^[[:space:]]+- / { sub(/^[[:space:]]+- /, ""); print; next }
    in_problem && /^[[:space:]]*$/ { in_problem = 0 }
  ' "$output"
}

# Says why composer failed in composer's words, then exits with its status.
fail_with_composer_problems() {
  local status="$1" output="$2"
  local problems=()
  mapfile -t problems < <(composer_problems "$output")
  if [[ ${#problems[@]} -eq 0 ]]; then
    fail "composer: install failed with exit code $status (its last lines are above)" "$status"
  fi
  local problem
  for problem in "${problems[@]:0:$COMPOSER_PROBLEMS_SHOWN}"; do
    printf 'composer problem: %s\n' "$problem" >&2
  done
  # With a lock file, each problem opens with "X is locked to version N and an update of this package was
  # not requested": true, but the line after it says what is wrong.
  local headline="${problems[0]}"
  for problem in "${problems[@]}"; do
    if [[ "$problem" != *" and an update of this package was not requested"* ]]; then
      headline="$problem"
      break
    fi
  done
  local more=""
  [[ ${#problems[@]} -le 1 ]] || more=" (and $((${#problems[@]} - 1)) more problem lines above)"
  fail "composer: install failed with exit code $status: $headline$more" "$status"
}

install_composer_packages() {
  if [[ "${SLIPWAY_COMPOSER:-1}" == "0" ]]; then
    echo "composer: skipped (build.composer is false in .slipway.yml)"
    return
  fi
  if [[ ! -f composer.json ]]; then
    echo "composer: no composer.json, skipped"
    return
  fi
  local hash
  hash="$(composer_inputs_hash)"
  if [[ -f vendor/autoload.php && -f "$COMPOSER_HASH_FILE" && "$(cat "$COMPOSER_HASH_FILE")" == "$hash" ]]; then
    echo "composer: up to date, skipped"
    return
  fi
  if vendor_matches_lock; then
    echo "composer: vendor/ already holds the packages composer.lock names, used as is"
    printf '%s\n' "$hash" >"$COMPOSER_HASH_FILE"
    return
  fi
  local reason="composer.json, composer.lock or a path package changed"
  [[ -f vendor/autoload.php ]] || reason="no vendor/ yet"
  [[ -f composer.lock ]] || reason="no composer.lock, resolving versions"
  echo "composer: install ($reason)"
  local started=$SECONDS status=0 output
  output="$(mktemp)"
  # A half-finished install must not look intact to the next build.
  rm -f "$COMPOSER_HASH_FILE"
  remove_path_packages
  # composer's messages stay on screen as they come, and are kept to find its problem lines after.
  # shellcheck disable=SC2086 # the flags are meant to split into words
  composer install $COMPOSER_FLAGS </dev/null 2>&1 | tee "$output" || status=$?
  if [[ $status -ne 0 ]]; then
    fail_with_composer_problems "$status" "$output"
  fi
  rm -f "$output"
  printf '%s\n' "$hash" >"$COMPOSER_HASH_FILE"
  echo "composer: installed in $((SECONDS - started)) s"
}
