namespace BigData.Storage.Inputs;

/// <summary>
/// An input that cannot be found or read: the message names the location (and, for remote inputs, the status or
/// the store's error code). Retrying will not help; transient failures are retried before this is thrown.
/// </summary>
public class InputException : IOException
{
    /// <summary>An error about <paramref name="location"/>.</summary>
    public InputException(string location, string message, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
    }

    /// <summary>The input (or manifest) the error is about.</summary>
    public string Location { get; }
}
