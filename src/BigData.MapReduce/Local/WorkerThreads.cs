using System.Runtime.ExceptionServices;

namespace BigData.MapReduce.Local;

/// <summary>Runs a body on dedicated threads (long CPU-bound tasks, not pool work items) and rethrows the first failure.</summary>
internal static class WorkerThreads
{
    /// <summary>
    /// Runs <paramref name="body"/>(worker index) on <paramref name="count"/> threads and waits for all of them. When a
    /// body throws, <paramref name="onFailure"/> is called at once (to stop the others) and the first exception is
    /// rethrown after every thread has ended.
    /// </summary>
    public static void Run(int count, string name, Action<int> body, Action onFailure)
    {
        Exception? first = null;
        var threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            var worker = i;
            threads[i] = new Thread(() =>
            {
                try
                {
                    body(worker);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref first, ex, null);
                    onFailure();
                }
            })
            {
                IsBackground = true,
                Name = $"{name}-{i}",
            };
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (first != null)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
