namespace Demix.Audio;

/// <summary>
/// A sink that writes through <paramref name="inner"/> into an <see cref="AtomicFile"/>: completing it completes the
/// inner sink, closes it and renames the file into place; disposing it before that deletes the temporary file.
/// </summary>
internal sealed class AtomicFileSink(IAudioSink inner, AtomicFile file) : IAudioSink
{
    private bool completed;

    /// <inheritdoc />
    public AudioFormat Format => inner.Format;

    /// <inheritdoc />
    public long FramesWritten => inner.FramesWritten;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<float> interleaved)
    {
        try
        {
            inner.Write(interleaved);
        }
        catch (IOException e)
        {
            throw new AudioWriteException(file.DisplayPath, $"writing failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (completed) return;
        try
        {
            inner.Complete();
            inner.Dispose();
        }
        catch (IOException e)
        {
            throw new AudioWriteException(file.DisplayPath, $"writing failed: {e.Message}", e);
        }
        file.Commit();
        completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        inner.Dispose();
        file.Dispose();
    }
}
