using System.IO.Compression;

namespace BigData.Warc.Sample;

/// <summary>What <see cref="SampleArchiveGenerator"/> writes. Immutable; every default is stated.</summary>
public sealed record SampleOptions
{
    /// <summary>Default options: 1000 pages over 200 hosts, seed 1, optimal compression.</summary>
    public static SampleOptions Default { get; } = new();

    /// <summary>
    /// Default 1000: captured pages. Each page is three records (request, response, metadata), after one
    /// <c>warcinfo</c> record, so the file holds <c>3 × Pages + 1</c> records.
    /// </summary>
    public int Pages { get; init; } = 1000;

    /// <summary>
    /// Default 200: distinct origins (<c>scheme://host[:port]</c> after normalisation) pages are drawn from, with
    /// Zipf popularity (rank r has weight 1/r). Fewer may appear in a small sample: unpopular hosts are rarely drawn.
    /// </summary>
    public int Hosts { get; init; } = 200;

    /// <summary>
    /// Default 1: seeds every random choice. The same options give byte-identical uncompressed content on any machine
    /// (the compressed bytes depend on the zlib build).
    /// </summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Default <see cref="CompressionLevel.Optimal"/> (what Common Crawl's gzip level gives). <see cref="CompressionLevel.Fastest"/>
    /// writes large samples several times faster with a somewhat bigger file. Does not change the uncompressed content.
    /// </summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Optimal;

    /// <summary>
    /// Default 0, meaning <see cref="Environment.ProcessorCount"/>: threads that generate and compress pages. Pages are
    /// compressed in chunks and written in order, so the output does not depend on it.
    /// </summary>
    public int Parallelism { get; init; }

    /// <summary>
    /// Default 0: the index of the first page written. Files with the same seed and hosts but different first pages
    /// are disjoint slices of one crawl over one host population (how data/sample is split into files).
    /// </summary>
    public long FirstPage { get; init; }

    /// <summary>
    /// Default <c>null</c>, meaning <c>sample-seed&lt;Seed&gt;.warc.gz</c>: the name written into the warcinfo
    /// record's <c>WARC-Filename</c> field (the CLI passes the output file's name).
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>Checks the values, naming the bad one.</summary>
    public void Validate()
    {
        if (FirstPage < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstPage), FirstPage, "FirstPage must be 0 or more.");
        }

        if (Pages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Pages), Pages, "Pages must be 0 or more.");
        }

        if (Hosts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Hosts), Hosts, "Hosts must be at least 1.");
        }

        if (Parallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be 0 (all processors) or more.");
        }

        if (FileName is { } name && (name.Length == 0 || name.AsSpan().IndexOfAny('\r', '\n') >= 0 || name.Any(c => c >= 0x80)))
        {
            throw new ArgumentException("FileName must be non-empty ASCII on one line: " + name, nameof(FileName));
        }
    }

    internal int EffectiveParallelism => Parallelism == 0 ? Environment.ProcessorCount : Parallelism;

    internal string EffectiveFileName => FileName ?? $"sample-seed{Seed}.warc.gz";
}
