using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Tests.Support;
using static Demix.Separation.Tests.Models.OpenUnmixFixture;

namespace Demix.Separation.Tests.Models;

/// <summary>
/// The whole Separator (our STFT, the network from vocals.pth, Wiener EM, our iSTFT) against the reference
/// time-domain estimates (README: |diff| &lt;= 1e-4 or signal-to-error &gt;= 80 dB), loaded from the .pth and
/// from our own safetensors + card after a save.
/// </summary>
public sealed class OpenUnmixSeparatorFixtureTests
{
    [Theory]
    [InlineData(0, 300, "estimates_niter0.f32", false)]
    [InlineData(1, 300, "estimates_niter1.f32", false)]
    [InlineData(1, 50, "estimates_niter1_winlen50_vocals.f32", false)]
    [InlineData(1, 300, "estimates_niter1.f32", true)]
    public void Separate_FixtureExcerpt_MatchesReferenceEstimates(int iterations, int window, string file, bool throughSafetensors)
    {
        ISeparationModel model = OpenUnmixFamily.FromPth("fixture", [("vocals", PthPath)], HyperParameters(iterations, window));
        using var folder = new TempFolder();
        if (throughSafetensors) model = ModelFile.Load(ModelFile.Save(model, folder.Path));
        Assert.Equal(["vocals", "accompaniment"], model.Stems);

        float[][][] stems = model.CreateSeparator().Separate(ReadMixture(), 44100);

        int targets = file.Contains("vocals", StringComparison.Ordinal) ? 1 : 2;
        float[] expected = ReadF32(file, targets * Channels * Length);   // (target, channel, time)
        for (int j = 0; j < targets; j++)
        {
            for (int c = 0; c < Channels; c++)
            {
                var (maxAbs, snr) = Compare(stems[j][c], expected.AsSpan((j * Channels + c) * Length, Length));
                Console.WriteLine($"{file} target {j} channel {c}: max abs {maxAbs:E2}, SNR {snr:F1} dB");
                Assert.True(maxAbs <= 1e-4 || snr >= 80, $"{file} target {j} channel {c}: max abs {maxAbs:E2}, SNR {snr:F1} dB");
            }
        }
    }
}

/// <summary>The fixture folder in the official open-unmix layout loads without a Demix card.</summary>
public sealed class OpenUnmixFolderTests
{
    [Fact]
    public void StoreLoad_OfficialFolder_ReadsSeparatorAndTargetJson_AndMatchesNiter1Estimates()
    {
        string folder = Path.GetDirectoryName(PthPath)!;
        ISeparationModel model = new ModelStore(Path.GetTempPath()).Load(folder);

        var hyperParameters = ((OpenUnmixModel)model).HyperParameters;
        Assert.Equal(["vocals"], model.Card.Targets);
        Assert.Equal(64, hyperParameters.HiddenSize);
        Assert.Equal(1487, hyperParameters.MaxBin);
        Assert.Equal(44100, model.Card.SampleRate);
        Assert.Equal("46320d5e72bd6b336b88721fce1ff6fff21cb6273ff411f9c9baf6ab342cd496", model.Card.Sources[0].Sha256);   // README's hash
        float[][][] stems = model.CreateSeparator().Separate(ReadMixture(), 44100);
        float[] expected = ReadF32("estimates_niter1.f32", 2 * Channels * Length);
        for (int j = 0; j < 2; j++)
        {
            for (int c = 0; c < Channels; c++)
            {
                var (maxAbs, snr) = Compare(stems[j][c], expected.AsSpan((j * Channels + c) * Length, Length));
                Assert.True(maxAbs <= 1e-4 || snr >= 80, $"target {j} channel {c}: max abs {maxAbs:E2}, SNR {snr:F1} dB");
            }
        }
    }
}
