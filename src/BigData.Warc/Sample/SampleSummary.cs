namespace BigData.Warc.Sample;

/// <summary>What <see cref="SampleArchiveGenerator.Write"/> wrote.</summary>
/// <param name="Pages">Captured pages (each a request, a response and a metadata record).</param>
/// <param name="Records">WARC records, one gzip member each: <c>3 × Pages + 1</c>.</param>
/// <param name="UncompressedBytes">Bytes of the WARC content before compression.</param>
/// <param name="CompressedBytes">Bytes written to the output stream.</param>
public sealed record SampleSummary(int Pages, long Records, long UncompressedBytes, long CompressedBytes);
