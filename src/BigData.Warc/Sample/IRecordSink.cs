namespace BigData.Warc.Sample;

/// <summary>Receives finished records (the generator compresses each into its own gzip member).</summary>
internal interface IRecordSink
{
    /// <summary>
    /// Writes one record: <paramref name="header"/> (version line to the empty line, inclusive), the block given in
    /// two parts (either may be empty), then the CRLF CRLF trailer.
    /// </summary>
    void WriteRecord(ReadOnlySpan<byte> header, ReadOnlySpan<byte> block1, ReadOnlySpan<byte> block2);
}
