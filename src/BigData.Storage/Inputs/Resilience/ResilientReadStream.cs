using System.Buffers;
using System.Diagnostics;

namespace BigData.Storage.Inputs.Resilience;

/// <summary>
/// A forward-only read of a remote object that survives the network: a failed request is retried with backoff, a body
/// that breaks or stalls mid-way is continued with a ranged request from the last byte received (checking that the
/// object did not change), and a server that ignores the range has the bytes already delivered skipped. Holds a
/// download slot of the <see cref="DownloadGate"/> until disposed. Synchronous reads are the intended use (worker
/// threads); nothing here needs the thread pool except the S3 SDK's own request.
/// </summary>
internal sealed class ResilientReadStream : Stream
{
    /// <summary>Scratch size used to skip bytes when a server ignored a Range header.</summary>
    private const int SkipBufferSize = 1 << 16;

    private readonly IRangedSource _source;
    private readonly RetryPolicy _retry;
    private readonly IoStatistics _statistics;
    private readonly TimeSpan _readTimeout;
    private readonly IDisposable _slot;
    private readonly Timer _watchdog;

    private RangedResponse? _response;

    /// <summary>The response a read is blocked on, for the watchdog to abort.</summary>
    private RangedResponse? _armed;

    private volatile bool _timedOut;
    private long _position;
    private long? _totalLength;
    private string? _etag;

    /// <summary>Failed attempts since the last byte arrived: the retry budget restarts with progress.</summary>
    private int _failures;

    private bool _disposed;

    private ResilientReadStream(IRangedSource source, IoContext context, IDisposable slot)
    {
        _source = source;
        _retry = context.Retry;
        _statistics = context.Statistics;
        _readTimeout = context.Options.ReadTimeout;
        _slot = slot;
        _watchdog = new Timer(static s => ((ResilientReadStream)s!).OnReadTimeout(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The object's size once a response has told it.</summary>
    public long? TotalLength => _totalLength;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes delivered so far.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Waits for a download slot, then connects (with retries). A permanent failure throws at once.</summary>
    public static ResilientReadStream Open(IRangedSource source, IoContext context)
    {
        var slot = context.Gate.Enter();
        ResilientReadStream? stream = null;
        try
        {
            stream = new ResilientReadStream(source, context, slot);
            stream.Connect(afterFailure: false);
            return stream;
        }
        catch
        {
            if (stream != null)
            {
                stream.Dispose();
            }
            else
            {
                slot.Dispose();
            }

            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_response == null)
        {
            throw new InputException(_source.Location, $"{_source.Location}: the download failed earlier; open it again");
        }

        while (true)
        {
            Debug.Assert(_response != null, "connected between reads");
            int n;
            try
            {
                n = ReadGuarded(_response, buffer);
                if (n == 0 && _totalLength is { } total && _position < total)
                {
                    throw new TransientFailureException(
                        $"{_source.Location}: connection closed after {_position} of {total} bytes");
                }
            }
            catch (Exception e) when (e is not InputException && !_disposed)
            {
                DropResponse();
                if (!TransientErrors.IsTransient(e))
                {
                    // For example the SDK's MD5 check of a whole-object GET: name the object and the offset.
                    throw new InputException(
                        _source.Location,
                        $"{_source.Location}: read failed at byte {_position}: {TransientErrors.Describe(e)}",
                        e);
                }

                _retry.BeforeRetry(_source.Location, e, ++_failures);
                Connect(afterFailure: true);
                continue;
            }

            if (n > 0)
            {
                _position += n;
                _failures = 0;
            }

            return n;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _watchdog.Dispose();
            DropResponse();
            _slot.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Sends requests until one delivers the body at <see cref="_position"/>. After a failure the first request is
    /// counted as a resume (offset above 0) or a retry (offset 0); each further failed request costs budget.
    /// </summary>
    private void Connect(bool afterFailure)
    {
        while (true)
        {
            if (afterFailure)
            {
                if (_position > 0)
                {
                    _statistics.AddResume();
                }
                else
                {
                    _statistics.AddRetry();
                }
            }

            try
            {
                var response = _source.Open(_position, _etag);
                Adopt(response);
                return;
            }
            catch (Exception e) when (e is not InputException)
            {
                DropResponse();
                _retry.BeforeRetry(_source.Location, e, ++_failures);
                afterFailure = true;
            }
        }
    }

    /// <summary>Checks a new response against what earlier ones said, skips what was already delivered, and keeps it.</summary>
    private void Adopt(RangedResponse response)
    {
        _response = response;
        if (_etag == null && _position == 0)
        {
            _etag = response.ETag;
        }
        else if (_etag != null && response.ETag != null && !string.Equals(_etag, response.ETag, StringComparison.Ordinal))
        {
            throw Changed($"ETag was {_etag}, now {response.ETag}");
        }

        if (response.TotalLength is { } total)
        {
            if (_totalLength is { } known && known != total)
            {
                throw Changed($"size was {known}, now {total}");
            }

            _totalLength = total;
        }

        if (response.Start > _position)
        {
            throw new InputException(
                _source.Location,
                $"{_source.Location}: asked for bytes from {_position}, the server answered from {response.Start}");
        }

        if (response.Start < _position)
        {
            // The server ignored the Range header and started again: discard what was already delivered.
            Skip(response, _position - response.Start);
        }
    }

    private void Skip(RangedResponse response, long count)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(SkipBufferSize);
        try
        {
            while (count > 0)
            {
                var n = ReadGuarded(response, scratch.AsSpan(0, (int)Math.Min(count, scratch.Length)));
                if (n == 0)
                {
                    throw new TransientFailureException(
                        $"{_source.Location}: body ended while skipping to byte {_position} (the server ignored the Range header)");
                }

                count -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>One read with the watchdog armed: a read that waits longer than the read timeout aborts the response.</summary>
    private int ReadGuarded(RangedResponse response, Span<byte> buffer)
    {
        _timedOut = false;
        Volatile.Write(ref _armed, response);
        _watchdog.Change(_readTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            return response.Body.Read(buffer);
        }
        catch (Exception e) when (_timedOut)
        {
            throw new TransientFailureException(
                $"{_source.Location}: no data for {_readTimeout.TotalSeconds:0.###} s at byte {_position} (read timeout)",
                inner: e);
        }
        finally
        {
            _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _armed, null);
        }
    }

    private void OnReadTimeout()
    {
        var response = Volatile.Read(ref _armed);
        if (response != null)
        {
            _timedOut = true;
            response.Dispose();
        }
    }

    private void DropResponse()
    {
        _response?.Dispose();
        _response = null;
    }

    private InputException Changed(string detail) =>
        new(_source.Location, $"{_source.Location} changed while it was being read ({detail}); read it again from the start");
}
