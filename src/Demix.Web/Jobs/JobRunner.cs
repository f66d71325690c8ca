using Demix.Audio;
using Demix.Imaging.Png;
using Demix.Separation.Pipeline;
using Demix.Web.Spectrograms;
using Microsoft.Extensions.Logging;

namespace Demix.Web.Jobs;

/// <summary>
/// Runs one job in its folder: decode the input to <c>mixture.wav</c> (16-bit, mono or stereo), separate it
/// into <c>vocals.wav</c> and <c>accompaniment.wav</c>, draw a spectrogram PNG of each. On any failure or
/// cancellation the job's folder is deleted and the job is marked failed with a message for the user.
/// </summary>
public sealed class JobRunner
{
    private const double DecodeShare = 0.15, SeparateShare = 0.65;
    private const int BlockFrames = 1 << 15;

    private readonly SpectrogramSettings spectrogram;
    private readonly SeparationChoices choices;
    private readonly ILogger<JobRunner> logger;

    public JobRunner(ServeOptions options, SeparationChoices choices, ILogger<JobRunner> logger)
    {
        this.choices = choices;
        spectrogram = options.Spectrogram;
        this.logger = logger;
    }

    /// <summary>Runs <paramref name="job"/> to the end; never throws for a bad song (the job fails instead).</summary>
    public void Run(Job job, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            job.Report("decoding", 0);
            string mixture = Path.Combine(job.Folder, StemFiles.AudioFile(StemFiles.Mixture)!);
            long frames = Decode(job, mixture, cancellation);
            Separate(job, mixture, cancellation);
            IReadOnlyList<string> tracks = [.. StemFiles.Names.Where(t => File.Exists(Path.Combine(job.Folder, StemFiles.AudioFile(t)!)))];
            DrawSpectrograms(job, tracks, cancellation);
            if (job.InputPath.StartsWith(job.Folder, StringComparison.Ordinal)) File.Delete(job.InputPath);
            using (IAudioSource source = AudioFile.Open(mixture)) job.Complete((double)frames / source.Format.SampleRate, tracks);
        }
        catch (OperationCanceledException)
        {
            Abandon(job, "the server stopped while this job ran.");
        }
        catch (AudioFileException e)
        {
            Abandon(job, $"'{job.DisplayName}': {e.Problem.Replace(job.InputPath, job.DisplayName, StringComparison.Ordinal).Replace(job.Folder, "", StringComparison.Ordinal)}");
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Job {Id} failed", job.Id);
            Abandon(job, $"'{job.DisplayName}': separation failed: {e.Message}");
        }
    }

    private static void Abandon(Job job, string message)
    {
        JobStore.DeleteFolder(job.Folder);
        job.Fail(message);
    }

    /// <summary>Decodes the input (any format ffmpeg reads) to a 16-bit WAV the browser can play.</summary>
    private static long Decode(Job job, string mixture, CancellationToken cancellation)
    {
        using IAudioSource source = AudioFile.Open(job.InputPath, new AudioReadOptions { RequireMonoOrStereo = true, Downmix = Downmix.Itu });
        using IAudioSink sink = AudioFile.Create(mixture, source.Format);
        var block = new float[BlockFrames * source.Format.ChannelCount];
        long frames = 0;
        for (int samples; (samples = source.Read(block)) > 0;)
        {
            cancellation.ThrowIfCancellationRequested();
            sink.Write(block.AsSpan(0, samples));
            frames += samples / source.Format.ChannelCount;
            if (source.FrameCount is long total && total > 0) job.Report("decoding", DecodeShare * Math.Min(1, (double)frames / total));
        }
        sink.Complete();
        return frames;
    }

    private void Separate(Job job, string mixture, CancellationToken cancellation)
    {
        ISeparationMethod method = choices.Create(job.Method);
        using IAudioSource source = AudioFile.Open(mixture);
        using var outputs = new FileStemOutputs(
            stem => StemFiles.AudioFile(stem) is string file && stem != StemFiles.Mixture ? Path.Combine(job.Folder, file) : null,
            (path, format) => AudioFile.Create(path, format));
        var progress = new InlineProgress(fraction => job.Report("separating", DecodeShare + SeparateShare * fraction));
        new SeparationPipeline(method).Run(source, job.DisplayName, outputs, progress, cancellation);
    }

    private void DrawSpectrograms(Job job, IReadOnlyList<string> tracks, CancellationToken cancellation)
    {
        for (int i = 0; i < tracks.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            job.Report("drawing spectrograms", DecodeShare + SeparateShare + (1 - DecodeShare - SeparateShare) * i / tracks.Count);
            string audio = Path.Combine(job.Folder, StemFiles.AudioFile(tracks[i])!);
            string png = Path.Combine(job.Folder, StemFiles.SpectrogramFile(tracks[i])!);
            PngEncoder.Save(SpectrogramRenderer.Render(audio, spectrogram with { Title = tracks[i] }), png);
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (no synchronisation context hop).</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
