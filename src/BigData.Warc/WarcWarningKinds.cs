namespace BigData.Warc;

/// <summary>
/// The stable <see cref="WarcWarning.Kind"/> / <see cref="WarcFormatException.Kind"/> names (counter
/// <c>warnings.&lt;kind&gt;</c>).
/// </summary>
public static class WarcWarningKinds
{
    /// <summary>Bytes where a version line (<c>WARC/x.y</c>) should start were skipped up to the next one.</summary>
    public const string BadVersionLine = "bad_version_line";

    /// <summary>A block did not end where its Content-Length said; the reader resynchronised (record kept).</summary>
    public const string ContentLengthMismatch = "content_length_mismatch";

    /// <summary>The input ended inside a record (its header or block); the record was dropped.</summary>
    public const string Truncated = "truncated";

    /// <summary>A record had no Content-Length (trusted mode); the record was dropped.</summary>
    public const string MissingContentLength = "missing_content_length";

    /// <summary>A record's Content-Length was not a non-negative decimal number; the record was dropped.</summary>
    public const string BadContentLength = "bad_content_length";

    /// <summary>A header block was longer than <see cref="WarcReaderOptions.MaxHeaderBytes"/>; the record was dropped.</summary>
    public const string HeaderTooLong = "header_too_long";

    /// <summary>The gzip data ended in the middle of a member; everything after the last complete record is lost.</summary>
    public const string TruncatedGzip = "truncated_gzip";

    /// <summary>The gzip data is damaged (bad deflate data or checksum, or non-gzip bytes after a member).</summary>
    public const string CorruptGzip = "corrupt_gzip";

    /// <summary>A line longer than the line reader's limit was cut (the rest of it skipped).</summary>
    public const string LongLine = "long_line";

    /// <summary>The input is not a WARC archive at all.</summary>
    public const string NotAnArchive = "not_an_archive";
}
