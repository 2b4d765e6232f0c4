namespace BigData.Warc.Parsing;

/// <summary>What a <see cref="HeaderIndex"/> knows about one header.</summary>
internal enum IndexedHeader
{
    /// <summary>Not indexed (a record built by a caller): scan the block.</summary>
    NotIndexed,

    /// <summary>The block has no such header.</summary>
    Absent,

    /// <summary>The first line with that name is at the given place in the block.</summary>
    Found,
}

/// <summary>
/// Where the first <c>WARC-Type</c> and <c>WARC-Target-URI</c> lines of a header block are. The reader fills it
/// while it walks the header lines anyway (looking for Content-Length), so that <see cref="WarcRecord.Type"/> and
/// <see cref="WarcRecord.TryGetTargetUri"/>, which a job asks for on every record, read one line instead of scanning
/// the block again. <c>default</c> means "not indexed".
/// </summary>
internal struct HeaderIndex
{
    // Line starts are stored plus one: 0 = not indexed (so that default means that), -1 = absent.
    private int _type;
    private int _typeLength;
    private int _targetUri;
    private int _targetUriLength;

    /// <summary>An index of a block in which nothing has been seen yet.</summary>
    public static HeaderIndex Empty => new() { _type = -1, _targetUri = -1 };

    /// <summary>
    /// Notes <paramref name="line"/> (without its LF), which starts at <paramref name="lineStart"/> of the block, if
    /// it is the first line naming one of the indexed headers (by the rules of <see cref="HeaderLines.TryMatch(ReadOnlySpan{byte}, ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/>).
    /// </summary>
    public void Note(ReadOnlySpan<byte> line, int lineStart)
    {
        if (_type < 0 && HeaderName.WarcType.ColonAfterName(line) >= 0)
        {
            _type = lineStart + 1;
            _typeLength = line.Length;
        }
        else if (_targetUri < 0 && HeaderName.WarcTargetUri.ColonAfterName(line) >= 0)
        {
            _targetUri = lineStart + 1;
            _targetUriLength = line.Length;
        }
    }

    /// <summary>What the index knows about <c>WARC-Type</c>; when found, where its line is (without the LF).</summary>
    public readonly IndexedHeader Type(out Range line) => Decode(_type, _typeLength, out line);

    /// <summary>What the index knows about <c>WARC-Target-URI</c>; when found, where its line is (without the LF).</summary>
    public readonly IndexedHeader TargetUri(out Range line) => Decode(_targetUri, _targetUriLength, out line);

    private static IndexedHeader Decode(int stored, int length, out Range line)
    {
        if (stored <= 0)
        {
            line = default;
            return stored == 0 ? IndexedHeader.NotIndexed : IndexedHeader.Absent;
        }

        line = (stored - 1)..(stored - 1 + length);
        return IndexedHeader.Found;
    }
}
