#!/usr/bin/env bash
# Runs every Demix test (the README's test command). Installs ffmpeg first when it is missing
# (the compressed-format tests decode through it) and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v ffmpeg >/dev/null 2>&1 && [ -z "${DEMIX_FFMPEG:-}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ffmpeg (needed by the decoding tests)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg) >/dev/null 2>&1 \
      || { echo "test.sh: could not install ffmpeg; install it with 'apt-get install ffmpeg'" >&2; exit 2; }
  else
    echo "test.sh: ffmpeg is missing; install it with 'sudo apt-get install ffmpeg'" >&2; exit 2
  fi
fi

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing chromium (needed by the browser test of demix serve)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
    || echo "test.sh: could not install chromium; the browser test will fail" >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Demix.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...").
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
