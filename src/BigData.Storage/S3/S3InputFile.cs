using BigData.Storage.Inputs;
using BigData.Storage.Inputs.Resilience;

namespace BigData.Storage.S3;

/// <summary>
/// An object in S3 or an S3-compatible store. Reads retry SlowDown / 5xx / resets / timeouts with backoff and
/// resume broken bodies with ranged GETs, counted in <c>io.retries</c> and <c>io.resumes</c>.
/// </summary>
public sealed class S3InputFile : IInputFile
{
    private readonly IoContext _context;
    private long _length;

    /// <summary>The object at <paramref name="location"/>; <paramref name="length"/> when a listing told it.</summary>
    public S3InputFile(S3Path location, IoContext context, long? length = null)
    {
        if (location.IsPrefix)
        {
            throw new ArgumentException($"{location} is a prefix, not an object");
        }

        Object = location;
        Location = location.ToString();
        _context = context;
        _length = length ?? -1;
    }

    /// <summary>Bucket and key.</summary>
    public S3Path Object { get; }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
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
        var stream = ResilientReadStream.Open(new S3RangedSource(Object, _context), _context);
        if (stream.TotalLength is { } total)
        {
            Interlocked.Exchange(ref _length, total);
        }

        return stream;
    }
}
