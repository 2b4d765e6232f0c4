using System.Numerics;
using System.Runtime.CompilerServices;

namespace BigData.Warc.Parsing;

/// <summary>
/// Finds the LFs of a span that may grow between calls (positions relative to its start, which stays put), 64 bytes
/// at a time with <see cref="LineFeeds.Mask"/>: a header of a dozen short lines costs one or two masks instead of a
/// fresh <c>IndexOf</c> per line. Only the last, incomplete block is searched with <c>IndexOf</c>.
/// </summary>
internal struct LineFeedScanner(int start)
{
    // Every byte before _block has been looked at; _mask holds the LFs of [_block, _block + 64) when _masked.
    private int _block = start;
    private ulong _mask;
    private bool _masked;

    /// <summary>The first LF at or after <paramref name="from"/> in <paramref name="data"/>, or -1 (more bytes may follow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per header line
    public int Next(ReadOnlySpan<byte> data, int from)
    {
        while (true)
        {
            if (_masked)
            {
                int skip = Math.Max(from - _block, 0);
                if (skip < LineFeeds.BlockSize)
                {
                    ulong rest = _mask & (ulong.MaxValue << skip);
                    if (rest != 0)
                    {
                        return _block + BitOperations.TrailingZeroCount(rest);
                    }
                }

                _block += LineFeeds.BlockSize;
                _masked = false;
            }

            if (_block + LineFeeds.BlockSize <= data.Length)
            {
                _mask = LineFeeds.Mask(data.Slice(_block, LineFeeds.BlockSize));
                _masked = true;
                continue;
            }

            int at = Math.Max(from, _block);
            int lf = data[at..].IndexOf((byte)'\n');
            return lf < 0 ? -1 : at + lf;
        }
    }
}
