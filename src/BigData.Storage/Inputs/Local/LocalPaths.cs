using System.IO.Enumeration;

namespace BigData.Storage.Inputs.Local;

/// <summary>
/// Expands a local input argument: a file, a directory (recursively, every regular file) or a glob. Results are full
/// paths in ordinal order, so the same tree always yields the same list. Symbolic links to files are read; symbolic
/// links to directories are not followed (no cycles, no surprises).
/// </summary>
internal static class LocalPaths
{
    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['/', '\\'] : ['/'];

    /// <summary>The files <paramref name="path"/> stands for; throws <see cref="InputException"/> naming it when none.</summary>
    public static IReadOnlyList<string> Expand(string path)
    {
        // An existing name wins over glob syntax: "[1].warc" may be a real file. Named files are taken as given
        // (even /dev/stdin or a FIFO); only files found by walking are checked to be regular.
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (Directory.Exists(path))
        {
            var files = FilesUnder(Path.GetFullPath(path));
            return files.Count > 0 ? files : throw new InputException(path, "no files in directory: " + path);
        }

        if (Glob.HasWildcards(path))
        {
            var matches = ExpandGlob(path);
            return matches.Count > 0 ? matches : throw new InputException(path, "glob matched nothing: " + path);
        }

        throw new InputException(path, "no such file or directory: " + path);
    }

    /// <summary>Every regular file below <paramref name="directory"/>, recursively, in ordinal order.</summary>
    public static List<string> FilesUnder(string directory)
    {
        var result = new List<string>();
        CollectFiles(directory, result);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Files (and files under directories) whose paths match the glob <paramref name="pattern"/>.</summary>
    public static List<string> ExpandGlob(string pattern)
    {
        var segments = Path.GetFullPath(pattern).Split(Separators);
        var first = Array.FindIndex(segments, s => Glob.HasWildcards(s));
        var root = string.Join('/', segments[..first].Select(Glob.Unquote));
        if (root.Length == 0)
        {
            root = "/";
        }

        var patterns = segments[first..].Where(s => s.Length > 0).ToArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            Walk(root, patterns, Closure(patterns, [0]), found);
        }

        var result = found.ToList();
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>
    /// Walks <paramref name="directory"/> with the set of pattern positions still alive (an NFA over segments, so
    /// <c>**</c> needs no backtracking). Position <c>patterns.Length</c> means "matched completely".
    /// </summary>
    private static void Walk(string directory, string[] patterns, HashSet<int> states, HashSet<string> found)
    {
        foreach (var entry in Entries(directory))
        {
            var next = new HashSet<int>();
            foreach (var s in states)
            {
                if (s == patterns.Length)
                {
                    continue;
                }

                if (patterns[s] == "**")
                {
                    next.Add(s); // "**" swallows this segment and stays.
                }
                else if (Glob.IsMatch(patterns[s], entry.Name))
                {
                    next.Add(s + 1);
                }
            }

            if (next.Count == 0)
            {
                continue;
            }

            next = Closure(patterns, next);
            var complete = next.Contains(patterns.Length);
            if (entry.IsDirectory)
            {
                if (entry.IsLink)
                {
                    continue;
                }

                if (complete)
                {
                    CollectFiles(entry.FullPath, found); // A matched directory stands for its files, as an argument would.
                }
                else
                {
                    Walk(entry.FullPath, patterns, next, found);
                }
            }
            else if (complete && UnixFileType.IsRegularOrUnknown(entry.FullPath))
            {
                found.Add(entry.FullPath);
            }
        }
    }

    /// <summary>Adds the positions reachable by letting each <c>**</c> match no segment at all.</summary>
    private static HashSet<int> Closure(string[] patterns, HashSet<int> states)
    {
        var pending = new Stack<int>(states);
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            if (s < patterns.Length && patterns[s] == "**" && states.Add(s + 1))
            {
                pending.Push(s + 1);
            }
        }

        return states;
    }

    private static void CollectFiles(string directory, ICollection<string> into)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            foreach (var entry in Entries(pending.Pop()))
            {
                if (entry.IsDirectory)
                {
                    if (!entry.IsLink)
                    {
                        pending.Push(entry.FullPath);
                    }
                }
                else if (UnixFileType.IsRegularOrUnknown(entry.FullPath))
                {
                    into.Add(entry.FullPath);
                }
            }
        }
    }

    /// <summary>The entries of one directory, hidden ones included; an unreadable directory is an error, not a silent gap.</summary>
    private static List<Entry> Entries(string directory)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        try
        {
            return
            [
                .. new FileSystemEnumerable<Entry>(
                    directory,
                    static (ref FileSystemEntry e) => new Entry(
                        e.FileName.ToString(),
                        e.ToFullPath(),
                        e.IsDirectory,
                        (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    options),
            ];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException(directory, $"cannot list directory {directory}: {e.Message}", e);
        }
    }

    private readonly record struct Entry(string Name, string FullPath, bool IsDirectory, bool IsLink);
}
