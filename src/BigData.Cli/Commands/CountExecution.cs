using BigData.Cli.Terminal;
using BigData.MapReduce.Local;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;
using BigData.Storage.S3;
using BigData.Warc;
using WarcUriCount;

namespace BigData.Cli.Commands;

/// <summary>Runs a parsed <c>bigdata count</c>: resolve inputs, open the output, run the local runner, report.</summary>
public static class CountExecution
{
    /// <summary>Runs <paramref name="request"/>; returns the exit code.</summary>
    public static int Run(CountRequest request, CliConsole io)
    {
        if (request.Inputs.Count == 0 && request.Storage.Manifests.Count == 0)
        {
            throw new UsageException("no input: give WARC files, directories or globs, or --manifest FILE (try data/sample)");
        }

        if (request.ToStdout && (request.Storage.Format != "tsv" || request.Storage.Compress != "none"))
        {
            throw new UsageException("--output - writes sorted TSV to stdout; --format and --compress need an output directory");
        }

        var job = new WarcUriCountJob(request.Job);
        using var resolver = new InputResolver(InputOptionsFrom(request.Storage));
        var files = Resolve(resolver, request);
        var format = OutputFormats.Create(request.Storage.Format, request.Storage.Compress);
        using var committer = request.ToStdout ? null : OpenCommitter(request, resolver);
        var output = committer is null ? JobOutput.ToStream(io.Data, TsvOutputFormat.Instance) : JobOutput.ToDirectory(committer, format);

        var options = new LocalRunnerOptions
        {
            Workers = request.Workers,
            Reducers = request.Reducers,
            MemoryBytes = request.MemoryBytes,
            MaxAttempts = request.MaxAttempts,
            MaxFailedFiles = request.MaxFailedFiles,
            Strict = request.Strict,
            ExternalCounters = resolver.Statistics.ToCounters,
        };
        var progress = new JobProgress();
        var summaryWriter = request.ToStdout ? io.Error : io.Out;
        try
        {
            var result = ProgressView.Run(io, () => Snapshot(progress), () => new LocalJobRunner(options).Run(job, files, output, progress));
            io.Data.Flush();
            ReportProblems(io.Error, result.Warnings, result.FailedFiles);
            SummaryView.Write(summaryWriter, ToSummary(result, options, committer?.Location ?? "stdout"));
            return ExitCodes.Ok;
        }
        catch (JobFailedException e)
        {
            ReportProblems(io.Error, [], e.FailedFiles);
            io.Error.WriteLine($"bigdata count: job failed: {e.Message}. No output was committed.");
            return ExitCodes.JobFailed;
        }
    }

    private static IReadOnlyList<IInputFile> Resolve(InputResolver resolver, CountRequest request)
    {
        try
        {
            var files = resolver.Resolve(request.Inputs, request.Storage.Manifests);
            return files.Count > 0 ? files : throw new UsageException("the inputs name no files");
        }
        catch (InputException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static IOutputCommitter OpenCommitter(CountRequest request, InputResolver resolver)
    {
        // The default directory belongs to the runner and is replaced every run; one the user names is only
        // replaced when asked.
        var location = request.Output ?? CountCommand.DefaultOutput;
        var overwrite = request.Overwrite || request.Output is null;
        try
        {
            return S3Path.HasScheme(location)
                ? new S3OutputCommitter(location, resolver.Context, overwrite)
                : new LocalDirectoryCommitter(location, overwrite);
        }
        catch (IOException e)
        {
            throw new UsageException(e.Message + "; pass --overwrite to replace it");
        }
    }

    private static InputOptions InputOptionsFrom(StorageSettings s)
    {
        var options = new InputOptions
        {
            InputBaseUrl = s.InputBaseUrl,
            Limit = s.Limit,
            SampleFraction = s.SampleFraction,
            Seed = s.SampleSeed,
            S3 = new S3Options { Region = s.S3Region, Endpoint = s.S3Endpoint, Anonymous = s.S3Anonymous },
        };
        if (s.IoTimeout is { } timeout)
        {
            options = options with { ConnectTimeout = timeout, ResponseTimeout = timeout, ReadTimeout = timeout };
        }

        return s.IoRetries is { } retries ? options with { MaxRetries = retries } : options;
    }

    private static ProgressSnapshot Snapshot(JobProgress p) => p.Phase == JobPhase.Reduce
        ? new ProgressSnapshot("reduce", p.ReduceTasksDone, p.ReduceTasksTotal, p.ReduceTasksDone, p.ReduceTasksTotal)
        : new ProgressSnapshot(p.Phase.ToString().ToLowerInvariant(), p.BytesDone, p.BytesTotal, p.MapTasksDone, p.MapTasksTotal);

    /// <summary>Warnings and failures go to stderr as they would in a log, whatever the output is.</summary>
    private static void ReportProblems(TextWriter error, IReadOnlyList<WarcWarning> warnings, IReadOnlyList<FailedFile> failed)
    {
        foreach (var w in warnings)
        {
            error.WriteLine("warning: " + w);
        }

        foreach (var f in failed)
        {
            error.WriteLine($"failed: {f.Location}: {f.Message}");
        }
    }

    private static CountSummary ToSummary(LocalJobResult r, LocalRunnerOptions options, string location) => new()
    {
        OutputLocation = location,
        Elapsed = r.Elapsed,
        TaskTime = r.TaskTime,
        Workers = options.Workers,
        TasksPerWorker = r.TasksPerWorker,
        Counters = r.Counters,
        TopKeys = r.TopKeys.Select(k => new KeyValuePair<byte[], long>(k.Key, k.Count)).ToList(),
        FailedFiles = r.FailedFiles.Select(f => (f.Location, f.Message)).ToList(),
        WarningSamples = r.Warnings.Take(10).Select(w => w.ToString()).ToList(),
    };
}
