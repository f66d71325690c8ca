#!/usr/bin/env bash
# Shipping figures for `demix separate` with the default model (models/default.*), end to end (process start,
# 16-bit WAV decode, separation, 16-bit WAV encode of vocals and accompaniment):
#  - x real time on a 3-minute stereo 44.1 kHz WAV, median of 3 runs, with the default options and with each
#    test-time option (--swap, --shifts 2, --wiener-iterations 0);
#  - peak resident memory (/usr/bin/time -v) on 3, 10 and 60 minutes of the same music (flat in length).
# The music is the MUSDB18 training previews' mixtures (stream 0) concatenated and looped; never committed.
# Usage: bench/Demix.Benchmarks/Shipping/measure.sh [work-folder]   (needs ffmpeg and GNU time; quiet machine)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-$(mktemp -d /tmp/demix-shipping-measure.XXXXXX)}
# shellcheck source=../prepare-songs.sh
source "$repo/bench/Demix.Benchmarks/prepare-songs.sh"

echo "load: $(uptime)"
for options in "" "--swap" "--shifts 2" "--wiener-iterations 0"; do
  for run in 1 2 3; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S" -o t.txt "$demix" separate song3min.wav -o out3 -q --force $options
    cat t.txt
  done | sort -n | sed -n 2p | awk -v o="${options:-default options}" \
    '{ printf "%-22s 3 min: median wall %6.2f s = %5.1fx real time; CPU %6.2f s = %5.1fx real time per CPU second\n", o, $1, 180/$1, $2+$3, 180/($2+$3) }'
done
rm -rf out3

for minutes in 3 10 60; do
  /usr/bin/time -v -o rss.txt "$demix" separate "song${minutes}min.wav" -o out -q --force
  awk -v m="$minutes" -F': ' '/Maximum resident/ { rss=$2 } /Elapsed/ { wall=$2 } /User time/ { user=$2 } /System time/ { sys=$2 }
    END { printf "%2d min: peak RSS %4.0f MB, wall %s, CPU %.1f s\n", m, rss/1024, wall, user+sys }' rss.txt
  rm -rf out
done
echo "load: $(uptime)"
