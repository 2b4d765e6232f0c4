namespace BigData.Warc.Parsing;

/// <summary>What a <see cref="HeaderIndex"/> knows about one header.</summary>
internal enum IndexedHeader
{
    /// <summary>Not indexed (a record built by a caller): scan the block.</summary>
    NotIndexed,

    /// <summary>The block has no such header.</summary>
    Absent,

    /// <summary>The first line with that name starts at the given offset of the block.</summary>
    Found,
}

/// <summary>
/// Where the first <c>WARC-Type</c> and <c>WARC-Target-URI</c> lines of a header block start. The reader fills it
/// while it walks the header lines anyway (looking for Content-Length), so that <see cref="WarcRecord.Type"/> and
/// <see cref="WarcRecord.TryGetTargetUri"/>, which a job asks for on every record, read one line instead of scanning
/// the block again. <c>default</c> means "not indexed".
/// </summary>
internal struct HeaderIndex
{
    // Stored: 0 = not indexed, -1 = absent, otherwise the line start + 1 (so that default means "not indexed").
    private int _type;
    private int _targetUri;

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
        }
        else if (_targetUri < 0 && HeaderName.WarcTargetUri.ColonAfterName(line) >= 0)
        {
            _targetUri = lineStart + 1;
        }
    }

    /// <summary>What the index knows about <c>WARC-Type</c>.</summary>
    public readonly IndexedHeader Type(out int lineStart) => Decode(_type, out lineStart);

    /// <summary>What the index knows about <c>WARC-Target-URI</c>.</summary>
    public readonly IndexedHeader TargetUri(out int lineStart) => Decode(_targetUri, out lineStart);

    private static IndexedHeader Decode(int stored, out int lineStart)
    {
        lineStart = stored - 1;
        return stored switch
        {
            0 => IndexedHeader.NotIndexed,
            < 0 => IndexedHeader.Absent,
            _ => IndexedHeader.Found,
        };
    }
}
