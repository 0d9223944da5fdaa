# Sourced by run-tests.sh, not run: the test runners. Each prints its JUnit report between marker lines
# under its tool name (docs/results-protocol.md): phpunit and behat for the implicit runners, the runner's
# own name for those of tests.runners in .slipway.yml. A runner that finds nothing says so in a note
# ("no tests found: ..."); one that could not run says so in a note ("could not run: ...") and sets
# runner_failed, so the task exits non-zero and the stage is never green.
# Uses run-tests.sh's note, work_dir and runner_failed, and report-markers.sh's emit_report and tell.

readonly RUNNER_NAME_PATTERN='^[a-z0-9][a-z0-9-]{0,29}$'

# The app's own copy of a tool when it ships one, else the image's.
find_tool() {
  local name="$1"
  if [[ -f "vendor/bin/$name" ]]; then
    if [[ -x "vendor/bin/$name" ]]; then
      printf '%s\n' "vendor/bin/$name"
    else
      printf 'php\nvendor/bin/%s\n' "$name"
    fi
  elif command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
  fi
}

# Drupal 7's own tests are SimpleTest classes in *.test files, which only Drupal can run.
simpletest_hint() {
  local count
  count="$(find . -path ./vendor -prune -o -path '*/sites/*' -name '*.test' -type f -print 2>/dev/null | wc -l)"
  [[ "$count" -eq 0 ]] || printf '; the site has %s Drupal SimpleTest file(s) (*.test), which Slipway does not run' "$count"
}

# A runner that could not run: named in a note for the report (TOOL empty: a note of the task), and the task fails.
could_not_run() {
  local tool="$1" reason="$2"
  note "${tool:+$tool: }$reason"
  tell "$tool" "could not run: $reason"
  runner_failed=1
}

# hand_back_junit TOOL STATUS REPORT MISSING EMPTY: prints the runner's JUnit report between its markers, saying
# first that it found nothing (EMPTY) when the report holds no test case; without a report, the runner could
# not run (MISSING).
hand_back_junit() {
  local tool="$1" status="$2" report="$3" missing="$4" empty="$5"
  if [[ ! -s "$report" ]]; then
    could_not_run "$tool" "$missing"
    return
  fi
  grep -q '<testcase' "$report" || tell "$tool" "no tests found: $empty"
  emit_report "$tool" junit "$status" "$report"
}

