#!/usr/bin/env bash
# Slipway's analysis task: checks the app's own PHP code in the current folder, the app inside
# the tests image (/var/www/app), with php -l, phpcs, phpmd, phpcpd, phploc and, when the app
# ships it, phpstan. Third-party code is left out: vendor/, node_modules/, dist/, and what
# composer puts under the docroot for Drupal (core, contrib, libraries) in every usual layout.
#
# Environment, set by Slipway from .slipway.yml and what the app's code shows (paths relative to
# the app's folder, separated by ':'):
#   SLIPWAY_ANALYSIS_PATHS    what to analyse instead of the whole app (set and empty: nothing of
#                             the app's own, e.g. a Drupal site of core and contrib only)
#   SLIPWAY_ANALYSIS_EXCLUDE  more paths to leave out
#   SLIPWAY_DRUPAL            1 for a Drupal site: phpcs uses Drupal's standard when it is there
#
# Each tool's report goes to stdout between marker lines (docs/results-protocol.md):
#   ::slipway:: begin tool=phpcs format=checkstyle
#   <?xml ...?> ...
#   ::slipway:: end tool=phpcs exit=1
# Everything else goes to stderr. File names in the reports are absolute paths in the container.
# Exit code: 0 when the tools ran, whatever they found; 2 when a tool could not run.
set -uo pipefail

readonly APP_DIR="${SLIPWAY_APP_DIR:-$PWD}"
readonly EXIT_TOOL_FAILED=2
# emit_report, first_existing: beside this script (in the image: /usr/local/bin).
source "$(dirname "${BASH_SOURCE[0]}")/report-markers.sh"
readonly PHP_SUFFIXES=(php module inc install theme profile engine test)
# Folder names skipped wherever they are, and paths skipped from the app's root.
readonly SKIPPED_NAMES=(vendor node_modules dist .git .slipway)
SKIPPED_PATHS=()
for docroot in web docroot public html; do
  for third_party in core libraries modules/contrib themes/contrib profiles/contrib; do
    SKIPPED_PATHS+=("$docroot/$third_party")
  done
