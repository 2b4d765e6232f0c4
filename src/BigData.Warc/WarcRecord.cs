using BigData.Warc.Parsing;

namespace BigData.Warc;

/// <summary>
/// One WARC record's header, as a view over the reader's buffer: valid only until the next
/// <see cref="WarcReader.TryRead"/>. The block (payload) has already been skipped when a record is returned, so a
/// returned record is always complete.
/// </summary>
/// <remarks>
/// Nothing is parsed up front: header lookups scan <see cref="HeaderBlock"/> on demand, so a record costs no
/// allocation. Only <see cref="Type"/> and <see cref="TryGetTargetUri"/>, which jobs ask for on every record, go
/// straight to the line the reader noted while it read the header. Values joined from continuation lines live in a
/// scratch buffer of the reader, also valid until the next <see cref="WarcReader.TryRead"/>.
/// </remarks>
public readonly ref partial struct WarcRecord
{
    private readonly JoinScratch? _scratch;
    private readonly HeaderIndex _index;

    /// <summary>
    /// A record over caller-owned bytes (for tests and tools; readers make their own).
    /// <paramref name="headerBlock"/> holds the header lines after the version line, each ending in LF or CR LF.
    /// </summary>
    public WarcRecord(string source, long offset, ReadOnlySpan<byte> version, long contentLength, ReadOnlySpan<byte> headerBlock)
        : this(source, offset, version, contentLength, headerBlock, null, default)
    {
    }

    /// <summary>A record of a reader: <paramref name="index"/> is where it saw the headers that have properties.</summary>
    internal WarcRecord(
        string source,
        long offset,
        ReadOnlySpan<byte> version,
        long contentLength,
        ReadOnlySpan<byte> headerBlock,
        JoinScratch? scratch,
        HeaderIndex index)
    {
        Source = source;
        Offset = offset;
        Version = version;
        ContentLength = contentLength;
        HeaderBlock = headerBlock;
        _scratch = scratch;
        _index = index;
    }

    /// <summary>The file or location the record came from.</summary>
    public string Source { get; }

    /// <summary>Byte offset of the version line in the uncompressed stream.</summary>
    public long Offset { get; }

    /// <summary>The version after <c>WARC/</c>, for example <c>1.0</c>, <c>1.1</c> or <c>0.18</c>.</summary>
    public ReadOnlySpan<byte> Version { get; }

    /// <summary>The declared block length (0 when the reader runs with TrustContentLength off and none was given).</summary>
    public long ContentLength { get; }

    /// <summary>
    /// The raw header lines after the version line, up to but not including the empty line that ends them
    /// (line ends are CRLF or LF as in the input).
    /// </summary>
    public ReadOnlySpan<byte> HeaderBlock { get; }

    /// <summary>
    /// Finds the first header named <paramref name="name"/> (ASCII case-insensitive). The value is trimmed of
    /// spaces and tabs; continuation lines (starting with space or tab) are joined with one space.
    /// </summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        HeaderLines.TryFind(HeaderBlock, name, _scratch, out value);

    /// <summary>The <c>WARC-Type</c> value (trimmed), or empty when the record has none.</summary>
    public ReadOnlySpan<byte> Type =>
        TryGetIndexed(_index.Type(out var line), line, HeaderName.WarcType, out var type) ? type : default;

    /// <summary>
    /// The <c>WARC-Target-URI</c>, trimmed and with a surrounding <c>&lt;…&gt;</c> removed. False when the record
    /// has none or its value is empty.
    /// </summary>
    public bool TryGetTargetUri(out ReadOnlySpan<byte> uri)
    {
        if (!TryGetIndexed(_index.TargetUri(out var line), line, HeaderName.WarcTargetUri, out uri))
        {
            return false;
        }

        if (uri.Length >= 2 && uri[0] == '<' && uri[^1] == '>')
        {
            uri = uri[1..^1];
        }

        return !uri.IsEmpty;
    }

    /// <summary><see cref="TryGetHeader"/> for a header the reader may have indexed (then without a scan).</summary>
    private bool TryGetIndexed(IndexedHeader indexed, Range line, HeaderName name, out ReadOnlySpan<byte> value)
    {
        switch (indexed)
        {
            case IndexedHeader.Found:
                value = HeaderLines.ValueAt(HeaderBlock, line, name, _scratch);
                return true;
            case IndexedHeader.Absent:
                value = default;
                return false;
            default:
                return TryGetHeader(name.Bytes, out value);
        }
    }
}
