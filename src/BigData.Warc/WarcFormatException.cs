namespace BigData.Warc;

/// <summary>
/// The input is damaged in a way the reader will not (strict mode) or cannot go past. Names the source and the
/// byte offset in the uncompressed stream. Data errors are deterministic, so runners do not retry them.
/// </summary>
public class WarcFormatException : Exception
{
    public WarcFormatException(string source, long offset, string kind, string message)
        : this(source, offset, kind, message, null)
    {
    }

    public WarcFormatException(string source, long offset, string kind, string message, Exception? innerException)
        : base($"{source} at byte {offset}: {message}", innerException)
    {
        Source = source;
        Offset = offset;
        Kind = kind;
    }

    /// <summary>The file or location the bytes came from.</summary>
    public new string Source { get; }

    /// <summary>Byte offset in the uncompressed stream.</summary>
    public long Offset { get; }

    /// <summary>Stable snake_case kind, as in <see cref="WarcWarning.Kind"/> (see <see cref="WarcWarningKinds"/>).</summary>
    public string Kind { get; }
}

/// <summary>The input is not a WARC archive at all (for example an HTML or XML error page).</summary>
public sealed class NotAnArchiveException : WarcFormatException
{
    public NotAnArchiveException(string source, string message)
        : base(source, 0, WarcWarningKinds.NotAnArchive, message)
    {
    }
}
