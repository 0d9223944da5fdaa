#!/usr/bin/env bash
# Makes the offline images of the well-known service kinds an app may ask for in .slipway.yml
# (services: ... kind:), from Debian packages, for machines that cannot pull the official ones:
#
#   slipway-service/redis:bookworm      redis-server, listening on 6379
#   slipway-service/memcached:bookworm  memcached, listening on 11211
#   slipway-service/chromium:bookworm   headless chromium + chromedriver (WebDriver), on 4444
#
# Solr is not packaged in Debian: an app that wants it names an image (services: search: image:).
# One minbase debootstrap is imported once as slipway-service/debian:bookworm; each kind is that
# image with its packages installed by apt in a container on the host's network (the engine's own
# bridge may have no way out), committed with its command. Images that exist are skipped unless
# --force. Slipway runs this on demand, for the kinds an app asks for.
# Needs root (debootstrap), a Docker engine and Debian's package mirror.
set -Eeuo pipefail

readonly SUITE=bookworm
readonly MIRROR="${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly SECURITY_MIRROR="${SLIPWAY_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
readonly ALL_KINDS="redis memcached chromium"
readonly BASE_IMAGE="slipway-service/debian:$SUITE"

work_dir=""
log_file=""
making_container=""

usage() {
  cat <<EOF
Usage: scripts/make-service-images.sh [--force] [KIND...]

Builds slipway-service/<kind>:$SUITE on the local Docker engine from a Debian debootstrap, for
each KIND given (default: all of $ALL_KINDS). Run as root.

  --force   rebuild images that already exist
  -h        show this help

Environment: SLIPWAY_DEBIAN_MIRROR, SLIPWAY_DEBIAN_SECURITY_MIRROR override the package mirrors.
EOF
}

# The work folder, its tree and the exit traps are the base images' (make-base-images.sh).
# shellcheck source=scripts/base-images/debian-tree.sh
source "$(dirname "${BASH_SOURCE[0]}")/base-images/debian-tree.sh"

# The container a kind is being made in goes too, however the script ends; then the work folder.
remove_leftovers() {
  local status=$?
  [[ -z "$making_container" ]] || docker rm -f "$making_container" >/dev/null 2>&1 || true
  cleanup "$status"
}

# The Debian packages of a kind.
packages_of() {
  case "$1" in
    redis) printf 'redis-server' ;;
    memcached) printf 'memcached' ;;
    # fonts: pages render with real glyphs, so screenshots of failing steps can be read.
    chromium) printf 'chromium chromium-driver fonts-liberation ca-certificates' ;;
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

# The shared minbase tree, prepared as the base images' are (no service starts while packages
# install, no docs, security updates in) and imported once.
make_base() {
  local root="$work_dir/rootfs" started=$SECONDS
  mkdir -p "$root"
  prepare_tree "$root"
  import_tree "$root" "$BASE_IMAGE" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  rm -rf --one-file-system "$root"
  say "made $BASE_IMAGE in $((SECONDS - started)) s"
}

make_kind() {
  local kind="$1" image="slipway-service/$1:$SUITE" started=$SECONDS
  local container="slipway-service-make-$kind-$$" log="$work_dir/$kind.log"
  say "install $(packages_of "$kind") into $image"
  making_container="$container"
  # The package names are this script's own; the container is removed whatever happens.
  if ! docker run --name "$container" --network host --label slipway:role=image-making "$BASE_IMAGE" \
    sh -c "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(packages_of "$kind") && apt-get clean && rm -rf /var/lib/apt/lists/*" \
    >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get install of $(packages_of "$kind") failed (see the lines above)."
  fi
  docker commit \
    -c 'ENV LANG=C.UTF-8' \
    -c "LABEL org.opencontainers.image.vendor=Slipway org.opencontainers.image.title=slipway-service/$kind org.opencontainers.image.base.name=debian:$SUITE" \
    -c "EXPOSE $(port_of "$kind")" \
    -c "CMD $(command_of "$kind")" \
    "$container" "$image" >>"$log" 2>&1 || die "docker commit of $image failed."
  docker rm "$container" >/dev/null
  making_container=""
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

  open_work_dir
  trap remove_leftovers EXIT
  local kind
  if [[ $force -eq 1 ]] || ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    make_base
  fi
  for kind in "${kinds[@]}"; do
    if [[ $force -eq 0 ]] && docker image inspect "slipway-service/$kind:$SUITE" >/dev/null 2>&1; then
      say "skip slipway-service/$kind:$SUITE (exists; --force rebuilds it)"
      continue
    fi
    make_kind "$kind"
  done
}

main "$@"
