#!/usr/bin/env bash
# Bootstrap of the Slipway build: finds (or installs) the .NET SDK that global.json asks for, compiles build/
# into .nuke/temp/build when its sources changed since the last successful compile, and runs it with every
# argument passed through unchanged: ./build.sh Playground --branch demo
set -eo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
BUILD_OUTPUT="$TEMP_DIRECTORY/build"
BUILD_DLL="$BUILD_OUTPUT/_build.dll"
# Holds the path of the dotnet that compiled the build; its modification time is when that compile started.
STAMP_FILE="$TEMP_DIRECTORY/build.stamp"
# The files the build was compiled from, to notice files added, deleted or renamed since.
INPUTS_FILE="$TEMP_DIRECTORY/build.inputs"
DOTNET_INSTALL_URL="${SLIPWAY_DOTNET_INSTALL_URL:-https://dot.net/v1/dotnet-install.sh}"
DOTNET_INSTALL_DIRECTORY="$TEMP_DIRECTORY/dotnet"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Lists the files the build is compiled from (build output left out); stops at "//changed" when one is newer than $1.
list_inputs() {
  local inputs=(build source Directory.Build.props Directory.Packages.props global.json) existing=() input
  for input in "${inputs[@]}"; do
    [[ -e "$SCRIPT_DIR/$input" ]] && existing+=("$input")
  done
  (cd "$SCRIPT_DIR" && find "${existing[@]}" \( -name bin -o -name obj \) -prune -o -type f \
    \( -newer "$1" -exec echo "//changed" \; -quit -o -print \))
}

# True when a file the build is compiled from was changed, added or deleted since the last successful compile.
build_is_stale() {
  [[ -f "$STAMP_FILE" && -f "$INPUTS_FILE" && -f "$BUILD_DLL" ]] || return 0
  local listing
  listing="$(list_inputs "$STAMP_FILE")" || return 0
  [[ "$listing" != *"//changed"* && "$listing" == "$(< "$INPUTS_FILE")" ]] && return 1
  return 0
}

# Fast start: nothing changed, so run the compiled build with the dotnet that compiled it, without asking the SDK anything.
if ! build_is_stale; then
  read -r DOTNET_EXE < "$STAMP_FILE" || true
  if [[ -n "$DOTNET_EXE" && -x "$DOTNET_EXE" ]]; then
    exec "$DOTNET_EXE" "$BUILD_DLL" "$@"
  fi
fi

json_value() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" "$SCRIPT_DIR/global.json" | head -n 1
}

REQUIRED_VERSION="$(json_value version)"
ROLL_FORWARD="$(json_value rollForward)"
ROLL_FORWARD="${ROLL_FORWARD:-latestPatch}"

# True when an SDK version (major.minor.patch, no pre-release) satisfies global.json's version and rollForward.
sdk_satisfies() {
  local have="$1" want="$REQUIRED_VERSION"
  [[ "$have" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || return 1
  local h_major="${BASH_REMATCH[1]}" h_minor="${BASH_REMATCH[2]}" h_patch="${BASH_REMATCH[3]}"
  [[ "$want" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || return 1
  local w_major="${BASH_REMATCH[1]}" w_minor="${BASH_REMATCH[2]}" w_patch="${BASH_REMATCH[3]}"
  local have_number=$(( (h_major * 1000 + h_minor) * 100000 + h_patch ))
  local want_number=$(( (w_major * 1000 + w_minor) * 100000 + w_patch ))
  (( have_number >= want_number )) || return 1
  case "$ROLL_FORWARD" in
    disable) [[ "$have" == "$want" ]] ;;
    patch | latestPatch) (( h_major == w_major && h_minor == w_minor && h_patch / 100 == w_patch / 100 )) ;;
    feature | latestFeature) (( h_major == w_major && h_minor == w_minor )) ;;
    minor | latestMinor) (( h_major == w_major )) ;;
    *) return 0 ;;
  esac
}

# True when the given dotnet has an SDK that satisfies global.json.
dotnet_has_sdk() {
  local version
  while read -r version _; do
    sdk_satisfies "$version" && return 0
  done < <("$1" --list-sdks 2>/dev/null)
  return 1
}

download() {
  if command -v curl > /dev/null 2>&1; then
    curl --fail --silent --show-error --location --retry 2 --connect-timeout 15 --output "$2" "$1"
  elif command -v wget > /dev/null 2>&1; then
    wget --quiet --tries=2 --timeout=15 --output-document="$2" "$1"
  else
    return 1
  fi
}

install_dotnet() {
  local installer="$TEMP_DIRECTORY/dotnet-install.sh"
  local advice="install the .NET SDK $REQUIRED_VERSION (or a later one that global.json allows) from https://dot.net and put dotnet on PATH, then run $0 again"
  mkdir -p "$TEMP_DIRECTORY"
  if ! download "$DOTNET_INSTALL_URL" "$installer" 2> /dev/null; then
    echo "Could not download the .NET SDK installer from $DOTNET_INSTALL_URL (offline?): $advice." >&2
    exit 1
  fi
  if ! bash "$installer" --install-dir "$DOTNET_INSTALL_DIRECTORY" --version "$REQUIRED_VERSION" --no-path > "$TEMP_DIRECTORY/dotnet-install.log" 2>&1; then
    cat "$TEMP_DIRECTORY/dotnet-install.log" >&2
    echo "Could not install the .NET SDK $REQUIRED_VERSION into $DOTNET_INSTALL_DIRECTORY (log above): $advice." >&2
    exit 1
  fi
}

if command -v dotnet > /dev/null 2>&1 && dotnet_has_sdk "$(command -v dotnet)"; then
  DOTNET_EXE="$(command -v dotnet)"
elif [[ -x "$DOTNET_INSTALL_DIRECTORY/dotnet" ]] && dotnet_has_sdk "$DOTNET_INSTALL_DIRECTORY/dotnet"; then
  DOTNET_EXE="$DOTNET_INSTALL_DIRECTORY/dotnet"
else
  install_dotnet
  DOTNET_EXE="$DOTNET_INSTALL_DIRECTORY/dotnet"
fi

mkdir -p "$TEMP_DIRECTORY"
# One compile at a time: builds started together (a CI job, a service and a person) wait for the first
# compile and then use it rather than writing the same output at once.
exec 9> "$TEMP_DIRECTORY/build.lock"
if command -v flock > /dev/null 2>&1; then
  flock 9
  if ! build_is_stale; then
    exec 9>&-
    exec "$DOTNET_EXE" "$BUILD_DLL" "$@"
  fi
fi
printf '%s\n' "$DOTNET_EXE" > "$STAMP_FILE.next"
list_inputs "$STAMP_FILE.next" > "$INPUTS_FILE.next"
if ! "$DOTNET_EXE" build "$BUILD_PROJECT_FILE" --configuration Release --output "$BUILD_OUTPUT" --nologo > "$TEMP_DIRECTORY/build.log" 2>&1; then
  cat "$TEMP_DIRECTORY/build.log" >&2
  echo "Compiling the build failed: fix the errors above (full log: $TEMP_DIRECTORY/build.log)." >&2
  rm -f "$STAMP_FILE.next" "$INPUTS_FILE.next"
  exit 1
fi
mv "$INPUTS_FILE.next" "$INPUTS_FILE"
mv "$STAMP_FILE.next" "$STAMP_FILE"
exec 9>&-

exec "$DOTNET_EXE" "$BUILD_DLL" "$@"
