using BigData.Warc.Decoding;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// A forward-only stream that first gives back bytes already read from <paramref name="inner"/> (to sniff its
/// format), then the rest of <paramref name="inner"/>. Closing it closes <paramref name="inner"/>.
/// </summary>
public sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream inner) : ForwardReadStream
{
    private ReadOnlyMemory<byte> _head = head;

    /// <summary>Reads up to <see cref="StreamInputSniffer.HeadBytes"/> from <paramref name="stream"/> (fewer only at its end).</summary>
    public static byte[] ReadHead(Stream stream, int count = StreamInputSniffer.HeadBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[count];
        var length = stream.ReadAtLeast(head, count, throwOnEndOfStream: false);
        return length == count ? head : head[..length];
    }

    public override int Read(Span<byte> buffer)
    {
        if (!_head.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _head.Length);
            _head.Span[..n].CopyTo(buffer);
            _head = _head[n..];
            return n;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
