using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace BigData.Warc.Parsing;

/// <summary>
/// A header name of 8 to 16 ASCII bytes that the reader looks for on every record, matched without a general
/// case-insensitive compare: two overlapping 8-byte words of the line are compared with the lowercased name after
/// OR-ing 0x20 into the bytes where the name has a letter. A letter position then accepts exactly that letter in
/// either case, and every other position exactly its byte, which is <see cref="System.Text.Ascii.EqualsIgnoreCase(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.
/// </summary>
internal sealed class HeaderName
{
    private readonly ulong _headLower;
    private readonly ulong _headFold;
    private readonly ulong _tailLower;
    private readonly ulong _tailFold;

    public HeaderName(string name)
    {
        Debug.Assert(name.Length is >= 8 and <= 16 && name.All(char.IsAscii), "8 to 16 ASCII bytes: two words cover it");
        Bytes = System.Text.Encoding.ASCII.GetBytes(name);
        (_headLower, _headFold) = Word(Bytes.AsSpan(0, 8));
        (_tailLower, _tailFold) = Word(Bytes.AsSpan(Bytes.Length - 8));
    }

    public static HeaderName ContentLength { get; } = new("Content-Length");

    public static HeaderName WarcType { get; } = new("WARC-Type");

    public static HeaderName WarcTargetUri { get; } = new("WARC-Target-URI");

    /// <summary>The name as written in the spec.</summary>
    public byte[] Bytes { get; }

    /// <summary>
    /// Where the colon is when <paramref name="line"/> starts with this name (ASCII case-insensitive), maybe spaces or
    /// tabs, and a colon; otherwise -1. The same lines as <see cref="HeaderLines.TryMatch(ReadOnlySpan{byte}, ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/> accepts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few instructions, for every header line
    public int ColonAfterName(ReadOnlySpan<byte> line)
    {
        int length = Bytes.Length;
        if (line.Length <= length
            || (BinaryPrimitives.ReadUInt64LittleEndian(line) | _headFold) != _headLower
            || (BinaryPrimitives.ReadUInt64LittleEndian(line[(length - 8)..]) | _tailFold) != _tailLower)
        {
            return -1;
        }

        int colon = length;
        while (colon < line.Length && line[colon] is (byte)' ' or (byte)'\t')
        {
            colon++;
        }

        return colon < line.Length && line[colon] == ':' ? colon : -1;
    }

    /// <summary>The lowercased word and the mask with 0x20 at its letters.</summary>
    private static (ulong Lower, ulong Fold) Word(ReadOnlySpan<byte> bytes)
    {
        Span<byte> lower = stackalloc byte[8];
        Span<byte> fold = stackalloc byte[8];
        for (int i = 0; i < 8; i++)
        {
            bool letter = char.IsAsciiLetter((char)bytes[i]);
            lower[i] = letter ? (byte)(bytes[i] | 0x20) : bytes[i];
            fold[i] = letter ? (byte)0x20 : (byte)0;
        }

        return (BinaryPrimitives.ReadUInt64LittleEndian(lower), BinaryPrimitives.ReadUInt64LittleEndian(fold));
    }
}
