using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// The flow for one track, block by block: decode -> (downmix) -> method channels -> resample to the
/// method's rate -> method stream -> track channels -> resample to the output rate -> encode per stem.
/// Memory is a few blocks plus the method's look-ahead, whatever the length of the track.
/// </summary>
public sealed class SeparationPipeline
{
    private readonly ISeparationMethod method;
    private readonly PipelineOptions options;

    /// <summary>Creates a pipeline around <paramref name="method"/>.</summary>
    public SeparationPipeline(ISeparationMethod method, PipelineOptions? options = null)
    {
        this.method = method ?? throw new ArgumentNullException(nameof(method));
        this.options = options ?? new PipelineOptions();
    }

    /// <summary>Separates <paramref name="source"/> into <paramref name="outputs"/> and commits them.</summary>
    /// <param name="source">The decoded track.</param>
    /// <param name="name">The track's file name, for error messages.</param>
    /// <param name="outputs">Receives the stems; committed at the end, abandoned on any failure.</param>
    /// <param name="progress">Receives the fraction done in [0, 1] when the track length is known.</param>
    /// <param name="cancellation">Stops between blocks; nothing is written then.</param>
    /// <exception cref="AudioFormatException">More than two channels without <see cref="PipelineOptions.Downmix"/>.</exception>
    public TrackSummary Run(IAudioSource source, string name, IStemOutputs outputs,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(outputs);
        AudioFormat input = source.Format;
        float[][]? downmix = DownmixGains(input.ChannelCount, name);
        int trackChannels = downmix is null ? input.ChannelCount : 2;
        int methodRate = method.SampleRate ?? input.SampleRate;
        var outputFormat = new AudioFormat(options.OutputSampleRate ?? input.SampleRate, trackChannels);
        IAudioSink?[] sinks = [.. method.Stems.Select(stem => outputs.Open(stem, outputFormat))];
        float[][] toMethod = ChannelMapping.Gains(trackChannels, method.ChannelCount);
        var mapped = new ChannelMappedSource(source, downmix is null ? toMethod : ChannelMapping.Multiply(toMethod, downmix));
        var driver = new PipelineDriver(SincResampler.Resample(mapped, methodRate), method.Open(methodRate), options.BlockFrames,
            () => ReportProgress(progress, mapped), cancellation);
        var queues = new StemQueueSource?[sinks.Length];
        for (int s = 0; s < sinks.Length; s++)
        {
            if (sinks[s] is not null) queues[s] = new StemQueueSource(new AudioFormat(methodRate, trackChannels), driver.Step);
        }
        driver.Sink = new StemQueueSink(ChannelMapping.Gains(method.ChannelCount, trackChannels), queues);
        CopyStems(queues, sinks, outputFormat.SampleRate, driver);
        cancellation.ThrowIfCancellationRequested();
        outputs.CommitAll();
        progress?.Report(1.0);
        return new TrackSummary(name, input, outputFormat, mapped.FramesRead, method.Name);
    }

    /// <summary>Reads every wanted stem in turn (resampled to the output rate) into its sink until all end.</summary>
    private void CopyStems(StemQueueSource?[] queues, IAudioSink?[] sinks, int outputRate, PipelineDriver driver)
    {
        var readers = queues.Select(q => q is null ? null : SincResampler.Resample(q, outputRate)).ToArray();
        var buffer = new float[options.BlockFrames * sinks.Where(s => s is not null).Select(s => s!.Format.ChannelCount).DefaultIfEmpty(1).Max()];
        bool anyActive = readers.Any(r => r is not null);
        while (anyActive)
        {
            anyActive = false;
            for (int s = 0; s < readers.Length; s++)
            {
                if (readers[s] is not IAudioSource reader) continue;
                int samples = reader.Read(buffer.AsSpan(0, options.BlockFrames * reader.Format.ChannelCount));
                if (samples == 0) { readers[s] = null; continue; }
                sinks[s]!.Write(buffer.AsSpan(0, samples));
                anyActive = true;
            }
        }
        while (driver.Step()) { }   // no stem wanted: still run the method to the end
    }

    private static void ReportProgress(IProgress<double>? progress, ChannelMappedSource mapped)
    {
        if (progress is null || mapped.FrameCount is not long total || total <= 0) return;
        progress.Report(Math.Min(1.0, (double)mapped.FramesRead / total));
    }

    private float[][]? DownmixGains(int channelCount, string name)
    {
        if (channelCount <= 2) return null;
        if (!options.Downmix)
        {
            throw new AudioFormatException(name,
                $"it has {channelCount} channels; Demix separates mono and stereo, so pass --downmix to mix them down to stereo.");
        }
        return ChannelMapping.StereoDownmixGains(channelCount);
    }
}

/// <summary>What one run of the pipeline did.</summary>
/// <param name="Name">The track's file name.</param>
/// <param name="InputFormat">Rate and channels of the decoded input.</param>
/// <param name="OutputFormat">Rate and channels of every written stem.</param>
/// <param name="InputFrames">Frames read from the input.</param>
/// <param name="Method">The method's name.</param>
public sealed record TrackSummary(string Name, AudioFormat InputFormat, AudioFormat OutputFormat, long InputFrames, string Method)
{
    /// <summary>Duration of the input in seconds.</summary>
    public double DurationSeconds => (double)InputFrames / InputFormat.SampleRate;
}
