#!/usr/bin/env bash
# Makes the offline images of the well-known service kinds an app may ask for in .slipway.yml
# (services: ... kind:), from Debian packages, for machines that cannot pull the official ones:
#
#   slipway-service/redis:bookworm      redis-server, listening on 6379
#   slipway-service/memcached:bookworm  memcached, listening on 11211
#   slipway-service/chromium:bookworm   headless chromium + chromedriver (WebDriver), on 4444
#
# Solr is not packaged in Debian: an app that wants it names an image (services: search: image:).
# Each kind is one minbase debootstrap with its packages, imported with its command. Images that
# exist are skipped unless --force. Slipway runs this on demand, for the kinds an app asks for.
# Needs root (debootstrap), a Docker engine and Debian's package mirror.
set -Eeuo pipefail

readonly SUITE=bookworm
readonly MIRROR="${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly ALL_KINDS="redis memcached chromium"

work_dir=""

usage() {
  cat <<EOF
Usage: scripts/make-service-images.sh [--force] [KIND...]

Builds slipway-service/<kind>:$SUITE on the local Docker engine from a Debian debootstrap, for
each KIND given (default: all of $ALL_KINDS). Run as root.

  --force   rebuild images that already exist
  -h        show this help

Environment: SLIPWAY_DEBIAN_MIRROR overrides the package mirror.
EOF
}

say() { printf 'make-service-images: %s\n' "$*"; }

die() {
  printf 'make-service-images: %s\n' "$*" >&2
  exit 1
}

remove_work_dir() {
  local status=$?
  trap - EXIT INT TERM
  # debootstrap mounts /proc and /sys while it works; never delete through a mount left behind.
  if [[ -n "$work_dir" && -d "$work_dir" ]] && ! grep -q " $work_dir/" /proc/self/mounts; then
    rm -rf --one-file-system "$work_dir"
  fi
  exit "$status"
}

# The Debian packages of a kind.
packages_of() {
  case "$1" in
    redis) printf 'redis-server' ;;
    memcached) printf 'memcached' ;;
    # fonts: pages render with real glyphs, so screenshots of failing steps can be read.
    chromium) printf 'chromium,chromium-driver,fonts-liberation,ca-certificates' ;;
  esac
}

# The image's command: in the foreground, listening on every address of the task's network
# (only the run's own network reaches it; nothing is published on the host).
command_of() {
  case "$1" in
    redis) printf '%s' '["redis-server","--bind","0.0.0.0","--protected-mode","no","--save","","--appendonly","no"]' ;;
    memcached) printf '%s' '["memcached","-u","nobody","-l","0.0.0.0","-p","11211"]' ;;
    # --allowed-ips= and --allowed-origins=*: the app's test task on the run's network drives it.
    chromium) printf '%s' '["chromedriver","--port=4444","--allowed-ips=","--allowed-origins=*"]' ;;
  esac
}

port_of() {
  case "$1" in
    redis) printf '6379' ;;
    memcached) printf '11211' ;;
    chromium) printf '4444' ;;
  esac
}

make_kind() {
  local kind="$1" image="slipway-service/$1:$SUITE" started=$SECONDS
  local root="$work_dir/$kind" log="$work_dir/$kind.log"
  say "debootstrap $SUITE (minbase) with $(packages_of "$kind")"
  if ! debootstrap --variant=minbase --include="$(packages_of "$kind")" "$SUITE" "$root" "$MIRROR" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "debootstrap for $kind failed: check that $MIRROR is reachable."
  fi
  find "$root/var/log" "$root/tmp" -mindepth 1 -type f -delete
  tar -C "$root" --numeric-owner \
    --exclude=./var/lib/apt/lists/* --exclude=./var/cache/apt/* --exclude=./usr/share/doc/* --exclude=./usr/share/man/* \
    -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'LABEL org.opencontainers.image.vendor=Slipway' \
    -c "LABEL org.opencontainers.image.title=slipway-service/$kind" \
    -c "LABEL org.opencontainers.image.base.name=debian:$SUITE" \
    -c "EXPOSE $(port_of "$kind")" \
    -c "CMD $(command_of "$kind")" \
    - "$image" >>"$log" 2>&1 || die "docker import of $image failed."
  rm -rf --one-file-system "$root"
  say "made $image ($(docker image inspect "$image" --format '{{.Size}}' | numfmt --to=iec)) in $((SECONDS - started)) s"
}

main() {
  local force=0 kinds=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --force) force=1 ;;
      -h | --help) usage; exit 0 ;;
      redis | memcached | chromium) kinds+=("$1") ;;
      solr) die "Debian does not package Solr: give the service an image in .slipway.yml (e.g. image: solr:9)." ;;
      *) usage >&2; die "unknown kind or option '$1': the kinds are $ALL_KINDS." ;;
    esac
    shift
  done
  [[ ${#kinds[@]} -gt 0 ]] || read -r -a kinds <<<"$ALL_KINDS"

  [[ $EUID -eq 0 ]] || die "needs root (debootstrap): run it with sudo."
  local tool
  for tool in debootstrap docker tar numfmt; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed: install it first (apt-get install debootstrap docker.io)."
  done
  docker info >/dev/null 2>&1 || die "no Docker engine answers: start dockerd or set DOCKER_HOST."

  work_dir="$(mktemp -d /var/tmp/slipway-service.XXXXXX)"
  trap remove_work_dir EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local kind
  for kind in "${kinds[@]}"; do
    if [[ $force -eq 0 ]] && docker image inspect "slipway-service/$kind:$SUITE" >/dev/null 2>&1; then
      say "skip slipway-service/$kind:$SUITE (exists; --force rebuilds it)"
      continue
    fi
    make_kind "$kind"
  done
}

main "$@"
