namespace Demix.Audio.Tests;

/// <summary>A read-or-write stream that cannot seek, like a pipe.</summary>
internal sealed class NonSeekableStream(byte[] content) : Stream
{
    private readonly MemoryStream inner = new(content.Length == 0 ? [] : content, writable: false);
    private readonly MemoryStream written = new();

    public NonSeekableStream() : this([]) { }

    public byte[] Written => written.ToArray();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => written.Write(buffer, offset, count);
}
