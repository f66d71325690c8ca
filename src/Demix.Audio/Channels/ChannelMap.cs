namespace Demix.Audio;

/// <summary>
/// The channel rules of Demix: mono stays mono and stereo stays stereo (nothing is converted implicitly);
/// mono to stereo (duplicate) and stereo to mono (average) are explicit operations; more than 2 channels are an
/// error unless an explicit <see cref="Downmix"/> is given.
/// </summary>
public static class ChannelMap
{
    /// <summary>Mono or stereo as it is; more channels downmixed to stereo as <paramref name="downmix"/> says.</summary>
    /// <param name="path">The file name for the error message.</param>
    /// <exception cref="AudioFormatException">More than 2 channels and no (or no applicable) downmix.</exception>
    public static IAudioSource ToMonoOrStereo(IAudioSource source, Downmix downmix, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ChannelMatrix? matrix = MatrixFor(source.Format.ChannelCount, downmix, path);
        return matrix is null ? source : new ChannelMixSource(source, matrix);
    }

    /// <summary>Mono or stereo as it is; more channels downmixed to stereo as <paramref name="downmix"/> says.</summary>
    /// <param name="path">The file name for the error message.</param>
    /// <exception cref="AudioFormatException">More than 2 channels and no (or no applicable) downmix.</exception>
    public static Waveform ToMonoOrStereo(Waveform waveform, Downmix downmix, string path)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        ChannelMatrix? matrix = MatrixFor(waveform.ChannelCount, downmix, path);
        return matrix is null ? waveform : matrix.Apply(waveform);
    }

    /// <summary>Mono to stereo by duplication; stereo is returned as it is.</summary>
    public static Waveform ToStereo(Waveform waveform) => waveform.ChannelCount switch
    {
        1 => ChannelMatrix.Duplicate.Apply(waveform),
        2 => waveform,
        _ => throw new ArgumentException($"ToStereo takes mono or stereo, not {waveform.ChannelCount} channels; downmix first.", nameof(waveform)),
    };

    /// <summary>Stereo to mono by averaging; mono is returned as it is.</summary>
    public static Waveform ToMono(Waveform waveform) => waveform.ChannelCount switch
    {
        1 => waveform,
        2 => ChannelMatrix.Average.Apply(waveform),
        _ => throw new ArgumentException($"ToMono takes mono or stereo, not {waveform.ChannelCount} channels; downmix first.", nameof(waveform)),
    };

    /// <summary>Mono to stereo by duplication, streaming; stereo sources are returned as they are.</summary>
    public static IAudioSource ToStereo(IAudioSource source) =>
        source.Format.ChannelCount == 1 ? new ChannelMixSource(source, ChannelMatrix.Duplicate) : source;

    /// <summary>Stereo to mono by averaging, streaming; mono sources are returned as they are.</summary>
    public static IAudioSource ToMono(IAudioSource source) =>
        source.Format.ChannelCount == 2 ? new ChannelMixSource(source, ChannelMatrix.Average) : source;

    /// <summary>The matrix the rules call for, or null when the channels stay as they are.</summary>
    private static ChannelMatrix? MatrixFor(int channelCount, Downmix downmix, string path)
    {
        if (channelCount <= 2) return null;
        return downmix switch
        {
            Downmix.FirstTwo => ChannelMatrix.FirstTwo(channelCount),
            Downmix.Itu => ChannelMatrix.Itu(channelCount) ?? throw new AudioFormatException(path,
                $"there is no ITU downmix for {channelCount} channels (only 3, 4, 5, 6 and 8); use the first-two downmix."),
            _ => throw new AudioFormatException(path,
                $"the file has {channelCount} channels; Demix separates mono or stereo, so choose a downmix (ITU 5.1-style or first two channels)."),
        };
    }
}
