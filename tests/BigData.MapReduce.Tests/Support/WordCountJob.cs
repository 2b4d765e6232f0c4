using BigData.MapReduce.Jobs;
using BigData.Warc;

namespace BigData.MapReduce.Tests.Support;

/// <summary>
/// A line-oriented test job: every space-separated word of a line counts 1. Lines starting with <c>#</c> are
/// comments (counted in <c>lines.comment</c>, no output), so inputs can carry instructions for test readers.
/// </summary>
internal sealed class WordCountJob : ICountingJob
{
    public string Name => "word-count";

    public MapInputKind InputKind => MapInputKind.Lines;

    public IMapper CreateMapper(Counters counters) => new Mapper(counters);

    private sealed class Mapper(Counters counters) : IMapper
    {
        private readonly Counter _lines = counters["lines.total"];
        private readonly Counter _words = counters["words.total"];
        private readonly Counter _comments = counters["lines.comment"];

        public void MapRecord(in WarcRecord record, IKeyCountCollector output) =>
            throw new NotSupportedException("a line job");

        public void MapLine(ReadOnlySpan<byte> line, IKeyCountCollector output)
        {
            _lines.Increment();
            if (line.StartsWith("#"u8))
            {
                _comments.Increment();
                return;
            }

            foreach (var range in line.Split((byte)' '))
            {
                var word = line[range];
                if (!word.IsEmpty)
                {
                    _words.Increment();
                    output.Add(word, 1);
                }
            }
        }
    }
}
