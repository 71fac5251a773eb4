namespace PrivacyEf.Tests.SubjectRights;

/// <summary>A stream that, like an ASP.NET Core response body, refuses synchronous writes and flushes.</summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly MemoryStream written = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => written.Length;

    public override long Position { get => written.Position; set => throw new NotSupportedException(); }

    public byte[] ToArray() => written.ToArray();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Flush() =>
        throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            written.Dispose();
        }

        base.Dispose(disposing);
    }
}
