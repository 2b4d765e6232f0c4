namespace BigData.Storage.Inputs.Resilience;

/// <summary>
/// Exponential backoff with full jitter (a random wait between zero and a ceiling that doubles per failure, capped),
/// honouring a server's <c>Retry-After</c> up to the cap. Counts what it retries in <see cref="IoStatistics"/>.
/// </summary>
public sealed class RetryPolicy(InputOptions options, IoStatistics statistics)
{
    /// <summary>Failed attempts in a row after which an operation gives up is this plus one.</summary>
    public int MaxRetries => options.MaxRetries;

    /// <summary>The statistics retries are counted in.</summary>
    public IoStatistics Statistics => statistics;

    /// <summary>The wait before the attempt that follows failure number <paramref name="failures"/> (1-based).</summary>
    public TimeSpan Delay(int failures, TimeSpan? retryAfter)
    {
        var max = options.MaxBackoff;
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < max ? asked : max;
        }

        // Ceiling = initial * 2^(failures-1), computed in doubles so a large failure count cannot overflow.
        var ceilingTicks = Math.Min(max.Ticks, options.InitialBackoff.Ticks * Math.Pow(2, Math.Min(failures - 1, 62)));
        return TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * ceilingTicks));
    }

    /// <summary>
    /// Decides what happens after failure number <paramref name="failures"/> of an operation on
    /// <paramref name="location"/>: rethrows at once when the failure is permanent, throws "giving up after N
    /// attempts" when the budget is spent, otherwise sleeps the backoff and returns so the caller tries again.
    /// </summary>
    public void BeforeRetry(string location, Exception failure, int failures)
    {
        if (!TransientErrors.IsTransient(failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (failures > options.MaxRetries)
        {
            throw new InputException(
                location,
                $"giving up on {location} after {failures} attempts: {TransientErrors.Describe(failure)}",
                failure);
        }

        var wait = Delay(failures, TransientErrors.RetryAfter(failure));
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }
    }

    /// <summary>
    /// Runs a request-response operation (an S3 listing page, an upload) with retries, counting each retry in
    /// <c>io.retries</c>. <paramref name="operation"/> must be safe to repeat.
    /// </summary>
    public T Run<T>(string location, Func<T> operation)
    {
        for (var failures = 0; ; )
        {
            try
            {
                return operation();
            }
            catch (Exception e) when (e is not InputException)
            {
                BeforeRetry(location, e, ++failures);
                statistics.AddRetry();
            }
        }
    }
}
