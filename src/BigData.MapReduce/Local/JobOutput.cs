using BigData.Storage.Outputs;

namespace BigData.MapReduce.Local;

/// <summary>Where a job's result goes: committed part files, or one sorted stream (stdout). Nothing else.</summary>
public abstract record JobOutput
{
    private JobOutput()
    {
    }

    /// <summary>One <c>part-NNNNN</c> per reducer plus <c>_counters.json</c>, committed atomically.</summary>
    public static JobOutput ToDirectory(IOutputCommitter committer, IOutputFormat format) => new PartFiles(committer, format);

    /// <summary>
    /// Every partition merged into one globally sorted stream (partitions hold disjoint keys), for <c>--output -</c>.
    /// No commit and no side files; the stream is flushed, not closed. Written only after every map task succeeded.
    /// </summary>
    public static JobOutput ToStream(Stream destination, IOutputFormat format) => new SortedStream(destination, format);

    /// <summary>Sorted TSV on the process's standard output.</summary>
    public static JobOutput ToStandardOutput() => ToStream(Console.OpenStandardOutput(), TsvOutputFormat.Instance);

    /// <summary>Part files through a committer.</summary>
    public sealed record PartFiles : JobOutput
    {
        internal PartFiles(IOutputCommitter committer, IOutputFormat format)
        {
            ArgumentNullException.ThrowIfNull(committer);
            ArgumentNullException.ThrowIfNull(format);
            Committer = committer;
            Format = format;
        }

        /// <summary>The committer (the caller disposes it; a failed job leaves it uncommitted).</summary>
        public IOutputCommitter Committer { get; }

        /// <summary>The part format.</summary>
        public IOutputFormat Format { get; }
    }

    /// <summary>One sorted stream.</summary>
    public sealed record SortedStream : JobOutput
    {
        internal SortedStream(Stream destination, IOutputFormat format)
        {
            ArgumentNullException.ThrowIfNull(destination);
            ArgumentNullException.ThrowIfNull(format);
            Destination = destination;
            Format = format;
        }

        /// <summary>The stream (the caller owns it).</summary>
        public Stream Destination { get; }

        /// <summary>The format.</summary>
        public IOutputFormat Format { get; }
    }
}
