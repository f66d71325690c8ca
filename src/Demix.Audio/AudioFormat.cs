namespace Demix.Audio;

/// <summary>The shape of an audio stream: sample rate in Hz and channel count. Samples are always float32.</summary>
public readonly record struct AudioFormat(int SampleRate, int ChannelCount);
