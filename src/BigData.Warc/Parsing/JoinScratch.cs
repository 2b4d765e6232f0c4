namespace BigData.Warc.Parsing;

/// <summary>
/// Bump-allocated room for header values joined from continuation lines, reset for every record. A full buffer is
/// replaced, never overwritten, so values handed out for the current record stay valid. Continuation lines are rare,
/// so this allocates almost never.
/// </summary>
internal sealed class JoinScratch
{
    private byte[] _buffer = [];
    private int _used;

    /// <summary>Forgets every value handed out (the previous record is gone).</summary>
    public void Reset() => _used = 0;

    /// <summary>Room for a value of <paramref name="length"/> bytes, valid until the next <see cref="Reset"/>.</summary>
    public Span<byte> Take(int length)
    {
        if (_buffer.Length - _used < length)
        {
            _buffer = new byte[Math.Max(length, Math.Max(256, 2 * _buffer.Length))];
            _used = 0;
        }

        var room = _buffer.AsSpan(_used, length);
        _used += length;
        return room;
    }
}
