namespace WarcUriCount.SparkPlan;

/// <summary>
/// Record-aware reading with built-in functions only. Spark's text source splits the uncompressed stream on
/// <see cref="Separator"/> (Hadoop's LineRecordReader with a custom delimiter), so one row is one WARC record: the
/// first row of a file still starts with <c>WARC/</c>, the others start right after it, with the version number.
/// Each row is then checked against its own Content-Length, byte-exactly, so that a payload that happens to contain
/// the separator, or a record whose version line the separator does not match, is detected instead of miscounted.
/// </summary>
public static class RecordFraming
{
    /// <summary>
    /// The record separator: an LF followed by <c>WARC/</c>. Every record after the first starts on a new line, after the
    /// previous record's CRLF CRLF (or LF LF), and no header line can start with <c>WARC/</c>.
    /// </summary>
    public const string Separator = "\nWARC/";

    /// <summary>
    /// What may follow a record's block in its row: CRLF CRLF or LF LF, without the final LF when the separator took it
    /// (every record but the last of a file).
    /// </summary>
    public static IReadOnlyList<byte[]> Trailers { get; } =
        [[0x0A], [0x0A, 0x0A], [0x0D, 0x0A, 0x0D], [0x0D, 0x0A, 0x0D, 0x0A]];

    /// <summary>
    /// The local reader's limit on a header block (WarcReaderOptions.MaxHeaderBytes, 1 MiB), which drops a longer
    /// record. A row whose head (version line to empty line) is longer is refused (<see cref="ProblemKinds.HeaderTooLong"/>).
    /// </summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>
    /// Stages (for <c>selectExpr</c>, applied in order to the text source's <c>value</c> column) that end with the
    /// columns <c>file, is_record, type, has_uri, uri, head_ok, length_ok</c>.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Stages()
    {
        const string Bin = "CAST(body AS BINARY)";
        var versionPrefixes = string.Join(", ", new[] { "WARC/"u8.ToArray(), "warc/"u8.ToArray() }.Select(b => SqlText.BinaryLiteral(b)));
        var trailers = string.Join(", ", Trailers.Select(t => SqlText.BinaryLiteral(t)));

        return
        [
            [
                "input_file_name() AS file",
                // Only the first row of a file keeps "WARC/" (the separator took it from the others); byte-exact cut.
                $"IF(substring(CAST(value AS BINARY), 1, 5) IN ({versionPrefixes}), CAST(substring(CAST(value AS BINARY), 6) AS STRING), value) AS body",
            ],
            [
                "file", "body",
                "octet_length(body) AS body_len",
                // substring_index searches bytes and returns the whole string when the delimiter is absent.
                $"octet_length(substring_index(body, {Sql.Lit("\n\n")}, 1)) AS lf_end",
                $"octet_length(substring_index(body, {Sql.Lit("\n\r\n")}, 1)) AS crlf_end",
            ],
            [
                "file", "body", "body_len",
                // The header block ends with the first empty line, LF or CRLF; -1 when there is none.
                "IF(lf_end < body_len AND (crlf_end >= body_len OR lf_end + 2 < crlf_end + 3), lf_end + 2, IF(crlf_end < body_len, crlf_end + 3, -1)) AS head_len",
            ],
            [
                "file", "body", "body_len", "head_len",
                $"IF(head_len >= 0, CAST(substring({Bin}, 1, head_len) AS STRING), NULL) AS head",
            ],
            [
                "file", "body", "body_len", "head_len",
                Sql.As(Sql.RLike("head", JavaRegex.VersionLine), "is_record"),
                Sql.As(Sql.HeaderFirstLineValue("head", "content-length"), "cl_raw"),
                Sql.As(Sql.HeaderValue("head", "warc-type"), "type_raw"),
                Sql.As(Sql.RegexpReplace(Sql.HeaderValue("head", "warc-target-uri"), JavaRegex.AngleBrackets, "$1"), "uri"),
            ],
            [
                "file", "body", "body_len", "head_len", "is_record", "uri",
                Sql.As(Sql.AsciiLower("type_raw"), "type"),
                // As the reader: an absent or empty target URI (also "<>") is no URI.
                "COALESCE(uri <> '', false) AS has_uri",
                $"IF({Sql.RLike("cl_raw", JavaRegex.ContentLengthDigits)}, body_len - head_len - CAST(cl_raw AS BIGINT), NULL) AS tail_len",
            ],
            [
                "file", "is_record", "type", "has_uri", "uri",
                // The reader drops a record whose header block is longer than its limit; the head here holds a little more.
                $"head_len <= {MaxHeaderBytes} AS head_ok",
                // Compare only the bytes after the block; the IF keeps the int cast in range (ANSI mode would fail it).
                $"COALESCE(IF(tail_len >= 1 AND tail_len <= 4, substring({Bin}, CAST(body_len - tail_len + 1 AS INT)) IN ({trailers}), false), false) AS length_ok",
            ],
        ];
    }
}
