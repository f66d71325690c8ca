using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Tests.Models.Seeds;

public sealed class SeedPresetTests
{
    [Fact]
    public void DrnnPreset_SeparatesTheMonoMix_IntoSrc1Src2_AndAppendsTheMonoMix()
    {
        var model = DrnnFamily.Create("d", new DrnnHyperParameters { HiddenSize = 8, LayerCount = 1, SampleRate = 8000, FftSize = 256, HopSize = 64 }, new Random(1));
        var preset = SeedPresets.Apply(SeedPreset.Drnn, model);
        var separator = preset.CreateSeparator();
        Assert.Equal(["src1", "src2", "mono"], preset.Stems);
        Assert.Equal(1, separator.ChannelCount);
        float[] mono = TinyModels.Mixture(4000, 8000, 2)[0];
        float[][][] stems = separator.Separate([mono], 8000);
        float[][][] direct = model.CreateSeparator().Separate([mono, mono], 8000);
        Assert.Equal(mono, stems[2][0]);
        Assert.Equal(direct[0][0], stems[0][0]);   // both channels of the inner separation are the same mono signal
        for (int i = 0; i < mono.Length; i++) Assert.True(Math.Abs(mono[i] - stems[0][0][i] - stems[1][0][i]) < 1e-4f, $"sample {i}");
    }

    [Fact]
    public void KaraokePreset_NamesThePredictedVocalsPred_WhateverTheModelsStemOrder()
    {
        var karaoke = KaraokeCnnFamily.Create("k", new KaraokeCnnHyperParameters { Channels = 2, LayerCount = 1 }, new Random(3));
        var remover = FrameTransformerFamily.Create("f", new FrameTransformerHyperParameters { Levels = 1, BaseChannels = 2, ModelWidth = 4, HeadCount = 1, BlockCount = 0 }, new Random(4));
        Assert.Equal(["pred", "karaoke"], SeedPresets.Apply(SeedPreset.Karaoke, karaoke).Stems);
        Assert.Equal(["karaoke", "pred"], SeedPresets.Apply(SeedPreset.Karaoke, remover).Stems);   // its first stem is the accompaniment
        Assert.Equal(SeedPreset.Karaoke, SeedPresets.Parse("KARAOKE"));
        Assert.Throws<ArgumentException>(() => SeedPresets.Parse("demucs"));
    }
}
