namespace BigData.MapReduce.Streaming;

/// <summary>What one streaming combine or reduce task did.</summary>
/// <param name="InputLines">Lines read from stdin.</param>
/// <param name="OutputLines">Lines written (one per key, or more when a sum overflowed).</param>
/// <param name="MalformedLines">Lines that could not be summed (counted per kind in the counters).</param>
/// <param name="OutOfOrderKeys">Keys that came after a larger key.</param>
/// <param name="Failure">Why the task failed (a reducer with unsorted input), or null when it succeeded.</param>
public sealed record StreamReduceResult(long InputLines, long OutputLines, long MalformedLines, long OutOfOrderKeys, string? Failure)
{
    /// <summary>True when the task's output is complete and right.</summary>
    public bool Succeeded => Failure is null;
}
