using System.Diagnostics;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Mapping;
using BigData.Warc;

namespace BigData.MapReduce.Local;

internal sealed partial class JobRun
{
    private int _nextTask;
    private int _failedAttempts;
    private int _spills;
    private long _mapTicks;
    private bool _tooManyFailures;

    /// <summary>Facts of the map phase for the result.</summary>
    private sealed record MapPhaseResult(TimeSpan TaskTime, IReadOnlyList<int> TasksPerWorker, int FailedAttempts, int Spills);

    /// <summary>
    /// Runs every map task on up to <see cref="LocalRunnerOptions.Workers"/> threads. Returns when all files have
    /// committed or failed; throws <see cref="JobFailedException"/> when too many (or all) failed.
    /// </summary>
    private MapPhaseResult RunMapPhase()
    {
        var workers = Math.Min(_options.Workers, _tasks.Length);
        var memoryPerWorker = Math.Max(1, _options.MemoryBytes / workers);
        var tasksPerWorker = new int[workers];
        _progress.StartMap(_tasks.Length, _tasks.Sum(t => t.Length ?? 0));
        WorkerThreads.Run(workers, "map", worker =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var next = Interlocked.Increment(ref _nextTask) - 1;
                if (next >= _tasks.Length)
                {
                    return;
                }

                tasksPerWorker[worker]++;
                try
                {
                    RunMapTask(_tasks[next], memoryPerWorker);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    // The job is stopping (cancelled, or too many failed files): the attempt was discarded.
                    return;
                }
            }
        }, _stop.Cancel);

        _cancellation.ThrowIfCancellationRequested();
        var failures = SortedFailures();
        if (_tooManyFailures)
        {
            throw new JobFailedException(
                $"{failures.Count} input files failed, more than the {_options.MaxFailedFiles} allowed; no output was written. "
                + $"First failure: {failures[0].Location}: {failures[0].Message}",
                failures,
                _counters.Snapshot());
        }

        if (failures.Count == _tasks.Length)
        {
            throw new JobFailedException(
                $"all {failures.Count} input files failed; no output was written. First failure: {failures[0].Location}: {failures[0].Message}",
                failures,
                _counters.Snapshot());
        }

        return new MapPhaseResult(TimeSpan.FromTicks(_mapTicks), tasksPerWorker, _failedAttempts, _spills);
    }

    /// <summary>Attempts one file until it commits, fails with a data error, or runs out of attempts.</summary>
    private void RunMapTask(MapTask task, long memoryBytes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var error = RunAttempt(task, attempt, memoryBytes);
            if (error == null)
            {
                _progress.MapTaskDone(failed: false);
                return;
            }

            Interlocked.Increment(ref _failedAttempts);
            var dataError = IsDataError(error);
            if (dataError || attempt >= _options.MaxAttempts)
            {
                FailFile(task, error, attempt, dataError);
                _progress.MapTaskDone(failed: true);
                return;
            }
        }
    }

    /// <summary>
    /// Damaged or non-archive input fails the same way every time, so it is not retried. Anything else (I/O, network,
    /// a bug in a mapper) might not recur.
    /// </summary>
    private static bool IsDataError(Exception error) => error is WarcFormatException or InvalidDataException;

    /// <summary>
    /// Runs one attempt in its own directory with its own counters. On success its runs, counters and warnings join
    /// the job under the lock (the commit); on failure all of it is thrown away and its bytes leave the progress.
    /// Returns the failure, or null. Cancellation of the job propagates.
    /// </summary>
    private Exception? RunAttempt(MapTask task, int attempt, long memoryBytes)
    {
        var directory = Path.Combine(_scratch, "map", $"task-{task.Index:D5}-attempt-{attempt}");
        var counters = new Counters();
        var warnings = new List<WarcWarning>();
        var clock = Stopwatch.StartNew();
        CountingStream? raw = null;
        try
        {
            MapAttemptOutput output;
            using (var aggregator = new SpillingAggregator(directory, _partitions, memoryBytes))
            {
                var mapper = _job.CreateMapper(counters);
                raw = new CountingStream(task.File.OpenRead(), _progress.AddBytes, _stop.Token);
                long uncompressed;
                using (raw)
                {
                    uncompressed = _inputReader.Read(new MapInput(
                        raw,
                        task.File.Location,
                        _job,
                        mapper,
                        aggregator,
                        counters,
                        _options.EffectiveReaderOptions,
                        warning => OnWarning(warning, counters, warnings)));
                }

                var runs = aggregator.Complete();
                counters.Add(RuntimeCounters.BytesRead, raw.BytesRead);
                counters.Add(RuntimeCounters.BytesUncompressed, uncompressed);
                counters.Add(RuntimeCounters.FilesOk, 1);
                output = new MapAttemptOutput(runs, counters, warnings, aggregator.SpillCount);
            }

            Commit(output);
            return null;
        }
        catch (Exception ex)
        {
            _progress.AddBytes(-(raw?.BytesRead ?? 0));
            TryDelete(directory);
            if (ex is OperationCanceledException && _stop.IsCancellationRequested)
            {
                throw;
            }

            return ex;
        }
        finally
        {
            Interlocked.Add(ref _mapTicks, clock.Elapsed.Ticks);
        }
    }

    private void OnWarning(WarcWarning warning, Counters counters, List<WarcWarning> kept)
    {
        counters.Add(RuntimeCounters.WarningsPrefix + warning.Kind, 1);
        if (kept.Count < _options.WarningsPerFile)
        {
            kept.Add(warning);
        }
    }

    /// <summary>Makes an attempt's output part of the job. Its runs are used by the reducers only from here on.</summary>
    private void Commit(MapAttemptOutput output)
    {
        lock (_gate)
        {
            foreach (var run in output.Runs)
            {
                _runsByPartition[run.Partition].Add(run.Path);
            }

            _counters.Add(output.Counters);
            _warnings.AddRange(output.Warnings);
            _spills += output.Spills;
        }
    }

    private void FailFile(MapTask task, Exception error, int attempts, bool dataError)
    {
        var message = dataError
            ? error.Message
            : $"{error.GetType().Name}: {error.Message} (gave up after {attempts} attempt{(attempts == 1 ? "" : "s")})";
        lock (_gate)
        {
            _failures.Add(new FailedFile(task.File.Location, message, attempts, dataError));
            _counters.Add(RuntimeCounters.FilesFailed, 1);
            if (_options.MaxFailedFiles is { } max && _failures.Count > max)
            {
                _tooManyFailures = true;
                _stop.Cancel();
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // The scratch directory is deleted as a whole at the end anyway; these runs are never referenced.
        }
    }
}
