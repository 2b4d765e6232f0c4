using BigData.MapReduce.Options;

namespace BigData.Cli;

/// <summary>Parses sizes such as <c>512MB</c>: <see cref="ByteSizeParser"/>, shared with the streaming executable.</summary>
public static class SizeParser
{
    /// <summary>Parses <paramref name="text"/>; false with a reason on bad input (see <see cref="ByteSizeParser.TryParse"/>).</summary>
    public static bool TryParse(string text, out long bytes, out string error) => ByteSizeParser.TryParse(text, out bytes, out error);
}
