#!/usr/bin/env bash
# Installs what Slipway needs on a Debian 12 machine and starts it: the Docker engine, the PHP tools
# the tests and task images use, debootstrap (offline base images), a registry for the tests, and
# the offline base images themselves when no public registry can be reached.
# Safe to run again: it skips what is already there. Needs root (or sudo).
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(
  docker.io debootstrap docker-registry git ca-certificates curl
  php-cli php-xml php-mbstring composer phpunit php-codesniffer phpmd phpcpd phploc
  busybox-static chromium mariadb-server mariadb-client php-mysql php-gd
)

say() { printf 'slipway-setup: %s\n' "$*"; }

# overlay2 when an overlay mount works on the file system Docker keeps its data on, vfs otherwise.
storage_driver() {
  local data=/var/lib/docker probe
  mkdir -p "$data"
  probe=$(mktemp -d "$data/.overlay-probe.XXXXXX")
  mkdir -p "$probe"/{lower,upper,work,merged}
  if mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
    umount "$probe/merged"
    rm -rf "$probe"
    echo overlay2
  else
    rm -rf "$probe"
    echo vfs
  fi
}

if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=PATH "$0" "$@"
  fi
  say "run this script as root (it installs Debian packages and starts the Docker engine)." >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Docker engine: systemd when the machine runs it, otherwise a dockerd of our own. One that already
# runs is left as it is.
if docker info >/dev/null 2>&1; then
  say "the Docker engine is running (storage driver: $(docker info --format '{{.Driver}}' 2>/dev/null))"
else
  if [[ -d /run/systemd/system ]]; then
    say "starting the Docker engine with systemd"
    systemctl start docker
  else
    say "starting the Docker engine (dockerd, log in /var/log/slipway-dockerd.log)"
    # Without systemd this is usually a container or a small VM. overlay2 (Docker's default) when
    # the kernel can mount overlay here, vfs (a full copy per layer, minutes per bake) only when it
    # cannot; leaving iptables alone keeps the host's firewall as it is. SLIPWAY_DOCKERD_ARGS overrides.
    read -r -a args <<<"${SLIPWAY_DOCKERD_ARGS:---storage-driver=$(storage_driver) --iptables=false}"
    say "storage driver: ${args[*]}"
    nohup dockerd "${args[@]}" >/var/log/slipway-dockerd.log 2>&1 &
    echo $! >/run/slipway-dockerd.pid
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { say "the Docker engine did not start: see /var/log/slipway-dockerd.log." >&2; exit 1; }
fi

# Base images: the official ones when a registry answers, otherwise made here from Debian packages.
if ! docker image inspect php:8.2-apache >/dev/null 2>&1 && ! timeout 20 docker pull -q php:8.2-apache >/dev/null 2>&1; then
  "$root_dir/scripts/make-base-images.sh"
fi
say "ready"
