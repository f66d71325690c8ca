namespace Demix.Audio;

/// <summary>
/// What <c>demix info</c> shows about a file: container and codec as the header states them, and duration,
/// rate, channels, peak and RMS level measured by decoding the whole stream (block by block, bounded memory).
/// </summary>
/// <param name="FilePath">The file, as given.</param>
/// <param name="Container">Container, e.g. "WAV (RIFF)" or "QuickTime / MOV".</param>
/// <param name="Codec">Codec of the stream, e.g. "PCM 16-bit integer" or "AAC (Advanced Audio Coding)".</param>
/// <param name="AudioStreamCount">Audio streams in the file (5 for an NI stem MP4).</param>
/// <param name="StreamIndex">The stream measured.</param>
/// <param name="SampleRate">Samples per second per channel, in Hz.</param>
/// <param name="ChannelCount">Number of channels.</param>
/// <param name="FrameCount">Sample frames decoded.</param>
/// <param name="PeakDbfs">Largest absolute sample, in dBFS (negative infinity for digital silence).</param>
/// <param name="RmsDbfs">RMS over all channels, in dBFS (a full-scale sine is -3.01).</param>
public sealed record AudioInfo(
    string FilePath,
    string Container,
    string Codec,
    int AudioStreamCount,
    int StreamIndex,
    int SampleRate,
    int ChannelCount,
    long FrameCount,
    double PeakDbfs,
    double RmsDbfs)
{
    private const int BlockFrames = 16_384;

    /// <summary>Duration in seconds (decoded frames / rate).</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>Probes and measures one audio stream of a file.</summary>
    /// <exception cref="AudioFormatException">As for <see cref="AudioFile.Open"/>.</exception>
    public static AudioInfo Probe(string path, int streamIndex = 0)
    {
        using IAudioSource source = AudioFile.Open(path, new AudioReadOptions { StreamIndex = streamIndex });
        (string container, string codec, int streamCount) = Describe(source, path);
        var meter = new LevelMeter();
        var block = new float[BlockFrames * source.Format.ChannelCount];
        for (int samples; (samples = source.Read(block)) > 0;) meter.Add(block.AsSpan(0, samples));
        long frames = meter.SampleCount / source.Format.ChannelCount;
        return new AudioInfo(path, container, codec, streamCount, streamIndex, source.Format.SampleRate,
            source.Format.ChannelCount, frames, meter.PeakDbfs, meter.RmsDbfs);
    }

    private static (string Container, string Codec, int StreamCount) Describe(IAudioSource source, string path)
    {
        if (source is WavSource wav)
        {
            WavHeader header = wav.Header;
            string container = header.IsRf64 ? "WAV (RF64)" : "WAV (RIFF)";
            string kind = header.SampleFormat.IsFloat() ? "IEEE float" : "PCM integer";
            string codec = $"{kind} {header.SampleFormat.BytesPerSample() * 8}-bit" + (header.IsExtensible ? " (WAVE_FORMAT_EXTENSIBLE)" : "");
            return (container, codec, 1);
        }
        if (source is FfmpegDecoder decoder)
        {
            return (decoder.Probe.ContainerDescription, decoder.Stream.CodecDescription, decoder.Probe.AudioStreams.Count);
        }
        throw new InvalidOperationException($"Unexpected source type {source.GetType().Name} for '{path}'.");
    }
}
