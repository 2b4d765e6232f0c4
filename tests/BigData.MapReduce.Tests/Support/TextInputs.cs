using System.Text;

namespace BigData.MapReduce.Tests.Support;

/// <summary>Seeded random text inputs with overlapping words (hosts-like, non-ASCII, astral characters).</summary>
internal static class TextInputs
{
    private static readonly string[] Tlds = ["com", "org", "de", "jp", "xn--p1ai", "bücher", "日本", "𝄞music"];

    /// <summary>Writes <paramref name="files"/> files of varying size into <paramref name="directory"/> and returns their paths.</summary>
    public static List<string> Write(string directory, int files, int seed, int vocabulary = 3000, int baseLines = 400)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, vocabulary)
            .Select(i => $"http://h{i % 97}-{random.Next(vocabulary)}.{Tlds[i % Tlds.Length]}")
            .Distinct()
            .ToArray();
        var paths = new List<string>();
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder();
            var lines = baseLines * (1 + (f % 4));
            for (var l = 0; l < lines; l++)
            {
                var count = random.Next(0, 6);
                for (var w = 0; w < count; w++)
                {
                    // Skewed: some words are very frequent, most are rare.
                    var index = random.Next(4) == 0 ? random.Next(20) : random.Next(words.Length);
                    text.Append(words[index]).Append(w + 1 < count ? " " : "");
                }

                text.Append('\n');
            }

            var path = Path.Combine(directory, $"input-{f:D2}.txt");
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Appends a line to a file (a directive for <see cref="TextLineReader"/> or more words).</summary>
    public static void AppendLine(string path, string line) => File.AppendAllText(path, line + "\n", new UTF8Encoding(false));
}
