namespace Demix.Audio;

/// <summary>What ffprobe says about a media file: its container and its audio streams.</summary>
/// <param name="ContainerName">Short container name(s), e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "ogg".</param>
/// <param name="ContainerDescription">Long container name, e.g. "QuickTime / MOV".</param>
/// <param name="DurationSeconds">Container duration in seconds, when stated.</param>
/// <param name="AudioStreams">The audio streams in file order; index i is what <c>-map 0:a:i</c> selects.</param>
public sealed record MediaProbe(
    string ContainerName,
    string ContainerDescription,
    double? DurationSeconds,
    IReadOnlyList<AudioStreamInfo> AudioStreams);

/// <summary>One audio stream of a media file.</summary>
/// <param name="AudioIndex">Position among the audio streams (0 = first), as used by <c>-map 0:a:N</c>.</param>
/// <param name="CodecName">Short codec name, e.g. "aac", "opus", "flac".</param>
/// <param name="CodecDescription">Long codec name, e.g. "AAC (Advanced Audio Coding)".</param>
/// <param name="SampleRate">Samples per second per channel, in Hz.</param>
/// <param name="ChannelCount">Number of channels.</param>
/// <param name="DurationSeconds">Stream duration in seconds, when stated.</param>
/// <param name="BitRate">Bits per second, when stated.</param>
public sealed record AudioStreamInfo(
    int AudioIndex,
    string CodecName,
    string CodecDescription,
    int SampleRate,
    int ChannelCount,
    double? DurationSeconds,
    long? BitRate);
