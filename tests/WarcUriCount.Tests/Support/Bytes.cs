using System.Text;

namespace WarcUriCount.Tests.Support;

/// <summary>Small conversions between test text and bytes.</summary>
internal static class Bytes
{
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Latin-1: each char U+0000–U+00FF is one byte, for writing arbitrary bytes as C# string literals.</summary>
    public static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    /// <summary>Readable form for assertion messages: printable ASCII as is, everything else as \xHH.</summary>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
        {
            sb.Append(b is >= 0x21 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.ToString();
    }
}
