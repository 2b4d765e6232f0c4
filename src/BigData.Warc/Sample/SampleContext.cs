namespace BigData.Warc.Sample;

/// <summary>Everything shared read-only by the page writers of one sample: options, hosts, warcinfo identity.</summary>
internal sealed class SampleContext
{
    /// <summary>Capture times start here; pages are about half a second apart.</summary>
    public static readonly DateTime StartTime = new(2024, 4, 12, 10, 0, 0, DateTimeKind.Utc);

    public const ulong WarcinfoStream = 2;
    public const ulong PageStream = 3;

    public SampleContext(SampleOptions options)
    {
        options.Validate();
        Options = options;
        Seed = (ulong)options.Seed;
        Hosts = SampleHostTable.Create(options);
        var random = new SampleRandom(SampleRandom.StreamSeed(Seed, WarcinfoStream, 0));
        WarcinfoId = new byte[SamplePageWriter.UuidLength];
        SamplePageWriter.FormatUuid(random, WarcinfoId);
    }

    public SampleOptions Options { get; }

    public ulong Seed { get; }

    public SampleHostTable Hosts { get; }

    /// <summary>The warcinfo record's UUID (36 characters), referenced by every other record.</summary>
    public byte[] WarcinfoId { get; }
}
