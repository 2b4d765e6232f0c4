namespace TestSupport;

/// <summary>Paths inside the repository, found from the test assembly's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The directory holding BigData.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The hand-made fixture set.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The bundled sample inputs.</summary>
    public static string Sample => Path.Combine(Root, "data", "sample");

    /// <summary>A path relative to the repository root.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BigData.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BigData.sln not found above " + AppContext.BaseDirectory);
    }
}
