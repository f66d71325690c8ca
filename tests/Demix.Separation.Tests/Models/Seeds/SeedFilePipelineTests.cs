using Demix.Audio;
using Demix.Separation.Models;
using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Models.UNet;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Models.Seeds;

/// <summary>
/// The path <c>demix separate --model &lt;file&gt;</c> takes, for every family: a tiny random model saved to disk, loaded
/// by path through <see cref="ModelStore"/>, chunked by <see cref="ModelMethod"/>, run by the file pipeline on a mono
/// 22.05 kHz WAV (so the input is resampled to the model's rate and back).
/// </summary>
public sealed class SeedFilePipelineTests
{
    public static TheoryData<string> Families => [SpleeterFamily.Name, UNetFamily.Name, DrnnFamily.Name, FrameTransformerFamily.Name, KaraokeCnnFamily.Name, Pix2PixFamily.Name];

    [Theory]
    [MemberData(nameof(Families))]
    public void SavedTinyModel_RunsThroughTheFilePipeline_WritingEveryStemAtTheInputFormat(string family)
    {
        using var folder = new TempFolder();
        SeedModel model = TinySeedModels.Create(family, new Random(1));
        string card = ModelFile.Save(model, folder.File("models"));
        float[] mono = TinyModels.Mixture(3 * 22050 / 2, 22050, seed: 2)[0];
        WavWriter.Write(folder.File("song.wav"), new Waveform([mono], 22050), WavSampleFormat.Float32);
        ISeparationMethod method = ModelMethod.Create(new ModelStore(folder.File("cache")).Load(card), new ChunkSettings(1.0, 0.25));

        using (IAudioSource source = AudioFile.Open(folder.File("song.wav")))
        using (var outputs = new FileStemOutputs(stem => folder.File($"out/{stem}.wav"),
            (path, format) => AudioFile.Create(path, format, new AudioWriteOptions { BitDepth = WavSampleFormat.Float32 })))
        {
            new SeparationPipeline(method).Run(source, "song.wav", outputs);
        }

        Assert.Equal(model.Stems, method.Stems);
        foreach (string stem in model.Stems)
        {
            Waveform output = AudioFile.Read(folder.File($"out/{stem}.wav"));
            Assert.Equal(new AudioFormat(22050, 1), output.Format);
            Assert.Equal(mono.Length, output.FrameCount);
            Assert.All(output.Channels[0], v => Assert.True(float.IsFinite(v)));
        }
    }
}
