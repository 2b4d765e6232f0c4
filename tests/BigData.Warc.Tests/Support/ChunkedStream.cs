namespace BigData.Warc.Tests.Support;

/// <summary>
/// A read-only stream over bytes that returns at most a given number of bytes per Read (cycling through
/// <paramref name="chunkSizes"/>), to prove results do not depend on read chunking.
/// </summary>
public sealed class ChunkedStream(byte[] bytes, params int[] chunkSizes) : Stream
{
    private int _position;
    private int _call;

    public int ReadCalls => _call;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int chunk = chunkSizes.Length == 0 ? buffer.Length : chunkSizes[_call % chunkSizes.Length];
        _call++;
        int n = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
