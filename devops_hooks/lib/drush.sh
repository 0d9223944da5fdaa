# Sourced by Slipway's default drush hooks (this folder is not run as a hook itself).
# They run with the app's working copy as the current folder.

# Succeeds when the app is a Drupal site with drush and a database to run it against;
# otherwise prints the one line that says why the hook does nothing.
drush_hook_applies() {
  local hook="$1"
  if [[ ! -f vendor/bin/drush ]]; then
    echo "$hook: not a Drupal app with drush (no vendor/bin/drush), skipped"
    return 1
  fi
  if [[ -z "${DATABASE_URL:-}" ]]; then
    echo "$hook: no database configured, skipping drush hooks"
    return 1
  fi
}

# Runs the app's drush; the app's settings.php reads DATABASE_URL from the environment.
run_drush() {
  if [[ -x vendor/bin/drush ]]; then
    vendor/bin/drush "$@"
  else
    php vendor/bin/drush "$@"
  fi
}
