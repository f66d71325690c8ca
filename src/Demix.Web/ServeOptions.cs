using Demix.Web.Spectrograms;

namespace Demix.Web;

/// <summary>Settings of <c>demix serve</c>: where it listens, what it accepts, how many jobs run and how long they are kept.</summary>
public sealed record ServeOptions
{
    /// <summary>Addresses Kestrel listens on, separated by ';' (loopback only by default; port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>A folder of songs users may pick from (by server-side id), or null for uploads only.</summary>
    public string? LibraryFolder { get; init; }

    /// <summary>Largest accepted upload in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Jobs separated at the same time (each uses the CPU fully, so 1 or 2).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Jobs waiting or running at most; more are refused with 503 until some finish.</summary>
    public int MaxPendingJobs { get; init; } = 64;

    /// <summary>Finished jobs and their files are removed this long after they finish.</summary>
    public TimeSpan JobLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How often expired jobs are looked for.</summary>
    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The model cache whose models the page offers; null means the default store ($DEMIX_MODELS or ~/.cache/demix/models).</summary>
    public string? ModelFolder { get; init; }

    /// <summary>Folder for job files; null makes a fresh one under the system temporary folder (removed at shutdown).</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Look of the spectrogram images on the page.</summary>
    public SpectrogramSettings Spectrogram { get; init; } = new() { Width = 900, Height = 260 };

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the library folder is missing.</exception>
    public void Validate()
    {
        if (MaxUploadBytes < 1024) throw new ArgumentException($"Maximum upload {MaxUploadBytes} bytes: give at least 1024.");
        if (Workers is < 1 or > 16) throw new ArgumentException($"Workers {Workers}: give 1 to 16.");
        if (MaxPendingJobs < 1) throw new ArgumentException($"Maximum pending jobs {MaxPendingJobs}: give at least 1.");
        if (JobLifetime <= TimeSpan.Zero || CleanupInterval <= TimeSpan.Zero) throw new ArgumentException("Job lifetime and cleanup interval must be positive.");
        if (LibraryFolder is not null && !Directory.Exists(LibraryFolder)) throw new ArgumentException($"'{LibraryFolder}': the library folder does not exist.");
        Spectrogram.Validate();
    }
}
