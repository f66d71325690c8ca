using Demix.Engine.Tensors;

namespace Demix.Engine.Autograd;

/// <summary>Whether ops record the tape on the current thread (off inside a <see cref="NoGradScope"/>).</summary>
public static class GradMode
{
    [ThreadStatic] private static int disabledDepth;

    /// <summary>True unless a <see cref="NoGradScope"/> is open on this thread.</summary>
    public static bool IsEnabled => disabledDepth == 0;

    /// <summary>True when an op with these inputs must record a backward function.</summary>
    public static bool IsRecording(Tensor a) => disabledDepth == 0 && a.RequiresGrad;

    /// <summary>True when an op with these inputs must record a backward function.</summary>
    public static bool IsRecording(Tensor a, Tensor b) => disabledDepth == 0 && (a.RequiresGrad || b.RequiresGrad);

    /// <summary>True when an op with these inputs must record a backward function (null inputs are skipped).</summary>
    public static bool IsRecording(params ReadOnlySpan<Tensor?> inputs)
    {
        if (disabledDepth != 0) return false;
        foreach (var input in inputs) if (input is not null && input.RequiresGrad) return true;
        return false;
    }

    internal static void Enter() => disabledDepth++;

    internal static void Exit() => disabledDepth--;
}

/// <summary>Disables tape recording on this thread until disposed: <c>using var _ = new NoGradScope();</c>.</summary>
public readonly struct NoGradScope : IDisposable
{
    /// <summary>Opens the scope.</summary>
    public NoGradScope() => GradMode.Enter();

    /// <summary>Closes the scope.</summary>
    public void Dispose() => GradMode.Exit();
}
