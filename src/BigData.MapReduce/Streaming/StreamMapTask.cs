using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Jobs;
using BigData.MapReduce.Local;
using BigData.MapReduce.Mapping;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;
using BigData.Warc;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// One streaming map task of a counting job: turns input files (or one stdin stream) into combined
/// <c>key&lt;TAB&gt;count</c> lines, with the same per-file semantics as the local runner — the same input reader,
/// counters, warnings, retries of transient failures and failed-file accounting — so that summing its output gives the
/// local runner's numbers.
/// </summary>
/// <remarks>
/// Each file's output is held back (<see cref="PendingFileOutput"/>) and joins the task's counts only when the file
/// has been read to its end; a file that fails leaves no counts and no counters but <c>files.failed</c>. The task's
/// counts are combined in memory within half the budget and written out sorted when full (any number of times:
/// Hadoop sorts and sums map output anyway) and at <see cref="Complete"/>. Nothing is ever written for a file that
/// did not succeed, so a task that exits 0 never holds partial counts; one that fails (too many failed files, an
/// output error) exits non-zero, and Hadoop discards a failed attempt's output.
/// </remarks>
public sealed class StreamMapTask : IDisposable
{
    private readonly ICountingJob _job;
    private readonly StreamMapTaskOptions _options;
    private readonly IKeyCountWriter _output;
    private readonly IMapInputReader _inputReader;
    private readonly Action<string> _log;
    private readonly List<FailedFile> _failedFiles = [];
    private KeyCountTable _committed;
    private KeyCountTable _pending;
    private string? _scratch;
    private long _bytesRead;
    private long _filesOk;
    private long _filesFailed;
    private long _outputLines;
    private string _currentSource = "";

    /// <summary>
    /// Creates a task of <paramref name="job"/> writing to <paramref name="output"/> (which it completes but does not
    /// dispose). <paramref name="log"/> receives warnings and failures as stderr lines; <paramref name="inputReader"/>
    /// defaults to <see cref="ArchiveMapInputReader"/>.
    /// </summary>
    public StreamMapTask(ICountingJob job, StreamMapTaskOptions options, IKeyCountWriter output, Action<string> log, IMapInputReader? inputReader = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        _job = job;
        _options = options;
        _output = output;
        _log = log;
        _inputReader = inputReader ?? ArchiveMapInputReader.Instance;
        _committed = new KeyCountTable(options.MemoryBytes / 2);
        _pending = new KeyCountTable(options.MemoryBytes / 2);
        foreach (var name in new[] { RuntimeCounters.FilesOk, RuntimeCounters.FilesFailed, RuntimeCounters.BytesRead, RuntimeCounters.BytesUncompressed })
        {
            _ = Counters[name];
        }
    }

    /// <summary>The counters of the files that succeeded, plus <c>files.failed</c> (as the local runner keeps them).</summary>
    public Counters Counters { get; } = new();

    /// <summary>The files that failed, in the order they failed.</summary>
    public IReadOnlyList<FailedFile> FailedFiles => _failedFiles;

    /// <summary>True once more files failed than <see cref="StreamMapTaskOptions.MaxFailedFiles"/> allows: the task has failed.</summary>
    public bool TooManyFailures => _options.MaxFailedFiles is { } max && _failedFiles.Count > max;

    /// <summary>Times the task's counts were written out early because memory was full.</summary>
    public int EarlyFlushes { get; private set; }

    /// <summary>Times a file's pending counts spilled to disk.</summary>
    public int Spills { get; private set; }

    /// <summary>Raw input bytes read so far, the current file included (thread-safe, for status lines).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Files that succeeded so far (thread-safe).</summary>
    public long FilesOk => Interlocked.Read(ref _filesOk);

    /// <summary>Files that failed so far (thread-safe).</summary>
    public long FilesFailed => Interlocked.Read(ref _filesFailed);

    /// <summary>Lines written so far (thread-safe).</summary>
    public long OutputLines => Interlocked.Read(ref _outputLines);

    /// <summary>The file being read, or empty (thread-safe).</summary>
    public string CurrentSource => Volatile.Read(ref _currentSource);

