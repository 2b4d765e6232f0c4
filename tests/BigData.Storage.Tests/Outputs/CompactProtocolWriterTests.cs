using BigData.Storage.Outputs.Parquet;

namespace BigData.Storage.Tests.Outputs;

/// <summary>Expected bytes are worked out by hand from the Thrift compact protocol specification.</summary>
public sealed class CompactProtocolWriterTests
{
    [Fact]
    public void Fields_SmallDeltas_TypeAndDeltaShareOneByte()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.I32Field(1, 1); // delta 1, type 5 (i32) -> 0x15; zigzag(1) = 2
        w.I64Field(2, -1); // delta 1, type 6 (i64) -> 0x16; zigzag(-1) = 1
        w.BoolField(3, true); // delta 1, type 1 (true) -> 0x11, no value byte
        w.BoolField(5, false); // delta 2, type 2 (false) -> 0x22
        w.EndStruct(); // stop

        Assert.Equal(new byte[] { 0x15, 0x02, 0x16, 0x01, 0x11, 0x22, 0x00 }, w.Written.ToArray());
    }

    [Fact]
    public void Field_DeltaAbove15_LongFormWithZigzagId()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.I32Field(20, 300); // type byte 0x05, then zigzag(20) = 40 = 0x28; zigzag(300) = 600 = 0xD8 0x04
        w.EndStruct();

        Assert.Equal(new byte[] { 0x05, 0x28, 0xD8, 0x04, 0x00 }, w.Written.ToArray());
    }

    [Fact]
    public void NestedStruct_FieldIdsRestartInsideAndResumeAfter()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.I32Field(1, 0); // 0x15 0x00
        w.BeginStructField(5); // delta 4, type 12 -> 0x4C
        w.I32Field(1, 2); // 0x15 0x04 (ids restart at 0 inside)
        w.EndStruct(); // 0x00
        w.I32Field(6, 3); // delta 1 from 5 -> 0x15 0x06
        w.EndStruct(); // 0x00

        Assert.Equal(new byte[] { 0x15, 0x00, 0x4C, 0x15, 0x04, 0x00, 0x15, 0x06, 0x00 }, w.Written.ToArray());
    }

    [Fact]
    public void Lists_ShortAndLong_SizeInNibbleOrVarint()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.ListField(1, CompactType.I32, 2); // 0x19, then size 2 << 4 | 5 = 0x25
        w.I32Value(0);
        w.I32Value(3);
        w.ListField(2, CompactType.Binary, 15); // 0x19, then 0xF8 and varint 15
        for (var i = 0; i < 15; i++)
        {
            w.StringValue("a"); // length 1, 'a'
        }

        w.EndStruct();

        var expected = new List<byte> { 0x19, 0x25, 0x00, 0x06, 0x19, 0xF8, 0x0F };
        for (var i = 0; i < 15; i++)
        {
            expected.AddRange([0x01, (byte)'a']);
        }

        expected.Add(0x00);
        Assert.Equal(expected.ToArray(), w.Written.ToArray());
    }

    [Fact]
    public void BinaryAndString_LengthPrefixedUtf8()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.BinaryField(1, [0xFF, 0x00]); // 0x18, len 2
        w.StringField(2, "ü"); // 0x18, len 2, C3 BC
        w.I16Field(3, -2); // 0x14, zigzag(-2) = 3
        w.EndStruct();

        Assert.Equal(new byte[] { 0x18, 0x02, 0xFF, 0x00, 0x18, 0x02, 0xC3, 0xBC, 0x14, 0x03, 0x00 }, w.Written.ToArray());
    }

    [Fact]
    public void I64Field_LargeValue_TenByteVarintAtMost()
    {
        var w = new CompactProtocolWriter();
        w.BeginStruct();
        w.I64Field(1, long.MinValue); // zigzag = 2^64 - 1: nine 0xFF bytes and 0x01
        w.EndStruct();

        Assert.Equal(new byte[] { 0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00 }, w.Written.ToArray());
    }
}
