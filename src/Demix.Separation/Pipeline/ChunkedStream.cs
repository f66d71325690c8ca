namespace Demix.Separation.Pipeline;

/// <summary>
/// The streaming state of <see cref="ChunkedMethod"/>: fills a chunk, separates it, emits all but its last
/// <c>overlap</c> frames (blended with the previous chunk's tail) and keeps that tail for the next chunk.
/// </summary>
internal sealed class ChunkedStream : ISeparationStream
{
    private readonly ISeparator separator;
    private readonly int sampleRate;
    private readonly int chunkFrames;
    private readonly int overlapFrames;
    private readonly float[][] chunk;          // [channels][chunkFrames], input of the next chunk
    private readonly float[][] fullMix;        // [channels][chunkFrames], the copy handed to the separator, reused
    private float[][][]? tail;                 // [stems][channels][overlapFrames], previous chunk's end, unfaded
    private readonly float[] fadeIn;           // [overlapFrames], sin^2 ramp; fade-out is 1 - fadeIn
    private int filledFrames;
    private bool isFirstChunk = true;

    public ChunkedStream(ISeparator separator, int sampleRate, int chunkFrames, int overlapFrames)
    {
        this.separator = separator;
        this.sampleRate = sampleRate;
        this.chunkFrames = chunkFrames;
        this.overlapFrames = overlapFrames;
        chunk = new float[separator.ChannelCount][];
        for (int c = 0; c < chunk.Length; c++) chunk[c] = new float[chunkFrames];
        fullMix = Planar.Allocate(chunk.Length, chunkFrames);
        fadeIn = new float[overlapFrames];
        for (int i = 0; i < overlapFrames; i++)
        {
            double s = Math.Sin(0.5 * Math.PI * (i + 0.5) / overlapFrames);
            fadeIn[i] = (float)(s * s);
        }
    }

    public void Push(float[][] input, int frameCount, IStemBlockSink sink)
    {
        int offset = 0;
        while (offset < frameCount)
        {
            int take = Math.Min(frameCount - offset, chunkFrames - filledFrames);
            for (int c = 0; c < chunk.Length; c++) Array.Copy(input[c], offset, chunk[c], filledFrames, take);
            filledFrames += take;
            offset += take;
            if (filledFrames == chunkFrames) ProcessChunk(chunkFrames, isLast: false, sink);
        }
    }

    public void Finish(IStemBlockSink sink)
    {
        bool hasNewFrames = isFirstChunk ? filledFrames > 0 : filledFrames > overlapFrames;
        if (hasNewFrames)
        {
            ProcessChunk(filledFrames, isLast: true, sink);
        }
        else if (tail is not null)
        {
            sink.Write(tail, overlapFrames);   // nothing follows the held tail: it stands as it is
        }
        tail = null;
        filledFrames = 0;
    }

    private void ProcessChunk(int frames, bool isLast, IStemBlockSink sink)
    {
        // A copy, so a separator may use its input as scratch; full chunks reuse one buffer, the short last one is exact.
        float[][] mix = frames == chunkFrames ? fullMix : Planar.Allocate(chunk.Length, frames);
        for (int c = 0; c < mix.Length; c++) Array.Copy(chunk[c], mix[c], frames);
        float[][][] stems = separator.Separate(mix, sampleRate);
        if (tail is not null) BlendTail(stems);
        int emitFrames = isLast ? frames : frames - overlapFrames;
        sink.Write(stems, emitFrames);
        if (!isLast) KeepTail(stems, emitFrames);
        isFirstChunk = false;
    }

    /// <summary>Cross-fades the first overlap frames of <paramref name="stems"/> with the held tail.</summary>
    private void BlendTail(float[][][] stems)
    {
        for (int s = 0; s < stems.Length; s++)
        {
            for (int c = 0; c < stems[s].Length; c++)
            {
                float[] current = stems[s][c];
                float[] previous = tail![s][c];
                for (int i = 0; i < overlapFrames; i++)
                {
                    current[i] = previous[i] + fadeIn[i] * (current[i] - previous[i]);
                }
            }
        }
    }

    /// <summary>Holds the chunk's last overlap frames (output and input) for the next chunk.</summary>
    private void KeepTail(float[][][] stems, int emitFrames)
    {
        tail ??= CreateTail(stems.Length);
        for (int s = 0; s < stems.Length; s++)
        {
            for (int c = 0; c < stems[s].Length; c++) Array.Copy(stems[s][c], emitFrames, tail[s][c], 0, overlapFrames);
        }
        for (int c = 0; c < chunk.Length; c++) Array.Copy(chunk[c], emitFrames, chunk[c], 0, overlapFrames);
        filledFrames = overlapFrames;
    }

    private float[][][] CreateTail(int stemCount)
    {
        var result = new float[stemCount][][];
        for (int s = 0; s < stemCount; s++)
        {
            result[s] = new float[chunk.Length][];
            for (int c = 0; c < chunk.Length; c++) result[s][c] = new float[overlapFrames];
        }
        return result;
    }
}
