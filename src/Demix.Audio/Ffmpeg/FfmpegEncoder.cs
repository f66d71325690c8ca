using System.Globalization;
using System.Runtime.InteropServices;

namespace Demix.Audio;

/// <summary>
/// Encodes FLAC, MP3, Ogg Vorbis, Ogg Opus or AAC/M4A by feeding raw float32 to ffmpeg's stdin
/// (<c>-f f32le -ar R -ac C -i pipe:0</c>). It writes the file it is given; <see cref="AudioFile"/> gives it
/// a temporary file beside the output and renames it when <see cref="Complete"/> succeeds.
/// </summary>
/// <remarks>FLAC gets <c>-sample_fmt s16</c> (16-bit) or <c>s32</c> with 24 raw bits (24-bit); ffmpeg converts float
/// to integers by rounding to nearest and clipping, like our WAV writer. Lossy formats get <c>-b:a</c>.</remarks>
public sealed class FfmpegEncoder : IAudioSink
{
    private readonly ToolProcess process;
    private readonly string displayPath;
    private bool completed;

    private FfmpegEncoder(ToolProcess process, string displayPath, AudioFormat format)
    {
        this.process = process;
        this.displayPath = displayPath;
        Format = format;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long FramesWritten { get; private set; }

    /// <summary>Starts ffmpeg writing <paramref name="outputPath"/> (replacing it if it exists).</summary>
    /// <param name="outputPath">The file ffmpeg writes (any name: the container is given explicitly).</param>
    /// <param name="displayPath">The name used in error messages (the final output path).</param>
    /// <param name="format">Rate and channel count of the samples to be written.</param>
    /// <param name="fileFormat">Any format but WAV.</param>
    /// <param name="options">Bit depth (FLAC) and bit rate (lossy formats).</param>
    /// <param name="tools">The ffmpeg to use, or null for the installed one.</param>
    /// <exception cref="AudioWriteException">ffmpeg is missing, or the options do not fit the format.</exception>
    public static FfmpegEncoder Start(string outputPath, string displayPath, AudioFormat format, AudioFileFormat fileFormat,
        AudioWriteOptions options, FfmpegTools? tools = null)
    {
        tools ??= FfmpegTools.RequireForWriting(displayPath);
        List<string> arguments = Arguments(outputPath, displayPath, format, fileFormat, options);
        ToolProcess process = ToolProcess.Start(tools.FfmpegPath, arguments,
            reason => new AudioWriteException(displayPath, $"ffmpeg is needed to encode this format, but {reason}."));
        return new FfmpegEncoder(process, displayPath, format);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<float> interleaved)
    {
        if (completed) throw new InvalidOperationException("The encoder is already complete.");
        if (interleaved.Length % Format.ChannelCount != 0)
        {
            throw new ArgumentException($"The block has {interleaved.Length} samples, not a multiple of {Format.ChannelCount} channels.", nameof(interleaved));
        }
        try
        {
            process.StandardInput.Write(MemoryMarshal.AsBytes(interleaved));
        }
        catch (IOException e)
        {
            process.WaitForExit();
            throw new AudioWriteException(displayPath, $"ffmpeg stopped while encoding: {process.LastError()}", e);
        }
        FramesWritten += interleaved.Length / Format.ChannelCount;
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (completed) return;
        completed = true;
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg already gone: its exit code tells why.
        }
        if (process.WaitForExit() != 0) throw new AudioWriteException(displayPath, $"ffmpeg cannot encode the file: {process.LastError()}");
    }

    /// <summary>Kills ffmpeg if it still runs (an abandoned output).</summary>
    public void Dispose() => process.Dispose();

    private static List<string> Arguments(string outputPath, string displayPath, AudioFormat format, AudioFileFormat fileFormat, AudioWriteOptions options)
    {
        (string muxer, string encoder) = fileFormat.FfmpegNames();
        List<string> arguments = ["-nostdin", "-hide_banner", "-v", "error", "-f", "f32le",
            "-ar", Invariant(format.SampleRate), "-ac", Invariant(format.ChannelCount), "-i", "pipe:0", "-c:a", encoder];
        if (fileFormat == AudioFileFormat.Flac) arguments.AddRange(FlacDepth(options.BitDepth, displayPath));
        if (fileFormat.IsLossy())
        {
            int kbps = options.BitRateKbps ?? fileFormat.DefaultBitRateKbps();
            if (kbps is < 6 or > 1024) throw new AudioWriteException(displayPath, $"a bit rate of {kbps} kbit/s is out of range (6 to 1024).");
            arguments.AddRange(["-b:a", $"{Invariant(kbps)}k"]);
        }
        arguments.AddRange(["-f", muxer, "-y", "file:" + outputPath]);
        return arguments;
    }

    private static string[] FlacDepth(WavSampleFormat depth, string displayPath) => depth switch
    {
        WavSampleFormat.Pcm16 => ["-sample_fmt", "s16"],
        WavSampleFormat.Pcm24 => ["-sample_fmt", "s32", "-bits_per_raw_sample", "24"],
        _ => throw new AudioWriteException(displayPath, $"FLAC stores 16 or 24-bit integers, not {depth}."),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
