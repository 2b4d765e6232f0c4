namespace BigData.Warc;

public sealed partial class WarcReader
{
    /// <summary>Lenient: a warning through the callback. Strict: the exception.</summary>
    private void Report(long offset, string kind, string message)
    {
        if (_options.Strict)
        {
            throw Fail(offset, kind, message);
        }

        _onWarning?.Invoke(new WarcWarning(_source, offset, kind, message));
    }

    /// <summary>Strict mode: the reader is done (a later TryRead returns false); this is what it throws.</summary>
    private WarcFormatException Fail(long offset, string kind, string message)
    {
        _ended = true;
        return new WarcFormatException(_source, offset, kind, message);
    }

    /// <summary>
    /// The input is used up. <paramref name="cutRecordAt"/> is the offset of a record the input ended inside (dropped).
    /// A decompression error that ended the input is reported here, once the records before it have been returned;
    /// it explains a cut record, so no separate truncation warning is given then.
    /// </summary>
    private Step EndOfInput(long? cutRecordAt)
    {
        _window.Advance(_window.Available);
        _ended = true;
        if (_window.Damage is { } damage)
        {
            if (_options.Strict)
            {
                throw damage.ToException(_source);
            }

            _onWarning?.Invoke(new WarcWarning(_source, damage.Offset, damage.Kind, damage.Message));
        }
        else if (cutRecordAt is long offset)
        {
            Report(offset, WarcWarningKinds.Truncated, "the input ends inside this record; record dropped");
        }

        return Step.End;
    }
}
