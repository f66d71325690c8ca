namespace Demix.Engine.Ops;

/// <summary>
/// output[i0, ..., ik] = input[map0[i0], ..., mapk[ik]], or 0 when any map entry is -1.
/// One index map per axis expresses padding (zero, reflect, replicate), cropping, repeating, broadcasting
/// and nearest-neighbour upsampling; the adjoint scatter-adds the gradient back through the same maps.
/// </summary>
internal sealed class AxisGather
{
    private readonly int[] inputShape;
    private readonly int[][] maps;
    private readonly int[] outputShape;

    public AxisGather(int[] inputShape, int[][] maps)
    {
        if (maps.Length != inputShape.Length) throw new ArgumentException("One index map per axis is needed.");
        this.inputShape = inputShape;
        this.maps = maps;
        outputShape = maps.Select(map => map.Length).ToArray();
    }

    /// <summary>Sizes of the output.</summary>
    public int[] OutputShape => outputShape;

    /// <summary>Fills output (length = product of the map lengths) from input.</summary>
    public void Gather(float[] input, float[] output) => Walk(input, output, scatter: false);

    /// <summary>inputGradient[source] += outputGradient for every gathered element (the adjoint of Gather).</summary>
    public void ScatterAdd(float[] outputGradient, float[] inputGradient) => Walk(inputGradient, outputGradient, scatter: true);

    private void Walk(float[] input, float[] output, bool scatter)
    {
        int rank = inputShape.Length;
        if (rank == 0)
        {
            if (scatter) input[0] += output[0];
            else output[0] = input[0];
            return;
        }
        var strides = Tensors.ShapeMath.Strides(inputShape);
        var lastMap = maps[rank - 1];
        int inner = lastMap.Length;
        if (inner == 0 || output.Length == 0) return;
        bool contiguous = IsContiguousRun(lastMap, inputShape[rank - 1]);
        int rows = output.Length / inner;
        var counter = new int[rank];
        for (int row = 0; row < rows; row++)
        {
            int baseOffset = RowOffset(counter, strides);
            var outRow = output.AsSpan(row * inner, inner);
            if (baseOffset >= 0) CopyRow(input, outRow, baseOffset, lastMap, contiguous, scatter);
            else if (!scatter) outRow.Clear();
            for (int axis = rank - 2; axis >= 0; axis--)
            {
                if (++counter[axis] < outputShape[axis]) break;
                counter[axis] = 0;
            }
        }
    }

    private static void CopyRow(float[] input, Span<float> outRow, int baseOffset, int[] lastMap, bool contiguous, bool scatter)
    {
        if (contiguous)
        {
            var source = input.AsSpan(baseOffset + lastMap[0], outRow.Length);
            if (scatter) System.Numerics.Tensors.TensorPrimitives.Add(source, outRow, source);
            else source.CopyTo(outRow);
            return;
        }
        for (int i = 0; i < outRow.Length; i++)
        {
            int index = lastMap[i];
            if (scatter)
            {
                if (index >= 0) input[baseOffset + index] += outRow[i];
            }
            else outRow[i] = index >= 0 ? input[baseOffset + index] : 0f;
        }
    }

    /// <summary>Input offset of the row at <paramref name="counter"/> (all axes but the last), or -1 when it is padding.</summary>
    private int RowOffset(int[] counter, int[] strides)
    {
        int offset = 0;
        for (int axis = 0; axis < counter.Length - 1; axis++)
        {
            int index = maps[axis][counter[axis]];
            if (index < 0) return -1;
            offset += index * strides[axis];
        }
        return offset;
    }

    private static bool IsContiguousRun(int[] map, int size)
    {
        if (map[0] < 0 || map[0] + map.Length > size) return false;
        for (int i = 1; i < map.Length; i++) if (map[i] != map[0] + i) return false;
        return true;
    }
}
