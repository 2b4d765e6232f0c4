using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.Outputs;

public sealed class ParquetWriterTests
{
    [Fact]
    public void Write_NonSeekableDestination_SameBytesAsSeekable()
    {
        var rows = Enumerable.Range(0, 500).Select(i => ($"http://h{i:D4}.example", (long)i)).ToList();
        var format = new ParquetOutputFormat(new ParquetWriterOptions { RowGroupBytes = 4096, PageBytes = 512 });
        var seekable = TextOutputFormatTests.Write(format, rows);

        var sink = new MemoryStream();
        using (var writer = format.Create(new ForwardOnlyStream(sink)))
        {
            foreach (var (key, count) in rows)
            {
                writer.Write(System.Text.Encoding.UTF8.GetBytes(key), count);
            }

            writer.Complete();
        }

        Assert.Equal(seekable, sink.ToArray());
    }

    [Fact]
    public void Write_UnsortedInput_StatisticsStillCoverEveryKey()
    {
        // Out of contract (keys must come sorted), but the footer must never lie about the bounds.
        var bytes = TextOutputFormatTests.Write(new ParquetOutputFormat(), [("m", 1), ("a", 2), ("z", 3), ("b", 4)]);

        var footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        var footer = new CompactThriftReader(bytes, bytes.Length - 8 - footerLength).ReadStruct();
        var rowGroup = (Dictionary<short, object>)((List<object>)footer[4])[0];
        var keyChunk = (Dictionary<short, object>)((List<object>)rowGroup[1])[0];
        var statistics = (Dictionary<short, object>)((Dictionary<short, object>)keyChunk[3])[12];

        Assert.Equal("a"u8.ToArray(), statistics[6]); // min_value
        Assert.Equal("z"u8.ToArray(), statistics[5]); // max_value
        Assert.False(rowGroup.ContainsKey(4), "an unsorted row group must not declare sorting_columns");
    }

    [Fact]
    public void Write_SortedInput_RowGroupDeclaresKeySortedAscending()
    {
        var bytes = TextOutputFormatTests.Write(new ParquetOutputFormat(), [("a", 1), ("b", 2)]);

        var footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        var footer = new CompactThriftReader(bytes, bytes.Length - 8 - footerLength).ReadStruct();
        var rowGroup = (Dictionary<short, object>)((List<object>)footer[4])[0];
        var sorting = (Dictionary<short, object>)((List<object>)rowGroup[4]).Single();

        Assert.Equal(0L, sorting[1]); // column_idx: key
        Assert.Equal(false, sorting[2]); // descending
        Assert.Equal(false, sorting[3]); // nulls_first
    }

    /// <summary>A destination that only appends, like an upload stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
