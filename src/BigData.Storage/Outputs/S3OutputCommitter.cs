using Amazon.Runtime;
using Amazon.S3.Model;
using BigData.Storage.Inputs;
using BigData.Storage.S3;

namespace BigData.Storage.Outputs;

/// <summary>
/// An output directory in S3 (<c>s3://bucket/prefix/</c>). S3 has no rename, so parts are written to local temporary
/// files and uploaded only on <see cref="Commit"/> (parts in name order, then side files, each checked to have the
/// size written, then <c>_SUCCESS</c> last). Disposing without committing uploads nothing. An existing non-empty
/// prefix is refused unless <c>overwrite</c>; then its objects are deleted (<c>_SUCCESS</c> first) at commit time, so
/// a job that fails leaves the previous output untouched.
/// </summary>
public sealed class S3OutputCommitter : IOutputCommitter
{
    /// <summary>The marker object written last.</summary>
    public const string SuccessName = "_SUCCESS";

    private readonly IoContext _context;
    private readonly bool _ownsContext;
    private readonly bool _overwrite;
    private readonly S3Path _prefix;
    private readonly string _tempDirectory;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FileStream?> _files = new(StringComparer.Ordinal);
    private readonly List<string> _sideFiles = [];
    private bool _committed;
    private bool _disposed;

    /// <summary>A committer with its own S3 client for <paramref name="options"/>.</summary>
    public S3OutputCommitter(string location, S3Options options, bool overwrite)
        : this(location, new IoContext(new InputOptions { S3 = options }), overwrite, ownsContext: true)
    {
    }

    /// <summary>A committer using the S3 client, retry policy and statistics of <paramref name="context"/>.</summary>
    public S3OutputCommitter(string location, IoContext context, bool overwrite)
        : this(location, context, overwrite, ownsContext: false)
    {
    }

    private S3OutputCommitter(string location, IoContext context, bool overwrite, bool ownsContext)
    {
        _context = context;
        _ownsContext = ownsContext;
        _overwrite = overwrite;
        try
        {
            var parsed = S3Path.Parse(location);
            if (parsed.Key.Trim('/').Length == 0)
            {
                throw new IOException($"refusing to write output at the root of a bucket: {location} (give a prefix, s3://bucket/out/)");
            }

            _prefix = parsed.WithKey(parsed.Key.TrimEnd('/') + "/");
            Location = _prefix.ToString();
            if (!overwrite && S3Listing.List(context, _prefix, max: 1).Count > 0)
            {
                throw new IOException($"output already exists: {Location} (remove it or overwrite)");
            }

            _tempDirectory = Path.Combine(Path.GetTempPath(), "bigdata-s3-output-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_tempDirectory);
        }
        catch
        {
            if (ownsContext)
            {
                context.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public Stream CreatePart(string name)
    {
        var path = Reserve(name);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        lock (_lock)
        {
            _files[name] = stream;
        }

        return stream;
    }

    /// <inheritdoc />
    public void WriteSideFile(string name, ReadOnlySpan<byte> content)
    {
        var path = Reserve(name);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
        }

        lock (_lock)
        {
            _sideFiles.Add(name);
        }
    }

    /// <inheritdoc />
    public void Commit()
    {
        List<string> parts;
        List<string> sideFiles;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_committed)
            {
                throw new InvalidOperationException("already committed: " + Location);
            }

            _committed = true;
            foreach (var stream in _files.Values)
            {
                stream?.Dispose(); // Flushes what the caller may not have closed.
            }

            parts = [.. _files.Keys.Except(_sideFiles, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            sideFiles = [.. _sideFiles.Order(StringComparer.Ordinal)];
        }

        if (_overwrite)
        {
            DeleteExisting();
        }

        UploadAll(parts);
        UploadAll(sideFiles);
        PutEmpty(SuccessName);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var stream in _files.Values)
            {
                stream?.Dispose();
            }
        }

        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: temporary files are not output.
        }

        if (_ownsContext)
        {
            _context.Dispose();
        }
    }

    private string Reserve(string name)
    {
        if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAny('/', '\\') >= 0 || name is "." or ".." or SuccessName)
        {
            throw new ArgumentException($"not a valid output file name: \"{name}\"", nameof(name));
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_committed)
            {
                throw new InvalidOperationException("already committed: " + Location);
            }

