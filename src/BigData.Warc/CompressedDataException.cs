namespace BigData.Warc;

/// <summary>
/// The compressed data of an archive is damaged: truncated (<see cref="WarcWarningKinds.TruncatedGzip"/>) or
/// corrupt (<see cref="WarcWarningKinds.CorruptGzip"/>). Thrown by the stream <see cref="ArchiveDecoder.Open"/>
/// returns, after every byte decoded before the damage has been delivered. <see cref="WarcReader"/> and
/// <see cref="LineReader"/> turn it into a warning and the end of input (lenient) or rethrow it (strict).
/// </summary>
public sealed class CompressedDataException : WarcFormatException
{
    public CompressedDataException(string source, long offset, string kind, string message, Exception? innerException = null)
        : base(source, offset, kind, message, innerException)
    {
    }
}
