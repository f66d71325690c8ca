using Demix.Audio;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Models;

/// <summary>A saved tiny random Open-Unmix through the whole file pipeline, and the chunking of long inputs.</summary>
public sealed class ModelPipelineTests
{
    [Fact]
    public void Pipeline_MonoFileAt22050_WithSavedVocalsModel_WritesMonoVocalsAndAccompanimentAt22050()
    {
        using var folder = new TempFolder();
        ModelFile.Save(TinyModels.Create("tiny-vocals", ["vocals"], TinyModels.HyperParameters(iterations: 0), seed: 5), folder.File("models"));
        float[] mono = TinyModels.Mixture(2 * 22050, 22050, seed: 9)[0];   // 2 s synthetic input
        WavWriter.Write(folder.File("song.wav"), new Waveform([mono], 22050), WavSampleFormat.Float32);
        ISeparationMethod method = ModelMethod.Create(new ModelStore(folder.File("models")).Load("tiny-vocals"));

        using (IAudioSource source = AudioFile.Open(folder.File("song.wav")))
        using (var outputs = new FileStemOutputs(stem => folder.File($"out/{stem}.wav"),
            (path, format) => AudioFile.Create(path, format, new AudioWriteOptions { BitDepth = WavSampleFormat.Float32 })))
        {
            new SeparationPipeline(method).Run(source, "song.wav", outputs);
        }

        Assert.Equal(["vocals", "accompaniment"], method.Stems);
        Assert.Equal("model-tiny-vocals", method.Name);
        Waveform vocals = AudioFile.Read(folder.File("out/vocals.wav"));
        Waveform accompaniment = AudioFile.Read(folder.File("out/accompaniment.wav"));
        Assert.Equal(new AudioFormat(22050, 1), vocals.Format);
        Assert.Equal(mono.Length, vocals.FrameCount);
        Assert.Equal(mono.Length, accompaniment.FrameCount);
        Assert.True(Signals.Energy(vocals.Channels[0]) > 1e-4 * Signals.Energy(mono), "the random model predicts some vocals");
        // niter 0 with a residual: vocals + accompaniment = the mixture, up to the two resamplings (their transition band
        // near 11 kHz removes part of the white noise: measured 0.4 % of the energy), compared away from the ends.
        float[] sum = Signals.Add(vocals.Channels[0], accompaniment.Channels[0]);
        double error = Signals.ErrorEnergy(Signals.Middle(sum, 2000), Signals.Middle(mono, 2000));
        Assert.True(error < 1e-2 * Signals.Energy(Signals.Middle(mono, 2000)), $"sum of stems differs from the mix: error energy {error:E2}");
    }

    [Fact]
    public void Chunked_ShortChunks_StayCloseToWholeBufferSeparation_AndKeepTheLength()
    {
        const int rate = 44100, frames = 3 * rate + 777;
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 11);
        float[][] mix = TinyModels.Mixture(frames, rate, seed: 4);
        var whole = model.CreateSeparator().Separate(mix, rate);

        var chunked = InMemorySeparation.Separate(ModelMethod.Create(model, new ChunkSettings(1.0, 0.4)), new Waveform(mix, rate), blockFrames: 10000);

        for (int s = 0; s < 2; s++)
        {
            for (int c = 0; c < 2; c++)
            {
                Assert.Equal(frames, chunked[s].Channels[c].Length);
                double error = Signals.ErrorEnergy(chunked[s].Channels[c], whole[s][c]);
                double snr = 10 * Math.Log10(Signals.Energy(whole[s][c]) / error);
                Console.WriteLine($"stem {s} channel {c}: chunked (1 s, 0.4 s overlap) vs whole SNR {snr:F1} dB");
                Assert.True(snr > 20, $"stem {s} channel {c}: chunked vs whole SNR {snr:F1} dB");
            }
        }
    }

    [Fact]
    public void Chunked_ChunkLongerThanInput_IsExactlyTheWholeBufferResult()
    {
        const int rate = 44100, frames = rate;
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 12);
        float[][] mix = TinyModels.Mixture(frames, rate, seed: 5);
        var whole = model.CreateSeparator().Separate(mix, rate);

        var chunked = InMemorySeparation.Separate(ModelMethod.Create(model), new Waveform(mix, rate), blockFrames: 4096);

        for (int s = 0; s < 2; s++)
            for (int c = 0; c < 2; c++) Assert.Equal(whole[s][c], chunked[s].Channels[c]);
    }

    [Fact]
    public void Separate_InputShorterThanHalfAnFft_IsZeroExtendedAndCutBack()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 0), seed: 13);
        float[][] mix = TinyModels.Mixture(100, 44100, seed: 6);

        var stems = model.CreateSeparator().Separate(mix, 44100);

        Assert.All(stems, s => Assert.All(s, c => Assert.Equal(100, c.Length)));
        for (int i = 0; i < 100; i++) Assert.Equal(mix[0][i], stems[0][0][i] + stems[1][0][i], 1e-5f);
    }
}
