#!/usr/bin/env bash
# Builds Demix (once, incrementally) and runs the `demix` command line with the given arguments,
# e.g. `./demix.sh separate song.mp3`. Installs ffmpeg first when it is missing and we are root,
# since every format but WAV is decoded and encoded through it.
set -euo pipefail
repo="$(cd "$(dirname "$0")" && pwd)"

if ! command -v ffmpeg >/dev/null 2>&1 && [ -z "${DEMIX_FFMPEG:-}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "demix.sh: installing ffmpeg (needed for MP3, FLAC, Ogg, M4A and stem files)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg) >/dev/null 2>&1 \
      || echo "demix.sh: could not install ffmpeg; WAV files still work" >&2
  else
    echo "demix.sh: ffmpeg not found; WAV files work, other formats need 'sudo apt-get install ffmpeg'" >&2
  fi
fi

out="$repo/artifacts/cli"
if ! dotnet build "$repo/src/Demix.Cli/Demix.Cli.csproj" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly >/dev/null; then
  dotnet build "$repo/src/Demix.Cli/Demix.Cli.csproj" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly >&2
  exit 1
fi
exec "$out/demix" "$@"
