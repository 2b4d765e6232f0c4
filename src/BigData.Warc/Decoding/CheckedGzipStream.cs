using System.IO.Compression;

namespace BigData.Warc.Decoding;

/// <summary>
/// Decompresses gzip (one member per record or one for the whole file: <see cref="GZipStream"/> reads concatenated
/// members) and turns every kind of damage into a <see cref="CompressedDataException"/>, thrown after all bytes
/// decoded before the damage were delivered:
/// <list type="bullet">
/// <item>data cut inside a member (GZipStream alone would end silently; see <see cref="GzipEndProbeStream"/>),</item>
/// <item>corrupt deflate data or a checksum mismatch (GZipStream's <see cref="InvalidDataException"/>),</item>
/// <item>bytes after a member that are not another member (GZipStream alone would ignore them silently).</item>
/// </list>
/// </summary>
internal sealed class CheckedGzipStream : ForwardReadStream
{
    private readonly GzipEndProbeStream _raw;
    private readonly GZipStream _gzip;
    private readonly string _source;
    private long _produced;
    private bool _ended;

    public CheckedGzipStream(Stream raw, string source)
    {
        _raw = new GzipEndProbeStream(raw);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress, leaveOpen: false);
        _source = source;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Fail(e);
        }

        if (n > 0)
        {
            _produced += n;
            return n;
        }

        VerifyCleanEnd();
        _ended = true;
        return 0;
    }

    /// <summary>GZipStream reported its end: find out whether the raw bytes really ended after a complete member.</summary>
    private void VerifyCleanEnd()
    {
        if (!_raw.RawEnded)
        {
            _ended = true;
            throw new CompressedDataException(
                _source,
                _produced,
                WarcWarningKinds.CorruptGzip,
                $"the bytes after the gzip member ending near compressed byte {_raw.RawBytesRead} are not gzip data; the rest of the file was ignored");
        }

        _raw.StartProbe();
        var marker = GzipEndProbeStream.Marker;
        Span<byte> tail = stackalloc byte[marker.Length + 1];
        int got = 0;
        try
        {
            while (got < tail.Length)
            {
                int k = _gzip.Read(tail[got..]);
                if (k == 0)
                {
                    break;
                }

                got += k;
            }
        }
        catch (InvalidDataException e)
        {
            throw Fail(e);
        }

        if (!tail[..got].SequenceEqual(marker))
        {
            throw Fail(null);
        }
    }

    private CompressedDataException Fail(Exception? cause)
    {
        _ended = true;
        return _raw.RawEnded
            ? new CompressedDataException(
                _source,
                _produced,
                WarcWarningKinds.TruncatedGzip,
                $"the gzip data ends inside a member after {_raw.RawBytesRead} compressed bytes (truncated file?)",
                cause)
            : new CompressedDataException(
                _source,
                _produced,
                WarcWarningKinds.CorruptGzip,
                $"corrupt gzip data near compressed byte {_raw.RawBytesRead}: {cause?.Message}",
                cause);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }
}
