using Demix.Engine.Io;

namespace Demix.Separation.Models.Spleeter;

/// <summary>How one TensorFlow checkpoint variable becomes one of our parameters or buffers.</summary>
/// <param name="TfName">Variable name in the checkpoint, e.g. <c>conv2d_7/kernel</c>.</param>
/// <param name="Key">State-dict key in <see cref="SpleeterNetwork"/>, e.g. <c>accompaniment.conv0.weight</c>.</param>
/// <param name="Layout">How the TF array is rearranged.</param>
public sealed record SpleeterTensorMapping(string TfName, string Key, TfLayout Layout);

/// <summary>Rearrangement of a TF array into PyTorch layout.</summary>
public enum TfLayout
{
    /// <summary>Copied as is (biases, batch-norm vectors).</summary>
    Same,

    /// <summary>Conv2D kernel [kh, kw, in, out] (HWIO) to [out, in, kh, kw].</summary>
    Conv2dKernel,

    /// <summary>Conv2DTranspose kernel [kh, kw, out, in] (HWOI) to [in, out, kh, kw].</summary>
    ConvTransposeKernel,
}

/// <summary>
/// The names Keras gave Spleeter's layers. Each instrument's U-Net n (graph order) owns <c>conv2d_{7n+i}</c>
/// (encoder i = 0..5, output conv i = 6), <c>conv2d_transpose_{6n+i}</c> and <c>batch_normalization_{12n+i}</c>
/// (encoder i = 0..5, decoder 6..11); the first of each kind has no suffix. Keras's BatchNormalization variables
/// gamma/beta/moving_mean/moving_variance are PyTorch's weight/bias/running_mean/running_var.
/// </summary>
public static class SpleeterCheckpointMapping
{
    /// <summary>The mapping for a network of the <paramref name="instruments"/> (in graph order).</summary>
    public static IReadOnlyList<SpleeterTensorMapping> For(IReadOnlyList<string> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var result = new List<SpleeterTensorMapping>();
        for (int n = 0; n < instruments.Count; n++)
        {
            string p = instruments[n] + ".";
            for (int i = 0; i < 6; i++)
            {
                AddConv(result, Numbered("conv2d", 7 * n + i), $"{p}conv{i}", TfLayout.Conv2dKernel);
                AddConv(result, Numbered("conv2d_transpose", 6 * n + i), $"{p}deconv{i}", TfLayout.ConvTransposeKernel);
                AddNorm(result, Numbered("batch_normalization", 12 * n + i), $"{p}bn{i}");
                AddNorm(result, Numbered("batch_normalization", 12 * n + 6 + i), $"{p}dbn{i}");
            }
            AddConv(result, Numbered("conv2d", 7 * n + 6), $"{p}mask", TfLayout.Conv2dKernel);
        }
        return result;
    }

    /// <summary>
    /// Checkpoint entries that are training state, not weights: <c>global_step</c>, optimiser slots (names ending
    /// in <c>/Adam</c>, <c>/Adam_1</c>, <c>/Momentum</c>, <c>/RMSProp</c>, <c>/Adadelta</c>...) and Adam's <c>beta1_power</c>/<c>beta2_power</c>.
    /// </summary>
    public static bool IsTrainingState(string tfName)
    {
        ArgumentNullException.ThrowIfNull(tfName);
        if (tfName is "global_step" or "beta1_power" or "beta2_power") return true;
        int slash = tfName.LastIndexOf('/');
        string last = slash < 0 ? tfName : tfName[(slash + 1)..];
        return last is "Adam" or "Adam_1" or "Momentum" or "RMSProp" or "RMSProp_1" or "Adadelta" or "Adadelta_1" or "Adagrad";
    }

    /// <summary>Rearranges a TF array (shape <paramref name="tfShape"/>) into PyTorch layout; returns the new shape and values.</summary>
    public static (int[] Shape, float[] Data) Convert(TfLayout layout, int[] tfShape, float[] data)
    {
        ArgumentNullException.ThrowIfNull(tfShape);
        ArgumentNullException.ThrowIfNull(data);
        if (layout == TfLayout.Same) return ((int[])tfShape.Clone(), (float[])data.Clone());
        if (tfShape.Length != 4) throw new ArgumentException($"a kernel must have 4 dimensions, not [{string.Join(", ", tfShape)}].");
        int kh = tfShape[0], kw = tfShape[1], a = tfShape[2], b = tfShape[3];
        // Conv2D: a = in, b = out -> [out, in, kh, kw]. Transposed: a = out, b = in -> [in, out, kh, kw]. Both: [b, a, kh, kw].
        var result = new float[data.Length];
        for (int y = 0; y < kh; y++)
        {
            for (int x = 0; x < kw; x++)
            {
                for (int i = 0; i < a; i++)
                {
                    for (int o = 0; o < b; o++) result[((o * a + i) * kh + y) * kw + x] = data[((y * kw + x) * a + i) * b + o];
                }
            }
        }
        return ([b, a, kh, kw], result);
    }

    /// <summary>The checkpoint's weights as a state dict of <see cref="SpleeterNetwork"/> (every mapped variable must be present).</summary>
    /// <exception cref="ArgumentException">A variable is missing, or one is neither mapped nor training state.</exception>
    public static NamedTensorSet ToStateDict(NamedTensorSet checkpoint, IReadOnlyList<string> instruments)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var mappings = For(instruments);
        var mapped = mappings.Select(m => m.TfName).ToHashSet(StringComparer.Ordinal);
        var stray = checkpoint.Names.Where(n => !mapped.Contains(n) && !IsTrainingState(n)).ToList();
        if (stray.Count > 0) throw new ArgumentException($"{checkpoint.Source}: variables that are not part of the U-Nets: [{string.Join(", ", stray)}].");
        var result = new List<NamedTensorData>();
        foreach (var m in mappings)
        {
            if (!checkpoint.TryGet(m.TfName, out var tensor)) throw new ArgumentException($"{checkpoint.Source}: variable '{m.TfName}' ({m.Key}) is missing.");
            var (shape, data) = Convert(m.Layout, tensor.Shape, tensor.Data);
            result.Add(new NamedTensorData(m.Key, shape, data, tensor.SourceType));
            if (m.Key.EndsWith(".running_var", StringComparison.Ordinal))
            {
                // PyTorch's counter has no Keras counterpart; it only matters for momentum=None, which we never use.
                result.Add(new NamedTensorData(m.Key[..^"running_var".Length] + "num_batches_tracked", [], [0f]));
            }
        }
        return new NamedTensorSet(checkpoint.Source, result);
    }

    private static string Numbered(string kind, int index) => index == 0 ? kind : $"{kind}_{index}";

    private static void AddConv(List<SpleeterTensorMapping> list, string tf, string key, TfLayout kernel)
    {
        list.Add(new($"{tf}/kernel", $"{key}.weight", kernel));
        list.Add(new($"{tf}/bias", $"{key}.bias", TfLayout.Same));
    }

    private static void AddNorm(List<SpleeterTensorMapping> list, string tf, string key)
    {
        list.Add(new($"{tf}/gamma", $"{key}.weight", TfLayout.Same));
        list.Add(new($"{tf}/beta", $"{key}.bias", TfLayout.Same));
        list.Add(new($"{tf}/moving_mean", $"{key}.running_mean", TfLayout.Same));
        list.Add(new($"{tf}/moving_variance", $"{key}.running_var", TfLayout.Same));
    }
}
