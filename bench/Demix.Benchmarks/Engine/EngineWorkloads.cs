using System.Numerics.Tensors;
using Demix.Engine.Kernels;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// One timed kernel workload: a name, the key of the matching row in ../shared/bench/pytorch-cpu.json
/// (section and entry), the flops of one run and the run itself (operands allocated once, up front).
/// </summary>
public sealed record EngineWorkload(string Name, string Section, string PyTorchKey, string PyTorchPart, double Flops, Action Run);

/// <summary>The workloads of the PyTorch reference table (ref_bench.py): SGEMM shapes and Spleeter conv layers.</summary>
public static class EngineWorkloads
{
    /// <summary>SGEMM C = A · B (or A · Wᵀ for the nn.Linear layout) on the given backend.</summary>
    public static EngineWorkload Sgemm(int m, int k, int n, bool linearLayout, GemmBackendKind backend)
    {
        var random = new Random(1);
        float[] a = Fill(random, m * k), b = Fill(random, k * n), c = new float[m * n];
        string key = m == n && n == k ? $"square_{m}" : $"skinny_{m}x{k}_x_{k}x{n}" + (linearLayout ? "_linear_layout" : "");
        string name = (m == n && n == k ? $"SGEMM {m}²" : $"SGEMM {m}x{k} · {(linearLayout ? $"({n}x{k})ᵀ" : $"{k}x{n}")}")
            + (m == 255 * 16 ? " (LSTM input)" : m == 16 && k == 256 ? " (LSTM step)" : "")
            + (backend == GemmBackendKind.OpenBlas ? " [OpenBLAS]" : "");
        return new EngineWorkload(name, "sgemm", key, "", 2.0 * m * n * k, () =>
        {
            GemmBackend.Current = backend;
            Gemm.Sgemm(false, linearLayout, m, n, k, 1f, a, k, b, linearLayout ? k : n, 0f, c, n);
            GemmBackend.Current = GemmBackendKind.Managed;
        });
    }

    public static IEnumerable<EngineWorkload> AllSgemm(GemmBackendKind backend)
    {
        foreach (int size in new[] { 256, 512, 1024, 2048 })
        {
            yield return Sgemm(size, size, size, false, backend);
        }

        yield return Sgemm(16, 1024, 2048, false, backend);
        yield return Sgemm(16, 1024, 2048, true, backend);
        yield return Sgemm(1, 512, 2048, false, backend);
        yield return Sgemm(1, 512, 2048, true, backend);

        // the Open-Unmix LSTM (hidden 256, batch 16, T = 255): input projection of all frames, one recurrent step
        yield return Sgemm(255 * 16, 512, 1024, true, backend);
        yield return Sgemm(16, 256, 1024, true, backend);
        if (backend == GemmBackendKind.Managed)
        {
            yield return SgemmPrepacked(16, 256, 1024);
            yield return SgemmPrepacked(16, 1024, 2048);
        }
    }

    /// <summary>A · Wᵀ with W packed once up front (<see cref="PackedMatrix"/>), as a recurrent layer can do per sequence.</summary>
    public static EngineWorkload SgemmPrepacked(int m, int k, int n)
    {
        var random = new Random(1);
        float[] a = Fill(random, m * k), w = Fill(random, n * k), c = new float[m * n];
        PackedMatrix packed = PackedMatrix.Pack(true, k, n, w, k);
        return new EngineWorkload($"SGEMM {m}x{k} · ({n}x{k})ᵀ pre-packed", "sgemm", "", "", 2.0 * m * n * k,
            () => Gemm.SgemmPacked(false, m, 1f, a, k, packed, 0f, c, n));
    }

    /// <summary>The four Spleeter layers of ref_bench.py, forward and forward + backward.</summary>
    public static IEnumerable<EngineWorkload> AllConv()
    {
        foreach (SpleeterLayer layer in SpleeterLayer.All)
        {
            yield return new EngineWorkload($"{layer.Name} fwd", "conv", layer.Key, "fwd", layer.ForwardFlops, layer.Forward);
            yield return new EngineWorkload($"{layer.Name} fwd+bwd", "conv", layer.Key, "fwd_bwd", layer.BackwardFlops, layer.ForwardBackward);
        }
    }

    internal static float[] Fill(Random random, long length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return values;
    }
}

