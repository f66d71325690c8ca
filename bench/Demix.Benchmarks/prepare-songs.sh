# Sourced by the measure.sh scripts: builds `demix` into the work folder and makes the test songs there
# (3, 10 and 60 minutes of stereo 44.1 kHz 16-bit WAV: the MUSDB18 training previews' mixtures, stream 0,
# concatenated and looped; never committed). Expects $repo and $work; sets $demix; leaves the shell in $work.
mkdir -p "$work"
cd "$work"
echo "work folder: $work"
dotnet build "$repo/src/Demix.Cli" -c Release -o "$work/cli" --nologo -v quiet >/dev/null
demix="$work/cli/demix"

if [ ! -f song3min.wav ]; then
  python3 - "$repo/../shared/data/musdb18-7/train" <<'PY' > list.txt
import glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.stem.mp4"))[:27]:
    print("file '" + path.replace("'", "'\\''") + "'")
PY
  ffmpeg -loglevel error -y -f concat -safe 0 -i list.txt -map 0:a:0 -t 180 -ar 44100 -ac 2 -c:a pcm_s16le song3min.wav
fi
[ -f song10min.wav ] || ffmpeg -loglevel error -y -stream_loop 3 -i song3min.wav -t 600 -c:a pcm_s16le song10min.wav
[ -f song60min.wav ] || ffmpeg -loglevel error -y -stream_loop 19 -i song3min.wav -t 3600 -c:a pcm_s16le song60min.wav
