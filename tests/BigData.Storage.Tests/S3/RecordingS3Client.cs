using System.Collections.Concurrent;
using System.Reflection;
using Amazon.S3;

namespace BigData.Storage.Tests.S3;

/// <summary>
/// An <see cref="IAmazonS3"/> that forwards every call to a real client and records (operation, key) in call order,
/// optionally failing one operation on one key: shows what the committer asked for and in which order.
/// </summary>
public class RecordingS3Client : DispatchProxy
{
    private IAmazonS3 _inner = null!;
    private Func<string, string?, Exception?> _fault = (_, _) => null;

    /// <summary>Calls in order, for example <c>("PutObject", "out/part-00000")</c>.</summary>
    public ConcurrentQueue<(string Operation, string? Key)> Calls { get; } = new();

    public static (IAmazonS3 Client, RecordingS3Client Recorder) Wrap(IAmazonS3 inner, Func<string, string?, Exception?>? fault = null)
    {
        var proxy = Create<IAmazonS3, RecordingS3Client>();
        var recorder = (RecordingS3Client)(object)proxy;
        recorder._inner = inner;
        recorder._fault = fault ?? recorder._fault;
        return (proxy, recorder);
    }

    public IEnumerable<string?> KeysOf(string operation) => Calls.Where(c => c.Operation == operation).Select(c => c.Key);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var operation = targetMethod.Name.EndsWith("Async", StringComparison.Ordinal) ? targetMethod.Name[..^5] : targetMethod.Name;
        var key = KeyOf(args);
        if (targetMethod.Name != nameof(IDisposable.Dispose))
        {
            Calls.Enqueue((operation, key));
            if (_fault(operation, key) is { } error)
            {
                throw error;
            }
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static string? KeyOf(object?[]? args)
    {
        if (args is not { Length: > 0 })
        {
            return null;
        }

        if (args[0] is string && args.Length > 1 && args[1] is string key)
        {
            return key; // (bucket, key, ...) overloads.
        }

        return args[0]?.GetType().GetProperty("Key")?.GetValue(args[0]) as string;
    }
}
