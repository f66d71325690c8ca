namespace Demix.Web.Jobs;

/// <summary>Where a job is in its life.</summary>
public enum JobState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Being decoded, separated or drawn.</summary>
    Running,

    /// <summary>Stems and spectrograms are ready.</summary>
    Done,

    /// <summary>Stopped with an error; its files are gone.</summary>
    Failed,
}
