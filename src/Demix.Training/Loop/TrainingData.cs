using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Models;
using Demix.Training.Sampling;

namespace Demix.Training.Loop;

/// <summary>
/// The data of a run at the model's rate: every training corpus cached and pooled into one
/// <see cref="ChunkSampler"/> and its batch builder (or, for S0, image folders pooled into an <see cref="ImageBatchSource"/>), and the validator (its tracks cached the same way, its loss batches
/// drawn once, without augmentation, from a fixed seed).
/// </summary>
public sealed class TrainingData : IDisposable
{
    private const int ValidationLossBatches = 2;
    private readonly List<SourceTrack> tracks = [];

    /// <summary>Loads (and on first use decodes) the data of <paramref name="config"/> for <paramref name="model"/>.</summary>
    public TrainingData(TrainingConfig config, ITrainableModel model, AudioCache cache)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        var loader = new CorpusLoader(cache, model.SampleRate, config.Data.Channels);
        int chunkFrames = (int)Math.Round(config.Data.ChunkSeconds * model.SampleRate);
        if (config.Data.Sources.All(s => s.Kind == "images"))
        {
            var source = new ImageBatchSource([.. config.Data.Sources.Select(s => OpenImages(s, model))], config.Data.BatchSize, config.Seed);
            Builder = source;
            TrainingTrackCount = source.PairCount;
        }
        else
        {
            for (int i = 0; i < config.Data.Sources.Count; i++)
                tracks.AddRange(loader.Load(config.Data.Sources[i], $"{config.Data.Sources[i].Kind}-{i}"));
            Builder = new BatchBuilder(new ChunkSampler(tracks, config.Augment, chunkFrames, config.Data.Channels), model.Stft, config.Data.BatchSize, config.Seed);
            TrainingTrackCount = tracks.Count;
        }
        if (config.Data.Validation is not { } validation) return;
        var validationTracks = loader.Load(validation, "validation").Where(t => t.Vocals is not null && t.Accompaniment is not null).ToList();
        tracks.AddRange(validationTracks);
        var plain = new AugmentConfig { Remix = false, GainLow = 1, GainHigh = 1, ChannelSwap = false };
        int validationFrames = (int)Math.Min(chunkFrames, validationTracks.Min(t => t.FrameCount));
        var lossBuilder = new BatchBuilder(new ChunkSampler(validationTracks, plain, validationFrames, config.Data.Channels), model.Stft, config.Data.BatchSize, config.Seed ^ 0x5A5A);
        Validator = new Validator(validationTracks, [.. Enumerable.Range(0, ValidationLossBatches).Select(i => lossBuilder.Build(i))], config.Data.ValidationSeconds);
        ValidationTrackCount = validationTracks.Count;
    }

    /// <summary>Builds the training batches.</summary>
    public IBatchSource Builder { get; }

    /// <summary>The validator, or null when the config has no validation data.</summary>
    public Validator? Validator { get; }

    /// <summary>Training tracks pooled.</summary>
    public int TrainingTrackCount { get; }

    /// <summary>Validation tracks.</summary>
    public int ValidationTrackCount { get; }

    private static ImagePairFolder OpenImages(SourceConfig source, ITrainableModel model)
    {
        ImagePairFolder folder = ImagePairFolder.Open(source.Root);
        int imageSize = model is Pix2PixTrainable pix2pix ? pix2pix.Networks.HyperParameters.ImageSize : folder.ImageSize;
        folder.Check(model.SampleRate, model.Stft, imageSize);
        return folder;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (SourceTrack track in tracks) track.Dispose();
    }
}
