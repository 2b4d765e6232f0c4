using BigData.MapReduce.Jobs;
using BigData.MapReduce.Mapping;
using BigData.Storage.Inputs;

namespace BigData.MapReduce.Local;

/// <summary>
/// Runs a counting job on this machine, the way Hadoop would, on every core: map tasks (one per input file, largest
/// first, pulled by worker threads from a shared queue) combine their output in memory within a budget and spill
/// sorted runs per partition; failed attempts are retried or discarded whole; reducers merge each partition's
/// runs into a <c>part-NNNNN</c>; the output is committed atomically with <c>_counters.json</c>. The output bytes
/// do not depend on the number of workers or the memory budget, and the partitioning matches Hadoop's.
/// </summary>
public sealed class LocalJobRunner
{
    private readonly IMapInputReader _inputReader;

    /// <summary>
    /// Creates a runner with <paramref name="options"/> (default <see cref="LocalRunnerOptions.Default"/>) that turns
    /// input files into map calls with <paramref name="inputReader"/> (default <see cref="ArchiveMapInputReader"/>).
    /// </summary>
    public LocalJobRunner(LocalRunnerOptions? options = null, IMapInputReader? inputReader = null)
    {
        Options = options ?? LocalRunnerOptions.Default;
        Options.Validate();
        _inputReader = inputReader ?? ArchiveMapInputReader.Instance;
    }

    /// <summary>The options.</summary>
    public LocalRunnerOptions Options { get; }

    /// <summary>
    /// Runs <paramref name="job"/> over <paramref name="inputs"/> into <paramref name="output"/>, reporting to
    /// <paramref name="progress"/> when given. Throws <see cref="JobFailedException"/> when more files failed than
    /// allowed or all of them did; then nothing is committed (a directory output is left for its owner to dispose).
    /// </summary>
    public LocalJobResult Run(
        ICountingJob job,
        IReadOnlyList<IInputFile> inputs,
        JobOutput output,
        JobProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("the job has no input files", nameof(inputs));
        }

        using var run = new JobRun(job, inputs, output, Options, _inputReader, progress ?? new JobProgress(), cancellationToken);
        return run.Execute();
    }
}
