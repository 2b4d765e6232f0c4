namespace BigData.Storage.Inputs.Resilience;

/// <summary>A failure worth retrying (503, SlowDown, 5xx, 429, a reset, a timeout), with the server's requested wait if any.</summary>
internal sealed class TransientFailureException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : IOException(message, inner)
{
    /// <summary>The wait the server asked for (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
