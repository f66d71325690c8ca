namespace Demix.Imaging.Heatmaps;

/// <summary>
/// How a [rows, columns] matrix lies in a flat array. Rows are the image's vertical axis (row 0 at the
/// bottom), columns its horizontal axis.
/// </summary>
public enum MatrixLayout
{
    /// <summary>Element (row, column) at <c>row * columns + column</c>: e.g. a spectrogram stored [bins, frames].</summary>
    RowMajor,
    /// <summary>Element (row, column) at <c>column * rows + row</c>: e.g. an STFT magnitude stored [frames, bins].</summary>
    ColumnMajor,
}

/// <summary>Index arithmetic of a <see cref="MatrixLayout"/>.</summary>
internal readonly record struct MatrixStrides(int Row, int Column)
{
    public static MatrixStrides Of(MatrixLayout layout, int rows, int columns) =>
        layout == MatrixLayout.RowMajor ? new MatrixStrides(columns, 1) : new MatrixStrides(1, rows);

    public int IndexOf(int row, int column) => row * Row + column * Column;
}
