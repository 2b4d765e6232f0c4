using System.IO.Compression;

namespace BigData.Warc.Decoding;

/// <summary>
/// Feeds the raw gzip bytes to <see cref="GZipStream"/>, which on its own cannot tell a complete stream from one cut
/// in the middle of a member: it just returns 0 in both cases (measured on .NET 10). This stream reports the end of
/// the raw bytes once; when asked for more after that, it serves a tiny complete gzip member holding a known marker.
/// If the real data ended on a member boundary the decompressor decodes exactly that marker; if it ended inside a
/// member, the probe bytes land in the middle of deflate data or a trailer and decoding fails or yields other bytes.
/// </summary>
internal sealed class GzipEndProbeStream(Stream raw) : ForwardReadStream
{
    /// <summary>What the probe member decompresses to.</summary>
    internal static ReadOnlySpan<byte> Marker => "\u0001bigdata:gzip-end-probe\u0002"u8;

    // Built once with the framework's own compressor (stored block), so its CRC and length are right by construction.
    private static readonly byte[] s_probeMember = BuildProbeMember();

    private Phase _phase;
    private int _probeServed;

    private enum Phase
    {
        Data,
        EndSignalled,
        Probing,
    }

    /// <summary>Raw (compressed) bytes read from the underlying stream, not counting the probe.</summary>
    public long RawBytesRead { get; private set; }

    /// <summary>True once the underlying stream has reported its end.</summary>
    public bool RawEnded => _phase != Phase.Data;

    /// <summary>Switches to serving the probe member; only valid after the raw end was signalled.</summary>
    public void StartProbe()
    {
        System.Diagnostics.Debug.Assert(_phase == Phase.EndSignalled, "probe only after the raw end");
        _phase = Phase.Probing;
    }

    public override int Read(Span<byte> buffer)
    {
        switch (_phase)
        {
            case Phase.Data:
                int n = raw.Read(buffer);
                if (n > 0)
                {
                    RawBytesRead += n;
                    return n;
                }

                _phase = Phase.EndSignalled;
                return 0;
            case Phase.EndSignalled:
                return 0;
            default:
                int k = Math.Min(buffer.Length, s_probeMember.Length - _probeServed);
                s_probeMember.AsSpan(_probeServed, k).CopyTo(buffer);
                _probeServed += k;
                return k;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            raw.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] BuildProbeMember()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(Marker);
        }

        return buffer.ToArray();
    }
}
