using Demix.Separation;

namespace Demix.Web.Jobs;

/// <summary>
/// The fixed set of audio files a job has, and their server-side file names: names from the client are
/// only ever looked up here, never joined to a path.
/// </summary>
public static class StemFiles
{
    /// <summary>The decoded input, as a WAV the browser can play.</summary>
    public const string Mixture = "mixture";

    /// <summary>Every track name, in page order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Mixture, StemNames.Vocals, StemNames.Accompaniment];

    /// <summary>The WAV file name of <paramref name="track"/>, or null when it is not one of <see cref="Names"/>.</summary>
    public static string? AudioFile(string track) => track switch
    {
        Mixture => "mixture.wav",
        StemNames.Vocals => "vocals.wav",
        StemNames.Accompaniment => "accompaniment.wav",
        _ => null,
    };

    /// <summary>The spectrogram PNG file name of <paramref name="track"/>, or null when it is not one of <see cref="Names"/>.</summary>
    public static string? SpectrogramFile(string track) => track switch
    {
        Mixture => "mixture.png",
        StemNames.Vocals => "vocals.png",
        StemNames.Accompaniment => "accompaniment.png",
        _ => null,
    };
}
