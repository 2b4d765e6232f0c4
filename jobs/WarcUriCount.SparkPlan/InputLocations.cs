namespace WarcUriCount.SparkPlan;

/// <summary>Which locations Spark can read, and how manifest entries become input locations.</summary>
public static class InputLocations
{
    /// <summary>
    /// Why Spark cannot use <paramref name="location"/>, or <c>null</c> when it can. Spark reads through Hadoop file
    /// systems (hdfs, s3a, file, abfs, gs, …); plain HTTP has no directory listing and is refused.
    /// </summary>
    public static string? Refusal(string location)
    {
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{location}': http(s) locations are not supported by the Spark runner; use s3a:// (for Common Crawl: s3a://commoncrawl/...) or copy the files to HDFS";
        }

        return null;
    }

    /// <summary>
    /// Hadoop picks a decompressor by file name, the local runner by magic bytes (DESIGN.md §4). Gzip agrees (a .gz that
    /// is not gzip fails the Spark job; gzip without .gz shows up as rows that are not records), but a file Hadoop would
    /// decompress with another codec is one the local runner fails as "not an archive": refuse it rather than count it.
    /// </summary>
    public static string? CodecRefusal(IEnumerable<string> files)
    {
        var other = files.Where(f => OtherCodecExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).Take(5).ToList();
        return other.Count == 0
            ? null
            : "inputs compressed with a codec other than gzip are not supported (the local runner reads gzip only, by magic bytes): " + string.Join(", ", other);
    }

    /// <summary>File name endings Hadoop maps to a codec other than gzip.</summary>
    public static IReadOnlyList<string> OtherCodecExtensions { get; } = [".bz2", ".deflate", ".zst", ".lz4", ".snappy", ".br"];

    /// <summary>
    /// Turns manifest lines into locations: blank lines and lines starting with <c>#</c> are skipped, entries with a
    /// scheme or an absolute path are kept, relative entries get <paramref name="baseUrl"/> (joined with one <c>/</c>).
    /// </summary>
    public static IReadOnlyList<string> FromManifest(IEnumerable<string> lines, string? baseUrl, string manifest)
    {
        var result = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var isAbsolute = line.StartsWith('/') || line.Contains("://", StringComparison.Ordinal) || line.StartsWith("file:", StringComparison.Ordinal);
            string location;
            if (isAbsolute || baseUrl == null)
            {
                location = line;
            }
            else
            {
                location = baseUrl.TrimEnd('/') + "/" + line.TrimStart('/');
            }

            var refusal = Refusal(location);
            if (refusal != null)
            {
                throw new ArgumentException($"{manifest}: {refusal}");
            }

            result.Add(location);
        }

        return result;
    }
}
