namespace BigData.Warc;

/// <summary>Turns the raw bytes of a file into the uncompressed WARC stream, deciding by magic bytes.</summary>
public static partial class ArchiveDecoder
{
    // CONTRACT (to be implemented; keep this signature):

    /// <summary>
    /// Wraps <paramref name="raw"/>: gzip (magic 1F 8B, one member per record or one for the file) is decompressed,
    /// anything else is read as is. Checks the first bytes: input that is not a WARC archive (HTML, XML, empty,
    /// binary) throws <see cref="NotAnArchiveException"/> naming what it looks like.
    /// </summary>
    public static Stream Open(Stream raw, string source) => throw new NotImplementedException();
}
