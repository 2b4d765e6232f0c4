namespace BigData.MapReduce.Mapping;

/// <summary>
/// How one input file becomes map calls: decode the raw bytes, split them into records or lines, call the mapper
/// for each. The runner owns everything around it (opening, counting raw bytes, retries, counters, spilling).
/// <see cref="ArchiveMapInputReader"/> is the real one; tests substitute simpler readers.
/// </summary>
public interface IMapInputReader
{
    /// <summary>
    /// Feeds the whole of <see cref="MapInput.Raw"/> to <see cref="MapInput.Mapper"/> and returns how many bytes of
    /// the uncompressed stream were consumed (the <c>bytes.uncompressed</c> counter). Throws
    /// <see cref="BigData.Warc.WarcFormatException"/> for damaged or non-archive input (not retried) and anything else
    /// for failures that may be transient (retried).
    /// </summary>
    long Read(MapInput input);
}
