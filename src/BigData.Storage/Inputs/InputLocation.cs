namespace BigData.Storage.Inputs;

/// <summary>What kind of place a location string names.</summary>
public enum InputLocationKind
{
    /// <summary>A local path (file, directory or glob).</summary>
    Local,

    /// <summary>A <c>file://</c> URI.</summary>
    FileUri,

    /// <summary>An <c>http://</c> or <c>https://</c> URL.</summary>
    Http,

    /// <summary>An <c>s3://bucket/key</c> or <c>s3://bucket/prefix/</c> location.</summary>
    S3,
}

/// <summary>Classifies location strings by their scheme.</summary>
public static class InputLocation
{
    /// <summary>True when <paramref name="location"/> starts with <c>scheme://</c> (RFC 3986 scheme characters).</summary>
    public static bool HasScheme(ReadOnlySpan<char> location) => SchemeLength(location) > 0;

    /// <summary>The kind of <paramref name="location"/>; an unknown scheme throws <see cref="InputException"/>.</summary>
    public static InputLocationKind Classify(string location)
    {
        var length = SchemeLength(location);
        if (length == 0)
        {
            return InputLocationKind.Local;
        }

        var scheme = location.AsSpan(0, length);
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return InputLocationKind.Http;
        }

        if (scheme.Equals("s3", StringComparison.OrdinalIgnoreCase))
        {
            return InputLocationKind.S3;
        }

        if (scheme.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            return InputLocationKind.FileUri;
        }

        throw new InputException(
            location,
            $"unsupported scheme \"{scheme}\" in {location} (use a local path, file://, http://, https:// or s3://)");
    }

    /// <summary>
    /// The local path of a <c>file://</c> URI: <c>file:///data/x</c> and <c>file://localhost/data/x</c> give
    /// <c>/data/x</c>; percent-escapes are decoded. Another host is an error.
    /// </summary>
    public static string FileUriToPath(string uri)
    {
        var rest = uri["file://".Length..];
        if (rest.StartsWith("localhost/", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["localhost".Length..];
        }

        if (!rest.StartsWith('/'))
        {
            throw new InputException(uri, $"file:// URI must be absolute, with no host: {uri} (write file:///path)");
        }

        return Uri.UnescapeDataString(rest);
    }

    /// <summary>Length of the scheme before <c>://</c>, or 0 when there is none.</summary>
    private static int SchemeLength(ReadOnlySpan<char> location)
    {
        var colon = location.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(location[0]))
        {
            return 0;
        }

        foreach (var c in location[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return 0;
            }
        }

        return colon;
    }
}
