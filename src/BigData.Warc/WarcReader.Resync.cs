using BigData.Warc.Parsing;

namespace BigData.Warc;

public sealed partial class WarcReader
{
    /// <summary>
    /// Consumes bytes up to the next line that starts with a version line (<c>WARC/</c> and a digit, after an LF), at
    /// or after <paramref name="from"/> bytes past the window start; with <paramref name="afterEmptyLine"/> the line
    /// before it must be empty too (shape mode). Consumes everything when there is none. Returns the bytes consumed.
    /// </summary>
    private long SkipToVersionLine(int from, bool afterEmptyLine)
    {
        long start = _window.Offset;
        while (true)
        {
            var data = _window.DataWithHistory(out int history);
            int found = WarcSyntax.FindVersionLine(data, history + from, afterEmptyLine, out int resumeAt);
            if (found >= 0)
            {
                _window.Advance(found - history);
                return _window.Offset - start;
            }

            if (_window.AtEnd)
            {
                _window.Advance(_window.Available);
                return _window.Offset - start;
            }

            // Drop what is settled but keep the LF before the next candidate (the window keeps a little history).
            int keepFrom = Math.Clamp(resumeAt - history - 1, 0, _window.Available);
            _window.Advance(keepFrom);
            from = resumeAt - history - keepFrom;
            _window.ReadMore();
        }
    }
}
