using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using BigData.MapReduce.Text;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// A streaming combiner or reducer for counting jobs: reads key-sorted <c>key&lt;TAB&gt;count</c> lines and writes
/// one line per key with the sum, in one pass and constant memory (one key is held at a time). Nothing goes
/// unreported: a line without TAB, with a count that is not a 64-bit decimal, or longer than the line limit is
/// counted (<see cref="StreamCounters"/>), described on stderr and skipped, and the task goes on. A sum that would
/// overflow is written as two lines for the key. Keys are bytes: invalid UTF-8 passes through unchanged (and is
/// counted). Input that is not sorted (in Hadoop's key order or <c>LC_ALL=C sort</c>'s line order) is detected.
/// </summary>
public sealed class StreamReduceTask
{
    private readonly StreamReduceOptions _options;
    private readonly Counters _counters;
    private readonly Action<string> _log;
    private readonly byte[] _separator;
    private readonly string _inputName;
    private long _bytesRead;
    private long _inputLines;
    private long _reported;

    /// <summary>
    /// Creates a task. Counters go to <paramref name="counters"/> (only those that happened); messages to
    /// <paramref name="log"/>; <paramref name="inputName"/> names the input in them (default <c>stdin</c>).
    /// </summary>
    public StreamReduceTask(StreamReduceOptions options, Counters counters, Action<string> log, string inputName = "stdin")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        _options = options;
        _counters = counters;
        _log = log;
        _inputName = inputName;
        _separator = HadoopTaskEnvironment.SeparatorBytes(options.InputSeparator);
    }

    /// <summary>Input bytes consumed so far (safe to read from another thread, for status lines).</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>Input lines read so far (safe to read from another thread).</summary>
    public long InputLines => Volatile.Read(ref _inputLines);

    /// <summary>
    /// Sums <paramref name="input"/> into <paramref name="output"/> (neither is closed; the output is flushed). I/O
    /// errors propagate: the task has then failed.
    /// </summary>
    public StreamReduceResult Run(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var reader = new BoundedLineReader(input, _options.MaxLineBytes);
        using var writer = SeparatedKeyCountWriter.Create(output, _options.OutputSeparator);
        var current = new KeyBuffer();
        try
        {
            long outputLines = 0;
            long malformed = 0;
            long outOfOrder = 0;
            long firstOutOfOrderLine = 0;
            long sum = 0;
            while (reader.TryReadLine(out var line, out var tooLong))
            {
                // One writer: plain atomic stores are enough for the status thread to read.
                Volatile.Write(ref _inputLines, reader.LineNumber);
                Volatile.Write(ref _bytesRead, reader.Position);
                if (tooLong)
                {
                    malformed++;
                    Malformed(StreamCounters.TooLong, reader, line, $"line longer than {_options.MaxLineBytes} bytes, skipped");
                    continue;
                }

                var split = _separator.Length == 1 ? line.IndexOf(_separator[0]) : line.IndexOf(_separator);
                if (split < 0)
                {
                    malformed++;
                    Malformed(StreamCounters.MissingSeparator, reader, line, $"no {SeparatorName()} between key and count");
                    continue;
                }

                var key = line[..split];
                var value = line[(split + _separator.Length)..];
                if (!KeyValueCodec.TryParseCount(value, out var count))
                {
                    malformed++;
                    Malformed(StreamCounters.BadCount, reader, line, DescribeBadCount(value));
                    continue;
                }

                if (current.HasKey && key.SequenceEqual(current.Key))
                {
                    var total = unchecked(sum + count);
                    if (((sum ^ total) & (count ^ total)) < 0)
                    {
                        // No 64-bit sum exists: write what we have and go on with a second line for the key.
                        _counters.Add(StreamCounters.For(_options.Stage, StreamCounters.SumOverflow), 1);
                        _log(Where(reader) + $": the count of key '{Snippet(key)}' overflows 64 bits; it is written as more than one line");
                        writer.Write(current.Key, sum);
                        outputLines++;
                        total = count;
                    }

                    sum = total;
                    continue;
                }

                if (current.HasKey)
                {
                    writer.Write(current.Key, sum);
                    outputLines++;
                    if (IsOutOfOrder(key, current.Key))
                    {
                        outOfOrder++;
                        if (firstOutOfOrderLine == 0)
                        {
                            firstOutOfOrderLine = reader.LineNumber;
                            _log(Where(reader) + $": key '{Snippet(key)}' comes after the larger key '{Snippet(current.Key)}': the input is not sorted in byte order");
                        }
                    }
                }

                current.Set(key);
                sum = count;
                if (!Utf8.IsValid(key))
                {
                    var nonUtf8 = _counters[StreamCounters.For(_options.Stage, StreamCounters.NonUtf8Keys)];
                    if (nonUtf8.Value == 0)
                    {
                        _log(Where(reader) + $": key '{Snippet(key)}' is not valid UTF-8; it is kept byte for byte (further ones are only counted)");
                    }

                    nonUtf8.Increment();
                }
            }

            if (current.HasKey)
            {
                writer.Write(current.Key, sum);
                outputLines++;
            }

            writer.Complete();
            Volatile.Write(ref _bytesRead, reader.Position);
            if (_reported > _options.MaxReportedLines)
            {
                _log($"{_inputName}: {malformed} malformed lines in all ({_reported - _options.MaxReportedLines} not described above); see the {StagePrefix()}malformed.* counters");
            }

            string? failure = null;
            if (outOfOrder > 0)
            {
                _counters.Add(StreamCounters.For(_options.Stage, StreamCounters.OutOfOrder), outOfOrder);
                var what = $"{_inputName}: {outOfOrder} keys out of order (the first at line {firstOutOfOrderLine}): the input must be sorted by key in byte order, as Hadoop sorts it (by hand: LC_ALL=C sort)";
                if (_options.FailOnUnsortedInput)
                {
                    failure = what + "; the output could hold a key more than once, so the task fails";
                }
                else
                {
                    _log(what + "; a combiner's output is sorted and summed again, so nothing is lost");
                }
            }

            return new StreamReduceResult(reader.LineNumber, outputLines, malformed, outOfOrder, failure);
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>
    /// True when <paramref name="key"/> sorts before <paramref name="previous"/> both in key order (Hadoop's Text
    /// comparator) and in line order (<c>LC_ALL=C sort</c> compares key+separator+count): the two differ only when
    /// one key is a prefix of the other, and a correctly sorted input satisfies at least one of them.
    /// </summary>
    private bool IsOutOfOrder(ReadOnlySpan<byte> key, ReadOnlySpan<byte> previous)
    {
        var common = Math.Min(key.Length, previous.Length);
        var order = key[..common].SequenceCompareTo(previous[..common]);
        if (order != 0)
        {
            return order < 0;
        }

        if (key.Length >= previous.Length)
        {
            return false; // equal (not reached: equal keys are summed) or key is longer: after in key order
        }

        // key is a proper prefix of previous: before in key order; in line order, key's separator meets previous's byte.
        var rest = previous[common..];
        var n = Math.Min(rest.Length, _separator.Length);
        return _separator.AsSpan(0, n).SequenceCompareTo(rest[..n]) < 0;
    }

    private void Malformed(string kind, BoundedLineReader reader, ReadOnlySpan<byte> line, string what)
    {
        _counters.Add(StreamCounters.For(_options.Stage, kind), 1);
        if (++_reported <= _options.MaxReportedLines)
        {
            _log($"{Where(reader)}: malformed line ({what}): '{Snippet(line)}'{(_reported == _options.MaxReportedLines ? "; further malformed lines are only counted" : "")}");
        }
    }

    private string Where(BoundedLineReader reader) =>
        string.Create(CultureInfo.InvariantCulture, $"{_inputName} line {reader.LineNumber} (byte {reader.LineOffset})");

    private string SeparatorName() => _options.InputSeparator == "\t" ? "TAB" : $"separator '{_options.InputSeparator}'";

    private string StagePrefix() => StreamCounters.For(_options.Stage, "");

    private static string DescribeBadCount(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return "empty count";
        }

        var digits = value[0] == (byte)'-' ? value[1..] : value;
        return !digits.IsEmpty && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? "count does not fit in 64 bits"
            : "count is not a decimal integer";
    }

    /// <summary>The start of some bytes for a message: printable ASCII as is, other bytes as \xNN, at most 120 bytes.</summary>
    internal static string Snippet(ReadOnlySpan<byte> bytes)
    {
        const int Max = 120;
        var sb = new System.Text.StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, Max)])
        {
            if (b is >= 0x20 and < 0x7F && b != (byte)'\\')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(b switch
                {
                    (byte)'\t' => "\\t",
                    (byte)'\r' => "\\r",
                    (byte)'\\' => "\\\\",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}"),
                });
            }
        }

        if (bytes.Length > Max)
        {
            sb.Append(CultureInfo.InvariantCulture, $"... ({bytes.Length} bytes)");
        }

        return sb.ToString();
    }

    /// <summary>The key being summed, copied out of the reader's buffer into a pooled array.</summary>
    private struct KeyBuffer : IDisposable
    {
        private byte[]? _bytes;
        private int _length;

        public readonly bool HasKey => _bytes != null;

        public readonly ReadOnlySpan<byte> Key => _bytes.AsSpan(0, _length);

        public void Set(ReadOnlySpan<byte> key)
        {
            if (_bytes == null || _bytes.Length < key.Length)
            {
                if (_bytes != null)
                {
                    ArrayPool<byte>.Shared.Return(_bytes);
                }

                _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(key.Length, 256));
            }

            key.CopyTo(_bytes);
            _length = key.Length;
        }

        public void Dispose()
        {
            if (_bytes != null)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = null;
            }
        }
    }
}
