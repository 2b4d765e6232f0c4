namespace BigData.Storage.Outputs;

/// <summary>
/// JSON Lines: one <c>{"key":"…","count":N}</c> object per line, LF-terminated, UTF-8 without BOM, written with
/// <see cref="System.Text.Json.Utf8JsonWriter"/>. Non-ASCII text stays as UTF-8 except characters above U+FFFF,
/// which System.Text.Json always writes as a <c>\uXXXX\uXXXX</c> surrogate pair (the same string to any JSON
/// reader). Invalid UTF-8 in keys becomes U+FFFD.
/// </summary>
public sealed class JsonLinesOutputFormat : IOutputFormat
{
    /// <inheritdoc />
    public string Name => "jsonl";

    /// <inheritdoc />
    public string Extension => ".jsonl";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new JsonLinesKeyCountWriter(destination);
    }
}
