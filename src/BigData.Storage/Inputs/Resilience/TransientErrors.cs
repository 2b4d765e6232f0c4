using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace BigData.Storage.Inputs.Resilience;

/// <summary>Decides which failures are worth another attempt.</summary>
internal static class TransientErrors
{
    /// <summary>S3 error codes that mean "try again later" whatever the status says.</summary>
    private static readonly HashSet<string> TransientS3Codes = new(StringComparer.Ordinal)
    {
        "SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "Throttling", "ThrottlingException",
        "RequestTimeTooSkewed", "OperationAborted",
    };

    /// <summary>True for 408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>True when <paramref name="error"/> (or what it wraps) is a throttle, a server error, a reset or a timeout.</summary>
    public static bool IsTransient(Exception error)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            switch (e)
            {
                case InputException:
                    return false;
                case TransientFailureException:
                    return true;
                case AmazonServiceException service when service.StatusCode != 0:
                    return IsTransientStatus(service.StatusCode)
                        || (service.ErrorCode != null && TransientS3Codes.Contains(service.ErrorCode));
                case HttpRequestException http when http.StatusCode is { } status:
                    return IsTransientStatus(status);
                case HttpRequestException or SocketException or TimeoutException or OperationCanceledException:
                    return true;
                case IOException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The server's requested wait, when the failure carries one.</summary>
    public static TimeSpan? RetryAfter(Exception error)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            if (e is TransientFailureException { RetryAfter: { } wait })
            {
                return wait;
            }
        }

        return null;
    }

    /// <summary>A one-line description of <paramref name="error"/> and what it wraps, for messages.</summary>
    public static string Describe(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e != null && parts.Count < 4; e = e.InnerException)
        {
            var text = e.Message.Trim();
            if (text.Length > 0 && !parts.Exists(p => p.Contains(text, StringComparison.Ordinal)))
            {
                parts.Add(text);
            }
        }

        return parts.Count == 0 ? error.GetType().Name : string.Join(" <- ", parts);
    }
}
