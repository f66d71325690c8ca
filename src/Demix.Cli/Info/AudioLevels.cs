using Demix.Audio;

namespace Demix.Cli.Info;

/// <summary>Peak and RMS level of a whole stream, measured block by block (bounded memory).</summary>
/// <param name="FrameCount">Frames read.</param>
/// <param name="Peak">Largest absolute sample per channel, linear.</param>
/// <param name="MeanSquare">Mean of the squared samples per channel.</param>
public sealed record AudioLevels(long FrameCount, double[] Peak, double[] MeanSquare)
{
    /// <summary>Reads <paramref name="source"/> to the end.</summary>
    public static AudioLevels Measure(IAudioSource source)
    {
        int channels = source.Format.ChannelCount;
        var peak = new double[channels];
        var sumSquares = new double[channels];
        var block = new float[8192 * channels];
        long frames = 0;
        int samples;
        while ((samples = source.Read(block)) > 0)
        {
            for (int i = 0; i < samples; i++)
            {
                int c = i % channels;
                double v = block[i];
                peak[c] = Math.Max(peak[c], Math.Abs(v));
                sumSquares[c] += v * v;
            }
            frames += samples / channels;
        }
        return new AudioLevels(frames, peak, [.. sumSquares.Select(s => frames > 0 ? s / frames : 0)]);
    }

    /// <summary>Peak over all channels in dBFS (-infinity for silence).</summary>
    public double PeakDecibels => 20 * Math.Log10(Peak.Max());

    /// <summary>RMS over all channels in dBFS (-infinity for silence).</summary>
    public double RmsDecibels => 10 * Math.Log10(MeanSquare.Average());

    /// <summary>A level in dBFS for display ("-inf" for silence).</summary>
    public static string Format(double decibels) =>
        double.IsNegativeInfinity(decibels) ? "-inf dBFS" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{decibels:F2} dBFS");
}
