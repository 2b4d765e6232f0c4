using Conformance.Tests;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>
/// A fact that runs only when scripts/publish-streaming.sh has made artifacts/streaming/warc-uri-count (publishing
/// takes a minute or more, too long for every test run), and is reported as skipped otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPublishedExecutableFactAttribute : FactAttribute
{
    public RequiresPublishedExecutableFactAttribute()
    {
        if (!File.Exists(StreamingExecutable.PublishedPath))
        {
            Skip = $"skipped: run scripts/publish-streaming.sh to make {StreamingExecutable.PublishedPath} and test it";
        }
    }
}
