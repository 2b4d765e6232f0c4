using System.Text;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>One row of a plan's last stage as the Java checker evaluated it.</summary>
public sealed class PlanRow(IReadOnlyDictionary<string, object?> columns)
{
    public IReadOnlyDictionary<string, object?> Columns { get; } = columns;

    /// <summary>A string column as UTF-8 bytes, or null.</summary>
    public byte[]? Bytes(string name) => (byte[]?)Columns[name];

    /// <summary>A string column decoded (for readable assertions), or null.</summary>
    public string? Text(string name) => Bytes(name) is { } b ? Encoding.UTF8.GetString(b) : null;

    public string? Key => Text("key");

    public string Status => Text("status") ?? throw new InvalidOperationException("status is null");

    public string Problem => Text("problem") ?? "";

    public override string ToString() =>
        string.Join(", ", Columns.Select(c => c.Key + "=" + (c.Value is byte[] b ? Encoding.UTF8.GetString(b) : c.Value?.ToString() ?? "NULL")));
}
