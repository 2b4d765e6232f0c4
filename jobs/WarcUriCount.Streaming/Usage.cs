namespace WarcUriCount.Streaming;

/// <summary>The help text of <c>warc-uri-count --help</c>.</summary>
internal static class Usage
{
    public const string Text = """
        warc-uri-count: the warc-uri-count job (counts WARC-Target-URI values per key) as Hadoop Streaming executables.

        Usage:
          warc-uri-count map     [options] < input      WARC content or a list of locations on stdin; key<TAB>count on stdout
          warc-uri-count combine [options] < sorted     sums the counts of equal keys (key-sorted key<TAB>count lines)
          warc-uri-count reduce  [options] < sorted     sums the counts of equal keys (key-sorted key<TAB>count lines)

        Job options (as for 'bigdata count'; give the same ones to every stage):
          --key origin|host|seed     key rule (default: origin)
          --types LIST               comma list of WARC-Type values to count, e.g. response (default: every record with a target URI)
          --strict                   fail a file on its first malformed record (default: lenient, warn and resynchronise)
          --max-failed-files N       fail the task (exit 1) when more than N of its files failed (default: unlimited)
          --max-attempts N           attempts per location for I/O errors; damaged data is not retried (default: 2)
          --memory SIZE              map-side combining budget, e.g. 512MB (default: 256MB; beyond it counts are written early)

        Map input:
          --input-style warc|locations|auto
                                     warc: an archive's lines as TextInputFormat delivers them (records found by their shape);
                                     locations: one local path, file://, http(s):// or s3:// location per line (NLineInputFormat's
                                     offset<TAB>location too), each opened, decompressed and read by the mapper;
                                     auto: decide from the first bytes (default)
          --input-base-url URL       prefix for relative location lines, e.g. https://data.commoncrawl.org/ (default: none)
          --s3-region R, --s3-endpoint URL, --s3-anonymous
                                     S3 access, as for 'bigdata count'
          --temp-dir DIR             where a file's counts spill when they outgrow memory (default: $TMPDIR or /tmp)

        Other:
          --status-interval SECONDS  seconds between reporter:status lines on stderr (default: 10)
          --max-line-bytes SIZE      longest combine/reduce input line; longer ones are counted and skipped (default: 256MB)

        Counters and status go to stderr as reporter:counter:warc-uri-count,<name>,<n> and reporter:status:<text>.
        Exit codes: 0 success; 1 task failed (its output must be discarded; Hadoop retries it); 2 bad arguments.
        Hadoop variables honoured: mapreduce_map_input_file, mapreduce_task_partition, stream_map_output_field_separator,
        stream_reduce_input_field_separator, stream_reduce_output_field_separator.

        """;
}
