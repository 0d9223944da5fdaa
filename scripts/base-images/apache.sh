# Apache for the php-apache base image, as the official php:*-apache image sets it up (sourced by
# scripts/make-base-images.sh, not run). Uses from the sourcing script: in_tree, fail_with_log.

configure_apache() {
  local root="$1"
  # The official image's recommended way to move the document root, applied here once so that
  # APACHE_DOCUMENT_ROOT also works at run time on this base.
  sed -ri -e 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' "$root"/etc/apache2/sites-available/*.conf
  sed -ri -e 's!/var/www/!${APACHE_DOCUMENT_ROOT}!g' "$root/etc/apache2/apache2.conf"
  printf '\n# Slipway: default document root, overridden by the environment.\n: "${APACHE_DOCUMENT_ROOT:=/var/www/html}"\nexport APACHE_DOCUMENT_ROOT\n' \
    >>"$root/etc/apache2/envvars"
  cat >"$root/etc/apache2/conf-available/slipway-php.conf" <<'EOF'
# PHP front controllers and .htaccess files work under the document root, as in php:*-apache.
DirectoryIndex disabled
DirectoryIndex index.php index.html
<Directory ${APACHE_DOCUMENT_ROOT}>
    Options -Indexes +FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
EOF
  in_tree "$root" a2enconf slipway-php || fail_with_log "a2enconf failed."
  in_tree "$root" a2enmod rewrite || fail_with_log "a2enmod rewrite failed."

  local log_dir="$root/var/log/apache2"
  mkdir -p "$log_dir"
  ln -sfT /dev/stderr "$log_dir/error.log"
  ln -sfT /dev/stdout "$log_dir/access.log"
  ln -sfT /dev/stdout "$log_dir/other_vhosts_access.log"
  rm -f "$root/var/www/html/index.html"

  cat >"$root/usr/local/bin/apache2-foreground" <<'EOF'
#!/bin/bash
# Runs Apache in the foreground as the container's main process; logs go to stdout/stderr.
set -e
: "${APACHE_CONFDIR:=/etc/apache2}"
: "${APACHE_ENVVARS:=$APACHE_CONFDIR/envvars}"
if [ -f "$APACHE_ENVVARS" ]; then
  . "$APACHE_ENVVARS"
fi
: "${APACHE_RUN_DIR:=/var/run/apache2}"
: "${APACHE_LOCK_DIR:=/var/lock/apache2}"
: "${APACHE_LOG_DIR:=/var/log/apache2}"
mkdir -p "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"
# A pid file left by a killed container would stop Apache from starting again.
rm -f "${APACHE_PID_FILE:-$APACHE_RUN_DIR/apache2.pid}"
exec apache2 -DFOREGROUND "$@"
EOF
  chmod 0755 "$root/usr/local/bin/apache2-foreground"
}
