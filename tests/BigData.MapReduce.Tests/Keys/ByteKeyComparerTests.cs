using System.Text;
using BigData.MapReduce.Keys;
using TestSupport;

namespace BigData.MapReduce.Tests.Keys;

public class ByteKeyComparerTests
{
    private static readonly string[] Keys =
    [
        "b", "a", "", "ab", "a b", "A", "Z", "z", "~", "é", "e", "\u00ff", "\uffff", "𝄞", "\uff5e", "日本", "http://a",
        "http://a.b", "http://a:80", "http://a-b", "https://a", "\u007f", "0", "9", ".", "-",
    ];

    [Fact]
    public void Compare_Keys_SameOrderAsLcAllCSort()
    {
        var sorted = Keys.Select(Encoding.UTF8.GetBytes).ToList();
        sorted.Sort(ByteKeyComparer.Instance);

        var input = Encoding.UTF8.GetBytes(string.Join("\n", Keys) + "\n");
        var result = ProcessRunner.Bash("LC_ALL=C sort", input);
        Assert.Equal(0, result.ExitCode);
        var expected = result.StdoutText.Split('\n')[..^1];

        Assert.Equal(expected, sorted.Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void Compare_SupplementaryCharacter_DiffersFromUtf16OrdinalOrder()
    {
        // U+1D11E is F0 9D 84 9E in UTF-8 and sorts after U+FF5E (EF BD 9E); as UTF-16 (D834 DD1E) it sorts before.
        var clef = Encoding.UTF8.GetBytes("𝄞");
        var tilde = Encoding.UTF8.GetBytes("\uff5e");

        Assert.True(ByteKeyComparer.Compare(clef, tilde) > 0);
        Assert.True(string.CompareOrdinal("𝄞", "\uff5e") < 0);
    }

    [Fact]
    public void Compare_PrefixSortsFirst()
    {
        Assert.True(ByteKeyComparer.Compare("ab"u8, "abc"u8) < 0);
        Assert.Equal(0, ByteKeyComparer.Compare("abc"u8, "abc"u8));
        Assert.True(ByteKeyComparer.Compare("\u00e9"u8, "z"u8) > 0);
    }
}
