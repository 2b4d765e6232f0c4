using BigData.Storage.Inputs.Local;

namespace BigData.Storage.Tests.Inputs;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.warc.gz", "a.warc.gz", true)]
    [InlineData("*.warc.gz", ".hidden.warc.gz", true)]
    [InlineData("*.warc.gz", "a.warc", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("a*a*a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false)]
    [InlineData("?.txt", "1.txt", true)]
    [InlineData("?.txt", "12.txt", false)]
    [InlineData("part-[0-9][0-9]", "part-07", true)]
    [InlineData("part-[0-9][0-9]", "part-7a", false)]
    [InlineData("[!a]x", "bx", true)]
    [InlineData("[!a]x", "ax", false)]
    [InlineData("[^a]x", "ax", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[abc", "[abc", true)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("CC-MAIN-*-0000?.warc.gz", "CC-MAIN-2024-00003.warc.gz", true)]
    [InlineData("Abc", "abc", false)]
    public void IsMatch_Pattern_MatchesLikeAShell(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, name));

    [Theory]
    [InlineData("data/*.gz", true)]
    [InlineData("data/a?.gz", true)]
    [InlineData("data/[ab].gz", true)]
    [InlineData("data/[ab.gz", false)]
    [InlineData("data/\\*.gz", false)]
    [InlineData("data/plain.gz", false)]
    public void HasWildcards_Path_DetectsUnquotedWildcards(string path, bool expected) =>
        Assert.Equal(expected, Glob.HasWildcards(path));
}
