using Demix.Audio;
using Demix.Separation.Methods.Repet;
using Demix.Separation.Methods.Rpca;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;
using Demix.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Methods;

/// <summary>
/// The fast RPCA (partial eigendecomposition of the Gram matrix, predicted rank) against the reference implementation
/// (full eigendecomposition in every iteration): the same decomposition, masks and separated signals.
/// </summary>
public sealed class RpcaAgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(90, 70)]
    [InlineData(70, 90)]
    public void Fast_and_reference_decompositions_agree_on_low_rank_plus_sparse(int rows, int columns)
    {
        var random = new Random(11);
        Matrix<double> u = Matrix<double>.Build.Dense(rows, 4, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> v = Matrix<double>.Build.Dense(4, columns, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> lowRank = u * v * 5, sparse = Matrix<double>.Build.Dense(rows, columns);
        for (int k = 0; k < rows * columns / 15; k++) sparse[random.Next(rows), random.Next(columns)] = 4 * (random.NextDouble() - 0.5);
        double lambda = 1 / Math.Sqrt(Math.Max(rows, columns));

        RpcaDecomposition fast = InexactAlmRpca.Decompose(lowRank + sparse, lambda);
        RpcaDecomposition reference = ReferenceInexactAlmRpca.Decompose(lowRank + sparse, lambda);

        Assert.True(Relative(fast.LowRank, lowRank) < 1e-3 && Relative(fast.Sparse, sparse) < 1e-3, "not recovered");
        Assert.True(Relative(fast.LowRank, reference.LowRank) < 1e-6, $"L differs: {Relative(fast.LowRank, reference.LowRank)}");
        Assert.True(Relative(fast.Sparse, reference.Sparse) < 1e-6, $"S differs: {Relative(fast.Sparse, reference.Sparse)}");
        Assert.InRange(fast.Iterations, reference.Iterations - 1, reference.Iterations + 1);
    }

    [Fact]
    public void Fast_and_reference_agree_on_a_mir1k_clip()
    {
        Waveform clip = AudioFile.Read(RepositoryPaths.Data("mir-1k", "Wavfile", "Ani_1_01.opus"), new AudioReadOptions { SampleRate = 16000 });
        int frames = Math.Min(clip.FrameCount, 3 * clip.SampleRate); // the first 3 s at 16 kHz: 513 bins x 188 frames
        var mono = new Waveform([[.. Enumerable.Range(0, frames).Select(i => clip.Channels[0][i] + clip.Channels[1][i])]], clip.SampleRate);
        var fastModel = new RecordingRpcaModel(reference: false);
        var referenceModel = new RecordingRpcaModel(reference: true);

        Waveform[] fast = InMemorySeparation.Separate(Method(fastModel), mono);
        Waveform[] reference = InMemorySeparation.Separate(Method(referenceModel), mono);

        float[] fastMask = [.. fastModel.LastMask.SelectMany(f => f)], referenceMask = [.. referenceModel.LastMask.SelectMany(f => f)];
        int differing = fastMask.Zip(referenceMask).Count(p => p.First != p.Second);
        double vocalsErrorDb = 10 * Math.Log10(Signals.ErrorEnergy(fast[0].Channels[0], reference[0].Channels[0]) / Signals.Energy(reference[0].Channels[0]));
        output.WriteLine($"{fastMask.Length} mask bins, {differing} differ, mean mask {fastMask.Average():F3}; vocals error {vocalsErrorDb:F1} dB; " +
            $"L, S relative differences {Relative(fastModel.Last!.LowRank, referenceModel.Last!.LowRank):E1}, {Relative(fastModel.Last.Sparse, referenceModel.Last.Sparse):E1}; " +
            $"iterations {fastModel.Last.Iterations} / {referenceModel.Last.Iterations}");
        Assert.True(differing <= fastMask.Length / 10000, $"{differing} of {fastMask.Length} mask bins differ");
        Assert.True(vocalsErrorDb < -60, $"vocals differ by {vocalsErrorDb:F1} dB");
        Assert.True(fastMask.Average() is > 0.01f and < 0.99f, "the mask is trivial");
        Assert.True(Relative(fastModel.Last!.LowRank, referenceModel.Last!.LowRank) < 1e-6, "L differs");
        Assert.True(Relative(fastModel.Last.Sparse, referenceModel.Last.Sparse) < 1e-6, "S differs");
    }

    private static MaskedMethod Method(IVocalMaskModel model) =>
        new("rpca", model, rate => (1024, 256, Demix.Dsp.Stft.Window.Hann(1024)));

    private static double Relative(Matrix<double> a, Matrix<double> b) => (a - b).FrobeniusNorm() / Math.Max(b.FrobeniusNorm(), 1e-300);
}
