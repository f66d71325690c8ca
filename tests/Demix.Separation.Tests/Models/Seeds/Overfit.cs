using System.Diagnostics;
using Demix.Engine.Nn;
using Demix.Engine.Optim;
using Demix.Engine.Tensors;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.Seeds;

/// <summary>Shared pieces of the overfitting tests: spectrogram tensors of the excerpt and a bounded Adam loop.</summary>
internal static class Overfit
{
    /// <summary>
    /// [frames * bins] (one channel) as [1, 1, frameCount, binCount]: frames zero-padded (or cut) to
    /// <paramref name="frameCount"/>, the lowest <paramref name="binCount"/> bins.
    /// </summary>
    public static Tensor Image(float[] magnitude, int frames, int bins, int frameCount, int binCount)
    {
        var data = new float[frameCount * binCount];
        for (int t = 0; t < Math.Min(frames, frameCount); t++) magnitude.AsSpan(t * bins, binCount).CopyTo(data.AsSpan(t * binCount));
        return new Tensor([1, 1, frameCount, binCount], data);
    }

    /// <summary>The inverse of <see cref="Image"/>: [.., frameCount, binCount] back to [frames * bins], 0 in the bins above.</summary>
    public static float[] FromImage(Tensor image, int frames, int bins)
    {
        int frameCount = image.Size(-2), binCount = image.Size(-1);
        var result = new float[frames * bins];
        for (int t = 0; t < Math.Min(frames, frameCount); t++) image.Data.AsSpan(t * binCount, binCount).CopyTo(result.AsSpan(t * bins));
        return result;
    }

    /// <summary>Runs <paramref name="steps"/> Adam steps on <paramref name="loss"/>; returns the last loss. Logs CPU seconds.</summary>
    public static float Train(Module network, Func<Tensor> loss, int steps, float learningRate, ITestOutputHelper output)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        network.Train();
        var adam = new Adam(network.Parameters(), learningRate);
        float first = float.NaN, last = float.NaN;
        for (int step = 0; step < steps; step++)
        {
            adam.ZeroGrad();
            Tensor value = loss();
            value.Backward();
            adam.Step();
            last = value.Item();
            if (step == 0) first = last;
        }
        network.Eval();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{steps} steps: loss {first:G4} -> {last:G4}; {clock.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU (process)");
        return last;
    }
}
