namespace Demix.Engine.Kernels;

/// <summary>Which implementation <see cref="Gemm.Sgemm"/> runs.</summary>
public enum GemmBackendKind
{
    /// <summary>The managed SIMD kernels of this assembly (always available).</summary>
    Managed,

    /// <summary>OpenBLAS's cblas_sgemm from libopenblas.so.0, when the library is installed.</summary>
    OpenBlas,
}

/// <summary>
/// Process-wide SGEMM settings: the backend (environment variable DEMIX_BLAS=openblas|managed, default managed)
/// and the number of threads the managed kernels may use (DEMIX_THREADS, default: all processors).
/// </summary>
public static class GemmBackend
{
    /// <summary>The backend in use. Setting <see cref="GemmBackendKind.OpenBlas"/> falls back to managed when the library is missing.</summary>
    public static GemmBackendKind Current { get; set; } = FromEnvironment();

    /// <summary>Threads the managed kernels split a large product over (at least 1).</summary>
    public static int MaxThreads { get; set; } = ThreadsFromEnvironment();

    /// <summary>Whether libopenblas.so.0 was found and exports cblas_sgemm.</summary>
    public static bool OpenBlasAvailable => OpenBlas.IsAvailable;

    private static GemmBackendKind FromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable("DEMIX_BLAS");
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "managed" => GemmBackendKind.Managed,
            "openblas" => GemmBackendKind.OpenBlas,
            _ => throw new InvalidOperationException(
                $"DEMIX_BLAS is '{value}'; expected 'managed' or 'openblas'."),
        };
    }

    private static int ThreadsFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable("DEMIX_THREADS");
        if (string.IsNullOrWhiteSpace(value))
        {
            return Environment.ProcessorCount;
        }

        return int.TryParse(value, out int threads) && threads >= 1
            ? threads
            : throw new InvalidOperationException($"DEMIX_THREADS is '{value}'; expected a positive integer.");
    }
}
