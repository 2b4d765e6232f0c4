using System.Text;
using System.Text.Json;
using BigData.MapReduce.Keys;
using BigData.MapReduce.Local;
using BigData.MapReduce.Tests.Support;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;
using TestSupport;

namespace BigData.MapReduce.Tests.Local;

public sealed class LocalJobRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new("bigdata-runner-test");
    private readonly string _scratch;
    private readonly List<string> _inputs;

    public LocalJobRunnerTests()
    {
        _scratch = _temp.Combine("scratch");
        Directory.CreateDirectory(_scratch);
        var inputDirectory = _temp.Combine("in");
        Directory.CreateDirectory(inputDirectory);
        _inputs = TextInputs.Write(inputDirectory, files: 6, seed: 42);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_AnyWorkersReducersAndMemory_IdenticalOutputEqualToIndependentCount()
    {
        var expected = ExpectedCounts.Render(ExpectedCounts.Words(_inputs));
        var expectedWords = ExpectedCounts.Words(_inputs).Count();
        var baselines = new Dictionary<int, List<byte[]>>();
        (int Workers, int Reducers, long Memory)[] configs =
        [
            (1, 1, 1L << 30), (2, 3, 1L << 30), (4, 3, 32 * 1024), (1, 3, 32 * 1024), (4, 1, 32 * 1024), (2, 2, 128 * 1024), (3, 2, 1L << 20),
        ];

        foreach (var (workers, reducers, memory) in configs)
        {
            var label = $"workers {workers}, reducers {reducers}, memory {memory}";
            var output = _temp.Combine($"out-{workers}-{reducers}-{memory}");
            var options = Options() with { Workers = workers, Reducers = reducers, MemoryBytes = memory };

            var result = RunToDirectory(options, new TextLineReader(), output);

            var parts = Enumerable.Range(0, reducers).Select(p => Path.Combine(output, $"part-{p:D5}")).ToList();
            Assert.True(expected.AsSpan().SequenceEqual(ExpectedCounts.ConcatenateSorted(parts)), label);
            Assert.Equal(
                new[] { "_SUCCESS", "_counters.json" }.Concat(parts.Select(Path.GetFileName)).Order(StringComparer.Ordinal),
                Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            for (var p = 0; p < reducers; p++)
            {
                var lines = ExpectedCounts.SplitLines(File.ReadAllBytes(parts[p])).ToList();
                Assert.Equal(lines.Select(Convert.ToHexString).Order(StringComparer.Ordinal), lines.Select(Convert.ToHexString));
                Assert.All(lines, line => Assert.Equal(p, HadoopHashPartitioner.GetPartition(line.AsSpan(0, line.AsSpan().IndexOf((byte)'\t')), reducers)));
            }

            var bytes = parts.Select(File.ReadAllBytes).ToList();
            if (baselines.TryGetValue(reducers, out var baseline))
            {
                Assert.True(baseline.Zip(bytes).All(b => b.First.AsSpan().SequenceEqual(b.Second)), label + ": parts differ from the first run");
            }
            else
            {
                baselines[reducers] = bytes;
            }

            Assert.Equal(expectedWords, result.Counter("words.total"));
            Assert.Equal(expectedWords, result.OutputCountSum);
            Assert.Equal(ExpectedCounts.SplitLines(expected).Count(), result.OutputRecords);
            Assert.Equal(_inputs.Count, result.Counter("files.ok"));
            Assert.Equal(0, result.Counter("files.failed"));
            Assert.Equal(_inputs.Sum(f => new FileInfo(f).Length), result.Counter("bytes.read"));
            Assert.Equal(_inputs.Count, result.TasksPerWorker.Sum());
            if (memory <= 128 * 1024)
            {
                Assert.True(result.Spills > 0, label + ": the budget should force spills");
            }
            else if (memory == 1L << 30)
            {
                Assert.Equal(0, result.Spills);
            }
        }
    }

    [Fact]
    public void Run_ToStream_OneGloballySortedStreamEqualToIndependentCount()
    {
        var expected = ExpectedCounts.Render(ExpectedCounts.Words(_inputs));
        using var stdout = new MemoryStream();
        var options = Options() with { Workers = 2, Reducers = 3, MemoryBytes = 64 * 1024 };

        var result = new LocalJobRunner(options, new TextLineReader())
            .Run(new WordCountJob(), Files(_inputs), JobOutput.ToStream(stdout, TsvOutputFormat.Instance));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.True(stdout.CanWrite, "the stream belongs to the caller");
        Assert.Null(result.OutputLocation);
    }

    [Fact]
    public void Run_TransientIOErrorOnce_RetriedAndCountedOnce()
    {
        var flaky = _inputs[2];
        TextInputs.AppendLine(flaky, "#warn before_failure");
        TextInputs.AppendLine(flaky, "#ioerror-once");
        TextInputs.AppendLine(flaky, "http://after.retry http://after.retry");
        var reader = new TextLineReader();

        var result = RunToDirectory(Options() with { Workers = 2, Reducers = 2, MemoryBytes = 64 * 1024 }, reader, _temp.Combine("out"));

        Assert.Equal(ExpectedCounts.Render(ExpectedCounts.Words(_inputs)), ExpectedCounts.ConcatenateSorted(Parts(_temp.Combine("out"))));
        Assert.Equal(2, reader.Attempts[flaky]);
        Assert.Equal(1, result.FailedAttempts);
        Assert.Empty(result.FailedFiles);
        Assert.Equal(_inputs.Count, result.Counter("files.ok"));

        // The failed attempt's counters, warnings and bytes were discarded: everything counts once.
        Assert.Equal(_inputs.Sum(f => File.ReadAllText(f).Count(c => c == '\n')), result.Counter("lines.total"));
        Assert.Equal(ExpectedCounts.Words(_inputs).Count(), result.Counter("words.total"));
        Assert.Equal(1, result.Counter("warnings.before_failure"));
        Assert.Single(result.Warnings);
        Assert.Equal(_inputs.Sum(f => new FileInfo(f).Length), result.Counter("bytes.read"));
    }

    [Fact]
    public void Run_TransientErrorEveryAttempt_FileFailsAfterMaxAttempts()
    {
        var reader = new AlwaysFailingReader(new TextLineReader(), failFor: _inputs[0]);

        var result = RunToDirectory(Options() with { MaxAttempts = 3 }, reader, _temp.Combine("out"));

        var failed = Assert.Single(result.FailedFiles);
        Assert.Equal(new LocalInputFile(_inputs[0]).Location, failed.Location);
        Assert.Equal(3, failed.Attempts);
        Assert.False(failed.IsDataError);
        Assert.Contains("IOException", failed.Message);
        Assert.Equal(3, result.FailedAttempts);
        Assert.Equal(ExpectedCounts.Render(ExpectedCounts.Words(_inputs.Skip(1))), ExpectedCounts.ConcatenateSorted(Parts(_temp.Combine("out"))));
    }

    [Fact]
    public void Run_InputFileMissing_ThatFileFailsOthersCounted()
    {
        var missing = _temp.Combine("in", "gone.txt");
        using var committer = new LocalDirectoryCommitter(_temp.Combine("out"));

        var result = new LocalJobRunner(Options(), new TextLineReader()).Run(
            new WordCountJob(),
            Files(_inputs.Append(missing)),
            JobOutput.ToDirectory(committer, TsvOutputFormat.Instance));

        var failed = Assert.Single(result.FailedFiles);
        Assert.Equal(missing, failed.Location);
        Assert.Contains("FileNotFoundException", failed.Message);
        Assert.Equal(_inputs.Count, result.Counter("files.ok"));
        Assert.Equal(ExpectedCounts.Render(ExpectedCounts.Words(_inputs)), ExpectedCounts.ConcatenateSorted(Parts(_temp.Combine("out"))));
    }

    [Fact]
    public void Run_DataErrorInOneFile_OnlyThatFileFailsWithoutRetry()
    {
        var damaged = _inputs[1];
        TextInputs.AppendLine(damaged, "#damaged");
        var reader = new TextLineReader();

        var result = RunToDirectory(Options(), reader, _temp.Combine("out"));

        var survivors = _inputs.Where(f => f != damaged).ToList();
        Assert.Equal(ExpectedCounts.Render(ExpectedCounts.Words(survivors)), ExpectedCounts.ConcatenateSorted(Parts(_temp.Combine("out"))));
        var failed = Assert.Single(result.FailedFiles);
        Assert.Equal(damaged, failed.Location);
        Assert.True(failed.IsDataError);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(1, reader.Attempts[damaged]);
        Assert.Contains("simulated damage", failed.Message);
        Assert.Contains($"{damaged} at byte", failed.Message);
        Assert.Equal(1, result.Counter("files.failed"));
        Assert.Equal(survivors.Count, result.Counter("files.ok"));
        Assert.Equal(survivors.Sum(f => File.ReadAllText(f).Count(c => c == '\n')), result.Counter("lines.total"));

        using var json = JsonDocument.Parse(File.ReadAllBytes(_temp.Combine("out", "_counters.json")));
        var listed = Assert.Single(json.RootElement.GetProperty("failed_files").EnumerateArray());
        Assert.Equal(damaged, listed.GetProperty("location").GetString());
    }

    [Fact]
    public void Run_MoreFailedFilesThanAllowed_FailsAndCommitsNothing()
    {
        TextInputs.AppendLine(_inputs[0], "#damaged");
        TextInputs.AppendLine(_inputs[3], "#damaged");
        var target = _temp.Combine("out");
        var options = Options() with { MaxFailedFiles = 1 };

        using (var committer = new LocalDirectoryCommitter(target))
        {
            var error = Assert.Throws<JobFailedException>(() => new LocalJobRunner(options, new TextLineReader())
                .Run(new WordCountJob(), Files(_inputs), JobOutput.ToDirectory(committer, TsvOutputFormat.Instance)));
            Assert.Contains("more than the 1 allowed", error.Message);
            Assert.Equal(2, error.FailedFiles.Count);
            Assert.False(Directory.Exists(target));
        }

        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFiles(_temp.Path, "_SUCCESS", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(_temp.Path, "part-*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Fact]
    public void Run_FailedFilesWithinAllowance_Succeeds()
    {
        TextInputs.AppendLine(_inputs[4], "#damaged");

        var result = RunToDirectory(Options() with { MaxFailedFiles = 1 }, new TextLineReader(), _temp.Combine("out"));

        Assert.Single(result.FailedFiles);
        Assert.True(File.Exists(_temp.Combine("out", "_SUCCESS")));
    }

    [Fact]
    public void Run_EveryFileFails_JobFailsEvenWithoutALimit()
    {
        foreach (var input in _inputs)
        {
            TextInputs.AppendLine(input, "#damaged");
        }

        var target = _temp.Combine("out");
        using var committer = new LocalDirectoryCommitter(target);
        var error = Assert.Throws<JobFailedException>(() => new LocalJobRunner(Options(), new TextLineReader())
            .Run(new WordCountJob(), Files(_inputs), JobOutput.ToDirectory(committer, TsvOutputFormat.Instance)));

        Assert.Contains($"all {_inputs.Count} input files failed", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void Run_Warnings_AllCountedFirstOnesKeptPerFile()
    {
        for (var i = 0; i < 30; i++)
        {
            TextInputs.AppendLine(_inputs[0], "#warn bad_thing");
        }

        TextInputs.AppendLine(_inputs[1], "#warn other_thing");

        var result = RunToDirectory(Options() with { WarningsPerFile = 20 }, new TextLineReader(), _temp.Combine("out"));

        Assert.Equal(30, result.Counter("warnings.bad_thing"));
        Assert.Equal(1, result.Counter("warnings.other_thing"));
        Assert.Equal(20, result.Warnings.Count(w => w.Source == _inputs[0]));
        Assert.Single(result.Warnings, w => w.Source == _inputs[1]);
        Assert.Equal(result.Warnings.OrderBy(w => w.Source, StringComparer.Ordinal).ThenBy(w => w.Offset), result.Warnings);
    }

    [Fact]
    public void Run_OneWorker_TakesLargestFilesFirst()
    {
        var reader = new TextLineReader();

        RunToDirectory(Options() with { Workers = 1 }, reader, _temp.Combine("out"));

        var bySize = _inputs.OrderByDescending(f => new FileInfo(f).Length).ThenBy(f => _inputs.IndexOf(f));
        Assert.Equal(bySize, reader.Started);
    }

    [Fact]
    public void Run_CountersJsonAndResult_SortedCountersFactsTopKeysAndProgress()
    {
        var progress = new JobProgress();
        var output = _temp.Combine("out");

        var result = RunToDirectory(Options() with { Workers = 2, Reducers = 3 }, new TextLineReader(), output, progress);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "_counters.json")));
        var root = json.RootElement;
        Assert.Equal("word-count", root.GetProperty("job").GetString());
        var counters = root.GetProperty("counters").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).ToList();
        Assert.Equal(counters.Select(c => c.Name).Order(StringComparer.Ordinal), counters.Select(c => c.Name));
        Assert.Equal(result.Counters.Select(c => (c.Key, c.Value)), counters);
        Assert.Contains("bytes.uncompressed", counters.Select(c => c.Name));
        Assert.Equal(result.OutputRecords, root.GetProperty("facts").GetProperty("output_records").GetInt64());
        Assert.Equal(3, root.GetProperty("facts").GetProperty("reducers").GetInt32());

        // Top keys: an independent ranking of the expected counts.
        var expectedTop = ExpectedCounts.Words(_inputs)
            .GroupBy(w => Convert.ToHexString(w.Key))
            .Select(g => (Hex: g.Key, Count: g.LongCount()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Hex, StringComparer.Ordinal)
            .Take(20)
            .ToList();
        Assert.Equal(expectedTop, result.TopKeys.Select(k => (Convert.ToHexString(k.Key), k.Count)));

        var totalBytes = _inputs.Sum(f => new FileInfo(f).Length);
        Assert.Equal(JobPhase.Done, progress.Phase);
        Assert.Equal(totalBytes, progress.BytesTotal);
        Assert.Equal(totalBytes, progress.BytesDone);
        Assert.Equal(_inputs.Count, progress.MapTasksDone);
        Assert.Equal(3, progress.ReduceTasksDone);
        Assert.True(result.TaskTime > TimeSpan.Zero);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Fact]
    public void Run_NoInputs_Throws()
    {
        using var committer = new LocalDirectoryCommitter(_temp.Combine("out"));

        Assert.Throws<ArgumentException>(() => new LocalJobRunner(Options(), new TextLineReader())
            .Run(new WordCountJob(), [], JobOutput.ToDirectory(committer, TsvOutputFormat.Instance)));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Ctor_OptionOutOfRange_Throws(int workers, int reducers, int attempts)
    {
        Assert.Throws<ArgumentException>(() =>
            new LocalJobRunner(new LocalRunnerOptions { Workers = workers, Reducers = reducers, MaxAttempts = attempts }));
    }

    private LocalRunnerOptions Options() => new() { Workers = 2, TempDirectory = _scratch };

    private static List<IInputFile> Files(IEnumerable<string> paths) => paths.Select(p => (IInputFile)new LocalInputFile(p)).ToList();

    private static List<string> Parts(string directory) =>
        Directory.GetFiles(directory, "part-*").Order(StringComparer.Ordinal).ToList();

    private LocalJobResult RunToDirectory(
        LocalRunnerOptions options, Mapping.IMapInputReader reader, string output, JobProgress? progress = null)
    {
        using var committer = new LocalDirectoryCommitter(output);
        var result = new LocalJobRunner(options, reader)
            .Run(new WordCountJob(), Files(_inputs), JobOutput.ToDirectory(committer, TsvOutputFormat.Instance), progress);
        Assert.Equal(Path.GetFullPath(output), result.OutputLocation);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
        return result;
    }

    /// <summary>Throws an IOException on every attempt of one file (after mapping part of it).</summary>
    private sealed class AlwaysFailingReader(TextLineReader inner, string failFor) : Mapping.IMapInputReader
    {
        public long Read(Mapping.MapInput input)
        {
            if (input.Source == failFor)
            {
                input.Output.Add("partial-output"u8, 1000);
                input.Counters.Add("lines.total", 1000);
                throw new IOException("simulated broken disk");
            }

            return inner.Read(input);
        }
    }
}
