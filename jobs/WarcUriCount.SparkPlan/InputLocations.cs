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
