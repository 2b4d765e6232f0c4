using System.Net;
using Amazon.Runtime;
using BigData.Storage.Inputs;

namespace BigData.Storage.S3;

/// <summary>Turns permanent S3 errors into <see cref="InputException"/>s that name the location and say what to do.</summary>
internal static class S3Errors
{
    /// <summary>Common Crawl's bucket: S3 access needs credentials, HTTPS does not.</summary>
    private const string CommonCrawlBucket = "commoncrawl";

    public static InputException Permanent(AmazonServiceException error, S3Path location)
    {
        var code = error.ErrorCode ?? error.StatusCode.ToString();
        var text = $"{location}: S3 error {code} (HTTP {(int)error.StatusCode}): {error.Message}";
        if (error.StatusCode == HttpStatusCode.NotFound && code == "NoSuchKey" && !location.IsPrefix)
        {
            text += " (to read every object under a prefix, end the location with '/')";
        }
        else if (error.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            text += location.Bucket == CommonCrawlBucket
                ? " (the commoncrawl bucket needs AWS credentials, anonymous S3 access is refused; without credentials read https://data.commoncrawl.org/ with --input-base-url)"
                : " (check the AWS credentials, or --s3-anonymous for a public bucket)";
        }

        return new InputException(location.ToString(), text, error);
    }
}
