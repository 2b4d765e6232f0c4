using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace BigData.Storage.Outputs.Parquet;

/// <summary>
/// Encodes Thrift structs with the compact protocol, the encoding of every Parquet page header and footer:
/// field headers carry the field-id delta and the type in one byte when the delta is 1..15, integers are
/// zigzag varints, binaries are a varint length and the bytes, booleans live in the field header, and a struct
/// ends with a stop byte. Only writing, and only what Parquet's metadata needs (no maps, sets or doubles).
/// </summary>
internal sealed class CompactProtocolWriter
{
    private readonly ArrayBufferWriter<byte> _out = new(1024);
    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;

    /// <summary>Everything encoded since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _out.WrittenSpan;

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Clear()
    {
        _out.ResetWrittenCount();
        _enclosingLastFieldIds.Clear();
        _lastFieldId = 0;
    }

    /// <summary>Starts a struct that is not a field: the top-level struct or an element of a list.</summary>
    public void BeginStruct()
    {
        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    /// <summary>Starts a struct-typed field (unions are structs with one field set).</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Ends the current struct with a stop byte.</summary>
    public void EndStruct()
    {
        Debug.Assert(_enclosingLastFieldIds.Count > 0, "EndStruct without BeginStruct");
        WriteByte((byte)CompactType.Stop);
        _lastFieldId = _enclosingLastFieldIds.Pop();
    }

    /// <summary>Writes an empty struct field, such as Parquet's <c>StringType</c> or <c>TypeDefinedOrder</c>.</summary>
    public void EmptyStructField(short id)
    {
        BeginStructField(id);
        EndStruct();
    }

    public void BoolField(short id, bool value) =>
        FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void I16Field(short id, short value)
    {
        FieldHeader(id, CompactType.I16);
        WriteVarint(ZigZag(value));
    }

    /// <summary>An i32 field; Thrift enums are encoded as i32 too.</summary>
    public void I32Field(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        WriteVarint(ZigZag(value));
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        WriteVarint(ZigZag(value));
    }

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        BinaryValue(value);
    }

    /// <summary>A Thrift string: binary holding UTF-8.</summary>
    public void StringField(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        StringValue(value);
    }

    /// <summary>Starts a list field; the <paramref name="count"/> elements follow with the element methods.</summary>
    public void ListField(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    /// <summary>An i32 (or enum) list element.</summary>
    public void I32Value(int value) => WriteVarint(ZigZag(value));

    /// <summary>A binary list element.</summary>
    public void BinaryValue(ReadOnlySpan<byte> value)
    {
        WriteVarint((uint)value.Length);
        _out.Write(value);
    }

    /// <summary>A string list element.</summary>
    public void StringValue(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((uint)length);
        var span = _out.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _out.Advance(length);
    }

    private void ListHeader(CompactType elementType, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        // Short lists keep their size in the header's high nibble; from 15 on it follows as a varint.
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (byte)elementType));
            WriteVarint((uint)count);
        }
    }

    private void FieldHeader(short id, CompactType type)
    {
        Debug.Assert(id > 0, "Thrift field ids of Parquet's IDL are positive");
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag(id));
        }

        _lastFieldId = id;
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void WriteVarint(ulong value)
    {
        var span = _out.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _out.Advance(i);
    }

    private void WriteByte(byte value)
    {
        _out.GetSpan(1)[0] = value;
        _out.Advance(1);
    }
}
