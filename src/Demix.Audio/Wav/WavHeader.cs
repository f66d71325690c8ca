namespace Demix.Audio;

/// <summary>What the header of a WAV (RIFF, RF64 or BW64) file says about its audio.</summary>
/// <param name="Format">Sample rate in Hz and channel count.</param>
/// <param name="SampleFormat">How each sample is stored.</param>
/// <param name="FormatTag">The codec tag of the fmt chunk (1 PCM, 3 IEEE float, 0xFFFE extensible).</param>
/// <param name="IsRf64">True for RF64/BW64 files, whose sizes live in the ds64 chunk.</param>
/// <param name="DataOffset">Byte offset of the first sample in the file.</param>
/// <param name="DataLength">Bytes of audio the data chunk declares, or null when it declares none
/// (size 0 or 0xFFFFFFFF: a streamed WAV, read to the end of the file).</param>
public sealed record WavHeader(
    AudioFormat Format,
    WavSampleFormat SampleFormat,
    int FormatTag,
    bool IsRf64,
    long DataOffset,
    long? DataLength)
{
    /// <summary>Bytes per frame (all channels of one sample instant).</summary>
    public int BlockAlign => Format.ChannelCount * SampleFormat.BytesPerSample();

    /// <summary>True when the fmt chunk is WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE).</summary>
    public bool IsExtensible => FormatTag == WavFormatTags.Extensible;
}
