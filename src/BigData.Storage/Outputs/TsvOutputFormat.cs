namespace BigData.Storage.Outputs;

/// <summary>
/// The default output format, Hadoop-compatible: <c>key&lt;TAB&gt;count&lt;LF&gt;</c>, UTF-8 bytes as they are, parts
/// named like Hadoop's (<c>part-00000</c>, no extension).
/// </summary>
public sealed class TsvOutputFormat : IOutputFormat
{
    /// <summary>The shared instance (the format is stateless).</summary>
    public static TsvOutputFormat Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "tsv";

    /// <inheritdoc />
    public string Extension => "";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination) => new TsvKeyCountWriter(destination);
}
