using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>Matrix products through <see cref="Gemm.Sgemm"/>; transposes are GEMM flags, never copies.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Batched matrix product op(a) · op(b).
    /// a: [..., m, k] ([..., k, m] when <paramref name="transposeA"/>); b: [..., k, n] ([..., n, k] when
    /// <paramref name="transposeB"/>), or a plain matrix shared by every batch. Batch axes of a and b must match
    /// when both have them; a plain matrix a is shared likewise. Result: [batch..., m, n].
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        if (a.Rank < 2 || b.Rank < 2) throw new ArgumentException($"MatMul needs matrices, got {a.ShapeText} and {b.ShapeText}.");
        var p = MatMulPlan.Create(a, b, transposeA, transposeB);
        var data = Buffers.Uninitialized(p.Batches * p.M * p.N);
        ForEachBatch(p, parallel: true, batch => Gemm.Sgemm(transposeA, transposeB, p.M, p.N, p.K, 1f,
            a.Data.AsSpan(p.StrideA * batch), p.Lda, b.Data.AsSpan(p.StrideB * batch), p.Ldb, 0f,
            data.AsSpan(batch * p.M * p.N, p.M * p.N), p.N));
        var output = new Tensor(p.OutShape, data);
        if (GradMode.IsRecording(a, b)) output.SetBackward([a, b], grad => MatMulBackward(a, b, transposeA, transposeB, p, grad));
        return output;
    }

    /// <summary>
    /// Affine map x · weightᵀ + bias (PyTorch Linear). x: [..., in]; weight: [out, in]; bias: [out] or null.
    /// Result: [..., out]. All leading axes are folded into the rows of one GEMM.
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias)
    {
        int inSize = weight.Size(1), outSize = weight.Size(0);
        if (x.Size(-1) != inSize) throw new ArgumentException($"Linear: input {x.ShapeText} does not end with {inSize} (weight {weight.ShapeText}).");
        if (bias is not null && bias.Length != outSize) throw new ArgumentException($"Linear: bias {bias.ShapeText} does not match {outSize} outputs.");
        int rows = x.Length / inSize;
        var data = Buffers.Uninitialized(rows * outSize);
        if (bias is not null) for (int r = 0; r < rows; r++) bias.Data.AsSpan().CopyTo(data.AsSpan(r * outSize, outSize));
        Gemm.Sgemm(false, true, rows, outSize, inSize, 1f, x.Data, inSize, weight.Data, inSize, bias is null ? 0f : 1f, data, outSize);
        var shape = (int[])x.Shape.Clone();
        shape[^1] = outSize;
        var output = new Tensor(shape, data);
        if (!GradMode.IsRecording(x, weight, bias)) return output;
        output.SetBackward(bias is null ? [x, weight] : [x, weight, bias], grad =>
        {
            if (x.RequiresGrad) Gemm.Sgemm(false, false, rows, inSize, outSize, 1f, grad, outSize, weight.Data, inSize, 1f, x.EnsureGrad(), inSize);
            if (weight.RequiresGrad) Gemm.Sgemm(true, false, outSize, inSize, rows, 1f, grad, outSize, x.Data, inSize, 1f, weight.EnsureGrad(), inSize);
            if (bias is not null && bias.RequiresGrad)
            {
                var db = bias.EnsureGrad();
                for (int r = 0; r < rows; r++) TensorPrimitives.Add(db, grad.AsSpan(r * outSize, outSize), db);
            }
        });
        return output;
    }

    private static void MatMulBackward(Tensor a, Tensor b, bool tA, bool tB, MatMulPlan p, float[] grad)
    {
        int m = p.M, n = p.N, k = p.K;
        var da0 = a.RequiresGrad ? a.EnsureGrad() : null;
        var db0 = b.RequiresGrad ? b.EnsureGrad() : null;
        // A shared matrix (stride 0) collects every batch's gradient: those products must run in turn.
        ForEachBatch(p, parallel: p.StrideA != 0 && p.StrideB != 0, batch =>
        {
            var dc = grad.AsSpan(batch * m * n, m * n);
            var av = a.Data.AsSpan(p.StrideA * batch);
            var bv = b.Data.AsSpan(p.StrideB * batch);
            if (da0 is not null)
            {
                var da = da0.AsSpan(p.StrideA * batch);
                if (!tA) Gemm.Sgemm(false, !tB, m, k, n, 1f, dc, n, bv, p.Ldb, 1f, da, k);       // dA = dC · op(B)ᵀ
                else Gemm.Sgemm(tB, true, k, m, n, 1f, bv, p.Ldb, dc, n, 1f, da, m);             // dA = op(B) · dCᵀ
            }
            if (db0 is not null)
            {
                var db = db0.AsSpan(p.StrideB * batch);
                if (!tB) Gemm.Sgemm(!tA, false, k, n, m, 1f, av, p.Lda, dc, n, 1f, db, n);       // dB = op(A)ᵀ · dC
                else Gemm.Sgemm(true, tA, n, k, m, 1f, dc, n, av, p.Lda, 1f, db, k);             // dB = dCᵀ · op(A)
            }
        });
    }

    /// <summary>
    /// Runs body(batch) for every batch. Small products (which the GEMM runs on one core) are spread over the cores
    /// when <paramref name="parallel"/> allows it; large ones run in turn and the GEMM splits each.
    /// </summary>
    private static void ForEachBatch(MatMulPlan p, bool parallel, Action<int> body)
    {
        long flops = 2L * p.M * p.N * p.K;
        if (!parallel || p.Batches < 2 || flops >= SmallProductFlops)
        {
            for (int batch = 0; batch < p.Batches; batch++) body(batch);
            return;
        }
        int minBatchesPerWorker = (int)Math.Clamp(SmallProductFlops / 4 / Math.Max(flops, 1), 1, p.Batches);
        ParallelLoop.For(p.Batches, (start, count) =>
        {
            for (int batch = start; batch < start + count; batch++) body(batch);
        }, minBatchesPerWorker);
    }

    /// <summary>Products below this many flops run single-threaded inside the GEMM (about its own threshold).</summary>
    private const long SmallProductFlops = 3_000_000;

    /// <summary>Sizes of a (batched) product; a stride of 0 shares one matrix across batches.</summary>
    private sealed record MatMulPlan(int Batches, int M, int N, int K, int Lda, int Ldb, int StrideA, int StrideB, int[] OutShape)
    {
        public static MatMulPlan Create(Tensor a, Tensor b, bool tA, bool tB)
        {
            int aRows = a.Shape[^2], aCols = a.Shape[^1], bRows = b.Shape[^2], bCols = b.Shape[^1];
            int m = tA ? aCols : aRows, k = tA ? aRows : aCols, kb = tB ? bCols : bRows, n = tB ? bRows : bCols;
            if (k != kb) throw new ArgumentException($"MatMul: inner sizes differ ({a.ShapeText}{(tA ? "ᵀ" : "")} · {b.ShapeText}{(tB ? "ᵀ" : "")}).");
            var batchA = a.Shape[..^2];
            var batchB = b.Shape[..^2];
            if (batchB.Length == 0 && !tA)
            {
                // Fold every leading axis of a into the rows: one large GEMM instead of many small ones.
                int rows = a.Length / k;
                return new MatMulPlan(1, rows, n, k, k, bCols, 0, 0, [.. batchA, m, n]);
            }
            if (batchA.Length > 0 && batchB.Length > 0 && !batchA.AsSpan().SequenceEqual(batchB))
            {
                throw new ArgumentException($"MatMul: batch axes differ ({a.ShapeText} vs {b.ShapeText}).");
            }
            var batchShape = batchA.Length > 0 ? batchA : batchB;
            int batches = ShapeMath.ElementCount(batchShape);
            int strideA = batchA.Length > 0 ? m * k : 0, strideB = batchB.Length > 0 ? k * n : 0;
            return new MatMulPlan(batches, m, n, k, aCols, bCols, strideA, strideB, [.. batchShape, m, n]);
        }
    }
}
