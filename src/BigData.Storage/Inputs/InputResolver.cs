using BigData.Storage.Inputs.Http;
using BigData.Storage.Inputs.Local;
using BigData.Storage.S3;

namespace BigData.Storage.Inputs;

/// <summary>
/// Turns the input arguments of a job (and its <c>--manifest</c> files) into input files, by scheme: local paths,
/// directories and globs, <c>file://</c>, <c>http(s)://</c>, <c>s3://bucket/key</c> and <c>s3://bucket/prefix/</c>.
/// Then applies <c>--sample</c> and <c>--limit</c>. The files it returns read through this resolver's
/// <see cref="IoContext"/>: keep the resolver alive (undisposed) while the job reads them.
/// </summary>
public sealed class InputResolver : IDisposable
{
    private readonly bool _ownsContext;

    /// <summary>A resolver with its own <see cref="IoContext"/> for <paramref name="options"/> (default options when null).</summary>
    public InputResolver(InputOptions? options = null)
        : this(new IoContext(options ?? new InputOptions()), ownsContext: true)
    {
    }

    /// <summary>A resolver sharing <paramref name="context"/> (which the caller disposes).</summary>
    public InputResolver(IoContext context)
        : this(context, ownsContext: false)
    {
    }

    private InputResolver(IoContext context, bool ownsContext)
    {
        Context = context;
        _ownsContext = ownsContext;
    }

    /// <summary>Shared I/O state of the files this resolver creates.</summary>
    public IoContext Context { get; }

    /// <summary>The options.</summary>
    public InputOptions Options => Context.Options;

    /// <summary><c>io.retries</c> and <c>io.resumes</c> of every file this resolver created (and of its listings).</summary>
    public IoStatistics Statistics => Context.Statistics;

    /// <summary>
    /// Every input: the arguments in order (each expanded: directories and globs sorted, prefixes in key order), then
    /// the manifests' lines in order, then sampled and limited. Throws <see cref="InputException"/> naming the first
    /// input that does not exist, or when nothing is left.
    /// </summary>
    public IReadOnlyList<IInputFile> Resolve(IEnumerable<string> inputs, IEnumerable<string>? manifests = null)
    {
        var all = new List<IInputFile>();
        foreach (var input in inputs)
        {
            all.AddRange(Expand(input));
        }

        foreach (var manifest in manifests ?? [])
        {
            all.AddRange(ReadManifest(manifest));
        }

        if (all.Count == 0)
        {
            throw new InputException(string.Empty, "no inputs given (pass files, directories, globs, URLs or --manifest)");
        }

        var selected = InputSelection.Apply(all, f => f.Location, Options);
        if (selected.Count == 0)
        {
            throw new InputException(
                string.Empty,
                $"--sample {Options.SampleFraction} --seed {Options.Seed} kept none of the {all.Count} inputs");
        }

        return selected;
    }

    /// <summary>
    /// The files one argument stands for. A local path or <c>file://</c> URI may be a file, a directory or a glob;
    /// <c>s3://bucket/prefix/</c> (or a bare bucket) lists every object under it; <c>s3://bucket/key</c> is the
    /// object when it exists, else the prefix <c>key/</c> when objects are under it (as Hadoop treats a path).
    /// </summary>
    public IReadOnlyList<IInputFile> Expand(string location)
    {
        switch (InputLocation.Classify(location))
        {
            case InputLocationKind.Local:
                return [.. LocalPaths.Expand(location).Select(p => new LocalInputFile(p))];
            case InputLocationKind.FileUri:
                return [.. LocalPaths.Expand(InputLocation.FileUriToPath(location)).Select(p => new LocalInputFile(p))];
            case InputLocationKind.Http:
                return [new HttpInputFile(location, Context)];
            default:
                var s3 = ParseS3(location);
                return s3.IsPrefix ? ListPrefix(s3, location) : ObjectOrPrefix(s3, location);
        }
    }

    /// <summary>
    /// The files a manifest lists, in line order. Local lines are expanded like arguments (an error names the line);
    /// remote lines become files without any request (<c>s3://…/</c> lines ending in a slash are listed).
    /// </summary>
    public IReadOnlyList<IInputFile> ReadManifest(string manifest)
    {
        var source = CreateFile(manifest);
        if (source is LocalInputFile local && !File.Exists(local.Path))
        {
            throw new InputException(manifest, "no such manifest: " + manifest);
        }

        var files = new List<IInputFile>();
        using (var raw = source.OpenRead())
        {
            foreach (var entry in ManifestReader.Read(raw, manifest, Options.InputBaseUrl))
            {
                try
                {
                    files.AddRange(ExpandListed(entry.Location));
                }
                catch (InputException e)
                {
                    throw new InputException(e.Location, $"{manifest} line {entry.LineNumber}: {e.Message}", e);
                }
            }
        }

        return files.Count > 0 ? files : throw new InputException(manifest, "manifest lists no inputs: " + manifest);
    }

    /// <summary>
    /// One location as one file, without touching disk or network (no listing, no existence check): for location
    /// lists read by a streaming mapper. Directories, globs and prefixes are not expanded here.
    /// </summary>
    public IInputFile CreateFile(string location) =>
        InputLocation.Classify(location) switch
        {
            InputLocationKind.Local => new LocalInputFile(location),
            InputLocationKind.FileUri => new LocalInputFile(InputLocation.FileUriToPath(location)),
            InputLocationKind.Http => new HttpInputFile(location, Context),
            _ => new S3InputFile(ParseS3(location), Context),
        };

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsContext)
        {
            Context.Dispose();
        }
    }

    private IReadOnlyList<IInputFile> ExpandListed(string location) =>
        InputLocation.Classify(location) switch
        {
            InputLocationKind.S3 when ParseS3(location) is { IsPrefix: true } prefix => ListPrefix(prefix, location),
            InputLocationKind.Local or InputLocationKind.FileUri => Expand(location),
            _ => [CreateFile(location)],
        };

    private List<IInputFile> ListPrefix(S3Path prefix, string location)
    {
        var objects = S3Listing.List(Context, prefix);
        if (objects.Count == 0)
        {
            throw new InputException(location, "no objects under " + location);
        }

        return [.. objects.Select(o => new S3InputFile(o.Location, Context, o.Size))];
    }

    private List<IInputFile> ObjectOrPrefix(S3Path s3, string location)
    {
        if (S3Listing.TryGetSize(Context, s3, out var size))
        {
            return [new S3InputFile(s3, Context, size)];
        }

        var asPrefix = s3.WithKey(s3.Key + "/");
        var under = S3Listing.List(Context, asPrefix);
        if (under.Count == 0)
        {
            throw new InputException(location, "no such object or prefix: " + location);
        }

        return [.. under.Select(o => new S3InputFile(o.Location, Context, o.Size))];
    }

    private static S3Path ParseS3(string location)
    {
        try
        {
            return S3Path.Parse(location);
        }
        catch (ArgumentException e)
        {
            throw new InputException(location, e.Message, e);
        }
    }
}
