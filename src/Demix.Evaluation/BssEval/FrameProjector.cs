using Demix.Evaluation.Fourier;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// Projects the references of one frame through the distortion filters and sums the energy terms, streaming:
/// the frame is convolved block by block (overlap-add with FFTs of a fixed size), and output samples are
/// consumed as soon as no later block can change them, so memory does not grow with the frame length.
/// One instance per thread.
/// </summary>
internal sealed class FrameProjector
{
    private readonly RealFft fft;
    private readonly RealFftBuffers buffers;
    private readonly int filterLength, blockLength;
    private readonly double[] segment, output, accRe, accIm;

    /// <summary>Prepares buffers for FFTs of <paramref name="fft"/>'s size and filters of <paramref name="filterLength"/> taps.</summary>
    public FrameProjector(RealFft fft, int filterLength)
    {
        this.fft = fft;
        this.filterLength = filterLength;
        blockLength = fft.Length - filterLength + 1;
        buffers = new RealFftBuffers(fft.Length);
        segment = new double[fft.Length];
        output = new double[fft.Length];
        accRe = new double[fft.BinCount];
        accIm = new double[fft.BinCount];
    }

    /// <summary>Energy terms of each pairing over the frame [start, start + length).</summary>
    public EnergyTerms[] Score(FilterPlan plan, SignalSet signals, int start, int length, IReadOnlyList<SourcePair> pairs)
    {
        var jobs = new ProjectionJobs(plan, signals.ChannelCount, pairs, fft);
        var channelRe = new Dictionary<int, double[]>();
        var channelIm = new Dictionary<int, double[]>();
        foreach (int channel in jobs.Channels) { channelRe[channel] = new double[fft.BinCount]; channelIm[channel] = new double[fft.BinCount]; }
        var terms = new EnergyTerms[pairs.Count];
        int total = length + filterLength - 1, done = 0;
        for (int blockStart = 0; blockStart < length; blockStart += blockLength)
        {
            int count = Math.Min(blockLength, length - blockStart);
            foreach (int channel in jobs.Channels)
            {
                Array.Clear(segment);
                Array.Copy(signals.References[channel], start + blockStart, segment, 0, count);
                fft.Forward(segment, channelRe[channel], channelIm[channel], buffers);
            }
            for (int job = 0; job < jobs.Count; job++) AddBlock(jobs, job, channelRe, channelIm);
            int finalEnd = blockStart + count >= length ? total : blockStart + count;
            Consume(jobs, signals, pairs, start, length, done, finalEnd - done, terms);
            done = finalEnd;
        }
        return terms;
    }

    private void AddBlock(ProjectionJobs jobs, int job, Dictionary<int, double[]> channelRe, Dictionary<int, double[]> channelIm)
    {
        Array.Clear(accRe);
        Array.Clear(accIm);
        var (filters, estimateChannel) = jobs[job];
        for (int u = 0; u < filters.Basis.Length; u++)
        {
            int channel = filters.Basis[u];
            SpectralMath.AccumulateProduct(channelRe[channel], channelIm[channel],
                filters.SpectraRe[estimateChannel][u], filters.SpectraIm[estimateChannel][u], accRe, accIm);
        }
        fft.Inverse(accRe, accIm, segment, buffers);
        System.Numerics.Tensors.TensorPrimitives.Add(jobs.Pending(job), segment, jobs.Pending(job));
    }

    /// <summary>Adds the energy of output samples [done, done + count) and shifts them out of the pending buffers.</summary>
    private void Consume(ProjectionJobs jobs, SignalSet signals, IReadOnlyList<SourcePair> pairs, int start, int length,
        int done, int count, EnergyTerms[] terms)
    {
        int inFrame = Math.Clamp(length - done, 0, count);
        for (int i = 0; i < pairs.Count; i++)
        {
            for (int c = 0; c < signals.ChannelCount; c++)
            {
                var s = signals.References[pairs[i].True * signals.ChannelCount + c].AsSpan(start + done, inFrame);
                var e = signals.Estimates[pairs[i].Estimate * signals.ChannelCount + c].AsSpan(start + done, inFrame);
                var own = jobs.Pending(jobs.OwnJob(i, c)).AsSpan(0, count);
                var all = jobs.Pending(jobs.AllJob(pairs[i].Estimate, c)).AsSpan(0, count);
                terms[i].Add(s, e, own, all);
            }
        }
        for (int job = 0; job < jobs.Count; job++)
        {
            double[] pending = jobs.Pending(job);
            Array.Copy(pending, count, pending, 0, pending.Length - count);
            Array.Clear(pending, pending.Length - count, count);
        }
    }
}