done
if [[ -n "${SLIPWAY_ANALYSIS_EXCLUDE:-}" ]]; then
  IFS=: read -r -a excluded <<<"$SLIPWAY_ANALYSIS_EXCLUDE"
  for item in "${excluded[@]}"; do
    [[ -n "$item" && "/$item/" != */../* ]] && SKIPPED_PATHS+=("${item%/}")
  done
fi
readonly SKIPPED_PATHS
# What the tools look at: the whole app, or only the paths Slipway chose.
TARGETS=("$APP_DIR")
if [[ -n "${SLIPWAY_ANALYSIS_PATHS+set}" ]]; then
  TARGETS=()
  IFS=: read -r -a scoped <<<"$SLIPWAY_ANALYSIS_PATHS"
  for item in "${scoped[@]}"; do
    [[ -n "$item" && "/$item/" != */../* && -e "$APP_DIR/$item" ]] && TARGETS+=("$APP_DIR/${item%/}")
  done
fi
readonly TARGETS
readonly DEFAULT_PHPMD_RULESETS="${SLIPWAY_PHPMD_RULESETS:-cleancode,codesize,unusedcode}"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
tool_failed=0
php_files="$work_dir/php-files"
# Files php -l rejects: phplint reports them, phpmd would only add a parser stack trace.
unparsable_files="$work_dir/unparsable-files"

note() { printf 'run-analysis: %s\n' "$*" >&2; }

# A tool that ran but left no report could not do its job: that is the task's failure.
emit_or_fail() {
  local tool="$1" format="$2" status="$3" report="$4"
  if [[ -s "$report" ]]; then
    emit_report "$tool" "$format" "$status" "$report"
  else
    note "$tool: exited with code $status without writing a report: it could not run"
    tool_failed=1
  fi
}

require_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  note "$1: not installed in this image: cannot run it"
  tool_failed=1
  return 1
}

list_php_files() {
  local prune=() name_test=() item
  for item in "${SKIPPED_NAMES[@]}"; do prune+=(-name "$item" -o); done
  for item in "${SKIPPED_PATHS[@]}"; do prune+=(-path "$APP_DIR/$item" -o); done
  for item in "${PHP_SUFFIXES[@]}"; do name_test+=(-name "*.$item" -o); done
  find "${TARGETS[@]}" \( "${prune[@]:0:${#prune[@]}-1}" \) -prune -o \
    -type f \( "${name_test[@]:0:${#name_test[@]}-1}" \) -print0 | LC_ALL=C sort -z >"$php_files"
}

# Lints a batch of files; each problem becomes a NUL-separated record: file, exit code, output.
lint_batch() {
  local output_file="$1" file output status
  shift
  for file in "$@"; do
    status=0
    output="$(php -d display_errors=stderr -d log_errors=0 -d html_errors=0 -d error_reporting=-1 \
      -l "$file" 2>&1 >/dev/null)" || status=$?
    if [[ $status -ne 0 || -n "$output" ]]; then
      printf '%s\0%s\0%s\0' "$file" "$status" "$output" >>"$output_file"
    fi
  done
}
export -f lint_batch

run_phplint() {
  require_tool php || return
  local findings="$work_dir/phplint-findings" report="$work_dir/phplint.xml"
  : >"$findings"
  mkdir -p "$work_dir/lint"
  # Each batch appends to its own file so that parallel batches never interleave.
  xargs -0 -r -n 25 -P "$(nproc 2>/dev/null || echo 2)" \
    bash -c 'lint_batch "$(mktemp -p "$0" lint.XXXXXX)" "$@"' "$work_dir/lint" <"$php_files" 2>/dev/null ||
    true
  [[ ! -d "$work_dir/lint" ]] || find "$work_dir/lint" -type f -exec cat {} + >"$findings"
  php -r '
    [$filesPath, $findingsPath, $unparsablePath] = array_slice($argv, 1);
    $files = array_filter(explode("\0", (string) file_get_contents($filesPath)), "strlen");
    $fields = explode("\0", (string) file_get_contents($findingsPath));
    $problems = [];
    for ($i = 0; $i + 2 < count($fields); $i += 3) {
        [$file, $status, $output] = [$fields[$i], (int) $fields[$i + 1], $fields[$i + 2]];
        $found = preg_match_all("/^(?:PHP )?([A-Za-z ]*?(?:error|warning|Deprecated|Notice)):\s+(.*) in .+ on line (\d+)\s*$/mi", $output, $matches, PREG_SET_ORDER);
        if ($found === 0) {
            $matches = [["", $status === 0 ? "Warning" : "Error", trim($output) !== "" ? trim($output) : "php -l failed", "1"]];
        }
        foreach ($matches as [, $kind, $message, $line]) {
            $severity = stripos($kind, "error") !== false ? "error" : "warning";
            $problems[$file][] = [$line, $severity, $message, "PHP.Lint." . str_replace(" ", "", ucwords($kind))];
        }
    }
    $unparsable = array_keys(array_filter($problems, fn ($list) => in_array("error", array_column($list, 1), true)));
    file_put_contents($unparsablePath, implode("\n", $unparsable));
    $xml = new XMLWriter();
    $xml->openMemory();
    $xml->setIndent(true);
    $xml->startDocument("1.0", "UTF-8");
    $xml->startElement("checkstyle");
    $xml->writeAttribute("version", "3.5");
    foreach ($files as $file) {
        $xml->startElement("file");
        $xml->writeAttribute("name", $file);
        foreach ($problems[$file] ?? [] as [$line, $severity, $message, $source]) {
            $xml->startElement("error");
            $xml->writeAttribute("line", (string) $line);
            $xml->writeAttribute("column", "1");
            $xml->writeAttribute("severity", $severity);
            $xml->writeAttribute("message", $message);
            $xml->writeAttribute("source", $source);
            $xml->endElement();
        }
        $xml->endElement();
    }
    $xml->endElement();
    echo $xml->outputMemory();
    exit(count($unparsable) > 0 ? 1 : 0);
  ' "$php_files" "$findings" "$unparsable_files" >"$report"
  local status=$?
  note "phplint: $(tr -cd '\0' <"$php_files" | wc -c) file(s) checked"
  emit_or_fail phplint checkstyle "$status" "$report"
}

ignore_patterns() {
  local patterns="" item
  for item in "${SKIPPED_NAMES[@]}"; do patterns+="*/$item/*,"; done
  for item in "${SKIPPED_PATHS[@]}"; do patterns+="$APP_DIR/$item/*,"; done
  printf '%s\n' "${patterns%,}"
}

# Drupal's coding standard for a Drupal site when the app's vendor/ (drupal/coder) or the image has it,
# else PSR-12; a note says which, and how to get Drupal's. Sets standard_arguments.
choose_coding_standard() {
  local coder=vendor/drupal/coder/coder_sniffer
  if [[ "${SLIPWAY_DRUPAL:-0}" == 1 && -f "$coder/Drupal/ruleset.xml" ]]; then
    local paths="$PWD/$coder"
    [[ ! -d vendor/slevomat/coding-standard ]] || paths+=",$PWD/vendor/slevomat/coding-standard"
    standard_arguments=(--standard=Drupal --runtime-set installed_paths "$paths")
    tell phpcs "coding standard: Drupal (the app's vendor/drupal/coder)"
  elif [[ "${SLIPWAY_DRUPAL:-0}" == 1 ]] && phpcs -i 2>/dev/null | grep -qw Drupal; then
    standard_arguments=(--standard=Drupal)
    tell phpcs "coding standard: Drupal (from the analysis image)"
  elif [[ "${SLIPWAY_DRUPAL:-0}" == 1 ]]; then
    standard_arguments=(--standard=PSR12)
    tell phpcs "coding standard: PSR12, because Drupal's (drupal/coder) is not installed: add drupal/coder to the app's require-dev to check Drupal's"
  else
    standard_arguments=(--standard=PSR12)
    tell phpcs "coding standard: PSR12 (a phpcs.xml(.dist) in the app chooses another)"
  fi
}

run_phpcs() {
  require_tool phpcs || return
  local config arguments=(--report=checkstyle --report-file="$work_dir/phpcs.xml" -q --no-colors)
  config="$(first_existing phpcs.xml .phpcs.xml phpcs.xml.dist .phpcs.xml.dist)"
  if [[ -n "$config" ]]; then
    arguments+=(--standard="$config")
    # A ruleset without <file> entries checks nothing unless it is given the app's folder.
    grep -q '<file>' "$config" || arguments+=(--ignore="$(ignore_patterns)" "${TARGETS[@]}")
    tell phpcs "coding standard: $config (the app's own)"
  else
    local extensions standard_arguments=()
    extensions="$(IFS=,; printf '%s' "${PHP_SUFFIXES[*]}")"
    choose_coding_standard
    arguments+=("${standard_arguments[@]}" --extensions="$extensions" --ignore="$(ignore_patterns)" "${TARGETS[@]}")
  fi
  local status=0
  note "phpcs: ${arguments[*]}"
  phpcs "${arguments[@]}" </dev/null >&2 || status=$?
  emit_or_fail phpcs checkstyle "$status" "$work_dir/phpcs.xml"
}

run_phpmd() {
  require_tool phpmd || return
  local rulesets excludes suffixes
  rulesets="$(first_existing phpmd.xml .phpmd.xml phpmd.xml.dist .phpmd.xml.dist)"
  rulesets="${rulesets:-$DEFAULT_PHPMD_RULESETS}"
  excludes="$(ignore_patterns)"
  if [[ -s "$unparsable_files" ]]; then
    excludes+=",$(paste -sd, "$unparsable_files")"
    note "phpmd: leaving out $(grep -c '' "$unparsable_files") file(s) that do not parse (see phplint)"
  fi
  suffixes="$(IFS=,; printf '%s' "${PHP_SUFFIXES[*]}")"
  local status=0
  note "phpmd: rulesets $rulesets"
  local targets
  targets="$(IFS=,; printf '%s' "${TARGETS[*]}")"
  phpmd "$targets" xml "$rulesets" --suffixes "$suffixes" --exclude "$excludes" \
    --reportfile "$work_dir/phpmd.xml" </dev/null >&2 || status=$?
  emit_or_fail phpmd pmd "$status" "$work_dir/phpmd.xml"
}

# phpcpd and phploc take the same file selection options; their --exclude only works with
# folders that exist, so the skipped folders are looked up first.
selection_options() {
  local item prune=()
  for item in "${PHP_SUFFIXES[@]}"; do printf -- '--suffix\0.%s\0' "$item"; done
  for item in "${SKIPPED_NAMES[@]}"; do prune+=(-name "$item" -o); done
  for item in "${SKIPPED_PATHS[@]}"; do prune+=(-path "$APP_DIR/$item" -o); done
  find "$APP_DIR" -mindepth 1 -type d \( "${prune[@]:0:${#prune[@]}-1}" \) -prune -printf '--exclude\0%p\0'
}

run_phpcpd() {
  if ! command -v phpcpd >/dev/null 2>&1; then
    note "phpcpd: not installed in this image, skipped"
    return
  fi
  local options=() status=0
  mapfile -d '' options < <(selection_options)
  note "phpcpd: looking for copied code"
  phpcpd --log-pmd "$work_dir/phpcpd.xml" "${options[@]}" "${TARGETS[@]}" </dev/null >&2 || status=$?
  emit_or_fail phpcpd pmd-cpd "$status" "$work_dir/phpcpd.xml"
}

run_phploc() {
  if ! command -v phploc >/dev/null 2>&1; then
    note "phploc: not installed in this image, skipped"
    return
  fi
  if ! phploc --help 2>&1 | grep -q -- '--log-json'; then
    note "phploc: this version has no --log-json, skipped"
    return
  fi
  local options=() status=0
  mapfile -d '' options < <(selection_options)
  note "phploc: measuring size"
  phploc --log-json "$work_dir/phploc.json" "${options[@]}" "${TARGETS[@]}" </dev/null >&2 || status=$?
  emit_or_fail phploc phploc-json "$status" "$work_dir/phploc.json"
}

run_phpstan() {
  [[ -f vendor/bin/phpstan ]] || return
  local arguments=(analyse --no-progress --no-interaction --error-format=checkstyle --memory-limit=1G)
  if [[ -z "$(first_existing phpstan.neon phpstan.neon.dist phpstan.dist.neon)" ]]; then
    local paths=() dir
    if [[ -n "${SLIPWAY_ANALYSIS_PATHS+set}" ]]; then
      for dir in "${TARGETS[@]}"; do paths+=("${dir#"$APP_DIR"/}"); done
    else
      for dir in src web/modules/custom web/themes/custom web/profiles/custom; do
        [[ -d "$dir" ]] && paths+=("$dir")
      done
    fi
    if [[ ${#paths[@]} -eq 0 ]]; then
      note "phpstan: no phpstan.neon(.dist) and none of src/, web/*/custom/ to analyse, skipped"
      return
    fi
    arguments+=(--level=0 "${paths[@]}")
  fi
  local status=0
  note "phpstan: ${arguments[*]}"
  php vendor/bin/phpstan "${arguments[@]}" </dev/null >"$work_dir/phpstan.xml" || status=$?
  emit_or_fail phpstan checkstyle "$status" "$work_dir/phpstan.xml"
}

main() {
  cd "$APP_DIR" || {
    note "the app folder $APP_DIR does not exist: run this script in the app's folder"
    exit "$EXIT_TOOL_FAILED"
  }
  if [[ ${#TARGETS[@]} -eq 0 ]]; then
    note "no code of the app's own to analyse"
    tell "" "nothing to analyse: no code of the site's own was found (custom modules, themes, profiles); analysis.paths in .slipway.yml names other folders"
    return
  fi
  if [[ -n "${SLIPWAY_ANALYSIS_PATHS+set}" ]]; then
    tell "" "analysis covers the site's own code: $(printf '%s ' "${TARGETS[@]#"$APP_DIR"/}" | cut -c1-400)"
  fi
  list_php_files
  if [[ ! -s "$php_files" ]]; then
    note "no PHP files outside vendor/ and third-party folders: nothing to analyse"
    tell "" "nothing to analyse: no PHP files outside vendor/ and third-party folders"
    return
  fi
  # php -l first: phpmd leaves out the files it rejects. The others run side by side, each printing
  # into a file of its own, and their reports follow in a fixed order once all have finished.
  run_phplint
  local tool tools=(phpcs phpmd phpcpd phploc phpstan)
  for tool in "${tools[@]}"; do
    (
      tool_failed=0
      "run_$tool" > "$work_dir/$tool.emitted"
      printf '%s' "$tool_failed" > "$work_dir/$tool.failed"
    ) &
  done
  wait
  for tool in "${tools[@]}"; do
    cat "$work_dir/$tool.emitted"
    [[ "$(cat "$work_dir/$tool.failed" 2>/dev/null)" == 0 ]] || tool_failed=1
  done
  if [[ $tool_failed -ne 0 ]]; then
    exit "$EXIT_TOOL_FAILED"
  fi
}

main "$@"