/// <summary>
/// One Spleeter U-Net layer as in ref_bench.py: a 5x5 stride-2 convolution (padding 2) or a transposed one
/// (PyTorch padding 1 + output_padding 1, cropped to twice the input: here the conv geometry of the cropped output
/// with 1 row/column of leading padding). Bias included, as in nn.Conv2d.
/// </summary>
public sealed class SpleeterLayer
{
    private readonly Conv2dShape shape;
    private readonly bool transposed;
    private readonly bool inputGrad;
    private readonly float[] x, w, bias, y, dy, dx, dw, db;

    private SpleeterLayer(string name, string key, bool transposed, int cin, int cout, int h, int wd, bool inputGrad)
    {
        (Name, Key, this.transposed, this.inputGrad) = (name, key, transposed, inputGrad);
        // the convolution's own geometry: for a transposed layer it maps the (big) output back to the input
        shape = transposed
            ? new Conv2dShape(1, 1, cin, new ConvGeometry(cout, 2 * h, 2 * wd, 5, 5, 2, 2, 1, 1, 1, 1, h, wd))
            : new Conv2dShape(1, 1, cout, new ConvGeometry(cin, h, wd, 5, 5, 2, 2, 2, 2, 1, 1, h / 2, wd / 2));
        var random = new Random(2);
        long small = shape.OutputLength, big = shape.InputLength;
        x = EngineWorkloads.Fill(random, transposed ? small : big);
        y = new float[transposed ? big : small];
        dy = EngineWorkloads.Fill(random, y.Length);
        dx = new float[x.Length];
        w = EngineWorkloads.Fill(random, shape.WeightLength);
        dw = new float[w.Length];
        bias = EngineWorkloads.Fill(random, cout);
        db = new float[cout];
        ForwardFlops = 2.0 * cin * cout * 25 * (transposed ? h * wd : h / 2 * (wd / 2));
        BackwardFlops = ForwardFlops * (inputGrad ? 3 : 2);
    }

    public static IReadOnlyList<SpleeterLayer> All { get; } =
    [
        new("enc1 conv 2→16 @512x1024", "enc1_conv_2to16_512x1024", false, 2, 16, 512, 1024, false),
        new("enc6 conv 256→512 @16x32", "enc6_conv_256to512_16x32", false, 256, 512, 16, 32, true),
        new("dec1 convT 512→256 @8x16", "dec1_convT_512to256_8x16", true, 512, 256, 8, 16, true),
        new("dec6 convT 32→1 @256x512", "dec6_convT_32to1_256x512", true, 32, 1, 256, 512, true),
    ];

    public string Name { get; }

    public string Key { get; }

    public double ForwardFlops { get; }

    public double BackwardFlops { get; }

    public void Forward()
    {
        if (!transposed)
        {
            Conv2dKernel.Forward(x, w, bias, y, shape);
            return;
        }

        Conv2dKernel.BackwardData(x, w, y, shape, accumulate: false);
        AddBias(y, bias, y.Length / bias.Length);
    }

    /// <summary>Forward, then the gradients PyTorch computes for sum(y).backward(): weight, bias and (if asked) input.</summary>
    public void ForwardBackward()
    {
        Forward();
        if (!transposed)
        {
            Conv2dKernel.BackwardWeight(x, dy, dw, shape, accumulate: false);
            Conv2dKernel.BackwardBias(dy, db, shape, accumulate: false);
            if (inputGrad)
            {
                Conv2dKernel.BackwardData(dy, w, dx, shape, accumulate: false);
            }

            return;
        }

        // y = convT(x): dW = BackwardWeight(input = dy, outputGrad = x), dx = Forward(dy)
        Conv2dKernel.BackwardWeight(dy, x, dw, shape, accumulate: false);
        SumPlanes(dy, db);
        if (inputGrad)
        {
            Conv2dKernel.Forward(dy, w, [], dx, shape);
        }
    }

    private static void AddBias(float[] planes, float[] bias, int planeLength)
    {
        for (int c = 0; c < bias.Length; c++)
        {
            var plane = planes.AsSpan(c * planeLength, planeLength);
            TensorPrimitives.Add(plane, bias[c], plane);
        }
    }

    private static void SumPlanes(float[] planes, float[] sums)
    {
        int planeLength = planes.Length / sums.Length;
        for (int c = 0; c < sums.Length; c++)
        {
            sums[c] = TensorPrimitives.Sum(planes.AsSpan(c * planeLength, planeLength));
        }
    }
}
