using System.Text;
using BigData.Storage.Inputs;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// The lines of the locations input style: one location per line, as a path list or manifest holds them; with
/// NLineInputFormat Hadoop prefixes each with its byte offset and a TAB. Blank lines and <c>#</c> comments are
/// skipped, as in manifests.
/// </summary>
public static class LocationLines
{
    /// <summary>True when <paramref name="line"/> starts with ASCII digits and a TAB (NLineInputFormat's key).</summary>
    public static bool HasOffsetPrefix(ReadOnlySpan<byte> line)
    {
        var tab = line.IndexOf((byte)'\t');
        return tab > 0 && line[..tab].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    /// <summary>
    /// The location on <paramref name="line"/>: without an <c>offset&lt;TAB&gt;</c> prefix, trimmed of ASCII
    /// whitespace (a CR included). False for a blank or <c>#</c> line.
    /// </summary>
    public static bool TryGetLocation(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> location)
    {
        if (HasOffsetPrefix(line))
        {
            line = line[(line.IndexOf((byte)'\t') + 1)..];
        }

        location = line.Trim(" \t\r\n\v\f"u8);
        return !location.IsEmpty && location[0] != (byte)'#';
    }

    /// <summary>
    /// The location to open: as is when it has a scheme (<c>s3://</c>, <c>https://</c>, <c>file://</c>), joined to
    /// <paramref name="baseUrl"/> when one is given (<c>--input-base-url</c>, as for manifests), else a local path
    /// (relative to the working directory).
    /// </summary>
    public static string Resolve(ReadOnlySpan<byte> location, string? baseUrl, long lineNumber)
    {
        var text = Encoding.UTF8.GetString(location);
        if (string.IsNullOrEmpty(baseUrl) && !InputLocation.HasScheme(text))
        {
            return text;
        }

        return ManifestReader.Resolve(text, baseUrl, "stdin", (int)Math.Min(lineNumber, int.MaxValue));
    }
}
