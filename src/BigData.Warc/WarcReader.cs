using BigData.Warc.Buffers;
using BigData.Warc.Parsing;

namespace BigData.Warc;

/// <summary>
/// A forward-only WARC record reader over an uncompressed stream (see <see cref="ArchiveDecoder"/>), reading into a
/// pooled window and skipping each block without copying it. Returns only complete records.
/// </summary>
/// <remarks>
/// Every offset (<see cref="Position"/>, <see cref="WarcRecord.Offset"/>, warning and exception offsets) counts bytes
/// of the uncompressed stream. Results do not depend on how the underlying stream chunks its reads.
/// </remarks>
public sealed partial class WarcReader : IDisposable
{
    /// <summary>The smallest window, whatever <see cref="WarcReaderOptions.BufferSize"/> says.</summary>
    internal const int MinBufferSize = 64;

    private readonly ByteWindow _window;
    private readonly string _source;
    private readonly WarcReaderOptions _options;
    private readonly Action<WarcWarning>? _onWarning;
    private readonly int _bufferSize;
    private readonly JoinScratch _scratch = new();
    private readonly HeaderCopy _headerCopy = new();

    // What the next TryRead does before reading a record: consume the rest of the record it returned, then maybe scan.
    private int _pendingAdvance;
    private Next _next = Next.Record;
    private bool _ended;

    /// <summary>Creates a reader over <paramref name="uncompressed"/>; <paramref name="source"/> names it in warnings.</summary>
    public WarcReader(Stream uncompressed, string source, WarcReaderOptions? options = null, Action<WarcWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(uncompressed);
        ArgumentNullException.ThrowIfNull(source);
        _options = options ?? WarcReaderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxHeaderBytes);
        _source = source;
        _onWarning = onWarning;
        _bufferSize = Math.Max(MinBufferSize, _options.BufferSize);
        _window = new ByteWindow(uncompressed, _bufferSize);
    }

    private enum Next
    {
        /// <summary>Expect a version line (after any blank lines).</summary>
        Record,

        /// <summary>Skip to the next line that starts with a version line (after a Content-Length mismatch).</summary>
        Resync,

        /// <summary>Skip the block of a shape-mode record: up to the next empty line followed by a version line.</summary>
        ShapeBlock,
    }

    private enum Step
    {
        Record,
        Dropped,
        End,
    }

    /// <summary>Bytes of the uncompressed stream consumed so far (at the end: all of them).</summary>
    public long Position => _window.Offset + _pendingAdvance;

    /// <summary>
    /// Reads the next complete record, skipping the previous one's block. Returns false at the end of the stream.
    /// Lenient mode reports damage through the warning callback and resynchronises; strict mode throws
    /// <see cref="WarcFormatException"/>.
    /// </summary>
    public bool TryRead(out WarcRecord record)
    {
        record = default;
        if (_ended)
        {
            return false;
        }

        _scratch.Reset();
        _window.Advance(_pendingAdvance);
        _pendingAdvance = 0;
        while (true)
        {
            switch (_next)
            {
                case Next.Resync:
                    SkipToVersionLine(0, afterEmptyLine: false);
                    break;
                case Next.ShapeBlock:
                    SkipToVersionLine(0, afterEmptyLine: true);
                    break;
            }

            _next = Next.Record;
            switch (ReadRecord(out record))
            {
                case Step.Record:
                    return true;
                case Step.End:
                    _ended = true;
                    return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ended = true;
        _window.Dispose();
        _headerCopy.Dispose();
    }

    private Step ReadRecord(out WarcRecord record)
    {
        record = default;
        SkipBlankLines();
        if (!_window.Ensure(1))
        {
            return EndOfInput(cutRecordAt: null);
        }

        long offset = _window.Offset;
        var versionStep = ReadVersionLine(out var version, out int versionEnd);
        if (versionStep != Step.Record)
        {
            return versionStep;
        }

        var headerStep = ReadHeaders(offset, versionEnd, out var header);
        if (headerStep != Step.Record)
        {
            return headerStep;
        }

        if (!_options.TrustContentLength)
        {
            // Shape mode: complete once its header is; the block runs to the next empty line + version line.
            _pendingAdvance = header.BlockStart;
            _next = Next.ShapeBlock;
            record = CreateRecord(_window.Data, offset, version, versionEnd, header, Math.Max(header.ContentLength, 0));
            return Step.Record;
        }

        if (header.ContentLength < 0)
        {
            bool missing = header.ContentLength == HeaderScan.Missing;
            Report(
                offset,
                missing ? WarcWarningKinds.MissingContentLength : WarcWarningKinds.BadContentLength,
                missing
                    ? "record without Content-Length dropped; resynchronising at the next record"
                    : "record with an invalid Content-Length dropped; resynchronising at the next record");
            SkipToVersionLine(header.BlockStart, afterEmptyLine: false);
            return Step.Dropped;
        }

        return header.BlockStart + header.ContentLength + BoundaryLookahead <= _bufferSize
            ? ReadBlockInWindow(offset, version, versionEnd, header, out record)
            : StreamLargeBlock(offset, version, versionEnd, header, out record);
    }

    private WarcRecord CreateRecord(
        ReadOnlySpan<byte> recordBytes,
        long offset,
        Range version,
        int versionEnd,
        HeaderScan header,
        long contentLength) =>
        new(_source, offset, recordBytes[version], contentLength, recordBytes[versionEnd..header.HeaderEnd], _scratch, header.Index);
}
