# shellcheck shell=bash
# Sourced by scripts/make-base-images.sh: makes slipway-base/mariadb:10.11, Slipway's offline database
# server image (Debian bookworm's mariadb-server and its client tools; the entry point is
# docker/mariadb/slipway-mariadb-start.sh). Uses prepare_tree, install_packages and import_tree.

readonly MARIADB_IMAGE="slipway-base/mariadb:10.11"
readonly MARIADB_PACKAGES="mariadb-server mariadb-client"

make_mariadb_image() {
  local root="$1"
  prepare_tree "$root"
  say "install the database server: $MARIADB_PACKAGES"
  install_packages "$root" "$MARIADB_PACKAGES"
  install -m 0755 "$(dirname "${BASH_SOURCE[0]}")/../../docker/mariadb/slipway-mariadb-start.sh" \
    "$root/usr/local/bin/slipway-mariadb-start.sh"
  # The package's own first database would shadow the volume's: the start script makes it there.
  rm -rf "${root:?}/var/lib/mysql/"*
  import_tree "$root" "$MARIADB_IMAGE" "${common_changes[@]}" \
    -c 'LABEL org.opencontainers.image.title=slipway-base/mariadb' \
    -c 'VOLUME /var/lib/mysql' -c 'EXPOSE 3306' \
    -c 'ENTRYPOINT ["bash", "/usr/local/bin/slipway-mariadb-start.sh"]'
}
