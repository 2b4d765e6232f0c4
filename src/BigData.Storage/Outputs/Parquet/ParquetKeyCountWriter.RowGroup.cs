using System.Buffers.Binary;
using System.Diagnostics;

namespace BigData.Storage.Outputs.Parquet;

/// <summary>Writing a buffered row group: pages of each column chunk and their statistics.</summary>
internal sealed partial class ParquetKeyCountWriter
{
    private void FlushRowGroup()
    {
        if (_rows == 0)
        {
            return;
        }

        var keyChunk = WriteKeyChunk();
        var countChunk = WriteCountChunk();
        _rowGroups.Add(new RowGroupInfo([keyChunk, countChunk], _rows, _sorted ? 0 : null));

        _keys.Clear();
        _counts.Clear();
        _rows = 0;
        _lastKeyOffset = 0;
        _sorted = true;
    }

    private ColumnChunkInfo WriteKeyChunk()
    {
        var values = _keys.Written;
        var firstPage = _file.Position;
        long uncompressed = 0, compressed = 0;
        int pageStart = 0, pageValues = 0, position = 0;
        while (position < values.Length)
        {
            var size = sizeof(int) + BinaryPrimitives.ReadInt32LittleEndian(values[position..]);

            // Close the page before a value that would overflow it; a value larger than a page gets its own.
            if (pageValues > 0 && position + size - pageStart > _options.PageBytes)
            {
                var (u, c) = _file.WriteDataPage(values[pageStart..position], pageValues);
                (uncompressed, compressed) = (uncompressed + u, compressed + c);
                (pageStart, pageValues) = (position, 0);
            }

            position += size;
            pageValues++;
        }

        Debug.Assert(position == values.Length && pageValues > 0, "the buffer holds whole values, at least one");
        var (lastU, lastC) = _file.WriteDataPage(values[pageStart..], pageValues);
        uncompressed += lastU;
        compressed += lastC;

        var (minOffset, maxOffset) = KeyBounds(values);
        var min = PlainByteArrayAt(values, minOffset);
        var max = PlainByteArrayAt(values, maxOffset);
        var stats = new ColumnStatistics(
            min.Length <= _options.MaxStatisticsBytes ? min.ToArray() : null,
            max.Length <= _options.MaxStatisticsBytes ? max.ToArray() : null,
            NullCount: 0);
        return new ColumnChunkInfo(KeyColumn, _file.Codec, _rows, uncompressed, compressed, firstPage, stats);
    }

    private ColumnChunkInfo WriteCountChunk()
    {
        var values = _counts.Written;
        var firstPage = _file.Position;
        var perPage = Math.Max(1, _options.PageBytes / sizeof(long));
        long uncompressed = 0, compressed = 0;
        for (var first = 0; first < _rows; first += perPage)
        {
            var n = Math.Min(perPage, _rows - first);
            var (u, c) = _file.WriteDataPage(values.Slice(first * sizeof(long), n * sizeof(long)), n);
            uncompressed += u;
            compressed += c;
        }

        var min = new byte[sizeof(long)];
        var max = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(min, _minCount);
        BinaryPrimitives.WriteInt64LittleEndian(max, _maxCount);
        var stats = new ColumnStatistics(min, max, NullCount: 0);
        return new ColumnChunkInfo(CountColumn, _file.Codec, _rows, uncompressed, compressed, firstPage, stats);
    }

    /// <summary>
    /// Offsets of the smallest and largest key in unsigned byte order (Parquet's order for STRING, and the job's).
    /// </summary>
    private (int Min, int Max) KeyBounds(ReadOnlySpan<byte> values)
    {
        if (_sorted)
        {
            return (0, _lastKeyOffset);
        }

        int min = 0, max = 0;
        for (var position = 0; position < values.Length;)
        {
            var value = PlainByteArrayAt(values, position);
            if (value.SequenceCompareTo(PlainByteArrayAt(values, min)) < 0)
            {
                min = position;
            }

            if (value.SequenceCompareTo(PlainByteArrayAt(values, max)) > 0)
            {
                max = position;
            }

            position += sizeof(int) + value.Length;
        }

        return (min, max);
    }

    /// <summary>The bytes of the PLAIN-encoded byte array starting at <paramref name="offset"/>.</summary>
    private static ReadOnlySpan<byte> PlainByteArrayAt(ReadOnlySpan<byte> values, int offset) =>
        values.Slice(offset + sizeof(int), BinaryPrimitives.ReadInt32LittleEndian(values[offset..]));
}
