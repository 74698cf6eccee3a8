#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one closing line
# "N passed, N failed" summed over all projects (CI reads that line).
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v sipp >/dev/null 2>&1; then
  echo "warning: sipp is not installed (Debian: apt-get install -y sip-tester); the SIPp interop tests will fail." >&2
fi

results=TestResults
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build CallCenter.Actors.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The in-process projects run side by side; the end-to-end project (real node processes, SIPp, PostgreSQL) runs after
# them, alone, so its timing-sensitive steps do not compete with the unit suites for the machine's cores.
end_to_end=CallCenter.EndToEnd.Tests
dotnet test CallCenter.Actors.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~$end_to_end." \
  --logger "trx" --results-directory "$results" --blame-hang-timeout 10m 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
dotnet test "tests/$end_to_end" -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" --blame-hang-timeout 10m 2>&1 | tee -a "$results/console.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "${#trx_files[@]}" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # A crashed or hung test host leaves no failed count behind; it still must not look green.
  failed=$((failed + 1))
fi

if [ "$failed" -gt 0 ] && command -v python3 >/dev/null 2>&1; then
  python3 tests/failed-digest.py "${trx_files[@]}"
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
