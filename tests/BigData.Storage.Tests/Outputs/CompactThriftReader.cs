using System.Buffers.Binary;

namespace BigData.Storage.Tests.Outputs;

/// <summary>
/// A minimal Thrift compact-protocol decoder, written for the tests from the protocol spec (independent of the
/// writer's encoder): decodes any struct into field id → value (long, bool, byte[], nested struct, list).
/// </summary>
public sealed class CompactThriftReader(byte[] data, long position)
{
    public long Position { get; private set; } = position;

    public Dictionary<short, object> ReadStruct()
    {
        var fields = new Dictionary<short, object>();
        short lastId = 0;
        while (true)
        {
            var header = data[Position++];
            if (header == 0)
            {
                return fields;
            }

            var type = header & 0x0F;
            var delta = header >> 4;
            var id = delta != 0 ? (short)(lastId + delta) : (short)ZigZag(ReadVarint());
            fields[id] = type switch
            {
                1 => true,
                2 => false,
                _ => ReadValue(type),
            };
            lastId = id;
        }
    }

    private object ReadValue(int type) => type switch
    {
        3 => (long)(sbyte)data[Position++],
        4 or 5 or 6 => ZigZag(ReadVarint()),
        7 => BinaryPrimitives.ReadDoubleLittleEndian(Take(8)),
        8 => Take(checked((int)ReadVarint())).ToArray(),
        9 or 10 => ReadList(),
        12 => ReadStruct(),
        _ => throw new InvalidDataException($"unsupported compact type {type} at {Position}"),
    };

    private List<object> ReadList()
    {
        var header = data[Position++];
        var size = header >> 4 == 15 ? checked((int)ReadVarint()) : header >> 4;
        var elementType = header & 0x0F;
        var list = new List<object>(size);
        for (var i = 0; i < size; i++)
        {
            // Booleans in lists take a byte each: 1 is true.
            list.Add(elementType is 1 or 2 ? data[Position++] == 1 : ReadValue(elementType));
        }

        return list;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        var span = data.AsSpan(checked((int)Position), count);
        Position += count;
        return span;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[Position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

/// <summary>A data page as its header describes it.</summary>
public sealed record ParquetPage(long Offset, int Type, int UncompressedSize, int CompressedSize, int NumValues, int Encoding);

/// <summary>Walks the pages of a column chunk, from its first page over <c>total_compressed_size</c> bytes.</summary>
public static class ParquetPages
{
    public static IReadOnlyList<ParquetPage> Read(byte[] file, long firstPageOffset, long totalCompressedSize)
    {
        var pages = new List<ParquetPage>();
        var position = firstPageOffset;
        var end = firstPageOffset + totalCompressedSize;
        while (position < end)
        {
            var reader = new CompactThriftReader(file, position);
            var header = reader.ReadStruct();
            var dataPage = (Dictionary<short, object>)header[5];
            var page = new ParquetPage(
                position,
                (int)(long)header[1],
                (int)(long)header[2],
                (int)(long)header[3],
                (int)(long)dataPage[1],
                (int)(long)dataPage[2]);
            pages.Add(page);
            position = reader.Position + page.CompressedSize;
        }

        Assert.Equal(end, position);
        return pages;
    }
}
