namespace BigData.MapReduce.Text;

/// <summary>What <see cref="KeyValueCodec.Parse"/> made of one line. Callers count the malformed ones.</summary>
public enum KeyValueParseResult
{
    /// <summary>A key, a TAB and a decimal 64-bit count.</summary>
    Ok,

    /// <summary>The line has no TAB, so it has no value.</summary>
    MissingTab,

    /// <summary>The value is empty, not a plain decimal integer, or does not fit in 64 bits.</summary>
    BadCount,
}
