using System.Text;
using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.Outputs;

/// <summary>One output row as the reducer hands it over: key bytes (not necessarily UTF-8) and a count.</summary>
public sealed record KeyCount(byte[] Key, long Count)
{
    /// <summary>
    /// The key a text reader must see: the bytes decoded with invalid sequences replaced by U+FFFD, which is what
    /// .NET's own decoder does (the oracle here is <see cref="Encoding.UTF8"/>, not the code under test).
    /// </summary>
    public string Text => Encoding.UTF8.GetString(Key);

    public static KeyCount Of(string key, long count) => new(Encoding.UTF8.GetBytes(key), count);
}

/// <summary>A named set of rows written in every output format, with the Parquet layout used for it.</summary>
public sealed class OutputScenario
{
    /// <summary>Tiny Parquet limits, so a few thousand rows span several row groups of several pages.</summary>
    public static readonly ParquetWriterOptions TinyParquet = new() { RowGroupBytes = 16 * 1024, PageBytes = 1024 };

    private OutputScenario(string name, IEnumerable<KeyCount> rows, ParquetWriterOptions parquet)
    {
        Name = name;

        // Writers get keys in ascending ordinal byte order, as the reducer produces them.
        Rows = rows.OrderBy(r => r.Key, ByteOrder.Instance).ToArray();
        Parquet = parquet;
    }

    public string Name { get; }

    /// <summary>Rows in write order (ascending key bytes).</summary>
    public IReadOnlyList<KeyCount> Rows { get; }

    public ParquetWriterOptions Parquet { get; }

    public static OutputScenario Ordinary { get; } = new(
        "ordinary",
        [
            KeyCount.Of("http://example.com", 3),
            KeyCount.Of("https://example.org", 1),
            KeyCount.Of("http://a.b:8080", 7),
            KeyCount.Of("https://[2001:db8::1]", 2),
            KeyCount.Of("http://www.commoncrawl.org", 12345),
            KeyCount.Of("ftp://files.example", 5),
        ],
        ParquetWriterOptions.Default);

    /// <summary>Keys that need quoting or escaping in CSV and JSON.</summary>
    public static OutputScenario Special { get; } = new(
        "special",
        [
            KeyCount.Of("a,b", 1),
            KeyCount.Of("quote\"inside", 2),
            KeyCount.Of("\"", 3),
            KeyCount.Of("\"\"", 4),
            KeyCount.Of("with space", 5),
            KeyCount.Of(" leading", 6),
            KeyCount.Of("trailing ", 7),
            KeyCount.Of("cr\rinside", 8),
            KeyCount.Of("lf\ninside", 9),
            KeyCount.Of("crlf\r\ninside", 10),
            KeyCount.Of("tab\tinside", 11),
            KeyCount.Of("back\\slash", 12),
            KeyCount.Of("{\"json\":1}", 13),
            KeyCount.Of("'single'", 14),
            KeyCount.Of("-minus", 15),
            KeyCount.Of("=formula", 16),
            KeyCount.Of("#hash", 17),
            KeyCount.Of("", 18),
            KeyCount.Of("ctl\u0001\u001f\u007f", 19),
        ],
        TinyParquet);

    /// <summary>
    /// Non-ASCII UTF-8 of 2, 3 and 4 bytes. In byte order the emoji key (F0 ..) is the largest; in UTF-16 order
    /// (.NET's ordinal string compare) the fullwidth A (U+FF21) would be, since the emoji is a surrogate pair D83D ...
    /// </summary>
    public static OutputScenario Unicode { get; } = new(
        "unicode",
        [
            KeyCount.Of("http://bücher.example", 1),
            KeyCount.Of("http://ñ.example", 2),
            KeyCount.Of("http://例え.jp", 3),
            KeyCount.Of("http://\uE000.example", 4),
            KeyCount.Of("http://\uFF21.example", 5),
            KeyCount.Of("http://😀.example", 6),
            KeyCount.Of("http://zz.example", 7),
        ],
        TinyParquet);

    public static OutputScenario Empty { get; } = new("empty", [], TinyParquet);

    /// <summary>Thousands of rows: several row groups and several pages per column chunk with the tiny limits.</summary>
    public static OutputScenario Many { get; } = new(
        "many",
        Enumerable.Range(0, 4000).Select(i => KeyCount.Of(
            $"http://host-{i:D5}.example{new string('x', i % 23)}.com", (i * 7919L % 1000) + 1)),
        TinyParquet);

    /// <summary>Counts beyond int and beyond a double's exact integers.</summary>
    public static OutputScenario LargeCounts { get; } = new(
        "large-counts",
        [
            KeyCount.Of("http://a.example", int.MaxValue),
            KeyCount.Of("http://b.example", 1L << 31),
            KeyCount.Of("http://c.example", (1L << 32) + 5),
            KeyCount.Of("http://d.example", (1L << 53) + 1),
            KeyCount.Of("http://e.example", long.MaxValue),
            KeyCount.Of("http://f.example", 1),
        ],
        TinyParquet);

    /// <summary>
    /// Keys that are not valid UTF-8. Repairing them reorders the text: <c>a\xFF</c> sorts after <c>a😀</c> as bytes
    /// but its repair <c>a\uFFFD</c> (EF BF BD) sorts before it, so Parquet statistics cannot be first and last key.
    /// </summary>
    public static OutputScenario InvalidUtf8 { get; } = new(
        "invalid-utf8",
        [
            new KeyCount("a😀"u8.ToArray(), 1),
            new KeyCount([(byte)'a', 0xFF], 2),
            new KeyCount([(byte)'b', 0xC0, 0x80], 3),
            new KeyCount([(byte)'c', 0xE2, 0x82], 4),
            new KeyCount([(byte)'c', 0xED, 0xA0, 0x80, (byte)'z'], 5), // an encoded surrogate
            new KeyCount("d.example"u8.ToArray(), 6),
        ],
        TinyParquet);

    /// <summary>A key longer than the statistics limit, larger than a page too.</summary>
    public static OutputScenario LongKey { get; } = new(
        "long-key",
        [
            KeyCount.Of("a", 1),
            KeyCount.Of("b", 2),
            KeyCount.Of("z" + new string('x', 10_000), 3),
        ],
        TinyParquet);

    public static IReadOnlyList<OutputScenario> All { get; } =
        [Ordinary, Special, Unicode, Empty, Many, LargeCounts, InvalidUtf8, LongKey];

    public static OutputScenario Named(string name) => All.Single(s => s.Name == name);

    public override string ToString() => Name;
}

/// <summary>Ordinal byte order, the job's key order (and Parquet's for STRING).</summary>
public sealed class ByteOrder : IComparer<byte[]>, IComparer<string>
{
    public static readonly ByteOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);

    public int Compare(string? x, string? y) => Compare(Encoding.UTF8.GetBytes(x ?? ""), Encoding.UTF8.GetBytes(y ?? ""));
}
