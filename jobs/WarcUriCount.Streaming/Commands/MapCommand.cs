using System.Globalization;
using System.IO.Compression;
using BigData.MapReduce.Streaming;
using BigData.MapReduce.Text;
using BigData.Storage.Inputs;
using BigData.Storage.S3;

namespace WarcUriCount.Streaming.Commands;

/// <summary>
/// <c>warc-uri-count map</c>: stdin (WARC content or a list of locations) to combined <c>key&lt;TAB&gt;count</c>
/// lines on stdout, counters and status on stderr. The work is <see cref="StreamMapTask"/>'s; this decides the input
/// style and feeds it.
/// </summary>
internal static class MapCommand
{
    /// <summary>Longest location line; anything longer is not a location.</summary>
    private const int MaxLocationLineBytes = 1 << 16;

    public static int Run(StreamingRequest request, StreamingConsole console, HadoopTaskEnvironment environment, HadoopReporter reporter)
    {
        var job = new WarcUriCountJob(WarcUriCountOptions.FromCommandLine(request.Key, request.Types));
        var taskName = environment.TaskName("map");
        using var output = SeparatedKeyCountWriter.Create(console.Output, environment.MapOutputSeparator);
        using var resolver = new InputResolver(new InputOptions
        {
            InputBaseUrl = request.InputBaseUrl,
            S3 = new S3Options { Region = request.S3Region, Endpoint = request.S3Endpoint, Anonymous = request.S3Anonymous },
        });
        using var task = new StreamMapTask(job, request.Map, output, reporter.Log);
        reporter.StartStatusTimer(() => Status(taskName, task), request.StatusInterval);

        var head = ReplayStream.ReadHead(console.Input);
        var style = request.InputStyle == StreamInputStyle.Auto
            ? StreamInputSniffer.Detect(head, hasBaseUrl: !string.IsNullOrEmpty(request.InputBaseUrl))
            : request.InputStyle;
        using var input = new ReplayStream(head, console.Input);
        switch (style)
        {
            case null:
                reporter.Log($"{taskName}: stdin is empty: nothing to map");
                break;
            case StreamInputStyle.Warc:
                MapWarcContent(request, environment, task, head, input);
                break;
            default:
                MapLocations(request, resolver, task, IsGzip(head) ? new GZipStream(input, CompressionMode.Decompress) : input);
                break;
        }

        if (task.TooManyFailures)
        {
            reporter.StopStatusTimer();
            reporter.WriteCounters(AllCounters(task, resolver));
            reporter.Log($"{taskName}: task failed: {task.FailedFiles.Count} input files failed, more than --max-failed-files {request.Map.MaxFailedFiles}; its output must be discarded (Hadoop does so and retries the task)");
            return ExitCodes.TaskFailed;
        }

        task.Complete();
        reporter.StopStatusTimer();
        reporter.Status(Status(taskName, task, done: true));
        reporter.WriteCounters(AllCounters(task, resolver));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The warc style: stdin is one archive's lines. Under Hadoop they were re-lined by TextInputFormat, so
    /// Content-Length is not trusted and records are found by their shape.
    /// </summary>
    private static void MapWarcContent(StreamingRequest request, HadoopTaskEnvironment environment, StreamMapTask task, byte[] head, Stream input)
    {
        var source = environment.InputName;
        if (environment.IsHadoopTask && IsGzip(head))
        {
            // Hadoop picks a codec by file name: a gzip file without a .gz name reaches the mapper as binary cut into
            // "lines", which no decoder can repair. Refuse it clearly instead of counting a damaged prefix.
            task.Fail(source, "the warc input style received gzip bytes re-lined by TextInputFormat (Hadoop chooses a codec by file name, "
                + "and this gzip file has no .gz name); rename it to .gz, or use --input-style locations");
            return;
        }

        task.MapStream(input, source, request.Map.EffectiveReaderOptions with { TrustContentLength = false });
    }

    /// <summary>The locations style: each line names a file, which is opened, decoded and read with the usual reader options.</summary>
    private static void MapLocations(StreamingRequest request, InputResolver resolver, StreamMapTask task, Stream input)
    {
        using var lines = new BoundedLineReader(input, MaxLocationLineBytes);
        while (!task.TooManyFailures && lines.TryReadLine(out var line, out var tooLong))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"stdin line {lines.LineNumber}");
            if (tooLong)
            {
                task.Fail(where, $"a location line longer than {MaxLocationLineBytes} bytes: the input is not a list of locations");
                continue;
            }

            if (!LocationLines.TryGetLocation(line, out var location))
            {
                continue;
            }

            IInputFile file;
            try
            {
                file = resolver.CreateFile(LocationLines.Resolve(location, request.InputBaseUrl, lines.LineNumber));
            }
            catch (InputException e)
            {
                task.Fail(where, e.Message);
                continue;
            }

            task.MapFile(file);
        }
    }

    /// <summary>Gzip magic bytes. A list of locations may come gzipped too, like Common Crawl's <c>warc.paths.gz</c> (by hand: Hadoop decompresses).</summary>
    private static bool IsGzip(byte[] head) => StreamInputSniffer.IsGzip(head);

    private static List<KeyValuePair<string, long>> AllCounters(StreamMapTask task, InputResolver resolver) =>
        [.. task.Counters.Snapshot().Concat(resolver.Statistics.ToCounters()).OrderBy(c => c.Key, StringComparer.Ordinal)];

    private static string Status(string taskName, StreamMapTask task, bool done = false)
    {
        var current = task.CurrentSource;
        var doing = done ? "done" : current.Length > 0 ? "reading " + current : "running";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"warc-uri-count {taskName}: {doing}; {task.BytesRead / 1e6:F1} MB read, {task.FilesOk} files ok, {task.FilesFailed} failed, {task.OutputLines} lines out");
    }
}
