using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Ops;

namespace Demix.Engine.Tensors;

/// <summary>Broadcasting arithmetic (NumPy rules) and scalar arithmetic, each with its backward.</summary>
public sealed partial class Tensor
{
    /// <summary>a + b, broadcast.</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        var output = Binary<AddOp>(a, b);
        if (GradMode.IsRecording(a, b))
        {
            output.SetBackward([a, b], grad =>
            {
                GiveReduced(a, grad, output.Shape, mayAdopt: true);
                GiveReduced(b, grad, output.Shape, mayAdopt: !a.RequiresGrad);
            });
        }
        return output;
    }

    /// <summary>a - b, broadcast.</summary>
    public static Tensor Subtract(Tensor a, Tensor b)
    {
        var output = Binary<SubtractOp>(a, b);
        if (GradMode.IsRecording(a, b))
        {
            output.SetBackward([a, b], grad =>
            {
                if (b.RequiresGrad)
                {
                    var gb = BroadcastKernels.SumToShape(grad, output.Shape, b.Shape);
                    var negated = Buffers.Uninitialized(gb.Length);
                    TensorPrimitives.Negate(gb, negated);
                    b.AccumulateGradOwned(negated);
                }
                GiveReduced(a, grad, output.Shape, mayAdopt: true);
            });
        }
        return output;
    }

    /// <summary>a * b (elementwise), broadcast.</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        var output = Binary<MultiplyOp>(a, b);
        if (GradMode.IsRecording(a, b))
        {
            output.SetBackward([a, b], grad =>
            {
                if (a.RequiresGrad) a.AccumulateGradOwned(ReducedProduct(grad, output.Shape, b, a.Shape));
                if (b.RequiresGrad) b.AccumulateGradOwned(ReducedProduct(grad, output.Shape, a, b.Shape));
            });
        }
        return output;
    }

    /// <summary>a / b (elementwise), broadcast.</summary>
    public static Tensor Divide(Tensor a, Tensor b)
    {
        var output = Binary<DivideOp>(a, b);
        if (GradMode.IsRecording(a, b))
        {
            output.SetBackward([a, b], grad =>
            {
                if (a.RequiresGrad)
                {
                    var quotient = Buffers.Uninitialized(grad.Length);
                    BroadcastKernels.Run<DivideOp>(grad, output.Shape, b.Data, b.Shape, output.Shape, quotient);
                    a.AccumulateGradOwned(BroadcastKernels.SumToShape(quotient, output.Shape, a.Shape));
                }
                if (b.RequiresGrad)
                {
                    // d(a/b)/db = -out / b
                    var term = Buffers.Uninitialized(grad.Length);
                    TensorPrimitives.Multiply(grad, output.Data, term);
                    BroadcastKernels.Run<DivideOp>(term, output.Shape, b.Data, b.Shape, output.Shape, term);
                    TensorPrimitives.Negate(term, term);
                    b.AccumulateGradOwned(BroadcastKernels.SumToShape(term, output.Shape, b.Shape));
                }
            });
        }
        return output;
    }

    /// <summary>this + value.</summary>
    public Tensor Add(float value) => MapAffine(1f, value);

    /// <summary>this * value.</summary>
    public Tensor Multiply(float value) => MapAffine(value, 0f);

    /// <summary>-this.</summary>
    public Tensor Negate() => MapAffine(-1f, 0f);

    /// <summary>value / this.</summary>
    public static Tensor Divide(float value, Tensor x) => x.Reciprocal().Multiply(value);

    /// <summary>1 / this.</summary>
    public Tensor Reciprocal()
    {
        var data = Buffers.Uninitialized(Length);
        TensorPrimitives.Reciprocal(Data, data);
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var g = Buffers.Uninitialized(grad.Length);
                TensorPrimitives.Multiply(output.Data, output.Data, g);
                TensorPrimitives.Multiply(g, grad, g);
                TensorPrimitives.Negate(g, g);
                AccumulateGradOwned(g);
            });
        }
        return output;
    }

    /// <summary>scale * this + shift (one fused pass).</summary>
    public Tensor MapAffine(float scale, float shift)
    {
        var data = Buffers.Uninitialized(Length);
        if (scale != 1f) TensorPrimitives.Multiply(Data, scale, data);
        else Data.AsSpan().CopyTo(data);
        if (shift != 0f) TensorPrimitives.Add(data, shift, data);
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            if (scale == 1f) output.SetBackward([this], grad => AccumulateGradOwned(grad));
            else
            {
                output.SetBackward([this], grad =>
                {
                    var g = Buffers.Uninitialized(grad.Length);
                    TensorPrimitives.Multiply(grad, scale, g);
                    AccumulateGradOwned(g);
                });
            }
        }
        return output;
    }

    /// <summary>a + b, broadcast.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Add(a, b);

    /// <summary>a - b, broadcast.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Subtract(a, b);

    /// <summary>a * b elementwise, broadcast.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Multiply(a, b);

    /// <summary>a / b elementwise, broadcast.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Divide(a, b);

    /// <summary>a + s.</summary>
    public static Tensor operator +(Tensor a, float s) => a.Add(s);

    /// <summary>s + a.</summary>
    public static Tensor operator +(float s, Tensor a) => a.Add(s);

    /// <summary>a - s.</summary>
    public static Tensor operator -(Tensor a, float s) => a.Add(-s);

    /// <summary>s - a.</summary>
    public static Tensor operator -(float s, Tensor a) => a.MapAffine(-1f, s);

    /// <summary>a * s.</summary>
    public static Tensor operator *(Tensor a, float s) => a.Multiply(s);

    /// <summary>s * a.</summary>
    public static Tensor operator *(float s, Tensor a) => a.Multiply(s);

    /// <summary>a / s.</summary>
    public static Tensor operator /(Tensor a, float s) => a.Multiply(1f / s);

    /// <summary>s / a.</summary>
    public static Tensor operator /(float s, Tensor a) => Divide(s, a);

    /// <summary>-a.</summary>
    public static Tensor operator -(Tensor a) => a.Negate();

    private static Tensor Binary<TOp>(Tensor a, Tensor b) where TOp : struct, IBinaryOp
    {
        var shape = ShapeMath.SameShape(a.Shape, b.Shape) ? a.Shape : ShapeMath.Broadcast(a.Shape, b.Shape);
        var data = Buffers.Uninitialized(ShapeMath.ElementCount(shape));
        BroadcastKernels.Run<TOp>(a.Data, a.Shape, b.Data, b.Shape, shape, data);
        return new Tensor(shape, data);
    }

    /// <summary>
    /// Passes grad (reduced to the input's shape) to <paramref name="input"/>. A reduction is a new array and is adopted;
    /// the incoming array itself is adopted only when <paramref name="mayAdopt"/> (at most one input may take it).
    /// </summary>
    private static void GiveReduced(Tensor input, float[] grad, int[] outShape, bool mayAdopt)
    {
        if (!input.RequiresGrad) return;
        var reduced = BroadcastKernels.SumToShape(grad, outShape, input.Shape);
        if (ReferenceEquals(reduced, grad) && !mayAdopt) input.AccumulateGrad(grad);
        else input.AccumulateGradOwned(reduced);
    }

    /// <summary>sum-to-shape(grad * other broadcast), a fresh array of the target's length.</summary>
    private static float[] ReducedProduct(float[] grad, int[] outShape, Tensor other, int[] targetShape)
    {
        var product = Buffers.Uninitialized(grad.Length);
        BroadcastKernels.Run<MultiplyOp>(grad, outShape, other.Data, other.Shape, outShape, product);
        return BroadcastKernels.SumToShape(product, outShape, targetShape);
    }
}
