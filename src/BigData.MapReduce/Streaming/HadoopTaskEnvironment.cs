using System.Globalization;
using System.Text;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// What Hadoop Streaming tells a task through its environment (job configuration keys with <c>.</c> turned into
/// <c>_</c>): the input file of a map task, the task's partition, and the field separators. Outside Hadoop every
/// value is absent and the defaults apply (TAB separators, input named <c>stdin</c>).
/// </summary>
public sealed record HadoopTaskEnvironment
{
    /// <summary>The TAB every separator defaults to.</summary>
    public static readonly string DefaultSeparator = "\t";

    /// <summary>No Hadoop variables at all: what a task run by hand sees.</summary>
    public static HadoopTaskEnvironment None { get; } = new();

    /// <summary>
    /// The map task's input file (<c>mapreduce_map_input_file</c>, or the old <c>map_input_file</c>), for messages.
    /// Default: null.
    /// </summary>
    public string? MapInputFile { get; init; }

    /// <summary>The task's partition (<c>mapreduce_task_partition</c>): the map or reduce task number. Default: null.</summary>
    public int? TaskPartition { get; init; }

    /// <summary>The attempt id (<c>mapreduce_task_attempt_id</c>), for messages. Default: null.</summary>
    public string? TaskAttemptId { get; init; }

    /// <summary>
    /// True when the process runs as a Hadoop task (any of the task variables is set). Then the warc input style
    /// knows its stdin is text re-lined by TextInputFormat, never raw compressed bytes.
    /// </summary>
    public bool IsHadoopTask { get; init; }

    /// <summary>Between key and count in map output (<c>stream_map_output_field_separator</c>). Default: TAB.</summary>
    public string MapOutputSeparator { get; init; } = DefaultSeparator;

    /// <summary>Between key and count in combine/reduce input (<c>stream_reduce_input_field_separator</c>). Default: TAB.</summary>
    public string ReduceInputSeparator { get; init; } = DefaultSeparator;

    /// <summary>Between key and count in combine/reduce output (<c>stream_reduce_output_field_separator</c>). Default: TAB.</summary>
    public string ReduceOutputSeparator { get; init; } = DefaultSeparator;

    /// <summary>How the input is named in messages: the map input file when Hadoop gives one, else <c>stdin</c>.</summary>
    public string InputName => MapInputFile ?? "stdin";

    /// <summary>The task as named in messages, e.g. <c>map task 3</c> or <c>reduce task</c>.</summary>
    public string TaskName(string stage) =>
        TaskPartition is { } p ? string.Create(CultureInfo.InvariantCulture, $"{stage} task {p}") : stage + " task";

    /// <summary>The process's environment.</summary>
    public static HadoopTaskEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads the variables through <paramref name="get"/> (a name → value lookup, null when unset). An empty
    /// separator is ignored (Hadoop would not split on it either); a partition that is not a number is ignored.
    /// </summary>
    public static HadoopTaskEnvironment From(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var inputFile = NonEmpty(get("mapreduce_map_input_file")) ?? NonEmpty(get("map_input_file"));
        var attempt = NonEmpty(get("mapreduce_task_attempt_id")) ?? NonEmpty(get("mapred_task_id"));
        var partitionText = NonEmpty(get("mapreduce_task_partition")) ?? NonEmpty(get("mapred_task_partition"));
        int? partition = int.TryParse(partitionText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        return new HadoopTaskEnvironment
        {
            MapInputFile = inputFile,
            TaskPartition = partition,
            TaskAttemptId = attempt,
            IsHadoopTask = inputFile != null || attempt != null || partition != null || NonEmpty(get("mapreduce_task_id")) != null,
            MapOutputSeparator = NonEmpty(get("stream_map_output_field_separator")) ?? DefaultSeparator,
            ReduceInputSeparator = NonEmpty(get("stream_reduce_input_field_separator")) ?? DefaultSeparator,
            ReduceOutputSeparator = NonEmpty(get("stream_reduce_output_field_separator")) ?? DefaultSeparator,
        };
    }

    /// <summary>A separator as the UTF-8 bytes written or searched for.</summary>
    public static byte[] SeparatorBytes(string separator) => Encoding.UTF8.GetBytes(separator);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
