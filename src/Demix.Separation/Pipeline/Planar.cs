namespace Demix.Separation.Pipeline;

/// <summary>Helpers for planar buffers, [channels][frames].</summary>
public static class Planar
{
    /// <summary>A zeroed planar buffer.</summary>
    public static float[][] Allocate(int channelCount, int frameCount)
    {
        var result = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) result[c] = new float[frameCount];
        return result;
    }
}