    /// <summary>
    /// Maps one file, retrying failures that may be transient up to <see cref="StreamMapTaskOptions.MaxAttempts"/>
    /// times. Returns false when the file failed (it is counted and logged; check <see cref="TooManyFailures"/>).
    /// Errors writing the task's output propagate: the task has failed.
    /// </summary>
    public bool MapFile(IInputFile file, WarcReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        for (var attempt = 1; ; attempt++)
        {
            var error = RunAttempt(file.OpenRead, file.Location, readerOptions);
            if (error == null)
            {
                return true;
            }

            var dataError = IsDataError(error);
            if (dataError || attempt >= _options.MaxAttempts)
            {
                var message = dataError
                    ? error.Message
                    : $"{error.GetType().Name}: {error.Message} (gave up after {attempt} attempt{(attempt == 1 ? "" : "s")})";
                Fail(file.Location, message, attempt, dataError);
                return false;
            }

            _log($"retrying {file.Location} after attempt {attempt} failed: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>
    /// Maps one stream that cannot be read again (stdin): a single attempt. Returns false when it failed (counted and
    /// logged). Errors writing the task's output propagate.
    /// </summary>
    public bool MapStream(Stream raw, string source, WarcReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(source);
        var error = RunAttempt(() => raw, source, readerOptions);
        if (error == null)
        {
            return true;
        }

        var dataError = IsDataError(error);
        Fail(source, dataError ? error.Message : $"{error.GetType().Name}: {error.Message}", 1, dataError);
        return false;
    }

    /// <summary>Records an input that failed before it could be read (a bad location line, a refused stream).</summary>
    public void Fail(string source, string message, int attempts = 1, bool isDataError = true)
    {
        _failedFiles.Add(new FailedFile(source, message, attempts, isDataError));
        Counters.Add(RuntimeCounters.FilesFailed, 1);
        Interlocked.Increment(ref _filesFailed);
        _log($"failed: {source}: {message}");
    }

    /// <summary>Writes the counts still in memory and completes the output. Call once, after the last file, on success only.</summary>
    public void Complete()
    {
        FlushCommitted();
        _output.Complete();
    }

    /// <summary>Releases memory and deletes the task's scratch directory.</summary>
    public void Dispose()
    {
        _committed.Dispose();
        _pending.Dispose();
        if (_scratch != null)
        {
            try
            {
                Directory.Delete(_scratch, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: Hadoop deletes the task's working area anyway.
            }
        }
    }

    /// <summary>Damaged or non-archive input fails the same way every time, so it is not retried (as in the local runner).</summary>
    private static bool IsDataError(Exception error) => error is WarcFormatException or InvalidDataException;

    /// <summary>One attempt at one input; commits on success. Returns the failure, or null.</summary>
    private Exception? RunAttempt(Func<Stream> open, string source, WarcReaderOptions? readerOptions)
    {
        Volatile.Write(ref _currentSource, source);
        var counters = new Counters();
        var warned = 0;
        CountingStream? raw = null;
        using var pending = new PendingFileOutput(_pending, ScratchDirectory);
        try
        {
            var mapper = _job.CreateMapper(counters);
            raw = new CountingStream(open(), AddBytes, CancellationToken.None);
            long uncompressed;
            using (raw)
            {
                uncompressed = _inputReader.Read(new MapInput(
                    raw,
                    source,
                    _job,
                    mapper,
                    pending,
                    counters,
                    readerOptions ?? _options.EffectiveReaderOptions,
                    warning =>
                    {
                        counters.Add(RuntimeCounters.WarningsPrefix + warning.Kind, 1);
                        if (warned++ < _options.WarningsPerFile)
                        {
                            _log("warning: " + warning);
                        }
                    }));
            }

            counters.Add(RuntimeCounters.BytesRead, raw.BytesRead);
            counters.Add(RuntimeCounters.BytesUncompressed, uncompressed);
            counters.Add(RuntimeCounters.FilesOk, 1);
        }
        catch (Exception ex)
        {
            AddBytes(-(raw?.BytesRead ?? 0));
            _pending.Clear();
            return ex;
        }
        finally
        {
            Volatile.Write(ref _currentSource, "");
        }

        if (warned > _options.WarningsPerFile)
        {
            _log($"{source}: {warned} warnings in all ({warned - _options.WarningsPerFile} not shown); see the warnings.* counters");
        }

        Commit(pending, counters);
        return null;
    }

    /// <summary>Folds a finished file into the task: its counts into the committed table, its counters into the task's.</summary>
    private void Commit(PendingFileOutput pending, Counters counters)
    {
        Spills += pending.Spills;
        if (_committed.Count == 0 && !pending.HasSpill)
        {
            // The usual case of one file per task: the file's table becomes the task's, nothing is copied.
            (_committed, _pending) = (_pending, _committed);
        }
        else
        {
            foreach (var entry in _pending.EnumerateSorted(1))
            {
                AddCommitted(entry.Key, entry.Count);
            }

            _pending.Clear();
            if (pending.HasSpill)
            {
                using var run = pending.OpenSpill();
                while (run.TryRead(out var key, out var count, out var result))
                {
                    System.Diagnostics.Debug.Assert(result == Text.KeyValueParseResult.Ok, "the task wrote this run itself");
                    AddCommitted(key, count);
                }
            }
        }

        Counters.Add(counters);
        Interlocked.Increment(ref _filesOk);
    }

    private void AddCommitted(ReadOnlySpan<byte> key, long count)
    {
        if (!_committed.TryAdd(key, count))
        {
            EarlyFlushes++;
            FlushCommitted();
            _committed.Add(key, count);
        }
    }

    private void FlushCommitted()
    {
        long lines = 0;
        foreach (var entry in _committed.EnumerateSorted(1))
        {
            _output.Write(entry.Key, entry.Count);
            lines++;
        }

        _committed.Clear();
        Interlocked.Add(ref _outputLines, lines);
    }

    private void AddBytes(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    private string ScratchDirectory()
    {
        if (_scratch == null)
        {
            var root = _options.TempDirectory ?? Path.GetTempPath();
            _scratch = Path.Combine(root, $"bigdata-stream-map-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_scratch);
        }

        return _scratch;
    }
}
