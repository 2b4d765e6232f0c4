using BigData.Warc.Parsing;

namespace BigData.Warc;

public sealed partial class WarcReader
{
    /// <summary>
    /// Bytes after a block that are looked at to confirm the record boundary: the CR LF CR LF trailer (or any run of
    /// CR and LF) and the start of the next version line.
    /// </summary>
    internal const int BoundaryLookahead = 16;

    /// <summary>
    /// Header, block and boundary fit in the window: buffer them all and confirm the boundary before the record is
    /// returned. A wrong Content-Length is reported and the next read resynchronises from the block start.
    /// </summary>
    private Step ReadBlockInWindow(long offset, Range version, int versionEnd, HeaderScan header, out WarcRecord record)
    {
        record = default;
        int blockEnd = header.BlockStart + (int)header.ContentLength;
        _window.Ensure(blockEnd + BoundaryLookahead);
        var data = _window.Data;
        int next = -1;
        if (data.Length < blockEnd)
        {
            // The input ends inside the block. A later version line means the length was wrong, not the file cut.
            var withHistory = _window.DataWithHistory(out int history);
            if (WarcSyntax.FindVersionLine(withHistory, history + header.BlockStart, afterEmptyLine: false, out _) < 0)
            {
                return EndOfInput(cutRecordAt: offset);
            }
        }
        else
        {
            next = FindBoundary(data, blockEnd);
        }

        if (next >= 0)
        {
            _pendingAdvance = next;
        }
        else
        {
            ReportLengthMismatch(offset, header.ContentLength);
            _pendingAdvance = header.BlockStart;
            _next = Next.Resync;
        }

        record = CreateRecord(data, offset, version, versionEnd, header, header.ContentLength);
        return Step.Record;
    }

    /// <summary>
    /// The block is larger than the window: keep a copy of the header, read the block through the window and discard
    /// it, then confirm the boundary. The input ending inside such a block always counts as truncation.
    /// </summary>
    private Step StreamLargeBlock(long offset, Range version, int versionEnd, HeaderScan header, out WarcRecord record)
    {
        record = default;
        var headerBytes = _headerCopy.Store(_window.Data[..header.HeaderEnd]);
        _window.Advance(header.BlockStart);
        if (_window.Skip(header.ContentLength) < header.ContentLength)
        {
            return EndOfInput(cutRecordAt: offset);
        }

        _window.Ensure(BoundaryLookahead);
        int next = FindBoundary(_window.Data, 0);
        if (next >= 0)
        {
            _pendingAdvance = next;
        }
        else
        {
            ReportLengthMismatch(offset, header.ContentLength);
            _next = Next.Resync;
        }

        record = CreateRecord(headerBytes, offset, version, versionEnd, header, header.ContentLength);
        return Step.Record;
    }

    /// <summary>
    /// Checks what follows a block ending at <paramref name="blockEnd"/>: a run of CR/LF (the trailer, complete, partial
    /// or missing), then the end of input or a version line. Returns where the next record starts (after the run),
    /// or -1 when something else follows. Only looks at <see cref="BoundaryLookahead"/> bytes; a longer run of
    /// line ends is left to the next read.
    /// </summary>
    private int FindBoundary(ReadOnlySpan<byte> data, int blockEnd)
    {
        int limit = Math.Min(data.Length, blockEnd + BoundaryLookahead);
        var window = data[blockEnd..limit];

        // At most BoundaryLookahead bytes, usually a 4-byte trailer: a plain loop costs less than a vectorised search.
        int run = 0;
        while (run < window.Length && window[run] is (byte)'\r' or (byte)'\n')
        {
            run++;
        }

        if (run == window.Length)
        {
            return limit;
        }

        var rest = window[run..];
        bool inputEnds = data.Length < blockEnd + BoundaryLookahead;
        bool ok = rest.Length >= WarcSyntax.VersionPrefixLength
            ? WarcSyntax.IsVersionPrefix(rest)
            : !inputEnds || WarcSyntax.IsPartialVersionLine(rest);
        return ok ? blockEnd + run : -1;
    }

    private void ReportLengthMismatch(long offset, long contentLength) =>
        Report(
            offset,
            WarcWarningKinds.ContentLengthMismatch,
            $"the block does not end where its Content-Length ({contentLength}) says; record kept, resynchronising at the next record");
}
