namespace Demix.Web.Spectrograms;

/// <summary>
/// A spectrogram reduced to image size: dB values [rows, columns] row-major, row 0 the lowest band.
/// </summary>
/// <param name="Decibels">Level per cell in dB relative to a full-scale sine.</param>
/// <param name="DurationSeconds">Length of the audio the columns span.</param>
/// <param name="LowHertz">Bottom edge of row 0.</param>
/// <param name="HighHertz">Top edge of the last row.</param>
public sealed record SpectrogramMatrix(float[] Decibels, int Rows, int Columns, double DurationSeconds,
    double LowHertz, double HighHertz, FrequencyScale Scale);
