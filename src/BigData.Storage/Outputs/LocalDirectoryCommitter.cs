namespace BigData.Storage.Outputs;

/// <summary>
/// Commits an output directory on a local file system atomically. Everything is written into a hidden sibling
/// staging directory (same parent, so the same file system); <see cref="Commit"/> writes <c>_SUCCESS</c> there last
/// and renames the whole directory into place, so readers see either nothing or the complete output.
/// An existing target is refused at construction unless <c>overwrite</c> is set; then it is replaced at commit time
/// (old renamed away, new renamed in, old deleted), so a failed job never destroys the previous output.
/// Disposing without <see cref="Commit"/> deletes the staging directory.
/// </summary>
public sealed class LocalDirectoryCommitter : IOutputCommitter
{
    /// <summary>The marker Hadoop writes into a complete output directory.</summary>
    public const string SuccessMarker = "_SUCCESS";

    private readonly object _gate = new();
    private readonly bool _overwrite;
    private readonly Dictionary<string, FileStream> _parts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sideFiles = new(StringComparer.Ordinal);
    private bool _committed;
    private bool _disposed;

    /// <summary>
    /// Prepares to write <paramref name="directory"/>. Throws <see cref="IOException"/> when it already exists and
    /// <paramref name="overwrite"/> is false (default), or when it exists as a file. Creates missing parents.
    /// </summary>
    public LocalDirectoryCommitter(string directory, bool overwrite = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Location = Path.GetFullPath(Path.TrimEndingDirectorySeparator(directory));
        _overwrite = overwrite;
        var parent = Path.GetDirectoryName(Location)
            ?? throw new ArgumentException($"cannot write output to the root directory {Location}", nameof(directory));
        CheckTarget();
        Directory.CreateDirectory(parent);
        StagingPath = Path.Combine(parent, $".{Path.GetFileName(Location)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingPath);
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The hidden sibling directory the output is written into until <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    /// <summary>Opens part <paramref name="name"/> in the staging directory. Thread-safe.</summary>
    public Stream CreatePart(string name)
    {
        var path = StagedPath(name);
        lock (_gate)
        {
            ThrowIfClosed();
            if (_parts.ContainsKey(name) || _sideFiles.Contains(name))
            {
                throw new InvalidOperationException($"output file {name} was already created in {Location}");
            }

            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _parts.Add(name, stream);
            return stream;
        }
    }

    /// <inheritdoc />
    public void WriteSideFile(string name, ReadOnlySpan<byte> content)
    {
        var path = StagedPath(name);
        lock (_gate)
        {
            ThrowIfClosed();
            if (_parts.ContainsKey(name) || !_sideFiles.Add(name))
            {
                throw new InvalidOperationException($"output file {name} was already created in {Location}");
            }

            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(content);
        }
    }

    /// <summary>
    /// Writes <c>_SUCCESS</c> into the staging directory and renames it to <see cref="Location"/>. Every part stream
    /// must have been disposed. With overwrite, an existing target is renamed away first and deleted after.
    /// </summary>
    public void Commit()
    {
        lock (_gate)
        {
            ThrowIfClosed();
            var open = _parts.Where(p => p.Value.CanWrite).Select(p => p.Key).ToList();
            if (open.Count > 0)
            {
                throw new InvalidOperationException($"cannot commit {Location}: part {open[0]} is still open");
            }

            File.WriteAllBytes(Path.Combine(StagingPath, SuccessMarker), []);
            CheckTarget();
            string? previous = null;
            if (Directory.Exists(Location))
            {
                previous = Path.Combine(Path.GetDirectoryName(Location)!, $".{Path.GetFileName(Location)}.old-{Guid.NewGuid():N}");
                Directory.Move(Location, previous);
            }

            Directory.Move(StagingPath, Location);
            _committed = true;
            if (previous != null)
            {
                Directory.Delete(previous, recursive: true);
            }
        }
    }

    /// <summary>Deletes the staging directory unless the output was committed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var stream in _parts.Values)
            {
                stream.Dispose();
            }

            if (!_committed && Directory.Exists(StagingPath))
            {
                Directory.Delete(StagingPath, recursive: true);
            }
        }
    }

    private void CheckTarget()
    {
        if (File.Exists(Location))
        {
            throw new IOException($"output {Location} exists and is a file, not a directory");
        }

        if (!_overwrite && Directory.Exists(Location))
        {
            throw new IOException($"output directory {Location} already exists (choose another or allow overwriting)");
        }
    }

    private string StagedPath(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name != Path.GetFileName(name) || name is "." or ".." || name == SuccessMarker)
        {
            throw new ArgumentException($"'{name}' is not a plain output file name", nameof(name));
        }

        return Path.Combine(StagingPath, name);
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException($"{Location} was already committed");
        }
    }
}
