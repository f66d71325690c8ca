using Demix.Audio;
using Microsoft.AspNetCore.Http;

namespace Demix.Web.Uploads;

/// <summary>
/// Checks an uploaded file before it is queued: a WAV's header must parse and its data chunk must fit in
/// the file (a truncated upload is refused, not half-separated); other containers must be readable by
/// ffprobe with at least one audio stream.
/// </summary>
public static class UploadValidator
{
    /// <exception cref="UploadException">400 with the problem, the file named by <paramref name="displayName"/> (never by its server path).</exception>
    public static void Check(string path, AudioContainer container, string displayName)
    {
        try
        {
            if (container == AudioContainer.Wav)
            {
                CheckWav(path, displayName);
                return;
            }
            using IAudioSource source = AudioFile.Open(path);
            if (source.Format.SampleRate <= 0 || source.Format.ChannelCount <= 0) throw Bad(displayName, "it holds no audio.");
        }
        catch (AudioFileException e)
        {
            // ffmpeg's messages may quote the server path: show the client's name instead.
            throw Bad(displayName, e.Problem.Replace(path, displayName, StringComparison.Ordinal));
        }
    }

    private static void CheckWav(string path, string displayName)
    {
        WavHeader header = WavReader.ReadHeader(path);
        long fileLength = new FileInfo(path).Length;
        long available = fileLength - header.DataOffset;
        if (header.DataLength is long declared && declared > available)
        {
            throw Bad(displayName, $"truncated WAV: the data chunk declares {declared} bytes of audio but only {available} follow the header.");
        }
        if (available < header.BlockAlign) throw Bad(displayName, "the WAV file holds no samples.");
    }

    private static UploadException Bad(string displayName, string problem) =>
        new(StatusCodes.Status400BadRequest, $"'{displayName}': {problem}");
}
