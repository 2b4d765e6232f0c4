using BigData.MapReduce.Mapping;
using BigData.MapReduce.Text;
using BigData.Warc;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>
/// Plain text lines straight to the mapper. <c>#warn kind</c> raises a warning; <c>#ioerror-once</c> throws an
/// IOException on a file's first attempt (after mapping what came before it); <c>#damaged</c> throws a
/// <see cref="WarcFormatException"/> there.
/// </summary>
internal sealed class TextLineReader : IMapInputReader
{
    private readonly Dictionary<string, int> _attempts = [];

    public IReadOnlyDictionary<string, int> Attempts => _attempts;

    public long Read(MapInput input)
    {
        var attempt = _attempts[input.Source] = _attempts.GetValueOrDefault(input.Source) + 1;
        using var reader = new KeyValueReader(input.Raw, bufferSize: 64, leaveOpen: true);
        while (reader.TryReadLine(out var line))
        {
            input.Mapper.MapLine(line, input.Output);
            if (line.StartsWith("#warn "u8))
            {
                input.OnWarning(new WarcWarning(input.Source, reader.LineOffset, System.Text.Encoding.UTF8.GetString(line[6..]), "test warning"));
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
