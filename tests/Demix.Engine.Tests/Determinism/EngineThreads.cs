using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Determinism;

/// <summary>The tests that change <see cref="GemmBackend.MaxThreads"/> run alone, so no other test sees the limit.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineThreads
{
    public const string Name = "engine thread limit";

    /// <summary>Runs <paramref name="op"/> with the engine limited to <paramref name="threads"/> threads and returns its outputs.</summary>
    public static float[][] With(int threads, Func<float[][]> op)
    {
        int saved = GemmBackend.MaxThreads;
        GemmBackend.MaxThreads = threads;
        try
        {
            return op();
        }
        finally
        {
            GemmBackend.MaxThreads = saved;
        }
    }

    /// <summary>Asserts that <paramref name="op"/> gives bit-identical outputs on 1 and on 2 threads.</summary>
    public static void AssertSameOnOneAndTwoThreads(Func<float[][]> op)
    {
        float[][] one = With(1, op), two = With(2, op);
        Assert.Equal(one.Length, two.Length);
        for (int i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i].Length, two[i].Length);
            int differing = 0;
            for (int j = 0; j < one[i].Length; j++)
            {
                if (BitConverter.SingleToInt32Bits(one[i][j]) != BitConverter.SingleToInt32Bits(two[i][j])) differing++;
            }
            Assert.True(differing == 0, $"output {i}: {differing} of {one[i].Length} values differ between 1 and 2 threads");
        }
    }
}
