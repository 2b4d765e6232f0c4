namespace BigData.Warc;

/// <summary>
/// A problem found in lenient mode. <paramref name="Kind"/> is a stable snake_case name that becomes the counter
/// <c>warnings.&lt;kind&gt;</c> (for example <c>bad_version_line</c>, <c>content_length_mismatch</c>,
/// <c>truncated</c>). <paramref name="Offset"/> is the byte offset in the uncompressed stream.
/// </summary>
public readonly record struct WarcWarning(string Source, long Offset, string Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source} at byte {Offset}: {Message} [{Kind}]";
}
