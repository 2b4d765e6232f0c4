using CsvHelper;

namespace BigData.Storage.Outputs;

/// <summary>Writes one CSV part; see <see cref="CsvOutputFormat"/>.</summary>
internal sealed class CsvKeyCountWriter : IKeyCountWriter
{
    // LF like every other output of the job (TSV, JSON Lines); RFC 4180 readers accept it. Keys with a leading or
    // trailing space or tab are quoted as well, so readers that trim unquoted fields keep them.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
    };

    private readonly CsvWriter _csv;
    private readonly Utf8KeyText _keys = new();
    private bool _completed;

    public CsvKeyCountWriter(Stream destination)
    {
        _csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        _csv.WriteHeader(["key", "count"]);
    }

    /// <inheritdoc />
    public long InvalidUtf8Keys => _keys.InvalidKeys;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        WriterState.ThrowIfCompleted(_completed);
        if (key.IsEmpty)
        {
            // An unquoted empty field reads as NULL in DuckDB, Spark and pandas; "" reads as the empty string.
            _csv.WriteField(ReadOnlySpan<char>.Empty, CsvQuoting.Always);
        }
        else
        {
            // UTF-8 straight into CsvHelper's buffer: no string per row.
            _csv.WriteField(_keys.ToValidUtf8(key, out _));
        }

        _csv.WriteField(count);
        _csv.EndRecord();
    }

    /// <inheritdoc />
    public void Complete()
    {
        WriterState.ThrowIfCompleted(_completed);

        // Disposing writes out the buffer and flushes the destination, which stays open. A later Dispose then
        // touches nothing, which matters when the caller closes or finishes the destination between the two.
        _csv.Dispose();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _csv.Dispose();
        _keys.Dispose();
    }
}
