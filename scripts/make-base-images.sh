#!/usr/bin/env bash
# Makes Slipway's offline base images from Debian, for machines that cannot pull
# php:8.2-apache and friends from a registry (--php picks the version: 7.4 from bullseye, 8.2 from
# bookworm, the default, 8.4 from trixie):
#
#   slipway-base/php-apache:8.2   php + Apache, like the official php:8.2-apache, with the
#                                 extensions Drupal needs (gd, pdo_mysql, mysqli, opcache, intl,
#                                 zip, xml, mbstring, curl, apcu)
#   slipway-base/php-builder:8.2  the same plus composer, nodejs, npm, git, unzip
#   slipway-base/phpqa:8.2        the same php plus phpunit, phpcs, phpmd, phpcpd, phploc
#
# One debootstrap serves all three: the tree is imported, then more packages go into it (or
# into a copy of it) and it is imported again. Images that exist are skipped unless --force.
# Needs root (debootstrap, chroot, mount), a Docker engine and Debian's package mirror.
set -Eeuo pipefail

PHP_VERSION=8.2
PHP_APACHE_IMAGE=""
BUILDER_IMAGE=""
PHPQA_IMAGE=""
SUITE=""
readonly MIRROR="${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly SECURITY_MIRROR="${SLIPWAY_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

readonly PHP_APACHE_PACKAGES="apache2 libapache2-mod-php php-cli php-xml php-mbstring php-curl \
php-mysql php-zip php-gd php-intl php-apcu ca-certificates curl"
# Useful (SQLite for an app's kernel tests) but not needed to serve Drupal: left out with a warning
# when the mirror cannot serve them, as a partial mirror may not for an old release's updates.
readonly PHP_OPTIONAL_PACKAGES="php-sqlite3"
readonly PHPQA_PACKAGES="phpunit"
# Debian 13 (trixie, PHP 8.4) no longer ships these: its phpqa image has phpunit and php -l only, and
# the analysis says which tools the image lacks.
readonly PHPQA_OPTIONAL_PACKAGES="php-codesniffer phpmd phpcpd phploc"
readonly BUILDER_PACKAGES="composer nodejs npm git unzip"

work_dir=""
log_file=""

# make_mariadb_image (--mariadb)
source "$(dirname "${BASH_SOURCE[0]}")/base-images/mariadb.sh"

usage() {
  cat <<'EOF'
Usage: scripts/make-base-images.sh [--php 7.4|8.2|8.4] [--mariadb] [--force]

Builds slipway-base/php-apache:<php>, slipway-base/php-builder:<php> and slipway-base/phpqa:<php>
on the local Docker engine from a Debian debootstrap (run as root, takes a few minutes).

  --php V   the PHP version: 7.4 (Debian bullseye), 8.2 (bookworm, the default), 8.4 (trixie)
  --mariadb make slipway-base/mariadb:10.11 instead (Debian's mariadb-server, Slipway's kept database server)
  --force   rebuild images that already exist
  -h        show this help

Environment: SLIPWAY_DEBIAN_MIRROR, SLIPWAY_DEBIAN_SECURITY_MIRROR override the package mirrors.
EOF
}

# shellcheck source=scripts/base-images/debian-tree.sh
source "$(dirname "${BASH_SOURCE[0]}")/base-images/debian-tree.sh"
# shellcheck source=scripts/base-images/apache.sh
source "$(dirname "${BASH_SOURCE[0]}")/base-images/apache.sh"

common_changes=(
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  -c 'ENV LANG=C.UTF-8'
  -c 'LABEL org.opencontainers.image.vendor=Slipway'
)

main() {
  local force=0 mariadb=0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --force) force=1 ;;
      --mariadb) mariadb=1 ;;
      --php)
        [[ $# -ge 2 ]] || die "--php needs a version: 7.4, 8.2 or 8.4."
        PHP_VERSION="$2"
        shift
        ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option '$1'." ;;
    esac
    shift
  done

  # Debian ships one PHP per release: the version decides the suite.
  case "$PHP_VERSION" in
    7.4) SUITE=bullseye ;;
    8.2) SUITE=bookworm ;;
    8.4) SUITE=trixie ;;
    *) die "no Debian release ships PHP $PHP_VERSION: pass --php 7.4, 8.2 or 8.4 (or use the official php:$PHP_VERSION images)." ;;
  esac
  readonly PHP_VERSION SUITE
  PHP_APACHE_IMAGE="slipway-base/php-apache:$PHP_VERSION"
  BUILDER_IMAGE="slipway-base/php-builder:$PHP_VERSION"
  PHPQA_IMAGE="slipway-base/phpqa:$PHP_VERSION"
  readonly PHP_APACHE_IMAGE BUILDER_IMAGE PHPQA_IMAGE
  common_changes+=(-c "LABEL org.opencontainers.image.base.name=debian:$SUITE")

  [[ $EUID -eq 0 ]] || die "needs root (debootstrap, chroot and mount): run it with sudo."
  local tool
  for tool in debootstrap docker tar chroot numfmt; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed: install it first (apt-get install debootstrap docker.io)."
  done
  docker info >/dev/null 2>&1 || die "no Docker engine answers: start dockerd or set DOCKER_HOST."

  if [[ $mariadb -eq 1 ]]; then
    make_only_mariadb "$force"
    return 0
  fi

  local want_apache=0 want_builder=0 want_qa=0
  image_exists "$PHP_APACHE_IMAGE" && [[ $force -eq 0 ]] || want_apache=1
  image_exists "$BUILDER_IMAGE" && [[ $force -eq 0 ]] || want_builder=1
  image_exists "$PHPQA_IMAGE" && [[ $force -eq 0 ]] || want_qa=1
  local image
  for image in "$PHP_APACHE_IMAGE" "$BUILDER_IMAGE" "$PHPQA_IMAGE"; do
    if image_exists "$image" && [[ $force -eq 0 ]]; then
      say "skip $image (exists; --force rebuilds it)"
    fi
  done
  if [[ $((want_apache + want_builder + want_qa)) -eq 0 ]]; then
    return 0
  fi

  local started=$SECONDS
  open_work_dir
  local root="$work_dir/rootfs"

  prepare_tree "$root"
  say "install php + apache: $PHP_APACHE_PACKAGES"
  install_packages "$root" "$PHP_APACHE_PACKAGES"
  install_optional_packages "$root" "$PHP_OPTIONAL_PACKAGES"
  configure_apache "$root"
  if [[ $want_apache -eq 1 ]]; then
    import_tree "$root" "$PHP_APACHE_IMAGE" "${common_changes[@]}" \
      -c 'LABEL org.opencontainers.image.title=slipway-base/php-apache' \
      -c 'ENV APACHE_DOCUMENT_ROOT=/var/www/html' -c 'WORKDIR /var/www/html' -c 'EXPOSE 80' \
      -c 'CMD ["apache2-foreground"]'
  fi

  if [[ $want_qa -eq 1 ]]; then
    local qa_root="$work_dir/rootfs-qa"
    if [[ $want_builder -eq 1 ]]; then
      cp -a "$root" "$qa_root"
    else
      qa_root="$root"
    fi
    say "install QA tools: $PHPQA_PACKAGES"
    install_packages "$qa_root" "$PHPQA_PACKAGES"
    install_optional_packages "$qa_root" "$PHPQA_OPTIONAL_PACKAGES"
    import_tree "$qa_root" "$PHPQA_IMAGE" "${common_changes[@]}" \
      -c 'LABEL org.opencontainers.image.title=slipway-base/phpqa' \
      -c 'WORKDIR /var/www/app' -c 'CMD ["bash"]'
    [[ "$qa_root" == "$root" ]] || rm -rf --one-file-system "$qa_root"
  fi

  if [[ $want_builder -eq 1 ]]; then
    say "install build tools: $BUILDER_PACKAGES"
    install_packages "$root" "$BUILDER_PACKAGES"
    import_tree "$root" "$BUILDER_IMAGE" "${common_changes[@]}" \
      -c 'LABEL org.opencontainers.image.title=slipway-base/php-builder' \
      -c 'WORKDIR /app' -c 'CMD ["bash"]'
  fi
  say "done in $((SECONDS - started)) s"
}

make_only_mariadb() {
  local force="$1"
  if image_exists "$MARIADB_IMAGE" && [[ $force -eq 0 ]]; then
    say "skip $MARIADB_IMAGE (exists; --force rebuilds it)"
    return 0
  fi
  local started=$SECONDS
  open_work_dir
  [[ "$SUITE" == bookworm ]] || die "--mariadb makes the bookworm image (MariaDB 10.11): leave out --php."
  make_mariadb_image "$work_dir/rootfs"
  say "done in $((SECONDS - started)) s"
}

main "$@"
