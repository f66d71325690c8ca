using System.Diagnostics;
using System.Text;

namespace Demix.Audio;

/// <summary>
/// A running ffmpeg/ffprobe child process with piped stdin/stdout and its stderr captured in the
/// background (the last <see cref="MaxStderrChars"/> characters), killed with its children on dispose.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private const int MaxStderrChars = 8_000;

    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly Task stderrPump;
    private bool disposed;

    private ToolProcess(Process process)
    {
        this.process = process;
        stderrPump = Task.Run(PumpStderr);
    }

    /// <summary>The child's stdin (raw bytes).</summary>
    public Stream StandardInput => process.StandardInput.BaseStream;

    /// <summary>The child's stdout (raw bytes).</summary>
    public Stream StandardOutput => process.StandardOutput.BaseStream;

    /// <summary>Starts <paramref name="executable"/> with the arguments passed as they are (no shell, no quoting).</summary>
    /// <param name="fail">Makes the exception thrown when the executable cannot be started, from the reason.</param>
    public static ToolProcess Start(string executable, IEnumerable<string> arguments, Func<string, Exception> fail)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        try
        {
            return new ToolProcess(Process.Start(info) ?? throw fail($"'{executable}' did not start"));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw fail($"'{executable}' cannot be started ({e.Message})");
        }
    }

    /// <summary>Waits for the process to end (stdin should be closed first); returns its exit code.</summary>
    public int WaitForExit()
    {
        process.WaitForExit();
        stderrPump.Wait();
        return process.ExitCode;
    }

    /// <summary>The most useful line of stderr for an error message: the last non-empty one, trimmed.</summary>
    public string LastError()
    {
        string text;
        lock (stderr) text = stderr.ToString();
        string? line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return string.IsNullOrEmpty(line) ? "no message" : line;
    }

    /// <summary>Kills the process (and its children) if it still runs.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            stderrPump.Wait(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or AggregateException or IOException)
        {
            // Already gone, or its pipes closed under the pump.
        }
        process.Dispose();
    }

    private async Task PumpStderr()
    {
        var buffer = new char[1024];
        int got;
        while ((got = await process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (stderr)
            {
                stderr.Append(buffer, 0, got);
                if (stderr.Length > MaxStderrChars) stderr.Remove(0, stderr.Length - MaxStderrChars);
            }
        }
    }
}
