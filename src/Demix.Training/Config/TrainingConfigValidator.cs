namespace Demix.Training.Config;

/// <summary>Checks the values of a parsed <see cref="TrainingConfig"/>; each failure names the dotted key.</summary>
internal static class TrainingConfigValidator
{
    private static readonly string[] Kinds = ["musdb", "dsd100", "mir1k", "ccmixter", "folder", "voice", "music", "images"];
    private static readonly string[] Splits = ["train", "validation", "test", "all"];

    public static void Validate(TrainingConfig config, string path)
    {
        void Require(bool ok, string key, string problem)
        {
            if (!ok) throw new TrainingConfigException(path, key, problem);
        }
        Require(config.Name.Length > 0, "name", "the run needs a name.");
        Require(TrainingConfigLoader.Families.Contains(config.Model.Family), "model.family",
            $"unknown family '{config.Model.Family}'; known: {string.Join(", ", TrainingConfigLoader.Families)}.");
        Require(config.Model.Target is "vocals" or "accompaniment", "model.target", "must be vocals or accompaniment.");
        Require(config.Data.Sources.Count > 0, "data.sources", "name at least one training corpus.");
        for (int i = 0; i < config.Data.Sources.Count; i++) ValidateSource(config.Data.Sources[i], $"data.sources[{i}]", Require);
        if (config.Data.Validation is { } validation)
        {
            ValidateSource(validation, "data.validation", Require);
            Require(validation.Kind != "images", "data.validation.kind", "validation separates audio tracks; images are training data only.");
        }
        bool images = config.Data.Sources.Any(s => s.Kind == "images");
        Require(!images || config.Data.Sources.All(s => s.Kind == "images"), "data.sources", "image folders cannot be pooled with audio corpora.");
        Require(!images || config.Model.Family == "pix2pix", "data.sources", $"image folders train pix2pix only, not '{config.Model.Family}'.");
        Require(!images || config.Data.Channels == 1, "data.channels", "image folders are mono: set channels to 1.");
        Require(config.Data.ChunkSeconds > 0, "data.chunkSeconds", "must be positive.");
        Require(config.Data.BatchSize > 0, "data.batchSize", "must be positive.");
        Require(config.Data.Channels is 1 or 2, "data.channels", "must be 1 or 2.");
        Require(config.Data.CacheFormat is "float32" or "float16", "data.cacheFormat", "must be float32 or float16.");
        Require(config.Augment.GainLow > 0 && config.Augment.GainLow <= config.Augment.GainHigh, "augment.gainLow", "needs 0 < gainLow <= gainHigh.");
        Require(config.Augment.NoiseProbability is >= 0 and <= 1, "augment.noiseProbability", "must be in [0, 1].");
        Require(config.Augment.NoiseSnrLowDb <= config.Augment.NoiseSnrHighDb, "augment.noiseSnrLowDb", "must not exceed noiseSnrHighDb.");
        Require(config.Optimizer.Kind is "adam" or "adamw", "optimizer.kind", $"unknown optimiser '{config.Optimizer.Kind}'; known: adam, adamw.");
        Require(config.Optimizer.Schedule is "constant" or "cosine" or "step", "optimizer.schedule",
            $"unknown schedule '{config.Optimizer.Schedule}'; known: constant, cosine, step.");
        Require(config.Optimizer.LearningRate > 0, "optimizer.learningRate", "must be positive.");
        Require(config.Optimizer.Beta1 is >= 0 and < 1, "optimizer.beta1", "must be in [0, 1).");
        Require(config.Optimizer.Beta2 is >= 0 and < 1, "optimizer.beta2", "must be in [0, 1).");
        Require(config.Training.MaxSteps > 0, "training.maxSteps", "must be positive.");
        Require(config.Training.ValidateEvery > 0, "training.validateEvery", "must be positive.");
        Require(config.Training.CheckpointEvery > 0, "training.checkpointEvery", "must be positive.");
        Require(config.Training.Workers is 0 or 1, "training.workers", "must be 0 (same thread) or 1 (background thread).");
        Require(config.Training.PrefetchBatches > 0, "training.prefetchBatches", "must be positive.");
    }

    private static void ValidateSource(SourceConfig source, string key, Action<bool, string, string> require)
    {
        require(Kinds.Contains(source.Kind), key + ".kind", $"unknown layout '{source.Kind}'; known: {string.Join(", ", Kinds)}.");
        require(source.Root.Length > 0, key + ".root", "the corpus needs a root folder.");
        require(Splits.Contains(source.Split), key + ".split", $"unknown split '{source.Split}'; known: {string.Join(", ", Splits)}.");
    }
}
