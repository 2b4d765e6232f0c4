using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BigData.Storage.Inputs;
using BigData.Storage.Inputs.Resilience;

namespace BigData.Storage.S3;

/// <summary>GetObject requests for one key, from a byte offset (ByteRange, If-Match on the first ETag) when resuming.</summary>
internal sealed class S3RangedSource(S3Path location, IoContext context) : IRangedSource
{
    public string Location { get; } = location.ToString();

    public RangedResponse Open(long offset, string? expectedETag)
    {
        var request = new GetObjectRequest { BucketName = location.Bucket, Key = location.Key };
        if (offset > 0)
        {
            request.ByteRange = new ByteRange($"bytes={offset}-");
            if (expectedETag != null)
            {
                request.EtagToMatch = expectedETag;
            }
        }

        GetObjectResponse response;
        try
        {
            // The SDK is asynchronous only; workers are plain threads, so blocking here is safe.
            response = context.S3.GetObjectAsync(request).GetAwaiter().GetResult();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.PreconditionFailed)
        {
            throw new InputException(Location, $"{Location} changed while it was being read (ETag no longer {expectedETag}); read it again from the start", e);
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0 && !TransientErrors.IsTransient(e))
        {
            throw S3Errors.Permanent(e, location);
        }

        try
        {
            var (start, total) = ParseContentRange(response.ContentRange) ?? (0, response.ContentLength);
            if (offset > 0 && response.ContentRange == null)
            {
                // A store that ignored the range sent the whole object: the caller skips what it already has.
                start = 0;
            }

            return new RangedResponse(response.ResponseStream, start, total, response.ETag, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Parses <c>bytes START-END/TOTAL</c> (TOTAL may be <c>*</c>).</summary>
    internal static (long Start, long? Total)? ParseContentRange(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var s = header.AsSpan().Trim();
        if (!s.StartsWith("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        s = s[5..].TrimStart(" =");
        var dash = s.IndexOf('-');
        var slash = s.IndexOf('/');
        if (dash <= 0 || !long.TryParse(s[..dash], out var start))
        {
            return null;
        }

        long? total = slash > 0 && long.TryParse(s[(slash + 1)..], out var t) ? t : null;
        return (start, total);
    }
}
