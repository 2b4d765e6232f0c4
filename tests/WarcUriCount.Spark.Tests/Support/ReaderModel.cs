namespace WarcUriCount.Spark.Tests.Support;

/// <summary>
/// What the local runner's WARC reader hands the mapper for a record's headers (<c>WarcRecord.TryGetHeader</c>,
/// <c>Type</c> and <c>TryGetTargetUri</c>; DESIGN.md §4), written here from the reader's documented behaviour so that
/// the plan's header extraction is checked against it, not against itself:
/// <list type="bullet">
/// <item>a header line starts with the name (ASCII case-insensitive); spaces or tabs may precede the colon; the first
/// such line wins;</item>
/// <item>the value is the rest of that line, then every following line that starts with a space or a tab; each piece
/// loses its trailing CRs, then its leading and trailing spaces and tabs, and the non-empty pieces are joined with
/// one space;</item>
/// <item>the target URI then loses one surrounding <c>&lt;…&gt;</c>; an absent or empty one is no URI;</item>
/// <item>a record whose header block (after the version line, up to and including the empty line) is longer than
/// <see cref="MaxHeaderBytes"/> is dropped; a line longer than <see cref="MaxLineLength"/> is cut to that length
/// (line-oriented reading, the seed rule).</item>
/// </list>
/// </summary>
public static class ReaderModel
{
    /// <summary>The reader's default limit on a header block (WarcReaderOptions.MaxHeaderBytes): 1 MiB.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>The line reader's default limit on a line (LineReader.DefaultMaxLineLength): 1 MiB.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Whether the reader drops a record with <paramref name="headerBytes"/> bytes of header block.</summary>
    public static bool DropsRecord(int headerBytes) => headerBytes > MaxHeaderBytes;

    /// <summary>The line the line reader hands the mapper: cut to <see cref="MaxLineLength"/> bytes.</summary>
    public static byte[] Line(byte[] line) => line.Length > MaxLineLength ? line[..MaxLineLength] : line;

    /// <summary>The first header named <paramref name="name"/> in <paramref name="block"/> (lines ending in LF).</summary>
    public static bool TryGetHeader(ReadOnlySpan<byte> block, ReadOnlySpan<byte> name, out byte[] value)
    {
        var lines = Lines(block);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length <= name.Length || !System.Text.Ascii.EqualsIgnoreCase(line.AsSpan(0, name.Length), name))
            {
                continue;
            }

            var rest = line.AsSpan(name.Length).TrimStart(" \t"u8);
            if (rest.IsEmpty || rest[0] != (byte)':')
            {
                continue;
            }

            var pieces = new List<byte[]> { Trim(rest[1..]) };
            for (var j = i + 1; j < lines.Count && lines[j].Length > 0 && lines[j][0] is (byte)' ' or (byte)'\t'; j++)
            {
                pieces.Add(Trim(lines[j]));
            }

            value = Join(pieces.Where(p => p.Length > 0));
            return true;
        }

        value = [];
        return false;
    }

    /// <summary>The record's <c>WARC-Type</c> as the reader returns it: empty when absent.</summary>
    public static byte[] Type(ReadOnlySpan<byte> block) => TryGetHeader(block, "WARC-Type"u8, out var type) ? type : [];

    /// <summary><c>TryGetTargetUri</c>: false when the header is absent or its value (after unbracketing) is empty.</summary>
    public static bool TryGetTargetUri(ReadOnlySpan<byte> block, out byte[] uri)
    {
        if (!TryGetHeader(block, "WARC-Target-URI"u8, out uri))
        {
            return false;
        }

        if (uri.Length >= 2 && uri[0] == (byte)'<' && uri[^1] == (byte)'>')
        {
            uri = uri[1..^1];
        }

        return uri.Length > 0;
    }

    /// <summary>The lines of <paramref name="block"/> without their LF (a final line without one counts too).</summary>
    private static List<byte[]> Lines(ReadOnlySpan<byte> block)
    {
        var lines = new List<byte[]>();
        while (block.Length > 0)
        {
            var lf = block.IndexOf((byte)'\n');
            lines.Add((lf < 0 ? block : block[..lf]).ToArray());
            block = lf < 0 ? [] : block[(lf + 1)..];
        }

        return lines;
    }

    private static byte[] Trim(ReadOnlySpan<byte> piece) => piece.TrimEnd((byte)'\r').Trim(" \t"u8).ToArray();

    private static byte[] Join(IEnumerable<byte[]> pieces)
    {
        var joined = new List<byte>();
        foreach (var piece in pieces)
        {
            if (joined.Count > 0)
            {
                joined.Add((byte)' ');
            }

            joined.AddRange(piece);
        }

        return [.. joined];
    }
}
