using System.IO.Compression;
using System.Text;

namespace BigData.Storage.Inputs;

/// <summary>One location listed by a manifest, with its 1-based line number.</summary>
public readonly record struct ManifestEntry(string Location, int LineNumber);

/// <summary>
/// Reads a manifest: one location per line, like Common Crawl's <c>warc.paths.gz</c>. Plain or gzip (decided by the
/// magic bytes, never the name; concatenated gzip members are fine). Lines are trimmed; blank lines and lines
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
        var (decoded, owned) = Decode(raw);
        using (owned)
        using (var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true))
        {
            var lineNumber = 0;
            string? line;
            while ((line = ReadLine(reader, manifest, lineNumber + 1)) != null)
            {
                lineNumber++;
                var text = line.Trim();
                if (text.Length == 0 || text[0] == '#')
                {
                    continue;
                }

                yield return new ManifestEntry(Resolve(text, baseUrl, manifest, lineNumber), lineNumber);
            }
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

    private static string? ReadLine(StreamReader reader, string manifest, int lineNumber)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException e)
        {
            throw new InputException(manifest, $"{manifest}: broken gzip data near line {lineNumber}: {e.Message}", e);
        }
    }

    /// <summary>Peeks at the first two bytes: 1F 8B means gzip.</summary>
    private static (Stream Decoded, IDisposable? Owned) Decode(Stream raw)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var replay = new PrefixedStream(magic[..n].ToArray(), raw);
        if (n == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            var gzip = new GZipStream(replay, CompressionMode.Decompress, leaveOpen: true);
            return (gzip, gzip);
        }

        return (replay, null);
    }
}
