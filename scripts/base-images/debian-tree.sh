# Debian trees for scripts/make-base-images.sh and make-service-images.sh (sourced, not run): debootstrap a suite, install
# packages in a chroot, import the tree as an image, and clean up mounts and files on exit.
# Uses from the sourcing script: MIRROR, SECURITY_MIRROR, SUITE, work_dir, log_file.

# Progress and the one-sentence failure, each prefixed by the running script's name (make-base-images: ...).
say() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*"; }

die() {
  printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2
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

# Exits with the status given, or the one the script was ending with.
cleanup() {
  local status=${1:-$?}
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
      printf '%s: left %s in place: something is still mounted under it\n' "$(basename "$0" .sh)" "$work_dir" >&2
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

# Installs each package on its own, and leaves out with one line each one that cannot be installed.
install_optional_packages() {
  local root="$1" package
  shift
  # shellcheck disable=SC2048 # the package list is meant to split into words
  for package in $*; do
    in_tree "$root" apt-get install -y --no-install-recommends "$package" ||
      say "warning: $package could not be installed from $MIRROR ($SUITE), left out (the mirror did not serve it)"
  done
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
