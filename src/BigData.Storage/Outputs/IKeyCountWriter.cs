namespace BigData.Storage.Outputs;

/// <summary>
/// Writes one output part: (key, count) pairs in ascending ordinal byte order of key. Keys are UTF-8 bytes
/// (possibly not valid UTF-8: bytes are kept as they are where the format allows).
/// </summary>
public interface IKeyCountWriter : IDisposable
{
    /// <summary>Appends one pair.</summary>
    void Write(ReadOnlySpan<byte> key, long count);

    /// <summary>Flushes everything and writes any footer. Dispose without Complete abandons the part.</summary>
    void Complete();

    /// <summary>
    /// How many keys were not valid UTF-8 and had their invalid sequences replaced by U+FFFD because the format
    /// stores text (CSV, JSON Lines, Parquet STRING). Always 0 for formats that keep key bytes as they are (TSV).
    /// The runner reports it as <c>output.invalid_utf8_keys</c>.
    /// </summary>
    long InvalidUtf8Keys => 0;
}

/// <summary>An output format: how a part file is named and written.</summary>
public interface IOutputFormat
{
    /// <summary>Name as given to <c>--format</c>: tsv, csv, parquet or jsonl.</summary>
    string Name { get; }

    /// <summary>Ending of part file names, for example <c>""</c> for TSV (Hadoop's <c>part-00000</c>) or <c>.parquet</c>.</summary>
    string Extension { get; }

    /// <summary>Creates a writer over a stream the caller owns (the writer does not close it).</summary>
    IKeyCountWriter Create(Stream destination);
}
