using System.Numerics.Tensors;
using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// The part of the cosine self-similarity matrix that windowed REPET-SIM needs, kept in rings: for every
/// frame still alive, its unit-norm mean magnitude spectrum, its per-channel magnitudes, and its
/// similarity to the <c>halfWindow</c> frames before it (the matrix is symmetric, so that is every pair
/// within the window). Memory is O(halfWindow x (bins + halfWindow)), whatever the track length.
/// Rows are allocated on first use, so a short track only pays for its own frames.
/// </summary>
internal sealed class SimilarityWindow
{
    private readonly int halfWindow;
    private readonly int capacity;             // frames alive at once: 2 halfWindow + extraFrames + 2
    private readonly int channelCount;
    private readonly int binCount;
    private readonly float[]?[] unitMeans;     // [capacity][bins]
    private readonly float[][]?[] magnitudes;  // [capacity][channels][bins]
    private readonly float[]?[] similarities;  // [capacity][halfWindow + 1], row t holds sim(t, t - lag)

    /// <param name="extraFrames">Frames the owner may add beyond a frame's window before it is done with that frame.</param>
    public SimilarityWindow(int channelCount, int binCount, int halfWindow, int extraFrames = 0)
    {
        this.halfWindow = halfWindow;
        this.channelCount = channelCount;
        this.binCount = binCount;
        capacity = 2 * halfWindow + extraFrames + 2;
        unitMeans = new float[capacity][];
        magnitudes = new float[capacity][][];
        similarities = new float[capacity][];
    }

    /// <summary>Frames added so far.</summary>
    public long FrameCount { get; private set; }

    /// <summary>Adds the next frame: frame <paramref name="frame"/> of <paramref name="spectrogram"/>, [channels, frames, bins].</summary>
    public void Add(ComplexSpectrogram spectrogram, int frame)
    {
        int slot = Slot(FrameCount);
        float[] mean = unitMeans[slot] ??= new float[binCount];
        float[][] mags = magnitudes[slot] ??= new float[channelCount][];
        Array.Clear(mean);
        for (int c = 0; c < channelCount; c++)
        {
            float[] mag = mags[c] ??= new float[binCount];
            TensorPrimitives.Hypot(spectrogram.RealFrame(c, frame), spectrogram.ImagFrame(c, frame), mag);
            TensorPrimitives.Add(mean, mag, mean);
        }
        float norm = TensorPrimitives.Norm(mean);
        if (norm > 0) TensorPrimitives.Divide(mean, norm, mean);   // the channel mean's 1/C cancels here
        float[] row = similarities[slot] ??= new float[halfWindow + 1];
        int lagCount = (int)Math.Min(halfWindow, FrameCount) + 1;
        for (int lag = 0; lag < lagCount; lag++) row[lag] = TensorPrimitives.Dot(mean, unitMeans[Slot(FrameCount - lag)]!);
        FrameCount++;
    }

    /// <summary>Similarity of frame <paramref name="frame"/> to frames <paramref name="first"/> .. first + row.Length - 1.</summary>
    public void Row(long frame, long first, Span<float> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            long other = first + i;
            row[i] = other <= frame
                ? similarities[Slot(frame)]![frame - other]
                : similarities[Slot(other)]![other - frame];
        }
    }

    /// <summary>Magnitude spectrum of one channel of a live frame, [bins].</summary>
    public float[] Magnitude(long frame, int channel) => magnitudes[Slot(frame)]![channel];

    private int Slot(long frame) => (int)(frame % capacity);
}
