using BigData.Warc.Sample;

namespace BigData.Warc.Tests.SampleGeneration;

/// <summary>A generated sample with its summary, decompressed bytes and records.</summary>
internal sealed class GeneratedSample
{
    private GeneratedSample(SampleOptions options)
    {
        var output = new MemoryStream();
        Summary = SampleArchiveGenerator.Write(output, options);
        Compressed = output.ToArray();
        Uncompressed = SampleArchiveParser.Decompress(Compressed);
        Records = SampleArchiveParser.ParseRecords(Uncompressed);
    }

    public SampleSummary Summary { get; }

    public byte[] Compressed { get; }

    public byte[] Uncompressed { get; }

    public List<ParsedRecord> Records { get; }

    public IEnumerable<ParsedRecord> Responses => Records.Where(r => r.Type == "response");

    /// <summary>The default-sized test sample (200 pages, 200 hosts, seed 1), generated once per test run.</summary>
    public static GeneratedSample Default => DefaultLazy.Value;

    private static readonly Lazy<GeneratedSample> DefaultLazy = new(() => Create(new SampleOptions { Pages = 200, Hosts = 200, Seed = 1 }));

    public static GeneratedSample Create(SampleOptions options) => new(options);
}
