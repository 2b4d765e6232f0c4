using BigData.MapReduce.Aggregation;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Local;

/// <summary>
/// Passes output pairs on to the format's writer while counting lines, summing counts (checked) and keeping the
/// top keys, so the summary costs no second pass over the output.
/// </summary>
internal sealed class OutputStatistics(IKeyCountWriter inner, int topKeyCount) : IKeyCountWriter
{
    /// <summary>Lines written.</summary>
    public long Records { get; private set; }

    /// <summary>Sum of the counts written.</summary>
    public long CountSum { get; private set; }

    /// <summary>The largest keys written.</summary>
    public TopKeys Top { get; } = new(topKeyCount);

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        inner.Write(key, count);
        Records++;
        CountSum = CountArithmetic.Add(CountSum, count, "(sum of all output counts)"u8);
        Top.Offer(key, count);
    }

    /// <inheritdoc />
    public void Complete() => inner.Complete();

    /// <summary>The inner writer is disposed by its owner.</summary>
    public void Dispose()
    {
    }
}
