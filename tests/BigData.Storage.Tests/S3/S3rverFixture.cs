using Amazon.S3;
using BigData.Storage.Inputs;
using BigData.Storage.S3;
using TestSupport.S3;

namespace BigData.Storage.Tests.S3;

/// <summary>
/// s3rver (tests/TestSupport) with the storage layer's view of it: <see cref="S3Options"/> and <see cref="InputOptions"/>
/// for the server, and a <see cref="S3rverServer.Client"/> built by the product's <see cref="S3ClientFactory"/>.
/// </summary>
public sealed class S3rverFixture : S3rverServer
{
    /// <summary>Options for the server with s3rver's built-in key pair.</summary>
    public S3Options Options => new()
    {
        Endpoint = Endpoint,
        Credentials = Credentials,
    };

    public InputOptions InputOptions(Func<S3Options, S3Options>? s3 = null) => new()
    {
        S3 = s3 != null ? s3(Options) : Options,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Built the same way as the product's client.</summary>
    protected override IAmazonS3 CreateClient() => S3ClientFactory.Create(Options);
}

[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
