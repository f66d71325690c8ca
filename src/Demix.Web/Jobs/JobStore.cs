using System.Collections.Concurrent;

namespace Demix.Web.Jobs;

/// <summary>
/// Every job of this server and its folder under one root (<c>root/&lt;job id&gt;/</c>). Only GUIDs made here
/// name folders, so nothing from a request becomes a path. The root is deleted on <see cref="Dispose"/>.
/// </summary>
public sealed class JobStore : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Job> jobs = new();
    private readonly bool ownsRoot;

    /// <summary>Uses <paramref name="root"/> (created if missing), or a fresh temporary folder when null.</summary>
    public JobStore(string? root)
    {
        ownsRoot = root is null;
        Root = Path.GetFullPath(root ?? Path.Combine(Path.GetTempPath(), $"demix-serve-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder holding one sub-folder per job.</summary>
    public string Root { get; }

    /// <summary>Jobs not yet finished.</summary>
    public int PendingCount => jobs.Values.Count(j => !j.IsFinished);

    /// <summary>A new job id and its (created) folder.</summary>
    public (Guid Id, string Folder) NewFolder()
    {
        Guid id = Guid.NewGuid();
        string folder = Path.Combine(Root, id.ToString("N"));
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    /// <summary>Registers a job made with <see cref="NewFolder"/>.</summary>
    public void Add(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!jobs.TryAdd(job.Id, job)) throw new InvalidOperationException($"Job {job.Id} exists already.");
    }

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    public Job? Find(Guid id) => jobs.TryGetValue(id, out Job? job) ? job : null;

    /// <summary>All jobs, newest first.</summary>
    public IReadOnlyList<Job> List() => [.. jobs.Values.OrderByDescending(j => j.CreatedUtc)];

    /// <summary>Forgets a job and deletes its folder.</summary>
    public bool Remove(Guid id)
    {
        if (!jobs.TryRemove(id, out Job? job)) return false;
        DeleteFolder(job.Folder);
        return true;
    }

    /// <summary>Removes finished jobs that ended before <paramref name="cutoffUtc"/>; returns how many.</summary>
    public int RemoveFinishedBefore(DateTime cutoffUtc)
    {
        int removed = 0;
        foreach (Job job in jobs.Values)
        {
            if (job.FinishedUtc is DateTime finished && finished < cutoffUtc && Remove(job.Id)) removed++;
        }
        return removed;
    }

    /// <summary>Deletes a folder and everything in it, ignoring files already gone.</summary>
    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file still open by a download; the root goes at shutdown.
        }
    }

    /// <summary>Deletes every job folder (and the root when this store made it).</summary>
    public void Dispose()
    {
        foreach (Job job in jobs.Values) DeleteFolder(job.Folder);
        jobs.Clear();
        if (ownsRoot) DeleteFolder(Root);
    }
}
