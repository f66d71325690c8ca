namespace Demix.Evaluation.Scoring;

/// <summary>Another evaluation run is writing to the results folder.</summary>
public sealed class ResultsFolderBusyException(string folder, Exception inner)
    : IOException($"another evaluation is writing to '{folder}' (it holds {ResultsFolderLock.FileName}); wait for it to finish or choose another output folder.", inner)
{
    /// <summary>The results folder.</summary>
    public string Folder { get; } = folder;
}
