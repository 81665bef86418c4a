#!/usr/bin/env bash
# Runs every test project and ends with one line 'N passed, N failed, N skipped' summed over them.
set -uo pipefail
config=${1:-Release}
log=$(mktemp)
dotnet build Chatbot.sln -c "$config" -nologo -v:q || exit 1
dotnet test Chatbot.sln -c "$config" --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
awk '
  /(Passed|Failed)!? +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
