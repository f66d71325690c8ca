using System.Diagnostics;
using Demix.Audio;
using Demix.Separation.Methods;
using Demix.Separation.Pipeline;
using Demix.Web.Reports;

namespace Demix.Cli.Separate;

/// <summary>Separates one input file into its stem files, all or nothing, and says how it went.</summary>
public sealed class TrackJob
{
    private readonly SeparateRequest request;
    private readonly OutputNaming naming;

    /// <summary>Creates the job runner for a request.</summary>
    public TrackJob(SeparateRequest request, OutputNaming naming)
    {
        this.request = request;
        this.naming = naming;
    }

    /// <summary>Runs the pipeline on <paramref name="input"/>; never throws for a problem with this file.</summary>
    public TrackResult Run(InputFile input, IProgress<double>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            ISeparationMethod method = request.CreateMethod();
            using IAudioSource source = AudioFile.Open(input.Path);
            var writeOptions = new AudioWriteOptions
            {
                Overwrite = request.Force, Format = request.Format, BitDepth = request.BitDepth, BitRateKbps = request.BitRateKbps,
            };
            using var outputs = new FileStemOutputs(stem => IsWanted(stem) ? naming.PathOf(input.TrackName, stem) : null,
                (path, format) => AudioFile.Create(path, format, writeOptions));
            var pipeline = new SeparationPipeline(method, new PipelineOptions { Downmix = request.Downmix, OutputSampleRate = request.SampleRate });
            TrackSummary summary = pipeline.Run(source, input.Path, outputs, progress, cancellation);
            var written = method.Stems.Where(IsWanted).ToDictionary(stem => stem, stem => naming.PathOf(input.TrackName, stem));
            if (request.Report) WriteReport(input, written);
            return new TrackResult(input.Path, TrackStatus.Done, null, written, summary.DurationSeconds, clock.Elapsed.TotalSeconds);
        }
        catch (AudioFileException e)
        {
            return TrackResult.Error(input.Path, TrackStatus.UserError, e.Message);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return TrackResult.Error(input.Path, TrackStatus.Cancelled, $"'{input.Path}': interrupted; nothing was written.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TrackResult.Error(input.Path, TrackStatus.Failed, $"'{input.Path}': {e.Message}");
        }
    }

    /// <summary>report.html in the stems' folder (named after the track when the folder is shared by several tracks).</summary>
    private void WriteReport(InputFile input, Dictionary<string, string> written)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(written.Values.First()))!;
        string fileName = Path.GetFileName(folder) == Path.GetFileName(input.TrackName) ? "report.html" : $"{Path.GetFileName(input.TrackName)}.report.html";
        SeparationReport.Write(folder, input.Path, [.. written.Select(w => new ReportTrack(w.Key, w.Value))],
            options: new ReportOptions { FileName = fileName, Overwrite = request.Force });
    }

    private bool IsWanted(string stem) => request.Stems is null || request.Stems.Contains(stem);
}
