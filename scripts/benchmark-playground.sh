#!/usr/bin/env bash
# Measures the main job on this machine, all in one run:
#   cold  ./build.sh Playground on a fresh work folder, with no builder image and no cached layers
#   warm  the same again after changing one PHP file
#   naive a plain `docker build --no-cache` that does the same work (composer, theme, hooks, Apache
#         image) followed by a container start and the same wait for HTTP 200 — what a pipeline
#         without Slipway's caching does on every push.
# Prints seconds for each and the ratios. Leaves nothing behind (work folder, playground, images).
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root_dir"
work="$(mktemp -d /tmp/slipway-bench-XXXXXX)"
app="$work/app"
branch="bench-$$"
naive_image="slipway-bench/naive:$$"
naive_container=""

cleanup() {
  ./build.sh Teardown --app "$app" --branch "$branch" --work-directory "$work" > /dev/null 2>&1 || true
  [[ -n "$naive_container" ]] && docker rm -f "$naive_container" > /dev/null 2>&1 || true
  docker rmi -f "$naive_image" > /dev/null 2>&1 || true
  # The naive build's first stage stays behind as an untagged image; it carries the run's label.
  docker image prune -f --filter "label=slipway-bench=$$" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

seconds_since() { echo "$(( $(date +%s%N) - $1 ))" | awk '{ printf "%.1f", $1 / 1e9 }'; }

mkdir -p "$app"
tar -C examples/drupal-site --exclude=vendor --exclude=node_modules --exclude=dist --exclude=.slipway -c . | tar -C "$app" -x
./build.sh --help > /dev/null   # compile the build first: not part of any figure

# Cold: nothing cached but the base images (what a fresh machine has after install-prerequisites.sh).
docker images --format '{{.Repository}}:{{.Tag}}' slipway/builder | xargs -r docker rmi -f > /dev/null
start=$(date +%s%N)
./build.sh Playground --app "$app" --branch "$branch" --work-directory "$work" > "$work/cold.log" 2>&1
cold=$(seconds_since "$start")

# Warm: one PHP file changed.
printf '\n// benchmark change %s\n' "$(date +%s)" >> "$app/web/index.php"
start=$(date +%s%N)
./build.sh Playground --app "$app" --branch "$branch" --work-directory "$work" > "$work/warm.log" 2>&1
warm=$(seconds_since "$start")

# Naive: one docker build --no-cache doing all of it, then run and wait for 200.
mkdir -p "$work/naive"
tar -C "$app" -c . | tar -C "$work/naive" -x
cp -r devops_hooks "$work/naive/.slipway-hooks"
cat > "$work/naive/Dockerfile" <<'DOCKERFILE'
FROM slipway-base/php-builder:8.2 AS build
ARG BENCH_RUN
LABEL slipway-bench=${BENCH_RUN}
COPY . /app
WORKDIR /app
RUN composer install --no-dev --no-interaction --no-progress --optimize-autoloader \
 && for theme in web/themes/custom/*/; do (cd "$theme" && npm ci && npm run build); done \
 && for hook in .slipway-hooks/*.sh devops_hooks/*.sh; do bash "$hook"; done
FROM slipway-base/php-apache:8.2
ENV APACHE_DOCUMENT_ROOT=/var/www/app/web
RUN a2enmod rewrite > /dev/null
COPY --from=build /app /var/www/app
DOCKERFILE
start=$(date +%s%N)
docker build --no-cache -q --build-arg "BENCH_RUN=$$" -t "$naive_image" "$work/naive" > /dev/null
naive_container=$(docker run -d -p 127.0.0.1::80 "$naive_image")
port=$(docker port "$naive_container" 80/tcp | head -n 1 | sed 's/.*://')
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" == 200 ]]; do sleep 0.25; done
naive=$(seconds_since "$start")

awk -v cold="$cold" -v warm="$warm" -v naive="$naive" 'BEGIN {
  printf "cold Playground      %6.1f s\n", cold
  printf "warm Playground      %6.1f s   (one PHP file changed)\n", warm
  printf "naive --no-cache     %6.1f s\n", naive
  printf "warm / cold          %6.2f\n", warm / cold
  printf "warm / naive         %6.2f\n", warm / naive
}'