            if (!_files.TryAdd(name, null))
            {
                throw new ArgumentException($"output file written twice: {name}", nameof(name));
            }
        }

        return Path.Combine(_tempDirectory, name);
    }

    private string KeyOf(string name) => _prefix.Key + name;

    /// <summary>Removes what is under the prefix, the old <c>_SUCCESS</c> first so no reader trusts a half-deleted output.</summary>
    private void DeleteExisting()
    {
        var existing = S3Listing.List(_context, _prefix).Select(o => o.Location.Key).ToList();
        var success = KeyOf(SuccessName);
        foreach (var key in existing.OrderBy(k => k == success ? 0 : 1))
        {
            Call(key, () => _context.S3.DeleteObjectAsync(_prefix.Bucket, key).GetAwaiter().GetResult());
        }
    }

    /// <summary>Uploads a few files at a time; the first failure is rethrown as itself, not wrapped.</summary>
    private void UploadAll(List<string> names)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, _context.Options.MaxConcurrentDownloads) };
            Parallel.ForEach(names, options, Upload);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private void Upload(string name)
    {
        var path = Path.Combine(_tempDirectory, name);
        var key = KeyOf(name);
        var size = new FileInfo(path).Length;
        if (size >= _context.Options.S3.MultipartThreshold)
        {
            UploadMultipart(path, key, size);
        }
        else
        {
            Call(key, () => _context.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _prefix.Bucket,
                Key = key,
                FilePath = path,
                UseChunkEncoding = UseChunkEncoding,
            }).GetAwaiter().GetResult());
        }

        // A store that kept aws-chunked framing (or lost bytes) must not get a _SUCCESS.
        var stored = Call(key, () => _context.S3.GetObjectMetadataAsync(_prefix.Bucket, key).GetAwaiter().GetResult()).ContentLength;
        if (stored != size)
        {
            throw new IOException($"uploaded {size} bytes to {_prefix.WithKey(key)} but the store holds {stored}; not writing {SuccessName}");
        }
    }

    private void UploadMultipart(string path, string key, long size)
    {
        var uploadId = Call(key, () => _context.S3.InitiateMultipartUploadAsync(_prefix.Bucket, key).GetAwaiter().GetResult()).UploadId;
        try
        {
            var partSize = _context.Options.S3.MultipartPartSize;
            var etags = new List<PartETag>();
            for (int number = 1; (long)(number - 1) * partSize < size; number++)
            {
                var position = (number - 1) * partSize;
                var partNumber = number;

                // A fresh request per attempt: the SDK opens the file section anew for each.
                var response = Call(key, () => _context.S3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _prefix.Bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    FilePath = path,
                    FilePosition = position,
                    PartSize = Math.Min(partSize, size - position),
                    UseChunkEncoding = UseChunkEncoding,
                }).GetAwaiter().GetResult());
                etags.Add(new PartETag(number, response.ETag));
            }

            Call(key, () => _context.S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _prefix.Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = etags,
            }).GetAwaiter().GetResult());
        }
        catch
        {
            try
            {
                _context.S3.AbortMultipartUploadAsync(_prefix.Bucket, key, uploadId).GetAwaiter().GetResult();
            }
            catch (AmazonServiceException)
            {
                // The upload failed already; an orphaned multipart upload is cleaned up by the bucket's lifecycle rules.
            }

            throw;
        }
    }

    private void PutEmpty(string name)
    {
        var key = KeyOf(name);
        Call(key, () => _context.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _prefix.Bucket,
            Key = key,
            ContentBody = string.Empty,
            UseChunkEncoding = UseChunkEncoding,
        }).GetAwaiter().GetResult());
    }

    /// <summary>aws-chunked uploads are for AWS only: compatible stores (s3rver among them) may store the framing verbatim.</summary>
    private bool UseChunkEncoding => !_context.Options.S3.HasCustomEndpoint;

    /// <summary>One request with retries; a permanent S3 error becomes an <see cref="InputException"/> naming the object.</summary>
    private T Call<T>(string key, Func<T> request)
    {
        var location = _prefix.WithKey(key);
        try
        {
            return _context.Retry.Run(location.ToString(), request);
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0)
        {
            throw S3Errors.Permanent(e, location);
        }
    }
}
