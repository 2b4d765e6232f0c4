using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using BigData.Warc;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>A line-oriented test job: every space-separated word counts 1; lines starting with <c>#</c> are instructions for <see cref="TextLineReader"/>.</summary>
internal sealed class WordCountJob : ICountingJob
{
    public string Name => "word-count";

    public MapInputKind InputKind => MapInputKind.Lines;

    public IMapper CreateMapper(Counters counters) => new Mapper(counters);

    private sealed class Mapper(Counters counters) : IMapper
    {
        private readonly Counter _words = counters["words.total"];

        public void MapRecord(in WarcRecord record, IKeyCountCollector output) => throw new NotSupportedException("a line job");

        public void MapLine(ReadOnlySpan<byte> line, IKeyCountCollector output)
        {
            if (line.StartsWith("#"u8))
            {
                return;
            }

            foreach (var range in line.Split((byte)' '))
            {
                if (!line[range].IsEmpty)
                {
                    _words.Increment();
                    output.Add(line[range], 1);
                }
            }
        }
    }
}
