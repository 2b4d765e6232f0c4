namespace BigData.Warc;

/// <summary>
/// One WARC record's header, as a view over the reader's buffer: valid only until the next
/// <see cref="WarcReader.TryRead"/>. The block (payload) has already been skipped when a record is returned, so a
/// returned record is always complete.
/// </summary>
public readonly ref partial struct WarcRecord
{
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

    // CONTRACT (to be implemented; keep these signatures):

    /// <summary>
    /// Finds the first header named <paramref name="name"/> (ASCII case-insensitive). The value is trimmed of
    /// spaces and tabs; continuation lines (starting with space or tab) are joined with one space.
    /// </summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) => throw new NotImplementedException();

    /// <summary>The <c>WARC-Type</c> value (trimmed), or empty when the record has none.</summary>
    public ReadOnlySpan<byte> Type => throw new NotImplementedException();

    /// <summary>The <c>WARC-Target-URI</c>, trimmed and with a surrounding <c>&lt;…&gt;</c> removed.</summary>
    public bool TryGetTargetUri(out ReadOnlySpan<byte> uri) => throw new NotImplementedException();
}
