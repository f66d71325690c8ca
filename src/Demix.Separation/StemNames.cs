namespace Demix.Separation;

/// <summary>The stem names every method and the command line share.</summary>
public static class StemNames
{
    /// <summary>The singing voice.</summary>
    public const string Vocals = "vocals";

    /// <summary>Everything but the voice (the karaoke or instrumental track).</summary>
    public const string Accompaniment = "accompaniment";
}
