namespace Demix.Audio;

/// <summary>What to do with inputs of more than 2 channels (Demix separates mono or stereo).</summary>
public enum Downmix
{
    /// <summary>Refuse them with a clear error (the default: never guess).</summary>
    None,

    /// <summary>Keep the first two channels (front left and right in WAV/ffmpeg order) and drop the rest.</summary>
    FirstTwo,

    /// <summary>ITU-R BS.775 stereo downmix: centre and surrounds at -3 dB into each side, LFE dropped,
    /// normalised so a full-scale input cannot clip. For 3 (L R C), 4 (L R Ls Rs), 5 (L R C Ls Rs),
    /// 6 (5.1: L R C LFE Ls Rs) and 8 (7.1: L R C LFE Lb Rb Ls Rs) channels.</summary>
    Itu,
}
