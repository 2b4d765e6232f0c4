using System.Diagnostics;
using BigData.MapReduce.Jobs;
using BigData.MapReduce.Mapping;
using BigData.Storage.Inputs;
using BigData.Warc;

namespace BigData.MapReduce.Local;

/// <summary>The state of one <see cref="LocalJobRunner.Run"/>: map phase, reduce phase, commit, scratch cleanup.</summary>
internal sealed partial class JobRun : IDisposable
{
    private readonly ICountingJob _job;
    private readonly JobOutput _output;
    private readonly LocalRunnerOptions _options;
    private readonly IMapInputReader _inputReader;
    private readonly JobProgress _progress;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenSource _stop;
    private readonly MapTask[] _tasks;
    private readonly int _partitions;
    private readonly string _scratch;

    /// <summary>Guards everything the workers share: counters, runs, failures, warnings, statistics.</summary>
    private readonly object _gate = new();
    private readonly Counters _counters = new();
    private readonly List<string>[] _runsByPartition;
    private readonly List<FailedFile> _failures = [];
    private readonly List<WarcWarning> _warnings = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public JobRun(
        ICountingJob job,
        IReadOnlyList<IInputFile> inputs,
        JobOutput output,
        LocalRunnerOptions options,
        IMapInputReader inputReader,
        JobProgress progress,
        CancellationToken cancellation)
    {
        _job = job;
        _output = output;
        _options = options;
        _inputReader = inputReader;
        _progress = progress;
        _cancellation = cancellation;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _partitions = options.EffectiveReducers;
        _runsByPartition = Enumerable.Range(0, _partitions).Select(_ => new List<string>()).ToArray();

        // Largest first, so the long tasks start early and the short ones fill the gaps at the end. A size that is
        // not known could be anything: those go first.
        _tasks = inputs
            .Select((file, index) => new MapTask(index, file, LengthOrNull(file)))
            .OrderByDescending(t => t.Length ?? long.MaxValue)
            .ThenBy(t => t.Index)
            .ToArray();

        var root = options.TempDirectory ?? Path.GetTempPath();
        _scratch = Path.Combine(root, $"bigdata-{SafeName(job.Name)}-{Guid.NewGuid():N}");
        foreach (var name in new[] { RuntimeCounters.FilesOk, RuntimeCounters.FilesFailed, RuntimeCounters.BytesRead, RuntimeCounters.BytesUncompressed })
        {
            _ = _counters[name];
        }
    }

    public LocalJobResult Execute()
    {
        try
        {
            Directory.CreateDirectory(_scratch);
            var map = RunMapPhase();
            var reduce = _output switch
            {
                JobOutput.PartFiles parts => ReduceToParts(parts),
                JobOutput.SortedStream stream => ReduceToStream(stream),
                _ => throw new NotSupportedException(_output.GetType().Name),
            };

            foreach (var (name, value) in _options.ExternalCounters?.Invoke() ?? [])
            {
                _counters.Add(name, value);
            }

            var result = new LocalJobResult
            {
                JobName = _job.Name,
                Counters = _counters.Snapshot(),
                Elapsed = _clock.Elapsed,
                MapTaskTime = map.TaskTime,
                ReduceTaskTime = reduce.TaskTime,
                TasksPerWorker = map.TasksPerWorker,
                FailedAttempts = map.FailedAttempts,
                Spills = map.Spills,
                Reducers = _partitions,
                TopKeys = reduce.Top.Items.ToList(),
                FailedFiles = SortedFailures(),
                Warnings = _warnings.OrderBy(w => w.Source, StringComparer.Ordinal).ThenBy(w => w.Offset).ToList(),
                OutputRecords = reduce.Records,
                OutputCountSum = reduce.CountSum,
                OutputLocation = (_output as JobOutput.PartFiles)?.Committer.Location,
            };

            if (_output is JobOutput.PartFiles committed)
            {
                _progress.SetPhase(JobPhase.Commit);
                committed.Committer.WriteSideFile(
                    CountersJson.FileName, CountersJson.Render(result, _options, _tasks.Length, committed.Format.Name));
                committed.Committer.Commit();
            }

            _progress.SetPhase(JobPhase.Done);
            return result;
        }
        catch
        {
            _progress.SetPhase(JobPhase.Failed);
            throw;
        }
    }

    /// <summary>Deletes the scratch directory, whatever happened.</summary>
    public void Dispose()
    {
        _stop.Dispose();
        try
        {
            if (Directory.Exists(_scratch))
            {
                Directory.Delete(_scratch, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the job's outcome matters more than a leftover temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A file that cannot even be sized (gone, forbidden) fails later in its own task, not here.</summary>
    private static long? LengthOrNull(IInputFile file)
    {
        try
        {
            return file.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "job" : new string(chars);
    }

    private List<FailedFile> SortedFailures()
    {
        lock (_gate)
        {
            return _failures.OrderBy(f => f.Location, StringComparer.Ordinal).ToList();
        }
    }
}
