namespace Demix.Dsp.Masking;

/// <summary>
/// EM iterations of the Wiener filter on the working set of one <see cref="WienerChunk"/> (float64). Spatial covariances R_j[f] are Hermitian: for 2 channels they are stored as
/// (r00, r11, Re r01, Im r01); for 1 channel as r00.
/// </summary>
internal sealed class WienerEm
{
    private readonly WienerChunk block;
    private readonly double[][] power;        // v_j, [source][frame * bins + b]
    private readonly double[][] covariance;   // R_j, [source][b * 4 + k]
    private readonly double[] weight;         // eps + sum_t v_j, [b]
    private readonly int sources;
    private int frames, bins;

    public WienerEm(WienerChunk block, int maxFrames, int maxBins)
    {
        this.block = block;
        sources = block.SourceCount;
        power = new double[sources][];
        covariance = new double[sources][];
        weight = new double[maxBins];
        for (int j = 0; j < sources; j++)
        {
            power[j] = new double[maxFrames * maxBins];
            covariance[j] = new double[maxBins * 4];
        }
    }

    /// <summary>One EM iteration: v and R from the current estimates, then y_j = v_j R_j C_x^{-1} x.</summary>
    public void Iterate()
    {
        frames = block.Frames;
        bins = block.Bins;
        for (int j = 0; j < sources; j++) UpdateModel(j);
        if (block.Channels == 2) SeparateStereo();
        else SeparateMono();
    }

    /// <summary>v_j = mean over channels of |y_j|^2; R_j = sum_t y_j y_j^H / (eps + sum_t v_j).</summary>
    private void UpdateModel(int j)
    {
        double[] yr = block.SourceReal[j], yi = block.SourceImag[j], v = power[j], r = covariance[j];
        r.AsSpan(0, 4 * bins).Clear();
        weight.AsSpan(0, bins).Fill(block.Eps);
        bool stereo = block.Channels == 2;
        for (int t = 0; t < frames; t++)
        {
            int i0 = t * bins, i1 = (frames + t) * bins;
            for (int b = 0; b < bins; b++)
            {
                double ar = yr[i0 + b], ai = yi[i0 + b], p0 = ar * ar + ai * ai;
                if (!stereo)
                {
                    v[t * bins + b] = p0;
                    r[b * 4] += p0;
                    weight[b] += p0;
                    continue;
                }
                double br = yr[i1 + b], bi = yi[i1 + b], p1 = br * br + bi * bi;
                double mean = 0.5 * (p0 + p1);
                v[t * bins + b] = mean;
                weight[b] += mean;
                r[b * 4] += p0;
                r[b * 4 + 1] += p1;
                r[b * 4 + 2] += ar * br + ai * bi;   // y0 conj(y1)
                r[b * 4 + 3] += ai * br - ar * bi;
            }
        }
        for (int b = 0; b < bins; b++)
        {
            for (int k = 0; k < 4; k++) r[b * 4 + k] /= weight[b];
        }
    }

    private void SeparateStereo()
    {
        double[] xr = block.MixReal, xi = block.MixImag;
        double regularization = Math.Sqrt(block.Eps);
        for (int t = 0; t < frames; t++)
        {
            int i0 = t * bins, i1 = (frames + t) * bins;
            for (int b = 0; b < bins; b++)
            {
                // C_x = sqrt(eps) I + sum_j v_j R_j (Hermitian), then its inverse by the closed form.
                double c00 = regularization, c11 = regularization, c01r = 0, c01i = 0;
                for (int j = 0; j < sources; j++)
                {
                    double vj = power[j][t * bins + b];
                    double[] r = covariance[j];
                    c00 += vj * r[b * 4];
                    c11 += vj * r[b * 4 + 1];
                    c01r += vj * r[b * 4 + 2];
                    c01i += vj * r[b * 4 + 3];
                }
                double inverseDet = 1.0 / (c00 * c11 - (c01r * c01r + c01i * c01i));
                var inverse = new Hermitian2x2(c11 * inverseDet, c00 * inverseDet, -c01r * inverseDet, -c01i * inverseDet);
                var x0 = (Re: xr[i0 + b], Im: xi[i0 + b]);
                var x1 = (Re: xr[i1 + b], Im: xi[i1 + b]);
                for (int j = 0; j < sources; j++)
                {
                    double[] r = covariance[j];
                    var rj = new Hermitian2x2(r[b * 4], r[b * 4 + 1], r[b * 4 + 2], r[b * 4 + 3]);
                    var y = rj.GainTimes(inverse, power[j][t * bins + b], x0, x1);
                    block.SourceReal[j][i0 + b] = y.Y0Re;
                    block.SourceImag[j][i0 + b] = y.Y0Im;
                    block.SourceReal[j][i1 + b] = y.Y1Re;
                    block.SourceImag[j][i1 + b] = y.Y1Im;
                }
            }
        }
    }

    private void SeparateMono()
    {
        double[] xr = block.MixReal, xi = block.MixImag;
        double regularization = Math.Sqrt(block.Eps);
        for (int t = 0; t < frames; t++)
        {
            int i0 = t * bins;
            for (int b = 0; b < bins; b++)
            {
                double cx = regularization;
                for (int j = 0; j < sources; j++) cx += power[j][t * bins + b] * covariance[j][b * 4];
                for (int j = 0; j < sources; j++)
                {
                    double gain = power[j][t * bins + b] * covariance[j][b * 4] / cx;
                    block.SourceReal[j][i0 + b] = gain * xr[i0 + b];
                    block.SourceImag[j][i0 + b] = gain * xi[i0 + b];
                }
            }
        }
    }
}
