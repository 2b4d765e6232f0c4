namespace WarcUriCount.Spark.Tests.Support;

/// <summary>
/// What Spark's text source (Hadoop's LineRecordReader with a custom delimiter) makes of a file: the bytes split at every
/// occurrence of the delimiter, found left to right, the delimiter dropped; text after the last delimiter is a row when it
/// is not empty; two adjacent delimiters give an empty row.
/// </summary>
public static class HadoopTextSplit
{
    public static List<byte[]> Split(ReadOnlySpan<byte> data, ReadOnlySpan<byte> delimiter)
    {
        var rows = new List<byte[]>();
        while (true)
        {
            var at = data.IndexOf(delimiter);
            if (at < 0)
            {
                if (data.Length > 0)
                {
                    rows.Add(data.ToArray());
                }

                return rows;
            }

            rows.Add(data[..at].ToArray());
            data = data[(at + delimiter.Length)..];
        }
    }
}
