namespace TestSupport;

/// <summary>
/// A fact that runs only when every named environment variable is set, and is reported as skipped (with the
/// reason) otherwise: for tests that need a real Hadoop or Spark install.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresEnvironmentFactAttribute : FactAttribute
{
    public RequiresEnvironmentFactAttribute(params string[] variables)
    {
        var missing = variables.Where(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToArray();
        if (missing.Length > 0)
        {
            Skip = "skipped: set " + string.Join(" and ", missing) + " to run this test";
        }
    }
}
