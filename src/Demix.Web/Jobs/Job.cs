namespace Demix.Web.Jobs;

/// <summary>
/// One separation request and its progress. The id is a server-made GUID and names the job's folder; the
/// display name comes from the client and is never used in a path. Thread-safe: a worker updates it
/// while requests read snapshots.
/// </summary>
public sealed class Job
{
    private readonly Lock gate = new();
    private JobState state = JobState.Queued;
    private double progress;
    private string stage = "queued";
    private string? error;
    private double? durationSeconds;
    private IReadOnlyList<string> tracks = [];
    private DateTime? finishedUtc;
    private long version;

    /// <summary>Creates a queued job.</summary>
    /// <param name="folder">The job's own folder (server-chosen).</param>
    /// <param name="inputPath">The file to separate: an upload inside <paramref name="folder"/>, or a library file.</param>
    /// <param name="displayName">Shown on the page only.</param>
    public Job(Guid id, string folder, string inputPath, string displayName, string method)
    {
        Id = id;
        Folder = folder;
        InputPath = inputPath;
        DisplayName = displayName;
        Method = method;
        CreatedUtc = DateTime.UtcNow;
    }

    public Guid Id { get; }

    public string Folder { get; }

    public string InputPath { get; }

    public string DisplayName { get; }

    public string Method { get; }

    public DateTime CreatedUtc { get; }

    /// <summary>When the job ended (done or failed), else null.</summary>
    public DateTime? FinishedUtc { get { lock (gate) return finishedUtc; } }

    /// <summary>True once done or failed.</summary>
    public bool IsFinished { get { lock (gate) return state is JobState.Done or JobState.Failed; } }

    /// <summary>Moves to running at <paramref name="stageName"/> with <paramref name="fraction"/> in [0, 1] done.</summary>
    public void Report(string stageName, double fraction)
    {
        lock (gate)
        {
            if (state is JobState.Done or JobState.Failed) return;
            state = JobState.Running;
            stage = stageName;
            progress = Math.Clamp(fraction, 0, 1);
            version++;
        }
    }

    /// <summary>Marks the job done; <paramref name="seconds"/> is the song's length, <paramref name="readyTracks"/> the files made (from <see cref="StemFiles.Names"/>).</summary>
    public void Complete(double seconds, IReadOnlyList<string> readyTracks)
    {
        lock (gate)
        {
            (state, stage, progress, durationSeconds, finishedUtc, tracks) = (JobState.Done, "done", 1, seconds, DateTime.UtcNow, readyTracks);
            version++;
        }
    }

    /// <summary>Marks the job failed with a message for the user.</summary>
    public void Fail(string message)
    {
        lock (gate)
        {
            (state, stage, error, finishedUtc) = (JobState.Failed, "failed", message, DateTime.UtcNow);
            version++;
        }
    }

    /// <summary>A consistent copy for JSON.</summary>
    public JobView Snapshot()
    {
        lock (gate)
        {
            return new JobView(Id, DisplayName, Method, state.ToString().ToLowerInvariant(), Math.Round(progress, 4), stage, error,
                CreatedUtc, finishedUtc, durationSeconds, tracks, version);
        }
    }
}

/// <summary>What clients see of a job.</summary>
/// <param name="State">queued, running, done or failed.</param>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="Tracks">Names of the audio files and spectrograms to fetch (once done).</param>
/// <param name="Version">Grows with every change (server-sent events send only changes).</param>
public sealed record JobView(Guid Id, string Name, string Method, string State, double Progress, string Stage, string? Error,
    DateTime CreatedUtc, DateTime? FinishedUtc, double? DurationSeconds, IReadOnlyList<string> Tracks, long Version);
