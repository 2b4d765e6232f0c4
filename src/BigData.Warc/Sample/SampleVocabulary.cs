using System.Text;

namespace BigData.Warc.Sample;

/// <summary>
/// A fixed vocabulary (common English words, then made-up words built from syllables) drawn with Zipf frequencies,
/// as in natural text: that is what gives the pages a realistic gzip ratio. The vocabulary does not depend on the
/// seed; a 64 Ki-entry lookup table makes each draw O(1).
/// </summary>
internal sealed class SampleVocabulary
{
    /// <summary>Number of words.</summary>
    public const int Size = 4096;

    private const int TableBits = 16;

    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "a", "in", "is", "for", "on", "that", "with", "as", "are", "by", "this", "be", "from",
        "at", "or", "it", "an", "was", "your", "you", "we", "our", "not", "can", "all", "more", "new", "will", "have",
        "has", "about", "page", "home", "search", "contact", "news", "data", "web", "free", "information", "time",
        "site", "use", "one", "which", "their", "they", "other", "been", "his", "her", "there", "when", "who", "also",
        "may", "these", "first", "any", "some", "would", "into", "out", "up", "only", "what", "year", "its", "most",
        "over", "service", "online", "products", "business", "people", "world", "help", "best", "policy", "city",
        "read", "view", "price", "history", "school", "shop", "day", "life", "music", "design", "system", "video",
        "health", "group", "research", "market", "state", "water", "local", "public", "travel", "book", "games",
        "family", "support", "project", "house", "sport", "energy", "member", "review", "quality", "report", "event",
        "center", "social", "account", "island", "garden", "morning", "science", "network", "language", "museum",
    ];

    private static readonly string[] Syllables =
    [
        "ba", "be", "bi", "bo", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fi", "ga", "go", "ha", "he",
        "hi", "ka", "ke", "ko", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa",
        "pe", "pi", "po", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve",
        "vi", "za", "an", "en", "in", "on", "er", "ar", "or", "st", "tr", "ch", "sh", "th", "nd", "ck", "ll", "ng",
    ];

    private readonly byte[] _text;
    private readonly int[] _start;
    private readonly byte[] _length;
    private readonly ushort[] _zipfTable;

    private SampleVocabulary()
    {
        var words = BuildWords();
        var all = Encoding.ASCII.GetBytes(string.Concat(words));
        _text = all;
        _start = new int[words.Count];
        _length = new byte[words.Count];
        var offset = 0;
        for (var i = 0; i < words.Count; i++)
        {
            _start[i] = offset;
            _length[i] = (byte)words[i].Length;
            offset += words[i].Length;
        }

        _zipfTable = BuildZipfTable(words.Count, 1 << TableBits);
    }

    /// <summary>The shared instance (the vocabulary is seed-independent).</summary>
    public static SampleVocabulary Instance { get; } = new();

    /// <summary>Word <paramref name="index"/> as ASCII bytes.</summary>
    public ReadOnlySpan<byte> Word(int index) => _text.AsSpan(_start[index], _length[index]);

    /// <summary>A word index drawn with Zipf (s = 1) frequencies from 16 random bits.</summary>
    public int ZipfIndex(ulong randomBits) => _zipfTable[(int)(randomBits & ((1 << TableBits) - 1))];

    /// <summary>A Zipf-distributed word.</summary>
    public ReadOnlySpan<byte> ZipfWord(SampleRandom random) => Word(ZipfIndex(random.NextUInt64()));

    /// <summary>A uniformly chosen word (rarer words: names in host names and paths).</summary>
    public ReadOnlySpan<byte> AnyWord(SampleRandom random) => Word(random.Next(_start.Length));

    /// <summary>A uniformly chosen word as a string (for the host table, built once).</summary>
    public string AnyWordString(SampleRandom random) => Encoding.ASCII.GetString(AnyWord(random));

    private static List<string> BuildWords()
    {
        var words = new List<string>(Size);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in CommonWords)
        {
            if (seen.Add(w))
            {
                words.Add(w);
            }
        }

        // A fixed seed: the vocabulary is part of the format, not of a sample.
        var random = new SampleRandom(0x766F636162UL);
        var sb = new StringBuilder();
        while (words.Count < Size)
        {
            sb.Clear();
            var syllables = 1 + random.Next(4);
            for (var i = 0; i < syllables; i++)
            {
                sb.Append(random.Pick(Syllables));
            }

            var w = sb.ToString();
            if (w.Length >= 3 && seen.Add(w))
            {
                words.Add(w);
            }
        }

        return words;
    }

    private static ushort[] BuildZipfTable(int words, int entries)
    {
        // Cumulative weights 1/(r+1) in a fixed order: plain IEEE additions and divisions, identical everywhere.
        var cumulative = new double[words];
        var sum = 0.0;
        for (var r = 0; r < words; r++)
        {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }

        var table = new ushort[entries];
        var rank = 0;
        for (var e = 0; e < entries; e++)
        {
            var u = (e + 0.5) / entries * sum;
            while (rank < words - 1 && cumulative[rank] < u)
            {
                rank++;
            }

            table[e] = (ushort)rank;
        }

        return table;
    }
}
