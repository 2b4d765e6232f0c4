namespace WarcUriCount.Mapping;

/// <summary>
/// The last target URI a mapper keyed and the key it gave (or that it gave none), so that the next record with the
/// same URI reuses it instead of parsing the URI again. Common Crawl writes the request, response and metadata records
/// of a capture one after another with the same <c>WARC-Target-URI</c> (WAT files likewise), so two records in three
/// repeat the previous URI. URIs longer than <see cref="Capacity"/> are not remembered.
/// </summary>
internal sealed class RecentUriKey
{
    /// <summary>The longest URI remembered (4 KiB, like <see cref="KeyScratch.FixedSize"/>): nearly every URI in Common Crawl.</summary>
    internal const int Capacity = KeyScratch.FixedSize;

    private readonly byte[] _uri = new byte[Capacity];
    private readonly byte[] _key = new byte[Capacity];
    private int _uriLength = -1;
    private int _keyLength = -1;

    /// <summary>
    /// Room for the key of a URI about to be keyed (a key is never longer than its URI); pass it to
    /// <see cref="Remember"/> afterwards. Only for URIs of at most <see cref="Capacity"/> bytes.
    /// </summary>
    public Span<byte> KeyBuffer => _key;

    /// <summary>True when <paramref name="uri"/> is the remembered URI; then <paramref name="key"/> is its key, if any.</summary>
    public bool TryGet(ReadOnlySpan<byte> uri, out bool hasKey, out ReadOnlySpan<byte> key)
    {
        if (uri.Length != _uriLength || !uri.SequenceEqual(_uri.AsSpan(0, _uriLength)))
        {
            hasKey = false;
            key = default;
            return false;
        }

        hasKey = _keyLength >= 0;
        key = hasKey ? _key.AsSpan(0, _keyLength) : default;
        return true;
    }

    /// <summary>
    /// Remembers <paramref name="uri"/> (at most <see cref="Capacity"/> bytes) with the key just written to
    /// <see cref="KeyBuffer"/>: its length, or -1 when the URI gives no key.
    /// </summary>
    public void Remember(ReadOnlySpan<byte> uri, int keyLength)
    {
        System.Diagnostics.Debug.Assert(uri.Length <= Capacity && keyLength <= uri.Length, "a key is never longer than its URI");
        uri.CopyTo(_uri);
        _uriLength = uri.Length;
        _keyLength = keyLength;
    }
}
