namespace BigData.MapReduce.Local;

/// <summary>The stage a running job is in.</summary>
public enum JobPhase
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>Reading inputs and aggregating.</summary>
    Map,

    /// <summary>Merging runs and writing the output.</summary>
    Reduce,

    /// <summary>Writing side files and committing.</summary>
    Commit,

    /// <summary>Finished successfully.</summary>
    Done,

    /// <summary>Failed or cancelled.</summary>
    Failed,
}

/// <summary>
/// Live progress of one run, updated by the runner's threads and safe to poll from any thread (for a progress
/// bar). Byte counts are raw input bytes; a failed attempt's bytes are taken back when it is discarded.
/// </summary>
public sealed class JobProgress
{
    private int _phase;
    private long _bytesDone;
    private long _bytesTotal;
    private int _mapTasksDone;
    private int _mapTasksTotal;
    private int _reduceTasksDone;
    private int _reduceTasksTotal;
    private int _filesFailed;

    /// <summary>The current phase.</summary>
    public JobPhase Phase => (JobPhase)Volatile.Read(ref _phase);

    /// <summary>Raw input bytes read by attempts that are running or committed.</summary>
    public long BytesDone => Interlocked.Read(ref _bytesDone);

    /// <summary>Sum of the input sizes known in advance (files of unknown size add nothing).</summary>
    public long BytesTotal => Interlocked.Read(ref _bytesTotal);

    /// <summary>Input files finished (committed or failed).</summary>
    public int MapTasksDone => Volatile.Read(ref _mapTasksDone);

    /// <summary>Input files.</summary>
    public int MapTasksTotal => Volatile.Read(ref _mapTasksTotal);

    /// <summary>Partitions written.</summary>
    public int ReduceTasksDone => Volatile.Read(ref _reduceTasksDone);

    /// <summary>Partitions to write.</summary>
    public int ReduceTasksTotal => Volatile.Read(ref _reduceTasksTotal);

    /// <summary>Input files that failed.</summary>
    public int FilesFailed => Volatile.Read(ref _filesFailed);

    internal void SetPhase(JobPhase phase) => Volatile.Write(ref _phase, (int)phase);

    internal void StartMap(int tasks, long bytes)
    {
        Volatile.Write(ref _mapTasksTotal, tasks);
        Interlocked.Exchange(ref _bytesTotal, bytes);
        SetPhase(JobPhase.Map);
    }

    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytesDone, bytes);

    internal void MapTaskDone(bool failed)
    {
        Interlocked.Increment(ref _mapTasksDone);
        if (failed)
        {
            Interlocked.Increment(ref _filesFailed);
        }
    }

    internal void StartReduce(int tasks)
    {
        Volatile.Write(ref _reduceTasksTotal, tasks);
        SetPhase(JobPhase.Reduce);
    }

    internal void ReduceTaskDone() => Interlocked.Increment(ref _reduceTasksDone);
}
