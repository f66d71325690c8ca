namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// RPCA's published parameters (Huang, Chen, Smaragdis and Hasegawa-Johnson 2012, "Singing-voice separation from monaural
/// recordings using robust principal component analysis", ICASSP): a 1024-sample window with hop 256 at 16 kHz (64 ms /
/// 16 ms; the next power of two of 64 ms at other rates, hop a quarter), lambda = 1 / sqrt(max(m, n)), inexact ALM
/// (Lin, Chen and Ma 2010: mu = 1.25 / ||M||_2, rho = 1.5, tolerance 1e-7), binary mask vocals = |S| &gt; gain |L| with gain 1.
/// Stereo input is decomposed on the channel-mean magnitude and the one mask is applied to both channels.
/// </summary>
public sealed record RpcaOptions
{
    /// <summary>Analysis window, seconds.</summary>
    public double WindowSeconds { get; init; } = 0.064;

    /// <summary>Multiplier of lambda = 1 / sqrt(max(m, n)) (Huang et al. use 1).</summary>
    public double LambdaScale { get; init; } = 1.0;

    /// <summary>Gain of the binary mask: a bin is vocal when |S| &gt; gain |L|.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>Stop when ||M - L - S||_F / ||M||_F falls below this.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Iteration limit of the ALM loop.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (!(WindowSeconds > 0 && WindowSeconds <= 1)) throw new ArgumentException("The RPCA window must be in (0, 1] s.");
        if (!(LambdaScale > 0)) throw new ArgumentException("The RPCA lambda scale must be positive.");
        if (!(Gain > 0)) throw new ArgumentException("The RPCA gain must be positive.");
        if (!(Tolerance > 0) || MaxIterations < 1) throw new ArgumentException("The RPCA tolerance must be positive and the iteration limit >= 1.");
    }
}
