using System.Diagnostics;

namespace BigData.Warc.Sample;

/// <summary>
/// Generates chunks of pages on several threads and hands them to one consumer strictly in chunk order. A worker
/// may run at most <c>window</c> chunks ahead of the consumer, which bounds memory and lets slot buffers be reused.
/// </summary>
internal sealed class OrderedChunkPipeline
{
    private readonly object _gate = new();
    private readonly SampleContext _context;
    private readonly int _chunks;
    private readonly int _pagesPerChunk;
    private readonly GzipMemberSink[] _slots;
    private readonly bool[] _ready;
    private int _nextToClaim;
    private int _nextToConsume;
    private bool _stop;
    private Exception? _failure;

    public OrderedChunkPipeline(SampleContext context, int pagesPerChunk, int threads)
    {
        _context = context;
        _pagesPerChunk = pagesPerChunk;
        _chunks = (context.Options.Pages + pagesPerChunk - 1) / pagesPerChunk;
        Threads = Math.Max(1, Math.Min(threads, _chunks));
        _slots = new GzipMemberSink[Threads * 2];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new GzipMemberSink(context.Options.Compression);
        }

        _ready = new bool[_slots.Length];
    }

    public int Threads { get; }

    /// <summary>Runs the workers and calls <paramref name="consume"/> once per chunk, in order, on this thread.</summary>
    public void Run(Action<GzipMemberSink> consume, CancellationToken cancellationToken)
    {
        var workers = new Thread[Threads];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = "sample-generator-" + i };
            workers[i].Start();
        }

        try
        {
            for (var chunk = 0; chunk < _chunks; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var slot = chunk % _slots.Length;
                lock (_gate)
                {
                    while (!_ready[slot] && _failure == null)
                    {
                        Monitor.Wait(_gate, 200);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (_failure != null)
                    {
                        throw new InvalidOperationException("sample generation failed: " + _failure.Message, _failure);
                    }
                }

                consume(_slots[slot]);
                lock (_gate)
                {
                    _ready[slot] = false;
                    _nextToConsume++;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _stop = true;
                Monitor.PulseAll(_gate);
            }

            foreach (var worker in workers)
            {
                worker.Join();
            }
        }
    }

    private void Work()
    {
        try
        {
            using var writer = new SamplePageWriter(_context);
            while (true)
            {
                int chunk;
                lock (_gate)
                {
                    while (!_stop && _nextToClaim < _chunks && _nextToClaim >= _nextToConsume + _slots.Length)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stop || _nextToClaim >= _chunks)
                    {
                        return;
                    }

                    chunk = _nextToClaim++;
                }

                var sink = _slots[chunk % _slots.Length];
                Debug.Assert(!_ready[chunk % _slots.Length], "a slot is reused only after it was consumed");
                sink.Reset();
                var first = (long)chunk * _pagesPerChunk;
                var end = Math.Min(first + _pagesPerChunk, _context.Options.Pages);
                for (var page = first; page < end; page++)
                {
                    writer.WritePage(_context.Options.FirstPage + page, sink);
                }

                lock (_gate)
                {
                    _ready[chunk % _slots.Length] = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure ??= e;
                _stop = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
