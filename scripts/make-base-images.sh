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
php-mysql php-sqlite3 php-zip php-gd php-intl php-apcu ca-certificates curl"
readonly PHPQA_PACKAGES="phpunit php-codesniffer phpmd phpcpd phploc"
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

say() { printf 'make-base-images: %s\n' "$*"; }

die() {
  printf 'make-base-images: %s\n' "$*" >&2
  exit 1
}

# Shows the end of the detailed log when a step fails, so the cause is visible without noise.
fail_with_log() {
  if [[ -n "$log_file" && -s "$log_file" ]]; then
    tail -n 25 "$log_file" >&2
  fi
  die "$1"
}

mounts_under() {
  local root="$1"
  awk -v root="$root" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$work_dir" && -d "$work_dir" ]]; then
    local mount_point
    while read -r mount_point; do
      if [[ -n "$mount_point" ]]; then
        umount -l "$mount_point" 2>/dev/null || true
      fi
    done < <(mounts_under "$work_dir")
    # Never delete through a mount that is still there (it could be the host's /proc or /dev).
    if [[ -z "$(mounts_under "$work_dir")" ]]; then
      rm -rf --one-file-system "$work_dir"
    else
      printf 'make-base-images: left %s in place: something is still mounted under it\n' "$work_dir" >&2
    fi
  fi
  exit "$status"
}

# The folder a run debootstraps into, removed (mounts first) however the script ends.
open_work_dir() {
  work_dir="$(mktemp -d /var/tmp/slipway-base.XXXXXX)"
  log_file="$work_dir/make-base-images.log"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Runs a command inside a tree with /proc mounted and the host's DNS, and undoes both after,
# so that the tree is always clean when it is imported.
in_tree() {
  local root="$1"
  shift
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  local status=0
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@" >>"$log_file" 2>&1 || status=$?
  umount "$root/proc"
  : >"$root/etc/resolv.conf"
  return "$status"
}

install_packages() {
  local root="$1"
  shift
  # shellcheck disable=SC2048,SC2086 # the package lists are meant to split into words
  in_tree "$root" apt-get install -y --no-install-recommends $* ||
    fail_with_log "apt-get install of $* failed (see the lines above)."
}

# Imports a tree as an image, leaving out what only apt needs so that the tree can still take
# more packages afterwards.
import_tree() {
  local root="$1" image="$2"
  shift 2
  local started=$SECONDS
  local previous_id
  previous_id="$(docker image inspect "$image" --format '{{.Id}}' 2>/dev/null || true)"
  # Install logs go; the symlinks that send Apache's logs to stdout/stderr stay.
  find "$root/var/log" "$root/tmp" -mindepth 1 -type f -delete
  tar -C "$root" --numeric-owner \
    --exclude=./var/lib/apt/lists/* --exclude=./var/cache/apt/* --exclude=./var/cache/debconf/*-old \
    --exclude=./root/.cache --exclude=./root/.npm \
    -c . | docker import "$@" - "$image" >>"$log_file" 2>&1 || fail_with_log "docker import of $image failed."
  say "imported $image ($(docker image inspect "$image" --format '{{.Size}}' | numfmt --to=iec) in $((SECONDS - started)) s)"
  # A forced rebuild would otherwise leave the old image behind, untagged, as a full vfs copy.
  if [[ -n "$previous_id" ]] && [[ "$(docker image inspect "$previous_id" --format '{{len .RepoTags}}' 2>/dev/null)" == "0" ]]; then
    docker rmi "$previous_id" >/dev/null 2>&1 || true
  fi
}

common_changes=(
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  -c 'ENV LANG=C.UTF-8'
  -c 'LABEL org.opencontainers.image.vendor=Slipway'
)

prepare_tree() {
  local root="$1"
  say "debootstrap $SUITE (minbase) from $MIRROR"
  debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >>"$log_file" 2>&1 ||
    fail_with_log "debootstrap failed: check that $MIRROR is reachable."

  cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
  # Like Debian's container images: no service starts at install time, no recommends, no docs.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$root/etc/apt/apt.conf.d/90slipway"
  cat >"$root/etc/dpkg/dpkg.cfg.d/90slipway-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  find "$root/usr/share/doc" -type f ! -name copyright -delete
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  rm -rf "$root/usr/share/man" "$root/usr/share/info"

  say "apt-get update and upgrade from $SUITE, $SUITE-updates, $SUITE-security"
  in_tree "$root" apt-get update || fail_with_log "apt-get update failed."
  in_tree "$root" apt-get -y upgrade || fail_with_log "apt-get upgrade failed."
}

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
