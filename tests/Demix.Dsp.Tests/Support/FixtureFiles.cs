using System.Runtime.InteropServices;
using Demix.Tests.Shared;

namespace Demix.Dsp.Tests.Support;

/// <summary>Readers for the raw float32 fixtures in ../shared/fixtures (little-endian, C order, no header).</summary>
internal static class FixtureFiles
{
    /// <summary>All floats of a raw .f32 file; checks the element count.</summary>
    public static float[] ReadF32(string folder, string name, int expectedCount)
    {
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.Fixture(folder, name));
        float[] values = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        Assert.Equal(expectedCount, values.Length);
        return values;
    }

    /// <summary>
    /// Planar samples of a canonical 44-byte-header IEEE float32 WAV (the fixtures' format), [channels][frames].
    /// </summary>
    public static float[][] ReadFloatWav(string folder, string name, int channelCount)
    {
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.Fixture(folder, name));
        Assert.Equal(3, BitConverter.ToUInt16(bytes, 20));           // format tag: IEEE float
        Assert.Equal(channelCount, BitConverter.ToUInt16(bytes, 22));
        ReadOnlySpan<float> interleaved = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(44));
        int frames = interleaved.Length / channelCount;
        var planar = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            planar[c] = new float[frames];
            for (int i = 0; i < frames; i++) planar[c][i] = interleaved[i * channelCount + c];
        }
        return planar;
    }
}
