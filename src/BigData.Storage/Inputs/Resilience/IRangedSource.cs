namespace BigData.Storage.Inputs.Resilience;

/// <summary>A remote object that can be fetched from a byte offset (HTTP Range, S3 ByteRange).</summary>
internal interface IRangedSource
{
    /// <summary>The location, for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Starts a response at <paramref name="offset"/>. <paramref name="expectedETag"/> is the entity tag seen by the
    /// first response, when resuming. Throws <see cref="TransientFailureException"/> (or a network exception) for
    /// failures worth retrying and <see cref="InputException"/> for permanent ones.
    /// </summary>
    RangedResponse Open(long offset, string? expectedETag);
}

/// <summary>
/// One response body. <see cref="Start"/> is the object offset of the body's first byte: the requested offset when
/// the server honoured the range, 0 when it sent the whole object.
/// </summary>
internal sealed class RangedResponse(Stream body, long start, long? totalLength, string? etag, IDisposable owner) : IDisposable
{
    public Stream Body { get; } = body;

    public long Start { get; } = start;

    /// <summary>The whole object's size, when the response says.</summary>
    public long? TotalLength { get; } = totalLength;

    public string? ETag { get; } = etag;

    /// <summary>Aborts the response (a blocked read then fails); safe from another thread and more than once.</summary>
    public void Dispose()
    {
        try
        {
            owner.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Tearing down a broken connection may complain; nothing is left to save.
        }
    }
}
