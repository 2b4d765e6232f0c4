using System.Globalization;
using System.Text;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// A streaming task's stderr, where Hadoop Streaming looks for <c>reporter:counter:&lt;group&gt;,&lt;name&gt;,&lt;n&gt;</c>
/// and <c>reporter:status:&lt;text&gt;</c> lines; every other line goes to the task's log. Writes are serialised
/// (the status timer and the task's thread share it) and flushed line by line, so lines never interleave.
/// </summary>
/// <remarks>
/// Each counter line INCREMENTS the Hadoop counter, so a task reports its totals exactly once, at the end
/// (<see cref="WriteCounters"/>). Status lines also tell Hadoop the task is alive: without input, output or status
/// for <c>mapreduce.task.timeout</c> (10 minutes by default) Hadoop kills a task, so every task keeps a
/// <see cref="StartStatusTimer">status timer</see> running (on its own thread, so a busy thread pool cannot stop it).
/// </remarks>
public sealed class HadoopReporter : IDisposable
{
    /// <summary>Default status interval: 10 seconds, well inside Hadoop's inactivity timeout.</summary>
    public static readonly TimeSpan DefaultStatusInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter _error;
    private readonly string _group;
    private readonly object _gate = new(); // Monitor: re-entered by WriteCounters → Counter
    private Thread? _statusThread;
    private ManualResetEventSlim? _stopStatus;

    /// <summary>Writes to <paramref name="error"/> (the process's stderr) with counters in <paramref name="group"/>.</summary>
    public HadoopReporter(TextWriter error, string group)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrEmpty(group);
        _error = error;
        _group = Sanitize(group);
    }

    /// <summary>Status lines written so far (the timer's included).</summary>
    public int StatusLines { get; private set; }

    /// <summary>Writes one <c>reporter:counter</c> line: Hadoop adds <paramref name="value"/> to the counter.</summary>
    public void Counter(string name, long value) =>
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"reporter:counter:{_group},{Sanitize(name)},{value}"));

    /// <summary>Writes every counter once (call this once per task, at the end).</summary>
    public void WriteCounters(IEnumerable<KeyValuePair<string, long>> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        lock (_gate)
        {
            foreach (var (name, value) in counters)
            {
                Counter(name, value);
            }
        }
    }

    /// <summary>Writes one <c>reporter:status</c> line (line breaks in <paramref name="text"/> become spaces).</summary>
    public void Status(string text)
    {
        lock (_gate)
        {
            WriteLine("reporter:status:" + OneLine(text));
            StatusLines++;
        }
    }

    /// <summary>Writes a plain log line (a warning, an error) for the task's stderr log.</summary>
    public void Log(string message) => WriteLine(OneLine(message));

    /// <summary>
    /// Writes <paramref name="status"/>() now and then every <paramref name="interval"/> until stopped (or until the
    /// next call replaces it). The callback runs on a dedicated background thread, not the thread pool, so status
    /// lines keep coming even when the pool is starved: it must be thread-safe.
    /// </summary>
    public void StartStatusTimer(Func<string> status, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        StopStatusTimer();
        Status(status());
        var stop = new ManualResetEventSlim(false);
        _stopStatus = stop;
        _statusThread = new Thread(() =>
        {
            while (!stop.Wait(interval))
            {
                TryStatus(status);
            }
        })
        {
            IsBackground = true,
            Name = "status",
        };
        _statusThread.Start();
    }

    /// <summary>Stops the status timer, waiting for a status line being written to finish.</summary>
    public void StopStatusTimer()
    {
        var stop = Interlocked.Exchange(ref _stopStatus, null);
        if (stop != null)
        {
            stop.Set();
            _statusThread!.Join();
            _statusThread = null;
            stop.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => StopStatusTimer();

    /// <summary>
    /// A counter or group name that survives Hadoop's parsing of <c>group,name,value</c>: commas and line breaks
    /// become <c>_</c>.
    /// </summary>
    public static string Sanitize(string name) =>
        name.AsSpan().IndexOfAny(",\r\n") < 0 ? name : name.Replace(',', '_').Replace('\r', '_').Replace('\n', '_');

    private void TryStatus(Func<string> status)
    {
        try
        {
            Status(status());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // stderr is gone (the task is being torn down): nothing left to tell.
        }
    }

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            _error.Write(line);
            _error.Write('\n');
            _error.Flush();
        }
    }

    private static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        sb.Replace('\r', ' ').Replace('\n', ' ');
        return sb.ToString();
    }
}
