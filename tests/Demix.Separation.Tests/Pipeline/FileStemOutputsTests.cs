using Demix.Audio;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Pipeline;

public sealed class FileStemOutputsTests
{
    /// <summary>Publishes its file on completion, or fails to.</summary>
    private sealed class FakeSink(string path, bool failOnComplete) : IAudioSink
    {
        public AudioFormat Format => new(8000, 1);
        public long FramesWritten => 0;

        public void Write(ReadOnlySpan<float> interleaved)
        {
        }

        public void Complete()
        {
            if (failOnComplete) throw new AudioWriteException(path, "the disk is full.");
            File.WriteAllText(path, "done");
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void FailedCommit_RemovesTheStemsAlreadyPublished()
    {
        using var folder = new TempFolder();
        using var outputs = new FileStemOutputs(stem => folder.File(stem + ".wav"),
            (path, _) => new FakeSink(path, failOnComplete: path.EndsWith("b.wav", StringComparison.Ordinal)));
        outputs.Open("a", new AudioFormat(8000, 1));
        outputs.Open("b", new AudioFormat(8000, 1));

        Assert.Throws<AudioWriteException>(outputs.CommitAll);

        Assert.Empty(folder.Files());
    }

    [Fact]
    public void UnwantedStems_GetNoSink_AndTwoStemsCannotShareAFile()
    {
        using var folder = new TempFolder();
        using var outputs = new FileStemOutputs(stem => stem == "skip" ? null : folder.File("same.wav"), (path, _) => new FakeSink(path, false));

        Assert.Null(outputs.Open("skip", new AudioFormat(8000, 1)));
        Assert.NotNull(outputs.Open("a", new AudioFormat(8000, 1)));
        Assert.Throws<AudioWriteException>(() => outputs.Open("b", new AudioFormat(8000, 1)));
    }
}
