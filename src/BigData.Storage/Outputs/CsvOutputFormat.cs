namespace BigData.Storage.Outputs;

/// <summary>
/// CSV through CsvHelper: a <c>key,count</c> header, then one record per key, LF line ends, UTF-8 without BOM.
/// Keys are quoted RFC 4180 style (inner quotes doubled) when they hold a comma, a double quote, CR or LF, start or
/// end with a space or tab, or are empty (so readers do not take an empty key for NULL). Invalid UTF-8 in keys
/// becomes U+FFFD.
/// </summary>
public sealed class CsvOutputFormat : IOutputFormat
{
    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public string Extension => ".csv";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new CsvKeyCountWriter(destination);
    }
}
