using BigData.Warc.Parsing;

namespace BigData.Warc;

public sealed partial class WarcReader
{
    /// <summary>
    /// Where a record's header block ends, relative to the record start, its Content-Length, and where the headers
    /// the record exposes as properties are in the block.
    /// </summary>
    private readonly record struct HeaderScan(int HeaderEnd, int BlockStart, long ContentLength, HeaderIndex Index)
    {
        /// <summary><see cref="ContentLength"/> when the header has none.</summary>
        public const long Missing = -1;

        /// <summary><see cref="ContentLength"/> when its value is not a number.</summary>
        public const long Invalid = -2;
    }

    /// <summary>Blank lines between records (extra trailer line ends) are skipped silently.</summary>
    private void SkipBlankLines()
    {
        // Usually the boundary check has already consumed the trailer and a version line follows at once.
        if (_window.Available > 0 && _window.Data[0] is not ((byte)'\r' or (byte)'\n'))
        {
            return;
        }

        while (true)
        {
            var data = _window.Data;
            int content = data.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            if (content >= 0)
            {
                _window.Advance(content);
                return;
            }

            _window.Advance(data.Length);
            if (!_window.ReadMore())
            {
                return;
            }
        }
    }

    /// <summary>Reads the version line at the window start (<c>WARC/x.y</c>, any case, CR LF or LF).</summary>
    private Step ReadVersionLine(out Range version, out int versionEnd)
    {
        version = default;
        versionEnd = 0;
        while (true)
        {
            var data = _window.Data;
            var head = data[..Math.Min(data.Length, WarcSyntax.MaxVersionLineLength)];
            int lf = head.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                if (WarcSyntax.TryParseVersionLine(head[..lf], out version))
                {
                    versionEnd = lf + 1;
                    return Step.Record;
                }

                return SkipBadVersionLine();
            }

            if (data.Length >= WarcSyntax.MaxVersionLineLength)
            {
                return SkipBadVersionLine();
            }

            if (!_window.ReadMore())
            {
                return WarcSyntax.IsPartialVersionLine(_window.Data)
                    ? EndOfInput(cutRecordAt: _window.Offset)
                    : SkipBadVersionLine();
            }
        }
    }

    /// <summary>Garbage where a version line should start: skip to the next one and say how much was skipped.</summary>
    private Step SkipBadVersionLine()
    {
        long offset = _window.Offset;
        if (_options.Strict)
        {
            throw Fail(offset, WarcWarningKinds.BadVersionLine, "expected a WARC version line (WARC/x.y)");
        }

        long skipped = SkipToVersionLine(1, afterEmptyLine: !_options.TrustContentLength);
        Report(offset, WarcWarningKinds.BadVersionLine, $"no WARC version line where a record should start; skipped {skipped} bytes to the next one");
        return Step.Dropped;
    }

    /// <summary>
    /// Reads header lines after the version line up to the empty line that ends them, noting Content-Length (first
    /// one wins) and indexing the lines of the headers every job asks for. Only the header's own bytes are needed;
    /// they are made contiguous in the window.
    /// </summary>
    private Step ReadHeaders(long offset, int versionEnd, out HeaderScan header)
    {
        header = default;
        long contentLength = HeaderScan.Missing;
        var index = HeaderIndex.Empty;
        int lineStart = versionEnd;
        var lineFeeds = new LineFeedScanner(versionEnd); // remembers what it scanned: a long line is not searched again after each read
        // The header's last LF must come before this (MaxHeaderBytes may be as large as int.MaxValue: no overflow).
        int headerLimit = (int)Math.Min(int.MaxValue, (long)versionEnd + _options.MaxHeaderBytes);
        var data = _window.Data; // taken again only after the window reads more
        while (true)
        {
            int lineEnd = lineFeeds.Next(data, lineStart);
            if (lineEnd < 0)
            {
                if (data.Length > headerLimit)
                {
                    return DropLongHeader(offset);
                }

                if (!_window.ReadMore())
                {
                    return EndOfInput(cutRecordAt: offset);
                }

                data = _window.Data;
                continue;
            }

            if (lineEnd >= headerLimit)
            {
                return DropLongHeader(offset);
            }

            var line = data[lineStart..lineEnd];
            if (WarcSyntax.IsEmptyLine(line))
            {
                header = new HeaderScan(lineStart, lineEnd + 1, contentLength, index);
                return Step.Record;
            }

            if (contentLength == HeaderScan.Missing && HeaderLines.TryMatch(line, HeaderName.ContentLength, out var value))
            {
                contentLength = HeaderLines.TryParseContentLength(value, out long parsed) ? parsed : HeaderScan.Invalid;
            }
            else
            {
                index.Note(line, lineStart - versionEnd);
            }

            lineStart = lineEnd + 1;
        }
    }

    private Step DropLongHeader(long offset)
    {
        Report(
            offset,
            WarcWarningKinds.HeaderTooLong,
            $"header block longer than {_options.MaxHeaderBytes} bytes; record dropped, resynchronising at the next record");
        SkipToVersionLine(1, afterEmptyLine: !_options.TrustContentLength);
        return Step.Dropped;
    }
}
