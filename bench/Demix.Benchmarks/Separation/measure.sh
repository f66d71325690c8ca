#!/usr/bin/env bash
# End-to-end figures for `demix separate` (decode + separate + encode, 16-bit WAV in and out):
#  - speed on a 3-minute stereo 44.1 kHz WAV, median of 3 runs per classic method (wall and CPU seconds);
#  - peak resident memory (/usr/bin/time -v) separating a 60-minute stereo 44.1 kHz WAV with center and repet-sim.
# The music is the MUSDB18 previews' mixtures (stream 0) concatenated, looped to 60 minutes.
# Usage: bench/Demix.Benchmarks/Separation/measure.sh [work-folder]   (needs ffmpeg and GNU time)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-$(mktemp -d /tmp/demix-separation-measure.XXXXXX)}
# shellcheck source=../prepare-songs.sh
source "$repo/bench/Demix.Benchmarks/prepare-songs.sh"

echo "load: $(uptime)"
for method in karaoke-invert center repet-sim; do
  for run in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o t.txt "$demix" separate song3min.wav -o out3 --method "$method" -q --force
    cat t.txt
  done | sort -n | sed -n 2p | awk -v m="$method" '{ printf "%-15s 3 min: median wall %.2f s (%.0fx real time), CPU %.2f s (%.0fx)\n", m, $1, 180/$1, $2+$3, 180/($2+$3) }'
done
rm -rf out3

for method in center repet-sim; do
  /usr/bin/time -v -o rss.txt "$demix" separate song60min.wav -o out60 --method "$method" -q --force
  awk -v m="$method" -F': ' '/Maximum resident/ { rss=$2 } /Elapsed/ { wall=$2 } END { printf "%-15s 60 min: peak RSS %.0f MB, wall %s\n", m, rss/1024, wall }' rss.txt
  rm -rf out60
done
echo "load: $(uptime)"
