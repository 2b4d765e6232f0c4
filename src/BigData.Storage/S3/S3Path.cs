namespace BigData.Storage.S3;

/// <summary>A parsed <c>s3://bucket/key</c> location. A key that is empty or ends with <c>/</c> is a prefix.</summary>
public readonly record struct S3Path(string Bucket, string Key)
{
    /// <summary>The scheme prefix, <c>s3://</c>.</summary>
    public const string SchemePrefix = "s3://";

    /// <summary>True when the key names a "directory": empty or ending with <c>/</c>.</summary>
    public bool IsPrefix => Key.Length == 0 || Key.EndsWith('/');

    /// <summary>True when <paramref name="location"/> starts with <c>s3://</c> (any case).</summary>
    public static bool HasScheme(string location) => location.StartsWith(SchemePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/key]</c>; throws <see cref="ArgumentException"/> naming the location otherwise.</summary>
    public static S3Path Parse(string location)
    {
        if (!HasScheme(location))
        {
            throw new ArgumentException("not an s3:// location: " + location);
        }

        var rest = location.AsSpan(SchemePrefix.Length);
        var slash = rest.IndexOf('/');
        var bucket = (slash < 0 ? rest : rest[..slash]).ToString();
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..].ToString();
        if (bucket.Length == 0)
        {
            throw new ArgumentException("no bucket in s3 location: " + location);
        }

        return new S3Path(bucket, key);
    }

    /// <summary>The same bucket with another key.</summary>
    public S3Path WithKey(string key) => this with { Key = key };

    /// <summary><c>s3://bucket/key</c>.</summary>
    public override string ToString() => SchemePrefix + Bucket + "/" + Key;
}
