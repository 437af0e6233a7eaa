#!/usr/bin/env bash
# Smoke test of the package as users get it: npm pack, install the tarball in an empty project,
# run the installed `ivr-audit`. Prints one "ok"/"FAIL" line per check and exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failures=0
passes=0
check() {
  local name="$1" expected="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok   $name"
    passes=$((passes + 1))
  else
    echo "FAIL $name (exit $status, expected $expected)"
    sed 's/^/     /' "$work/err" | head -5
    failures=$((failures + 1))
  fi
}

(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null 2>&1) || { echo "FAIL npm pack"; exit 1; }
mkdir "$work/project"
cd "$work/project"
npm init -y >/dev/null 2>&1
npm install --silent "$work"/ivr-audit-*.tgz >/dev/null 2>&1 || { echo "FAIL npm install of the packed tarball"; exit 1; }
cp "$root/examples/acme-support.yaml" clean.yaml
printf 'version: 1\nname: [broken\n' > broken.yaml

check "lint a clean flow exits 0" 0 npx --no-install ivr-audit lint clean.yaml
check "lint a broken flow exits 1" 1 npx --no-install ivr-audit lint broken.yaml
check "a missing path exits 2" 2 npx --no-install ivr-audit lint missing.yaml
check "json output" 0 npx --no-install ivr-audit lint clean.yaml -f json -o out.json
check "json output parses" 0 node -e 'JSON.parse(require("fs").readFileSync("out.json","utf8"))'
check "html report" 0 npx --no-install ivr-audit report clean.yaml -o report.html
check "report is one self-contained file" 0 grep -q '<svg' report.html
check "the package ships the oclif manifest" 0 test -f node_modules/ivr-audit/oclif.manifest.json
check "version" 0 npx --no-install ivr-audit --version
check "help" 0 npx --no-install ivr-audit --help
check "rules catalog" 0 npx --no-install ivr-audit rules
check "schema" 0 npx --no-install ivr-audit schema
check "init" 0 npx --no-install ivr-audit init
check "the example init writes lints clean" 0 npx --no-install ivr-audit lint flows

# The library API as a dependency sees it: dist/index.js through the package's exports, and its
# types (checked by the repository's own TypeScript, strict, as an ES module of the project).
cat > api.mjs <<'JS'
import { audit, RULES } from 'ivr-audit';
const result = await audit(['clean.yaml'], { noConfig: true });
if (result.files.length !== 1 || typeof result.files[0].score?.value !== 'number' || RULES.length === 0) process.exit(1);
JS
cat > api.mts <<'TS'
import { audit, type AuditResult, type FileResult } from 'ivr-audit';
const result: AuditResult = await audit(['clean.yaml'], { noConfig: true, concurrency: 2 });
const first: FileResult | undefined = result.files[0];
console.log(first?.file);
TS
check "library API: audit() from the installed package" 0 node api.mjs
check "library API: its types check" 0 "$root/node_modules/.bin/tsc" --noEmit --strict --skipLibCheck false --target es2022 --module nodenext --moduleResolution nodenext --typeRoots "$root/node_modules/@types" --types node api.mts

echo "smoke checks: $passes ok, $failures failed"
echo "$passes $failures" > "${SMOKE_COUNTS:-/dev/null}"
[ "$failures" -eq 0 ]
