using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BigData.MapReduce.Local;

/// <summary>
/// Renders <c>_counters.json</c>, the side file written beside the parts: the job's counters sorted by name and the
/// facts of the run (what ran, how, how long, which files failed).
/// </summary>
internal static class CountersJson
{
    /// <summary>The side file's name.</summary>
    public const string FileName = "_counters.json";

    public static byte[] Render(LocalJobResult result, LocalRunnerOptions options, int inputFiles, string format)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("job", result.JobName);
            json.WriteString("runner", "local");
            json.WriteStartObject("counters");
            foreach (var (name, value) in result.Counters)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("facts");
            json.WriteString("finished_utc", DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
            json.WriteNumber("elapsed_ms", (long)result.Elapsed.TotalMilliseconds);
            json.WriteNumber("task_ms", (long)result.TaskTime.TotalMilliseconds);
            json.WriteNumber("workers", options.Workers);
            json.WriteNumber("reducers", result.Reducers);
            json.WriteNumber("memory_bytes", options.MemoryBytes);
            json.WriteBoolean("strict", options.EffectiveReaderOptions.Strict);
            json.WriteString("format", format);
            json.WriteNumber("input_files", inputFiles);
            json.WriteNumber("failed_attempts", result.FailedAttempts);
            json.WriteNumber("spills", result.Spills);
            json.WriteNumber("output_records", result.OutputRecords);
            json.WriteNumber("output_count_sum", result.OutputCountSum);
            json.WriteEndObject();
            json.WriteStartArray("failed_files");
            foreach (var failed in result.FailedFiles)
            {
                json.WriteStartObject();
                json.WriteString("location", failed.Location);
                json.WriteString("message", failed.Message);
                json.WriteNumber("attempts", failed.Attempts);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
