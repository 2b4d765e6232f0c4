using System.Net;
using System.Net.Http.Headers;
using BigData.Storage.Inputs.Resilience;

namespace BigData.Storage.Inputs.Http;

/// <summary>GET requests for one URL, from a byte offset when resuming (<c>Range: bytes=N-</c>).</summary>
internal sealed class HttpRangedSource(Uri uri, string location, IoContext context) : IRangedSource
{
    public string Location => location;

    public RangedResponse Open(long offset, string? expectedETag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        HttpResponseMessage response;
        try
        {
            // Synchronous Send: worker threads block on their own socket instead of queueing on the thread pool.
            response = context.Http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (TaskCanceledException e)
        {
            throw new TransientFailureException(
                $"{location}: no response within {context.Options.ResponseTimeout.TotalSeconds:0.###} s", inner: e);
        }

        try
        {
            return Accept(response, offset);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private RangedResponse Accept(HttpResponseMessage response, long offset)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.OK or HttpStatusCode.PartialContent)
        {
            long start = 0;
            var total = response.Content.Headers.ContentLength;
            if (status == HttpStatusCode.PartialContent)
            {
                var range = response.Content.Headers.ContentRange;
                if (range?.From is not { } from)
                {
                    throw new InputException(location, $"{location}: 206 Partial Content without a Content-Range header");
                }

                start = from;
                total = range.Length;
            }
            else if (offset > 0)
            {
                // Range ignored: the body starts at 0 and the caller skips what it already has.
                start = 0;
            }

            var etag = response.Headers.ETag?.ToString();
            var body = response.Content.ReadAsStream();
            return new RangedResponse(body, start, total, etag, response);
        }

        var what = ErrorBodySniffer.Describe(ReadErrorPrefix(response));
        var message = $"{location}: HTTP {(int)status} {response.ReasonPhrase} ({what})";
        if (TransientErrors.IsTransientStatus(status))
        {
            throw new TransientFailureException(message, RetryAfter(response.Headers.RetryAfter));
        }

        throw new InputException(location, message);
    }

    /// <summary>The first bytes of an error body, read with the read timeout so a stalled error page cannot hang a worker.</summary>
    private byte[] ReadErrorPrefix(HttpResponseMessage response)
    {
        using var abort = new Timer(static r => ((HttpResponseMessage)r!).Dispose(), response, context.Options.ReadTimeout, Timeout.InfiniteTimeSpan);
        var buffer = new byte[ErrorBodySniffer.PrefixLength];
        var filled = 0;
        try
        {
            using var body = response.Content.ReadAsStream();
            int n;
            while (filled < buffer.Length && (n = body.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += n;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            // The status line already says what went wrong; the body is only a detail.
        }

        return buffer[..filled];
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
