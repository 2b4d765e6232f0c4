namespace BigData.Storage.Outputs;

// TEMPORARY, DELETE AT MERGE: a stand-in so OutputFormats compiles on this branch. The real TsvOutputFormat is
// written on another branch; only its name and parameterless constructor are relied on here.

/// <summary>Stand-in for the real TSV format (delete at merge).</summary>
public sealed class TsvOutputFormat : IOutputFormat
{
    /// <inheritdoc />
    public string Name => "tsv";

    /// <inheritdoc />
    public string Extension => "";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination) => new Writer(destination);

    private sealed class Writer(Stream destination) : IKeyCountWriter
    {
        private readonly byte[] _number = new byte[20];

        public void Write(ReadOnlySpan<byte> key, long count)
        {
            destination.Write(key);
            destination.WriteByte((byte)'\t');
            count.TryFormat(_number, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
            destination.Write(_number.AsSpan(0, n));
            destination.WriteByte((byte)'\n');
        }

        public void Complete() => destination.Flush();

        public void Dispose()
        {
        }
    }
}
