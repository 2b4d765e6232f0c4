using Amazon.Runtime;
using Amazon.S3.Model;
using BigData.Storage.Inputs;
using BigData.Storage.Inputs.Resilience;

namespace BigData.Storage.S3;

/// <summary>One listed object.</summary>
public readonly record struct S3ObjectEntry(S3Path Location, long? Size);

/// <summary>ListObjectsV2, page by page (with retries), and HEAD requests.</summary>
internal static class S3Listing
{
    /// <summary>
    /// Every object under <paramref name="prefix"/> in ordinal key order (S3 already lists in byte order; sorting
    /// again makes compatible stores agree), skipping "directory marker" keys that end with <c>/</c>. Stops after
    /// <paramref name="max"/> objects when given.
    /// </summary>
    public static List<S3ObjectEntry> List(IoContext context, S3Path prefix, int? max = null)
    {
        var pageSize = context.Options.S3.ListPageSize;
        var result = new List<S3ObjectEntry>();
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = prefix.Bucket,
                Prefix = prefix.Key,
                MaxKeys = max is { } m ? Math.Min(pageSize, m - result.Count) : pageSize,
                ContinuationToken = token,
            };
            ListObjectsV2Response page;
            try
            {
                page = context.Retry.Run(
                    prefix.ToString(),
                    () => context.S3.ListObjectsV2Async(request).GetAwaiter().GetResult());
            }
            catch (AmazonServiceException e) when (e.StatusCode != 0)
            {
                throw S3Errors.Permanent(e, prefix);
            }

            foreach (var o in page.S3Objects ?? [])
            {
                if (!o.Key.EndsWith('/'))
                {
                    result.Add(new S3ObjectEntry(prefix.WithKey(o.Key), o.Size));
                }
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token != null && (max is not { } limit || result.Count < limit));

        result.Sort((a, b) => string.CompareOrdinal(a.Location.Key, b.Location.Key));
        return result;
    }

    /// <summary>
    /// True with the size when the object exists (HEAD). False when it does not. When HEAD is refused (403, as for
    /// some public objects) the object is assumed to exist with unknown size: the read will tell.
    /// </summary>
    public static bool TryGetSize(IoContext context, S3Path location, out long? size)
    {
        size = null;
        try
        {
            var head = context.Retry.Run(
                location.ToString(),
                () => context.S3.GetObjectMetadataAsync(location.Bucket, location.Key).GetAwaiter().GetResult());
            size = head.ContentLength;
            return true;
        }
        catch (AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return true;
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0)
        {
            throw S3Errors.Permanent(e, location);
        }
    }
}
