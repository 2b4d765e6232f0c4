using BigData.MapReduce.Jobs;
using BigData.Warc;

namespace BigData.MapReduce.Mapping;

/// <summary>
/// The default input reader: <see cref="ArchiveDecoder"/> detects gzip by its magic bytes and refuses what is not
/// an archive; then <see cref="WarcReader"/> hands complete records to <see cref="IMapper.MapRecord"/>
/// (<see cref="MapInputKind.WarcRecords"/>), or <see cref="LineReader"/> hands LF-separated lines to
/// <see cref="IMapper.MapLine"/> (<see cref="MapInputKind.Lines"/>).
/// </summary>
public sealed class ArchiveMapInputReader : IMapInputReader
{
    /// <summary>The shared instance (stateless).</summary>
    public static ArchiveMapInputReader Instance { get; } = new();

    /// <inheritdoc />
    public long Read(MapInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var uncompressed = ArchiveDecoder.Open(input.Raw, input.Source);
        return input.Job.InputKind switch
        {
            MapInputKind.WarcRecords => ReadRecords(uncompressed, input),
            MapInputKind.Lines => ReadLines(uncompressed, input),
            _ => throw new NotSupportedException($"input kind {input.Job.InputKind} of job {input.Job.Name}"),
        };
    }

    private static long ReadRecords(Stream uncompressed, MapInput input)
    {
        using var reader = new WarcReader(uncompressed, input.Source, input.ReaderOptions, input.OnWarning);
        var mapper = input.Mapper;
        var output = input.Output;
        while (reader.TryRead(out var record))
        {
            mapper.MapRecord(in record, output);
        }

        return reader.Position;
    }

    private static long ReadLines(Stream uncompressed, MapInput input)
    {
        var options = input.ReaderOptions;
        using var reader = new LineReader(uncompressed, input.Source, options.BufferSize, input.OnWarning, options.Strict);
        var mapper = input.Mapper;
        var output = input.Output;
        while (reader.TryReadLine(out var line))
        {
            mapper.MapLine(line, output);
        }

        return reader.Position;
    }
}
