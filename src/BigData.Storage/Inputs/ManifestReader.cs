using System.Text;

namespace BigData.Storage.Inputs;

/// <summary>One location listed by a manifest, with its 1-based line number.</summary>
public readonly record struct ManifestEntry(string Location, int LineNumber);

/// <summary>
/// Reads a manifest: one location per line, like Common Crawl's <c>warc.paths.gz</c>. Plain or gzip (decided by the
/// magic bytes, never the name; concatenated gzip members are fine; a truncated one is an error). Lines are trimmed; blank lines and lines
/// starting with <c>#</c> are skipped. A line with a scheme (<c>https://</c>, <c>s3://</c>, <c>file://</c>) is taken
/// as is; any other line is joined to the base URL when one is given, else must be an absolute local path.
/// </summary>
public static class ManifestReader
{
    /// <summary>The entries of the manifest in <paramref name="raw"/> (which is read to the end, not closed).</summary>
    /// <param name="raw">The manifest's raw bytes.</param>
    /// <param name="manifest">The manifest's location, for messages.</param>
    /// <param name="baseUrl">The <c>--input-base-url</c>, or <c>null</c>.</param>
    public static IEnumerable<ManifestEntry> Read(Stream raw, string manifest, string? baseUrl)
    {
        // Manifests are small (Common Crawl's warc.paths.gz is about a megabyte): reading them whole lets every gzip
        // member's trailer be checked, so a truncated download is an error instead of a shorter list.
        byte[] bytes;
        using (var copy = new MemoryStream())
        {
            raw.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var text = GzipMembers.IsGzip(bytes) ? GzipMembers.Decompress(bytes, manifest) : bytes;
        return Lines(text, manifest, baseUrl);
    }

    private static IEnumerable<ManifestEntry> Lines(byte[] text, string manifest, string? baseUrl)
    {
        using var reader = new StreamReader(new MemoryStream(text, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            yield return new ManifestEntry(Resolve(trimmed, baseUrl, manifest, lineNumber), lineNumber);
        }
    }

    /// <summary>
    /// <paramref name="line"/> made absolute: as is when it has a scheme, joined to <paramref name="baseUrl"/> (with
    /// exactly one <c>/</c> between them) when one is given, as is when it is an absolute local path, else an error.
    /// </summary>
    public static string Resolve(string line, string? baseUrl, string manifest, int lineNumber)
    {
        if (InputLocation.HasScheme(line))
        {
            return line;
        }

        if (!string.IsNullOrEmpty(baseUrl))
        {
            return baseUrl.TrimEnd('/') + "/" + line.TrimStart('/');
        }

        if (Path.IsPathRooted(line))
        {
            return line;
        }

        throw new InputException(
            manifest,
            $"{manifest} line {lineNumber}: relative location \"{line}\" needs --input-base-url " +
            "(for Common Crawl path lists: https://data.commoncrawl.org/ or s3://commoncrawl/)");
    }
}
