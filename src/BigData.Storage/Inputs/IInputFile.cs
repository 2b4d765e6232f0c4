namespace BigData.Storage.Inputs;

/// <summary>
/// One input location (a local file, an HTTP(S) URL, an S3 object). Opening it yields its raw bytes, compressed or
/// not: deciding how to decode them is the reader's job, by magic bytes, never by name.
/// </summary>
public interface IInputFile
{
    /// <summary>The location as the user would write it (a path, <c>https://…</c>, <c>s3://bucket/key</c>).</summary>
    string Location { get; }

    /// <summary>The size in bytes when known without reading (used for progress and scheduling).</summary>
    long? Length { get; }

    /// <summary>Opens the raw bytes for a forward read. Each call starts again at byte 0.</summary>
    Stream OpenRead();
}
