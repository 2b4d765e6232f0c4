namespace BigData.Warc;

/// <summary>How a <see cref="WarcReader"/> reads one archive. Immutable; every default is stated.</summary>
public sealed record WarcReaderOptions
{
    /// <summary>Default options: lenient, Content-Length trusted, 1 MiB window.</summary>
    public static WarcReaderOptions Default { get; } = new();

    /// <summary>
    /// Default <c>false</c> (lenient): a malformed record produces a <see cref="WarcWarning"/> and the reader
    /// resynchronises at the next version line. <c>true</c>: the first malformed record throws
    /// <see cref="WarcFormatException"/>.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Default <c>true</c>: a record's block is exactly <c>Content-Length</c> bytes and is skipped without being
    /// scanned. <c>false</c> finds records by their shape alone (a version line at the start or after an empty
    /// line, headers up to the next empty line), for text that was re-lined by Hadoop's TextInputFormat, where
    /// Content-Length no longer matches.
    /// </summary>
    public bool TrustContentLength { get; init; } = true;

    /// <summary>
    /// Default 1 MiB: size of the pooled window the decompressed bytes are read into. Records whose header and
    /// block fit in it are checked for a clean boundary before they are returned; larger blocks are read through
    /// the window and discarded, then checked. Never smaller than 64 bytes. The window grows beyond this only to
    /// hold a header block that is longer (up to <see cref="MaxHeaderBytes"/>).
    /// </summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>
    /// Default 1 MiB: a header block (from after the version line through the empty line that ends it) longer than
    /// this is malformed: warning <c>header_too_long</c>, record dropped.
    /// </summary>
    public int MaxHeaderBytes { get; init; } = 1 << 20;
}
