using System.Text;
using BigData.MapReduce.Streaming;
using BigData.Storage.Outputs;
using TestSupport;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Framework;

public sealed class StreamMapTaskTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MemoryStream _stdout = new();
    private readonly List<string> _log = [];
    private readonly TextLineReader _reader = new();

    public void Dispose() => _temp.Dispose();

    private StreamMapTask NewTask(StreamMapTaskOptions? options = null) =>
        new(new WordCountJob(), (options ?? StreamMapTaskOptions.Default) with { TempDirectory = _temp.Path }, new TsvKeyCountWriter(_stdout), _log.Add, _reader);

    private SortedDictionary<string, long> Totals() => KeyCountLines.Totals(_stdout.ToArray());

    [Fact]
    public void MapFile_GoodFiles_CombinesAcrossFilesAndCountsLikeTheLocalRunner()
    {
        using var task = NewTask();

        Assert.True(task.MapFile(new MemoryInputFile("one", "a b a\nc\n")));
        Assert.True(task.MapFile(new MemoryInputFile("two", "a c\n")));
        task.Complete();

        Assert.Equal("a\t3\nb\t1\nc\t2\n", Encoding.UTF8.GetString(_stdout.ToArray()));
        Assert.Equal(2, task.Counters.Get("files.ok"));
        Assert.Equal(0, task.Counters.Get("files.failed"));
        Assert.Equal(6, task.Counters.Get("words.total"));
        Assert.Equal(12, task.Counters.Get("bytes.read"));
        Assert.Equal(12, task.Counters.Get("bytes.uncompressed"));
    }

    [Fact]
    public void MapFile_FileDamagedMidway_LeavesNoCountsAndOnlyFilesFailed()
    {
        using var task = NewTask();

        Assert.True(task.MapFile(new MemoryInputFile("good", "x y\n")));
        Assert.False(task.MapFile(new MemoryInputFile("bad", "x y z\n#warn odd\n#damaged\nw\n")));
        task.Complete();

        Assert.Equal("x\t1\ny\t1\n", Encoding.UTF8.GetString(_stdout.ToArray()));
        Assert.Equal(1, task.Counters.Get("files.ok"));
        Assert.Equal(1, task.Counters.Get("files.failed"));
        Assert.Equal(2, task.Counters.Get("words.total"));
        Assert.Equal(0, task.Counters.Get("warnings.odd"));
        Assert.Equal(1, _reader.Attempts["bad"]);
        Assert.Contains(_log, l => l.StartsWith("failed: bad: bad at byte", StringComparison.Ordinal));
        Assert.False(task.TooManyFailures);
    }

    [Fact]
    public void MapFile_TransientErrorOnce_RetriedAndCountedOnce()
    {
        using var task = NewTask();

        Assert.True(task.MapFile(new MemoryInputFile("flaky", "a b\n#ioerror-once\nc\n")));
        task.Complete();

        Assert.Equal("a\t1\nb\t1\nc\t1\n", Encoding.UTF8.GetString(_stdout.ToArray()));
        Assert.Equal(2, _reader.Attempts["flaky"]);
        Assert.Equal(3, task.Counters.Get("words.total"));
        Assert.Equal(1, task.Counters.Get("files.ok"));
        Assert.Contains(_log, l => l.Contains("retrying flaky", StringComparison.Ordinal));
    }

    [Fact]
    public void MapFile_TransientErrorEveryAttempt_FailsAfterMaxAttempts()
    {
        using var task = NewTask(new StreamMapTaskOptions { MaxAttempts = 1 });

        Assert.False(task.MapFile(new MemoryInputFile("flaky", "a\n#ioerror-once\n")));

        Assert.Contains("gave up after 1 attempt", task.FailedFiles[0].Message, StringComparison.Ordinal);
        Assert.False(task.FailedFiles[0].IsDataError);
    }

    [Fact]
    public void MapFile_WarningsCountedForCommittedFilesAndLogged()
    {
        using var task = NewTask(new StreamMapTaskOptions { WarningsPerFile = 1 });

        task.MapFile(new MemoryInputFile("w", "#warn odd\n#warn odd\n#warn other\na\n"));
        task.Complete();

        Assert.Equal(2, task.Counters.Get("warnings.odd"));
        Assert.Equal(1, task.Counters.Get("warnings.other"));
        Assert.Single(_log, l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains(_log, l => l.Contains("3 warnings in all (2 not shown)", StringComparison.Ordinal));
    }

    [Fact]
    public void MapFile_MoreFailuresThanAllowed_TooManyFailures()
    {
        using var task = NewTask(new StreamMapTaskOptions { MaxFailedFiles = 1 });

        task.MapFile(new MemoryInputFile("bad1", "#damaged\n"));
        Assert.False(task.TooManyFailures);
        task.MapFile(new MemoryInputFile("bad2", "#damaged\n"));

        Assert.True(task.TooManyFailures);
    }

    [Fact]
    public void MapFile_TinyMemory_SpillsAndFlushesEarlyWithTheSameTotals()
    {
        var random = new Random(7);
        var files = Enumerable.Range(0, 5).Select(f =>
            string.Join('\n', Enumerable.Range(0, 400).Select(_ => "w" + random.Next(0, 900)))).ToList();
        var expected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var word in files.SelectMany(f => f.Split('\n')))
        {
            expected[word] = expected.GetValueOrDefault(word) + 1;
        }

        using var task = NewTask(new StreamMapTaskOptions { MemoryBytes = 8 << 10 });
        foreach (var (text, i) in files.Select((t, i) => (t, i)))
        {
            Assert.True(task.MapFile(new MemoryInputFile("f" + i, text)));
        }

        task.MapFile(new MemoryInputFile("damaged", string.Join('\n', files[0], "#damaged")));
        task.Complete();

        Assert.True(task.Spills > 0, "a file must have spilled to disk");
        Assert.True(task.EarlyFlushes > 0, "the task's counts must have been written early");
        Assert.Equal(expected, Totals());
        Assert.Equal(1, task.Counters.Get("files.failed"));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void MapStream_DamagedStream_FailsOnceWithoutRetry()
    {
        using var task = NewTask();

        Assert.False(task.MapStream(new MemoryStream("a\n#ioerror-once\n"u8.ToArray()), "stdin"));
        task.Complete();

        Assert.Empty(_stdout.ToArray());
        Assert.Equal(1, _reader.Attempts["stdin"]);
        Assert.Equal(1, task.Counters.Get("files.failed"));
        Assert.Equal(0, task.BytesRead);
    }
}
