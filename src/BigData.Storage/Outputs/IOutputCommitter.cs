namespace BigData.Storage.Outputs;

/// <summary>
/// An output directory written atomically: parts are written under temporary names and only appear under their
/// final names, with <c>_SUCCESS</c> last, on <see cref="Commit"/>. A job that fails disposes without committing and
/// leaves no <c>_SUCCESS</c> and no part under its final name.
/// </summary>
public interface IOutputCommitter : IDisposable
{
    /// <summary>Where the output goes (a directory path or <c>s3://bucket/prefix/</c>).</summary>
    string Location { get; }

    /// <summary>Opens a temporary stream for part <paramref name="name"/> (for example <c>part-00000</c>).</summary>
    Stream CreatePart(string name);

    /// <summary>Writes a side file such as <c>_counters.json</c>, committed with the parts.</summary>
    void WriteSideFile(string name, ReadOnlySpan<byte> content);

    /// <summary>Moves every part to its final name, then writes <c>_SUCCESS</c>.</summary>
    void Commit();
}
