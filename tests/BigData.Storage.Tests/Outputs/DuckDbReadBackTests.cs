using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BigData.Storage.Outputs;
using TestSupport.DuckDb;

namespace BigData.Storage.Tests.Outputs;

/// <summary>
/// Every output format, read back by DuckDB (an independent reader), must give exactly the rows that were written
/// (what the TSV would hold, with invalid UTF-8 shown as U+FFFD), with the right schema, and Parquet's metadata
/// must describe the file truthfully.
/// </summary>
public sealed class DuckDbReadBackTests(DuckDbReadBackFixture fixture) : IClassFixture<DuckDbReadBackFixture>
{
    public static TheoryData<string, string, string> AllCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var scenario in OutputScenario.All)
        {
            foreach (var variant in OutputVariant.All)
            {
                data.Add(scenario.Name, variant.Format, variant.Compress);
            }
        }

        return data;
    }

    public static TheoryData<string, string> ParquetCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in OutputScenario.All)
        {
            data.Add(scenario.Name, "none");
            data.Add(scenario.Name, "gzip");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void ReadBack_ScenarioInFormat_EqualsWrittenRowsInOrder(string scenarioName, string format, string compress)
    {
        var scenario = OutputScenario.Named(scenarioName);
        var result = fixture.Result(scenario, new OutputVariant(format, compress), "rows");

        var expected = scenario.Rows.Select(r => (r.Text, r.Count)).ToList();
        var actual = result.Rows.Select((_, i) => (result.Value(i, "key").GetString()!, AsLong(result.Value(i, "count")))).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"row {i}: expected {Show(expected[i])}, DuckDB read {Show(actual[i])}");
        }
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void ReadBack_ScenarioInFormat_KeyIsVarcharAndCountIsBigint(string scenarioName, string format, string compress)
    {
        var scenario = OutputScenario.Named(scenarioName);
        var variant = new OutputVariant(format, compress);
        var result = fixture.Result(scenario, variant, "rows");
        if (scenario.Rows.Count == 0 && format == "jsonl")
        {
            // An empty JSON Lines file has no objects to take column names from: nothing to check but "no rows".
            Assert.Empty(result.Rows);
            return;
        }

        Assert.Equal(["key", "count"], result.Columns);
        if (scenario.Rows.Count > 0 || variant.IsParquet)
        {
            // Text formats carry no types: DuckDB infers them from the values, so only non-empty files tell.
            Assert.Equal(["VARCHAR", "BIGINT"], result.Types);
        }
    }

    [Theory]
    [MemberData(nameof(ParquetCases))]
    public void ParquetSchema_AnyScenario_RequiredUtf8StringKeyAndInt64Count(string scenarioName, string compress)
    {
        var schema = fixture.Result(OutputScenario.Named(scenarioName), new OutputVariant("parquet", compress), "schema");

        Assert.Equal(3, schema.Rows.Count);
        Assert.Equal("schema", Text(schema.Value(0, "name")));
        Assert.Equal("2", Text(schema.Value(0, "num_children")));

        Assert.Equal("key", Text(schema.Value(1, "name")));
        Assert.Equal("BYTE_ARRAY", Text(schema.Value(1, "type")));
        Assert.Equal("REQUIRED", Text(schema.Value(1, "repetition_type")));
        Assert.Equal("UTF8", Text(schema.Value(1, "converted_type")));
        Assert.Equal("StringType()", Text(schema.Value(1, "logical_type")));

        Assert.Equal("count", Text(schema.Value(2, "name")));
        Assert.Equal("INT64", Text(schema.Value(2, "type")));
        Assert.Equal("REQUIRED", Text(schema.Value(2, "repetition_type")));
        Assert.Null(Text(schema.Value(2, "logical_type")));
    }

    [Theory]
    [MemberData(nameof(ParquetCases))]
    public void ParquetMetadata_AnyScenario_RowGroupsAndStatisticsDescribeTheRows(string scenarioName, string compress)
    {
        var scenario = OutputScenario.Named(scenarioName);
        var variant = new OutputVariant("parquet", compress);
        var metadata = fixture.Result(scenario, variant, "metadata");
        var file = fixture.Result(scenario, variant, "file");

        Assert.Equal(scenario.Rows.Count.ToString(CultureInfo.InvariantCulture), Text(file.Value(0, "num_rows")));
        Assert.StartsWith("bigdata version ", Text(file.Value(0, "created_by")));
        Assert.Equal("1", Text(file.Value(0, "format_version")));
        Assert.Equal(2, file.Value(0, "column_orders").GetArrayLength());
        Assert.All(file.Value(0, "column_orders").EnumerateArray(), o => Assert.Contains("TYPE_ORDER", o.GetString()));

        // Two column chunks (key, count) per row group, in order; each row group covers the next rows.
        Assert.Equal(0, metadata.Rows.Count % 2);
        var groups = metadata.Rows.Count / 2;
        Assert.Equal(groups.ToString(CultureInfo.InvariantCulture), Text(file.Value(0, "num_row_groups")));
        var first = 0;
        for (var g = 0; g < groups; g++)
        {
            int keyRow = 2 * g, countRow = (2 * g) + 1;
            var rows = (int)AsLong(metadata.Value(keyRow, "row_group_num_rows"));
            Assert.True(rows > 0, $"row group {g} is empty");
            var slice = scenario.Rows.Skip(first).Take(rows).ToList();
            Assert.Equal(rows, slice.Count);
            first += rows;

            Assert.Equal("key", Text(metadata.Value(keyRow, "path_in_schema")));
            Assert.Equal("count", Text(metadata.Value(countRow, "path_in_schema")));
            foreach (var row in new[] { keyRow, countRow })
            {
                Assert.Equal(rows, AsLong(metadata.Value(row, "num_values")));
                Assert.Equal("0", Text(metadata.Value(row, "stats_null_count")));
                Assert.Equal(compress == "gzip" ? "GZIP" : "UNCOMPRESSED", Text(metadata.Value(row, "compression")));
                Assert.Equal("PLAIN", Text(metadata.Value(row, "encodings")));
            }

            var keys = slice.Select(r => r.Text).Order(ByteOrder.Instance).ToList();
            var longest = (scenario.Parquet.MaxStatisticsBytes, Encoding.UTF8.GetByteCount(keys[^1]));
            Assert.Equal(keys[0], Text(metadata.Value(keyRow, "stats_min_value")));
            Assert.Equal(longest.Item2 <= longest.Item1 ? keys[^1] : null, Text(metadata.Value(keyRow, "stats_max_value")));
            Assert.Equal(slice.Min(r => r.Count).ToString(CultureInfo.InvariantCulture), Text(metadata.Value(countRow, "stats_min_value")));
            Assert.Equal(slice.Max(r => r.Count).ToString(CultureInfo.InvariantCulture), Text(metadata.Value(countRow, "stats_max_value")));
        }

        Assert.Equal(scenario.Rows.Count, first);
    }

    [Fact]
    public void ParquetMetadata_ManyRowsWithTinyLimits_SeveralRowGroupsOfBoundedPages()
    {
        var scenario = OutputScenario.Many;
        var options = scenario.Parquet;
        foreach (var compress in new[] { "none", "gzip" })
        {
            var variant = new OutputVariant("parquet", compress);
            var metadata = fixture.Result(scenario, variant, "metadata");
            var bytes = File.ReadAllBytes(fixture.File(scenario, variant).Path);
            Assert.True(metadata.Rows.Count / 2 >= 3, $"{compress}: expected several row groups, got {metadata.Rows.Count / 2}");

            for (var row = 0; row < metadata.Rows.Count; row++)
            {
                var isKey = Text(metadata.Value(row, "path_in_schema")) == "key";
                var numRows = AsLong(metadata.Value(row, "row_group_num_rows"));
                var pages = ParquetPages.Read(
                    bytes, AsLong(metadata.Value(row, "data_page_offset")), AsLong(metadata.Value(row, "total_compressed_size")));

                Assert.True(pages.Count > 1, $"{compress}: a column chunk of {numRows} rows should span several pages");
                Assert.Equal(numRows, pages.Sum(p => (long)p.NumValues));
                Assert.All(pages, p => Assert.True(p.UncompressedSize <= options.PageBytes, $"page of {p.UncompressedSize} bytes"));
                Assert.All(pages, p => Assert.Equal(0, p.Type)); // DATA_PAGE
                Assert.All(pages, p => Assert.Equal(0, p.Encoding)); // PLAIN
                if (compress == "none")
                {
                    Assert.All(pages, p => Assert.Equal(p.UncompressedSize, p.CompressedSize));
                }

                // Buffered bytes (keys with length prefixes, plus 8 per count) stop at about the row group limit.
                if (isKey)
                {
                    var rowGroupBytes = pages.Sum(p => (long)p.UncompressedSize) + (8 * numRows);
                    Assert.True(rowGroupBytes < options.RowGroupBytes + 200, $"row group holds {rowGroupBytes} bytes of values");
                }
            }
        }
    }

    [Fact]
    public void ParquetMetadata_UnicodeKeys_MinAndMaxFollowUtf8ByteOrderNotUtf16()
    {
        var metadata = fixture.Result(OutputScenario.Unicode, new OutputVariant("parquet", "none"), "metadata");

        Assert.Equal("http://bücher.example", Text(metadata.Value(0, "stats_min_value")));
        Assert.Equal("http://😀.example", Text(metadata.Value(0, "stats_max_value")));
    }

    [Fact]
    public void ParquetMetadata_InvalidUtf8Keys_BoundsAreThoseOfTheRepairedText()
    {
        var metadata = fixture.Result(OutputScenario.InvalidUtf8, new OutputVariant("parquet", "none"), "metadata");

        // a\xFF became a\uFFFD, which sorts before a😀 although a\xFF came after it: min is not the first key.
        Assert.Equal("a\uFFFD", Text(metadata.Value(0, "stats_min_value")));
        Assert.Equal("d.example", Text(metadata.Value(0, "stats_max_value")));
    }

    [Fact]
    public void ParquetMetadata_KeyLongerThanStatisticsLimit_MaxStatisticLeftOut()
    {
        var metadata = fixture.Result(OutputScenario.LongKey, new OutputVariant("parquet", "none"), "metadata");

        Assert.Equal("a", Text(metadata.Value(0, "stats_min_value")));
        Assert.Null(Text(metadata.Value(0, "stats_max_value")));
    }

    [Fact]
    public void ParquetMetadata_EmptyOutput_NoRowGroups()
    {
        var metadata = fixture.Result(OutputScenario.Empty, new OutputVariant("parquet", "none"), "metadata");

        Assert.Empty(metadata.Rows);
    }

    [Theory]
    [InlineData("parquet", "none")]
    [InlineData("parquet", "gzip")]
    [InlineData("csv", "none")]
    [InlineData("csv", "gzip")]
    [InlineData("jsonl", "none")]
    [InlineData("jsonl", "gzip")]
    public void InvalidUtf8Keys_InvalidKeysWritten_CountedByTheWriter(string format, string compress)
    {
        Assert.Equal(4, fixture.File(OutputScenario.InvalidUtf8, new OutputVariant(format, compress)).InvalidUtf8Keys);
        Assert.Equal(0, fixture.File(OutputScenario.Unicode, new OutputVariant(format, compress)).InvalidUtf8Keys);
    }

    [Fact]
    public void ParquetFile_AnyScenario_StartsAndEndsWithMagicAroundTheFooterLength()
    {
        foreach (var scenario in OutputScenario.All)
        {
            var bytes = File.ReadAllBytes(fixture.File(scenario, new OutputVariant("parquet", "none")).Path);
            Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
            Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
            var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
            Assert.InRange(footerLength, 1, bytes.Length - 12);

            // The footer decodes as one struct that ends exactly at the length field.
            var reader = new CompactThriftReader(bytes, bytes.Length - 8 - footerLength);
            var footer = reader.ReadStruct();
            Assert.Equal(bytes.Length - 8, reader.Position);
            Assert.Equal((long)scenario.Rows.Count, footer[3]);
        }
    }

    private static long AsLong(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static string Show((string Key, long Count) row) => JsonSerializer.Serialize(row.Key) + "\t" + row.Count;
}
