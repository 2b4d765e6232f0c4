namespace BigData.Warc.Sample;

/// <summary>
/// Writes a deterministic, Common-Crawl-like <c>.warc.gz</c>: a <c>warcinfo</c> record, then for every page a
/// <c>request</c>, a <c>response</c> (HTTP headers and an HTML payload with real SHA-1 digests) and a <c>metadata</c>
/// record, each in its own gzip member. Hosts follow Zipf popularity and their URIs come in the spellings a URI
/// counter must normalise (case, default ports, trailing dots, userinfo, IDN, IPv4/IPv6 literals, &lt;…&gt;).
/// Same <see cref="SampleOptions"/> → same uncompressed bytes, whatever the thread count or machine.
/// </summary>
public static class SampleArchiveGenerator
{
    /// <summary>Pages generated and compressed as one unit of parallel work (a few MB uncompressed).</summary>
    internal const int PagesPerChunk = 32;

    /// <summary>Writes the sample to <paramref name="output"/> (not closed) and says what was written.</summary>
    public static SampleSummary Write(Stream output, SampleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var context = new SampleContext(options ?? SampleOptions.Default);
        long records = 0;
        long uncompressed = 0;
        long compressed = 0;

        void Consume(GzipMemberSink sink)
        {
            output.Write(sink.Output.GetBuffer(), 0, (int)sink.Output.Length);
            records += sink.Records;
            uncompressed += sink.UncompressedBytes;
            compressed += sink.Output.Length;
        }

        var warcinfo = new GzipMemberSink(context.Options.Compression);
        using (var writer = new SamplePageWriter(context))
        {
            writer.WriteWarcinfo(warcinfo);
        }

        Consume(warcinfo);
        if (context.Options.Pages > 0)
        {
            var pipeline = new OrderedChunkPipeline(context, PagesPerChunk, context.Options.EffectiveParallelism);
            pipeline.Run(Consume, cancellationToken);
        }

        output.Flush();
        return new SampleSummary(context.Options.Pages, records, uncompressed, compressed);
    }

    /// <summary>
    /// Writes the sample to <paramref name="path"/> through a temporary file renamed at the end, so an interrupted
    /// run never leaves a truncated sample under the final name. The warcinfo names the file unless
    /// <see cref="SampleOptions.FileName"/> is set.
    /// </summary>
    public static SampleSummary WriteFile(string path, SampleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= SampleOptions.Default;
        if (options.FileName == null)
        {
            options = options with { FileName = Path.GetFileName(path) };
        }

        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        try
        {
            SampleSummary summary;
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                summary = Write(file, options, cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
            return summary;
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // The original failure is what matters (for example a missing directory, where Delete fails too).
            }

            throw;
        }
    }
}
