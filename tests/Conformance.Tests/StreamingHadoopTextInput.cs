using TestSupport;

namespace Conformance.Tests;

/// <summary>
/// What Hadoop Streaming puts on a mapper's stdin for one file read with TextInputFormat: the file decompressed by
/// the codec its NAME selects (<c>.gz</c> → gzip, anything else → none, exactly as Hadoop's CompressionCodecFactory
/// decides), cut into lines at <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>, each line written back with <c>\n</c>.
/// A gzip codec that meets a truncated or non-gzip stream fails the task, as Hadoop's does.
/// </summary>
public static class StreamingHadoopTextInput
{
    /// <summary>The mapper's stdin for <paramref name="path"/>, or the codec's failure message.</summary>
    public static (byte[]? Stdin, string? CodecFailure) Deliver(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            // gzip -dc is as strict as Hadoop's GzipCodec: a cut or foreign stream is an error, not a shorter file.
            var gunzip = ProcessRunner.Run("gzip", ["-dc"], raw);
            if (gunzip.ExitCode != 0)
            {
                return (null, $"gzip codec failed on {Path.GetFileName(path)}: {gunzip.Stderr.Trim()}");
            }

            raw = gunzip.Stdout;
        }

        return (Reline(raw), null);
    }

    /// <summary>TextInputFormat's LineReader then streaming's writer: lines end at CRLF, LF or CR; each is written with LF.</summary>
    public static byte[] Reline(ReadOnlySpan<byte> text)
    {
        var output = new MemoryStream(text.Length + 16);
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                output.Write(text);
                output.WriteByte((byte)'\n');
                break;
            }

            output.Write(text[..end]);
            output.WriteByte((byte)'\n');
            var terminator = text[end] == (byte)'\r' && end + 1 < text.Length && text[end + 1] == (byte)'\n' ? 2 : 1;
            text = text[(end + terminator)..];
        }

        return output.ToArray();
    }
}
