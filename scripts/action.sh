#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), as a script so that CI and the tests can run them
# without GitHub: lint with annotations, SARIF and the job summary; on a pull request, diff against
# its base. Inputs come as environment variables:
#   IVR_AUDIT_PATHS       files, folders or globs, space-separated (default: .)
#   IVR_AUDIT_MIN_SCORE   fail when a flow scores below this (optional)
#   IVR_AUDIT_FAIL_ON     error | warning | info | none (default: error)
#   IVR_AUDIT_SARIF       the SARIF file to write (default: ivr-audit.sarif)
#   IVR_AUDIT_BIN         the CLI (default: bin/run.js beside this script)
# and GitHub's own: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_NAME, GITHUB_BASE_REF.
# Exits with lint's exit code, after the diff has been written.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${IVR_AUDIT_BIN:-$here/../bin/run.js}
sarif=${IVR_AUDIT_SARIF:-ivr-audit.sarif}
read -r -a paths <<< "${IVR_AUDIT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
export GITHUB_ACTIONS=${GITHUB_ACTIONS:-true}

gates=(--fail-on "${IVR_AUDIT_FAIL_ON:-error}")
[ -z "${IVR_AUDIT_MIN_SCORE:-}" ] || gates+=(--min-score "$IVR_AUDIT_MIN_SCORE")

report=$(mktemp)
trap 'rm -f "$report"' EXIT
# Annotations on stdout (the log and the pull request), SARIF for code scanning, Markdown for the summary.
node "$bin" lint "${paths[@]}" "${gates[@]}" -f github -f "sarif=$sarif" -f "markdown=$report"
lint_status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$report" ]; then cat "$report" >> "$GITHUB_STEP_SUMMARY"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif=$sarif"; echo "exit-code=$lint_status"; } >> "$GITHUB_OUTPUT"
fi

# On a pull request: what the change does to the callers, against the base branch.
if [ "${GITHUB_EVENT_NAME:-}" = pull_request ] || [ "${GITHUB_EVENT_NAME:-}" = pull_request_target ]; then
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
    # actions/checkout fetches one commit by default; the base may not be there yet.
    git rev-parse --verify --quiet "$base^{commit}" >/dev/null || git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base" || true
    # diff appends its Markdown table to GITHUB_STEP_SUMMARY itself; stdout gets the text.
    node "$bin" diff "$base" HEAD "${paths[@]}"
    diff_status=$?
    [ -z "${GITHUB_OUTPUT:-}" ] || echo "diff-exit-code=$diff_status" >> "$GITHUB_OUTPUT"
  fi
fi
exit "$lint_status"
