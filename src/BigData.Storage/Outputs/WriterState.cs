namespace BigData.Storage.Outputs;

/// <summary>Shared guard of the writers: nothing may follow <see cref="IKeyCountWriter.Complete"/>.</summary>
internal static class WriterState
{
    public static void ThrowIfCompleted(bool completed)
    {
        if (completed)
        {
            throw new InvalidOperationException("the output part is already complete; nothing can be written after Complete()");
        }
    }
}
