namespace BigData.Storage.Inputs.Resilience;

/// <summary>
/// Bounds the downloads open at once: a download takes a slot when its stream opens and gives it back when the stream
/// is disposed, so a job with many workers does not hammer a server (or S3's per-prefix request rate).
/// </summary>
public sealed class DownloadGate
{
    // Never disposed: SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, and a stream still open
    // when the job's context goes away must still be able to give its slot back.
    private readonly SemaphoreSlim _slots;
    private readonly IoStatistics _statistics;

    /// <summary>A gate with <paramref name="capacity"/> slots reporting into <paramref name="statistics"/>.</summary>
    public DownloadGate(int capacity, IoStatistics statistics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
        _statistics = statistics;
    }

    /// <summary>Slots in total.</summary>
    public int Capacity { get; }

    /// <summary>Slots free right now.</summary>
    public int Available => _slots.CurrentCount;

    /// <summary>Blocks until a slot is free; disposing the result gives the slot back (once).</summary>
    public IDisposable Enter()
    {
        _slots.Wait();
        _statistics.DownloadStarted();
        return new Slot(this);
    }

    private void Leave()
    {
        _statistics.DownloadEnded();
        _slots.Release();
    }

    private sealed class Slot(DownloadGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}
