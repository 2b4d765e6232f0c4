namespace BigData.Storage.Inputs;

/// <summary>A file on a local disk.</summary>
public sealed class LocalInputFile(string path) : IInputFile
{
    /// <summary>Read size for the file stream: large sequential reads keep the decompressor fed.</summary>
    private const int ReadBufferSize = 1 << 16;

    /// <summary>The full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <inheritdoc />
    public string Location => Path;

    /// <inheritdoc />
    public long? Length => new FileInfo(Path).Length;

    /// <inheritdoc />
    public Stream OpenRead() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize, FileOptions.SequentialScan);
}