# run_phpunit TOOL CONFIG KEY: CONFIG empty finds phpunit.xml(.dist) or tests/; KEY names where CONFIG came from.
run_phpunit() {
  local tool="$1" config="$2" key="$3"
  if [[ -n "$config" && ! -f "$config" ]]; then
    note "$tool: $config ($key in .slipway.yml) is not in the app"
    tell "$tool" "no tests found: $config, named by $key in .slipway.yml, is not in the app"
    return
  fi
  [[ -n "$config" ]] || config="$(first_existing phpunit.xml phpunit.xml.dist phpunit.dist.xml)"
  local arguments=()
  if [[ -z "$config" ]]; then
    if [[ ! -d tests ]]; then
      note "$tool: no phpunit.xml(.dist) and no tests/ folder, skipped"
      tell "$tool" "no tests found: no phpunit.xml(.dist) and no tests/ folder at the repository root ($key in .slipway.yml names another configuration)$(simpletest_hint)"
      return
    fi
    [[ ! -f vendor/autoload.php ]] || arguments+=(--bootstrap vendor/autoload.php)
    arguments+=(tests)
  fi
  local phpunit=()
  mapfile -t phpunit < <(find_tool phpunit)
  if [[ ${#phpunit[@]} -eq 0 ]]; then
    could_not_run "$tool" "phpunit is not there (neither vendor/bin/phpunit nor phpunit on PATH)"
    return
  fi
  local report="$work_dir/$tool.xml" status=0
  note "$tool: ${phpunit[*]} ${config:-${arguments[*]}}"
  [[ -z "$config" ]] || arguments=(--configuration "$config")
  "${phpunit[@]}" --log-junit "$report" "${arguments[@]}" </dev/null >&2 || status=$?
  hand_back_junit "$tool" "$status" "$report" "phpunit exited with code $status without writing a JUnit report" \
    "phpunit ran ${config:-tests/} and found no test cases"
}

# Behat writes one JUnit file per suite; the protocol wants one document per tool.
merge_junit_files() {
  php -r '
    $merged = new DOMDocument("1.0", "UTF-8");
    $merged->formatOutput = true;
    $root = $merged->appendChild($merged->createElement("testsuites"));
    $root->setAttribute("name", "behat");
    foreach (array_slice($argv, 1) as $file) {
        $document = new DOMDocument();
        if (!$document->load($file)) {
            fwrite(STDERR, "run-tests: behat: cannot read $file\n");
            exit(1);
        }
        foreach ($document->getElementsByTagName("testsuite") as $suite) {
            $root->appendChild($merged->importNode($suite, true));
        }
    }
    echo $merged->saveXML();
  ' "$@"
}

# run_behat TOOL CONFIG KEY: CONFIG empty finds behat.yml(.dist), and runs nothing without one.
run_behat() {
  local tool="$1" config="$2" key="$3"
  [[ -n "$config" ]] || config="$(first_existing behat.yml behat.yml.dist behat.dist.yml)"
  [[ -n "$config" ]] || return
  if [[ ! -f "$config" ]]; then
    tell "$tool" "no tests found: $config, named by $key in .slipway.yml, is not in the app"
    return
  fi
  local behat=()
  mapfile -t behat < <(find_tool behat)
  if [[ ${#behat[@]} -eq 0 ]]; then
    could_not_run "$tool" "$config is there but behat is not (neither vendor/bin/behat nor behat on PATH)"
    return
  fi
  local out_dir="$work_dir/$tool-behat" status=0
  mkdir -p "$out_dir"
  note "$tool: ${behat[*]} --config $config"
  "${behat[@]}" --config "$config" --no-interaction --no-colors \
    --format progress --out std --format junit --out "$out_dir" </dev/null >&2 || status=$?
  local reports=()
  mapfile -t reports < <(find "$out_dir" -type f -name '*.xml' | LC_ALL=C sort)
  if [[ ${#reports[@]} -eq 0 ]]; then
    could_not_run "$tool" "behat exited with code $status without writing a JUnit report"
    return
  fi
  local report="$work_dir/$tool.xml"
  if ! merge_junit_files "${reports[@]}" >"$report"; then
    could_not_run "$tool" "its JUnit files could not be merged"
    return
  fi
  emit_report "$tool" junit "$status" "$report"
}

# run_command TOOL JUNIT WORD...: the app's own command, run as its words (exec in a subshell runs the first
# word as a program: no shell parsing, no function or builtin of this script, and a NAME=VALUE first word is a
# program name, not a setting), then the JUnit file it wrote. A file left from before is removed
# first, so that only this run's results count.
run_command() {
  local tool="$1" junit="$2" status=0
  shift 2
  rm -f -- "$junit"
  mkdir -p -- "$(dirname -- "$junit")"
  note "$tool: $*"
  (exec -- "$@") </dev/null >&2 || status=$?
  hand_back_junit "$tool" "$status" "$junit" "$1 exited with code $status without writing $junit" "$1 wrote $junit with no test cases"
}

# The runners of SLIPWAY_TEST_RUNNERS (JSON from .slipway.yml's tests.runners) as one stream of NUL-ended fields,
# decoded by a single php (each start costs): per runner its name, kind, config, junit, the number of its
# command's words, then the words. JSON keeps each word whole; no shell ever parses it.
runner_fields() {
  php -r '
    $runners = json_decode((string) getenv("SLIPWAY_TEST_RUNNERS"), true);
    if (!is_array($runners) || $runners === [] || $runners !== array_values($runners)) {
        exit(1);
    }
    foreach ($runners as $runner) {
        $command = is_array($runner["command"] ?? null) ? array_values($runner["command"]) : [];
        $fields = array_merge([$runner["name"] ?? "", $runner["kind"] ?? "", $runner["config"] ?? "", $runner["junit"] ?? "", count($command)], $command);
        foreach ($fields as $field) {
            echo is_scalar($field) ? str_replace("\0", "", (string) $field) : "", "\0";
        }
    }
  '
}

# The runners of tests.runners, in order, each under its own name; checked again here, as on Slipway's side.
run_declared_runners() {
  local fields=() at=0 number=0 name kind config junit count words=()
  if ! runner_fields >"$work_dir/runners"; then
    could_not_run "" "SLIPWAY_TEST_RUNNERS (tests.runners in .slipway.yml) is not a JSON list of runners"
    return
  fi
  mapfile -d '' -t fields <"$work_dir/runners"
  while ((at + 5 <= ${#fields[@]})); do
    name="${fields[at]}" kind="${fields[at + 1]}" config="${fields[at + 2]}" junit="${fields[at + 3]}" count="${fields[at + 4]}"
    words=("${fields[@]:at + 5:count}")
    at=$((at + 5 + count))
    number=$((number + 1))
    if [[ ! "$name" =~ $RUNNER_NAME_PATTERN ]]; then
      could_not_run "" "runner $number of tests.runners has the name '$name', not lower-case letters, digits and -"
      continue
    fi
    case "$kind" in
      phpunit) run_phpunit "$name" "$config" "tests.runners[$name].phpunit" ;;
      behat) run_behat "$name" "$config" "tests.runners[$name].behat" ;;
      command)
        if [[ ${#words[@]} -eq 0 || -z "$junit" || "$junit" == /* || "/$junit/" == */../* ]]; then
          could_not_run "$name" "its command or its junit path (relative, inside the app) is missing"
          continue
        fi
        run_command "$name" "$junit" "${words[@]}"
        ;;
      *) could_not_run "$name" "it is of the kind '$kind', which run-tests.sh does not know" ;;
    esac
  done
}
