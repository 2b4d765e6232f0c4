using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using BigData.Storage.Inputs;

namespace BigData.Storage.S3;

/// <summary>Builds the AWSSDK.S3 client for <see cref="S3Options"/>.</summary>
public static class S3ClientFactory
{
    /// <summary>
    /// A client for AWS (region from the options) or, with an endpoint, for an S3-compatible store (path-style unless
    /// told otherwise; checksums only when required, because aws-chunked uploads with trailing checksums are stored
    /// verbatim by many compatible stores). Credentials: explicit, anonymous, or the SDK's default chain. The SDK's
    /// own retries are off: <see cref="Inputs.Resilience.RetryPolicy"/> retries and counts them.
    /// </summary>
    public static IAmazonS3 Create(S3Options options, InputOptions? io = null)
    {
        options.Validate();
        io ??= new InputOptions();
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 0,
            Timeout = io.ResponseTimeout,
            ConnectTimeout = io.ConnectTimeout,
        };

        if (options.HasCustomEndpoint)
        {
            config.ServiceURL = options.Endpoint;
            config.AuthenticationRegion = options.EffectiveRegion;
            config.ForcePathStyle = options.ForcePathStyle ?? true;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.EffectiveRegion);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        var credentials = options.Credentials ?? (options.Anonymous ? new AnonymousAWSCredentials() : null);
        return credentials != null ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }
}
