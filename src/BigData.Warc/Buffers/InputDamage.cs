namespace BigData.Warc.Buffers;

/// <summary>Why the input ended early: a decompression error met while reading (reported once the data before it is used up).</summary>
internal sealed record InputDamage(string Kind, long Offset, string Message, Exception Cause)
{
    /// <summary>Classifies what a decoding stream threw; other exceptions (I/O) are not damage and are not caught.</summary>
    public static InputDamage? From(Exception e, long offset) => e switch
    {
        CompressedDataException c => new InputDamage(c.Kind, c.Offset, StripLocation(c), c),
        EndOfStreamException => new InputDamage(WarcWarningKinds.TruncatedGzip, offset, "the compressed data ends early: " + e.Message, e),
        InvalidDataException => new InputDamage(WarcWarningKinds.CorruptGzip, offset, "corrupt compressed data: " + e.Message, e),
        _ => null,
    };

    /// <summary>The exception strict mode throws.</summary>
    public WarcFormatException ToException(string source) =>
        Cause as CompressedDataException ?? new WarcFormatException(source, Offset, Kind, Message, Cause);

    private static string StripLocation(CompressedDataException c)
    {
        // The exception's Message is "<source> at byte <n>: <text>"; warnings carry source and offset separately.
        string prefix = $"{c.Source} at byte {c.Offset}: ";
        return c.Message.StartsWith(prefix, StringComparison.Ordinal) ? c.Message[prefix.Length..] : c.Message;
    }
}
