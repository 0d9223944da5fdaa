# Sourced, not run: what run-tests.sh and run-analysis.sh share — how a tool's
# report is printed between marker lines (docs/results-protocol.md), in one place so the two task
# scripts cannot speak the protocol differently.

# Prints one report between its markers; the end marker always starts on its own line. A
# report line that would read as a marker (a test printing one) gets its first ':' as "&#58;",
# which XML reads back as the same text (docs/results-protocol.md).
emit_report() {
  local tool="$1" format="$2" status="$3" report="$4"
  printf '::slipway:: begin tool=%s format=%s\n' "$tool" "$format"
  sed 's/^::slipway::/\&#58;:slipway::/' "$report"
  [[ -z "$(tail -c 1 "$report")" ]] || printf '\n'
  printf '::slipway:: end tool=%s exit=%s\n' "$tool" "$status"
}

# The first of the given files that exists in the current folder (an app's config file).
first_existing() {
  local file
  for file in "$@"; do
    if [[ -f "$file" ]]; then
      printf '%s\n' "$file"
      return
    fi
  done
}

# Prints a note: one line the report shows as the task's own explanation (docs/results-protocol.md).
# The tool is optional; the text is printed as it is, on one line.
tell() {
  local tool="$1" text="$2"
  text="${text//$'\n'/ }"
  if [[ -n "$tool" ]]; then
    printf '::slipway:: note tool=%s %s\n' "$tool" "$text"
  else
    printf '::slipway:: note %s\n' "$text"
  fi
}
