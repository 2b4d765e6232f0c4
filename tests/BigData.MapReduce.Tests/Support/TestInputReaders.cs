using System.Collections.Concurrent;
using BigData.MapReduce.Mapping;
using BigData.MapReduce.Text;
using BigData.Warc;

namespace BigData.MapReduce.Tests.Support;

/// <summary>
/// Plain text lines straight from the raw stream to <see cref="Jobs.IMapper.MapLine"/> (no decompression). A line
/// <c>#warn kind</c> raises a warning of that kind; <c>#ioerror-once</c> throws an IOException on the first attempt
/// of that file (after mapping what came before, so the attempt has partial output); <c>#damaged</c> throws a
/// <see cref="WarcFormatException"/> at that point.
/// </summary>
internal sealed class TextLineReader : IMapInputReader
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>Sources in the order their first attempt started.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    /// <summary>How many attempts each source had.</summary>
    public IReadOnlyDictionary<string, int> Attempts => _attempts;

    public long Read(MapInput input)
    {
        var attempt = _attempts.AddOrUpdate(input.Source, 1, (_, n) => n + 1);
        if (attempt == 1)
        {
            Started.Enqueue(input.Source);
        }

        using var reader = new KeyValueReader(input.Raw, bufferSize: 64, leaveOpen: true);
        while (reader.TryReadLine(out var line))
        {
            input.Mapper.MapLine(line, input.Output);
            if (line.StartsWith("#warn "u8))
            {
                var kind = System.Text.Encoding.UTF8.GetString(line["#warn "u8.Length..]);
                input.OnWarning(new WarcWarning(input.Source, reader.LineOffset, kind, "test warning " + kind));
            }
            else if (line.SequenceEqual("#ioerror-once"u8) && attempt == 1)
            {
                throw new IOException("simulated connection reset");
            }
            else if (line.SequenceEqual("#damaged"u8))
            {
                throw new WarcFormatException(input.Source, reader.LineOffset, "bad_version_line", "simulated damage");
            }
        }

        return reader.Position;
    }
}
