using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BigData.Storage.Outputs;

/// <summary>Writes one JSON Lines part; see <see cref="JsonLinesOutputFormat"/>.</summary>
internal sealed class JsonLinesKeyCountWriter : IKeyCountWriter
{
    private const int FlushThreshold = 64 * 1024;

    // The relaxed encoder keeps non-ASCII text as UTF-8; the output is a data file, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText KeyName = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText CountName = JsonEncodedText.Encode("count");

    private readonly Stream _destination;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;
    private readonly Utf8KeyText _keys = new();
    private bool _completed;

    public JsonLinesKeyCountWriter(Stream destination)
    {
        _destination = destination;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <inheritdoc />
    public long InvalidUtf8Keys => _keys.InvalidKeys;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        WriterState.ThrowIfCompleted(_completed);
        _json.WriteStartObject();
        _json.WriteString(KeyName, _keys.ToValidUtf8(key, out _));
        _json.WriteNumber(CountName, count);
        _json.WriteEndObject();

        // One root value per line: flush the writer, append LF ourselves, and reset it for the next line.
        _json.Flush();
        _json.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            FlushBuffer();
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        WriterState.ThrowIfCompleted(_completed);
        FlushBuffer();
        _destination.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _keys.Dispose();
    }

    private void FlushBuffer()
    {
        _destination.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
