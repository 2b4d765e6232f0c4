using BigData.Storage.Inputs.Resilience;

namespace BigData.Storage.Inputs.Http;

/// <summary>
/// A file behind an <c>http://</c> or <c>https://</c> URL. Reads retry transient failures and resume broken bodies
/// with ranged GETs (see <see cref="InputOptions"/> for timeouts and budgets).
/// </summary>
public sealed class HttpInputFile : IInputFile
{
    private readonly IoContext _context;
    private long _length = -1;

    /// <summary>A file at <paramref name="url"/>, read through <paramref name="context"/>.</summary>
    public HttpInputFile(string url, IoContext context)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException(url, "not an http(s) URL: " + url);
        }

        Location = url;
        Uri = uri;
        _context = context;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The parsed URL.</summary>
    public Uri Uri { get; }

    /// <summary>Unknown (<c>null</c>) until a response has given the size: resolving never sends a request.</summary>
    public long? Length
    {
        get
        {
            var n = Interlocked.Read(ref _length);
            return n < 0 ? null : n;
        }
    }

    /// <inheritdoc />
    public Stream OpenRead()
    {
        var stream = ResilientReadStream.Open(new HttpRangedSource(Uri, Location, _context), _context);
        if (stream.TotalLength is { } total)
        {
            Interlocked.Exchange(ref _length, total);
        }

        return stream;
    }
}
