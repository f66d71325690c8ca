using System.Buffers.Binary;

namespace Demix.Audio;

/// <summary>
/// The fields of a WAV fmt chunk that decoding needs, parsed from its body (16, 18 or 40+ bytes;
/// WAVE_FORMAT_EXTENSIBLE carries the real codec in the first two bytes of its sub-format GUID).
/// </summary>
internal sealed record WavFmtChunk(int FormatTag, int ChannelCount, int SampleRate, WavSampleFormat SampleFormat)
{
    private const int MaxSampleRateHz = 10_000_000;
    private const int MaxChannelCount = 1024;

    /// <summary>Parses and validates a fmt chunk body.</summary>
    /// <exception cref="AudioFormatException">Too short, impossible values, or a codec other than PCM and IEEE float.</exception>
    public static WavFmtChunk Parse(ReadOnlySpan<byte> body, string path)
    {
        if (body.Length < 16) throw Fail(path, $"corrupt WAV header: the fmt chunk has {body.Length} bytes, fewer than 16.");
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channelCount = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        if (channelCount is 0 or > MaxChannelCount) throw Fail(path, $"corrupt WAV header: the fmt chunk declares {channelCount} channels.");
        if (sampleRate is 0 or > MaxSampleRateHz) throw Fail(path, $"corrupt WAV header: the fmt chunk declares a sample rate of {sampleRate} Hz.");
        int codec = tag == WavFormatTags.Extensible ? ExtensibleCodec(body, path) : tag;
        int bytesPerSample = blockAlign > 0 && blockAlign % channelCount == 0 ? blockAlign / channelCount : (bitsPerSample + 7) / 8;
        if (bitsPerSample > bytesPerSample * 8)
        {
            throw Fail(path, $"corrupt WAV header: {bitsPerSample} bits per sample do not fit a block of {blockAlign} bytes for {channelCount} channels.");
        }
        WavSampleFormat format = SampleFormatOf(codec, bytesPerSample, path);
        return new WavFmtChunk(tag, channelCount, (int)sampleRate, format);
    }

    private static int ExtensibleCodec(ReadOnlySpan<byte> body, string path)
    {
        if (body.Length < 40) throw Fail(path, $"corrupt WAV header: a WAVE_FORMAT_EXTENSIBLE fmt chunk has {body.Length} bytes, fewer than 40.");
        // The sub-format GUID starts at byte 24; its first two bytes are the ordinary codec tag.
        return BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
    }

    private static WavSampleFormat SampleFormatOf(int codec, int bytesPerSample, string path)
    {
        if (codec == WavFormatTags.Pcm)
        {
            return bytesPerSample switch
            {
                1 => WavSampleFormat.Pcm8,
                2 => WavSampleFormat.Pcm16,
                3 => WavSampleFormat.Pcm24,
                4 => WavSampleFormat.Pcm32,
                _ => throw Fail(path, $"unsupported WAV sample size: {bytesPerSample * 8}-bit integer PCM."),
            };
        }
        if (codec == WavFormatTags.IeeeFloat)
        {
            return bytesPerSample switch
            {
                4 => WavSampleFormat.Float32,
                8 => WavSampleFormat.Float64,
                _ => throw Fail(path, $"unsupported WAV sample size: {bytesPerSample * 8}-bit IEEE float."),
            };
        }
        throw new AudioFormatException(path, $"unsupported WAV codec {WavFormatTags.Describe(codec)}; only PCM and IEEE float " +
            "WAVs are read directly (AudioFile.Open decodes other codecs through ffmpeg).") { IsUnsupportedCodec = true };
    }

    private static AudioFormatException Fail(string path, string problem) => new(path, problem);
}
